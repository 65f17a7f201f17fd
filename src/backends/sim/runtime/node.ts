import type { Api } from '../api/types.js';
import { Vfs } from './fs/vfs.js';
import { imageTree, resolvConf } from './fs/rootfs.js';
import { GENERIC_PROFILE } from './images/profiles.js';
import type { ImageProfile } from './images/types.js';
import { createNetwork, type PodDirectory } from './net/cluster.js';
import { Shell, AbortedError } from './shell/interp.js';
import { Input, terminalSink, type Sink } from './shell/types.js';
import { command } from './commands/index.js';
import { STATIC_POD_PATH } from './static-pods.js';

type Json = Record<string, unknown>;

/** A kind node container: Debian with bash, curl and the usual tools. */
export const NODE_PROFILE: ImageProfile = {
  ...GENERIC_PROFILE,
  id: 'kind-node',
  generic: false,
  curl: '7.88.1',
  nslookup: 'bind',
  bins: { '/usr/bin': [...(GENERIC_PROFILE.bins['/usr/bin'] ?? []), 'curl', 'ping', 'nslookup', 'getent'] },
};

/**
 * A node's filesystem, made on first use and kept in `nodeFiles`: what the node shell sees, and
 * where hostPath volumes of the node's pods live.
 */
export function nodeFilesystem(api: Api, node: string, nodeFiles: Map<string, Vfs>): { vfs: Vfs; ip: string } {
  const nodes = api.resolve('nodes');
  const obj = nodes ? api.find(nodes, undefined, node) : undefined;
  const ip = String(((((obj?.['status'] as Json) ?? {})['addresses'] as Json[]) ?? []).find((a) => a['type'] === 'InternalIP')?.['address'] ?? '172.18.0.2');
  let vfs = nodeFiles.get(`${node}@${ip}`);
  if (!vfs) {
    vfs = new Vfs(() => api.ctx.clock.now());
    imageTree(vfs, NODE_PROFILE, { host: node });
    vfs.writeFile('/etc/hostname', `${node}\n`);
    // The kubelet's static pod directory (kind's staticPodPath). The control plane's own manifests
    // are not laid down: their mirror pods exist from the start (controllers/stages/kind-system.ts).
    vfs.mkdir(STATIC_POD_PATH, { parents: true, force: true });
    vfs.writeFile('/etc/hosts', `127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n${ip}\t${node}\n`);
    // kind nodes resolve through the host's resolver, not the cluster DNS.
    vfs.writeFile('/etc/resolv.conf', resolvConf('default', '172.18.0.1').replace(/^search .*\n/, ''));
    nodeFiles.set(`${node}@${ip}`, vfs);
  }
  return { vfs, ip };
}

/**
 * Runs `bash -c command` on a node; `nodeFiles` keeps each node's filesystem across calls. With
 * `tty`, its output is a terminal (a terminal merges stdout and stderr; both are kept in order).
 */
export async function nodeShell(
  api: Api,
  node: string,
  command_: string,
  timeoutMs: number,
  pods: PodDirectory,
  speed: number,
  nodeFiles: Map<string, Vfs>,
  tty = false,
): Promise<{ stdout: string; stderr: string; exitCode: number }> {
  const { vfs, ip } = nodeFilesystem(api, node, nodeFiles);
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), timeoutMs);
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  const net = createNetwork(api, pods, 'default', ip);
  // Names under cluster.local do not resolve on a node (no cluster DNS in its resolv.conf).
  const nodeNet = {
    ...net,
    resolve: (name: string, ns: string) => (/^\d+\.\d+\.\d+\.\d+$/.test(name) || name === 'localhost' ? net.resolve(name, ns) : undefined),
  };
  const sh = new Shell({
    host: {
      vfs,
      profile: NODE_PROFILE,
      image: 'kindest/node',
      hostname: node,
      ip,
      clock: api.ctx.clock,
      speed,
      sleepCapMs: timeoutMs,
      net: nodeNet,
      signal: abort.signal,
    },
    kind: 'bash',
    name: 'bash',
    env: { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', HOME: '/root', HOSTNAME: node },
    cwd: '/',
    commands: command,
  });
  try {
    const toOut: Sink = (c) => void out.push(Buffer.from(c));
    const toErr: Sink = (c) => void (tty ? out : err).push(Buffer.from(c));
    const exitCode = await sh.run(command_, { stdin: new Input(), out: tty ? terminalSink(toOut) : toOut, err: tty ? terminalSink(toErr) : toErr });
    return { stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString(), exitCode };
  } catch (e) {
    if (!(e instanceof AbortedError)) throw e;
    return { stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString() + `timed out after ${timeoutMs} ms\n`, exitCode: 124 };
  } finally {
    clearTimeout(timer);
  }
}
