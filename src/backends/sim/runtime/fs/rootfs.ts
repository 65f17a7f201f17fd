import { posix } from 'node:path';
import type { KObject } from '../../types.js';
import type { ImageProfile } from '../images/types.js';
import { binaryFor } from '../shell/resolve.js';
import { Vfs, type VNode } from './vfs.js';
import { buildVolume, serviceAccountVolume, type VolumeContext } from './volumes.js';
import { hostnameOf } from '../env.js';

type Json = Record<string, unknown>;

const SA_PATH = '/var/run/secrets/kubernetes.io/serviceaccount';

/** /etc/hosts as kubelet writes it for a pod (not hostNetwork). */
export function etcHosts(pod: KObject): string {
  const spec = (pod['spec'] as Json) ?? {};
  const ip = String(((pod['status'] as Json) ?? {})['podIP'] ?? '');
  const host = hostnameOf(pod);
  const ns = pod.metadata.namespace ?? 'default';
  let out =
    '# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n';
  if (ip) out += spec['subdomain'] ? `${ip}\t${host}.${String(spec['subdomain'])}.${ns}.svc.cluster.local\t${host}\n` : `${ip}\t${host}\n`;
  const aliases = (spec['hostAliases'] as Json[]) ?? [];
  if (aliases.length) {
    out += '\n# Entries added by HostAliases.\n';
    for (const a of aliases) out += `${String(a['ip'])}\t${((a['hostnames'] as string[]) ?? []).join('\t')}\n`;
  }
  return out;
}

/** /etc/resolv.conf for ClusterFirst DNS in a kind cluster. */
export function resolvConf(namespace: string, nameserver: string): string {
  return `search ${namespace}.svc.cluster.local svc.cluster.local cluster.local\nnameserver ${nameserver}\noptions ndots:5\n`;
}

/** Lays down an image: standard directories, executables, and the profile's files. */
export function imageTree(vfs: Vfs, profile: ImageProfile, vars: Record<string, string>): void {
  const usrMerged = profile.userland === 'gnu';
  for (const d of [
    '/dev',
    '/etc',
    '/home',
    '/proc',
    '/root',
    '/run',
    '/sys',
    '/tmp',
    '/usr/bin',
    '/usr/sbin',
    '/usr/local/bin',
    '/usr/share',
    '/var/log',
    '/var/run',
    '/var/tmp',
  ]) {
    vfs.mkdir(d, { parents: true, force: true });
  }
  // Debian's base-files make the empty FHS mount points too (busybox images have none of them).
  if (usrMerged) for (const d of ['/boot', '/media', '/mnt', '/opt', '/srv']) vfs.mkdir(d, { force: true });
  if (usrMerged) {
    vfs.symlink('usr/bin', '/bin');
    vfs.symlink('usr/sbin', '/sbin');
  } else {
    vfs.mkdir('/bin', { force: true });
    vfs.mkdir('/sbin', { force: true });
  }
  vfs.stat('/tmp').mode = 0o1777;
  vfs.stat('/root').mode = 0o700;
  vfs.writeFile('/dev/null', '', { mode: 0o666 });
  if (profile.userland === 'busybox') vfs.writeFile('/bin/busybox', binaryFor('busybox'), { mode: 0o755 });
  for (const [dir, names] of Object.entries(profile.bins)) {
    for (const n of names) {
      const path = posix.join(dir, n);
      if (profile.userland === 'busybox' && dir === '/bin') vfs.writeFile(path, binaryFor('busybox'), { mode: 0o755 });
      else vfs.writeFile(path, binaryFor(n), { mode: 0o755 });
    }
  }
  if (profile.shell !== 'none' && !vfs.lookup('/bin/sh')) vfs.writeFile('/bin/sh', binaryFor('sh'), { mode: 0o755 });
  for (const [path, content] of Object.entries(profile.files)) {
    vfs.mkdir(posix.dirname(path), { parents: true, force: true });
    vfs.writeFile(
      path,
      content.replace(/\{\{(\w+)\}\}/g, (m, k: string) => vars[k] ?? m),
      { force: true },
    );
  }
}

/** Every file a container sees: image tree, kubelet-managed /etc files, volumes at their mounts. */
export function buildRootfs(
  pod: KObject,
  container: Json,
  profile: ImageProfile,
  vc: VolumeContext,
  nameserver: string,
  podVolumes = new Map<string, VNode>(),
): Vfs {
  const vfs = new Vfs(() => vc.now);
  const host = hostnameOf(pod);
  imageTree(vfs, profile, { host, version: profile.version ?? '' });
  if (profile.shell === 'none') {
    const sh = vfs.lookup('/bin/sh', '/', false);
    if (sh) vfs.remove('/bin/sh');
  }
  vfs.writeFile('/etc/hostname', host + '\n', { force: true });
  vfs.writeFile('/etc/hosts', etcHosts(pod), { force: true });
  vfs.writeFile('/etc/resolv.conf', resolvConf(pod.metadata.namespace ?? 'default', nameserver), { force: true });
  const spec = (pod['spec'] as Json) ?? {};
  const volumes = new Map<string, Json>(((spec['volumes'] as Json[]) ?? []).map((v) => [String(v['name']), v]));
  const mounts = [...(((container['volumeMounts'] as Json[]) ?? []) as Json[])];
  const automount = spec['automountServiceAccountToken'] !== false && container['automountServiceAccountToken'] !== false;
  if (automount && !mounts.some((m) => m['mountPath'] === SA_PATH)) {
    const name = 'kube-api-access-sim';
    volumes.set(name, serviceAccountVolume(name));
    mounts.push({ name, mountPath: SA_PATH, readOnly: true });
  }
  const built = podVolumes;
  for (const m of mounts) {
    const vol = volumes.get(String(m['name']));
    if (!vol) continue;
    let node: VNode = built.get(String(m['name'])) ?? buildVolume(vol, vc);
    built.set(String(m['name']), node);
    const sub = m['subPath'] ? String(m['subPath']) : m['subPathExpr'] ? String(m['subPathExpr']) : '';
    if (sub) {
      const tmp = new Vfs(() => vc.now);
      tmp.mount('/v', node);
      let target = tmp.lookup(`/v/${sub}`);
      if (!target && node.type === 'dir' && !node.readOnly) target = tmp.mkdir(`/v/${sub}`, { parents: true, force: true });
      if (!target) continue;
      // subPath mounts of ConfigMaps/Secrets are copies that are not updated.
      node = target.type === 'file' ? { ...target, data: Buffer.from(target.data) } : target;
    }
    if (m['readOnly'] && node.type === 'dir' && !node.readOnly) node = { ...node, readOnly: true } as VNode;
    vfs.mount(String(m['mountPath']), node);
  }
  return vfs;
}
