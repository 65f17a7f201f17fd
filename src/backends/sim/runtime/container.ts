import { isAddonPod } from '../api/addons.js';
import type { Api } from '../api/types.js';
import type { KObject } from '../types.js';
import type { Clock } from '../clock.js';
import { Vfs, type VNode } from './fs/vfs.js';
import { buildRootfs } from './fs/rootfs.js';
import { writeProc } from './fs/proc.js';
import type { SharedVolumes } from './fs/volumes.js';
import { containerEnv, expandRefs, hostnameOf } from './env.js';
import { profileFor, type ImageProfile } from './images/index.js';
import { LogBuffer } from './logs.js';
import { listeners, goTime, type AppHost } from './net/apps.js';
import type { Network, Service } from './net/types.js';
import { NAMESERVER } from './net/cluster.js';
import { Shell } from './shell/interp.js';
import { Input, type Host, type Io } from './shell/types.js';
import { command } from './commands/index.js';
import { identityOf, type Identity } from './identity.js';
import { workerPids } from './machine.js';

type Json = Record<string, unknown>;

/** One started container: its files, environment, main process and log. */
export interface ContainerRecord {
  name: string;
  image: string;
  init: boolean;
  profile: ImageProfile;
  vfs: Vfs;
  env: Record<string, string>;
  /** command + args of the main process. */
  argv: string[];
  workdir: string;
  log: LogBuffer;
  /** Aborts the main process (pod removed). */
  stop: AbortController;
  /** Ends the image's own server (pid 1) with an exit code, as a signal it handles does; set while it runs. */
  endMain?: (code: number) => void;
  app: AppHost;
  /** Set when the main process has ended by itself. */
  exitCode?: number;
  /** Who its processes run as. */
  user: Identity;
}

/** Everything a pod needs from the runtime to start its containers. */
export interface StartContext {
  api: Api;
  now: () => Date;
  speed: number;
  nanos: number;
  shared: SharedVolumes;
  services: Record<string, string>;
  caPem?: string;
  warn(note: string): void;
  network(namespace: string, selfIP: string): Network;
}

/**
 * The main process argv: command/args from the pod, else the image's entrypoint/cmd. As kubelet
 * does (ExpandContainerCommandAndArgs), `$(VAR)` in the pod's command and args is replaced by the
 * container's variable; a reference to no variable stays as written, `$$` is a literal `$`. The
 * image's own entrypoint and cmd are not expanded. An official image's `docker-entrypoint.sh`
 * starts its server when the first argument is the server program or an option for it (`mysqld`,
 * `--port=…`; the profile's `serverArg`, redis' `*.conf`), and otherwise `exec "$@"`: `kubectl run --image=mysql -- mysql -h db` runs the
 * client, `--image=nginx -- sh -c …` runs sh.
 */
export function mainArgv(c: Json, profile: ImageProfile, env: Record<string, string> = {}): string[] {
  const command = (c['command'] as string[] | undefined)?.map((w) => expandRefs(w, env));
  const args = (c['args'] as string[] | undefined)?.map((w) => expandRefs(w, env));
  const argv = command ? [...command, ...(args ?? [])] : [...(profile.entrypoint ?? []), ...(args ?? profile.cmd ?? [])];
  const base = (s: string | undefined): string => s?.split('/').pop() ?? '';
  const entry = profile.entrypoint?.[0];
  if (!entry || base(entry) !== 'docker-entrypoint.sh' || base(argv[0]) !== 'docker-entrypoint.sh' || argv.length < 2) return argv;
  const first = argv[1]!;
  if ((profile.serverArg ?? /^-/).test(first) || base(first) === base(profile.cmd?.[0])) return argv;
  return argv.slice(1);
}

/** Creates a container's state (files, env) when kubelet starts it. */
export function createContainer(pod: KObject, c: Json, init: boolean, sc: StartContext, podVolumes: Map<string, VNode>): ContainerRecord {
  const image = String(c['image'] ?? '');
  const profile = profileFor(image);
  // The simulator's own CoreDNS and kube-proxy are not the lesson's images: no note about them.
  if (profile.generic && !isAddonPod(pod))
    sc.warn(`image ${image} is not known to the simulator: its container has a generic Debian-like userland and serves nothing`);
  const vc = { api: sc.api, pod, now: sc.now(), nanos: sc.nanos, shared: sc.shared, caPem: sc.caPem, warn: sc.warn };
  const vfs = buildRootfs(pod, c, profile, vc, NAMESERVER, podVolumes);
  // The kubelet bind-mounts an empty termination-message file at terminationMessagePath.
  const termPath = String(c['terminationMessagePath'] ?? '/dev/termination-log');
  try {
    vfs.mkdir(termPath.slice(0, termPath.lastIndexOf('/')) || '/', { parents: true, force: true });
    vfs.writeFile(termPath, '', { force: true, mode: 0o666 });
  } catch {
    // A path inside a read-only volume: the container simply cannot write a message there.
  }
  // Files the container makes from now on are its user's (the image's and the kubelet's are root's).
  const user = identityOf(pod, c);
  vfs.owner = { uid: user.uid, gid: user.gid };
  const env = containerEnv(sc.api, pod, c, profile.env, sc.services);
  const argv = mainArgv(c, profile, env);
  writeProc(vfs, pod, c, argv);
  const log = new LogBuffer(sc.now);
  const podIP = String(((pod['status'] as Json) ?? {})['podIP'] ?? '');
  const app: AppHost = {
    image,
    profile,
    vfs,
    env,
    argv,
    hostname: hostnameOf(pod),
    podIP,
    now: sc.now,
    log: (l) => log.line(l),
    startedAt: sc.now(),
    speed: sc.speed,
  };
  return {
    name: String(c['name']),
    image,
    init,
    profile,
    vfs,
    env,
    argv,
    workdir: String(c['workingDir'] ?? profile.workdir ?? '/'),
    log,
    stop: new AbortController(),
    app,
    user,
  };
}

/** The environment commands run in, for exec sessions and the main process. */
export function containerHost(rec: ContainerRecord, pod: KObject, net: Network, signal: AbortSignal, clock: Clock, speed: number, sleepCapMs: number): Host {
  const podIP = String(((pod['status'] as Json) ?? {})['podIP'] ?? '');
  return {
    vfs: rec.vfs,
    profile: rec.profile,
    image: rec.image,
    hostname: hostnameOf(pod),
    ip: podIP,
    clock,
    speed,
    sleepCapMs,
    net,
    signal,
    mainProcess: rec.argv.length ? rec.argv : ['/pause'],
    user: rec.user,
    signalMain: (signal) => {
      // pid 1 has no default action for a signal: only one its program handles ends it.
      const code = rec.profile.stopSignals?.[signal];
      if (code === undefined || !rec.endMain) return false;
      rec.endMain(code);
      return true;
    },
  };
}

/** A new shell for a container (for `sh -c` style runs and exec). */
export function shellFor(host: Host, env: Record<string, string>, cwd: string, name = 'sh'): Shell {
  const base = name.split('/').pop();
  const kind = base === 'bash' ? 'bash' : base === 'ash' ? 'ash' : host.profile.shell === 'none' ? 'ash' : host.profile.shell;
  return new Shell({ host, kind, name, env, cwd, commands: command });
}

/** Whether the main process is the image's own server (its start-up lines are replayed, nothing is run). */
export function isImageServer(rec: ContainerRecord): boolean {
  const exe = rec.argv[0]?.split('/').pop() ?? '';
  // Servers the simulator models by their listeners, not by running a program.
  if (
    ['agnhost', 'server', 'goproxy', 'etcd', 'redis-server', 'mysqld', 'httpd-foreground', 'apache2-foreground'].includes(exe) &&
    rec.profile.listeners.length
  )
    return true;
  if (!rec.profile.startLogs.length) return false;
  return rec.argv.length === 0 || ['docker-entrypoint.sh', 'nginx', 'http-echo', 'hello-app', 'run.sh'].includes(exe);
}

/** Writes start-up lines or runs the main process; resolves when it exits. */
export async function runMain(rec: ContainerRecord, host: Host): Promise<number | undefined> {
  if (isImageServer(rec)) {
    const now = rec.app.now();
    const fill = (s: string) =>
      s
        .replace('{{ts}}', goTime(now))
        .replace('{{go-ts}}', goTime(now))
        .replace('{{echo-ts}}', goTime(now))
        .replace('{{version}}', rec.profile.version ?? '')
        .replace('{{podIP}}', rec.app.podIP);
    for (const l of rec.profile.startLogs) {
      if (!l.includes('{{worker-pid}}')) rec.log.line(fill(l));
      else for (const pid of workerPids(rec.profile)) rec.log.line(fill(l.replace('{{worker-pid}}', String(pid))));
    }
    // The server runs until a signal it handles ends it (`kill 1` in the container), or the container stops.
    if (!rec.profile.stopSignals) return undefined;
    return new Promise<number | undefined>((resolve) => {
      rec.endMain = (code) => {
        rec.endMain = undefined;
        rec.exitCode = code;
        rec.log.close();
        resolve(code);
      };
      rec.stop.signal.addEventListener('abort', () => resolve(undefined), { once: true });
    });
  }
  if (!rec.argv.length) return undefined;
  const io: Io = { stdin: new Input(), out: (c) => rec.log.write(c), err: (c) => rec.log.write(c) };
  const sh = shellFor(host, rec.env, rec.workdir, rec.argv[0]);
  let code: number;
  try {
    code = await sh.external(rec.argv, io, rec.env);
  } catch {
    code = 137;
  }
  if (host.signal.aborted) return undefined;
  rec.exitCode = code;
  rec.log.close();
  return code;
}

/** All listeners of a pod's containers, merged by port. */
export function podListeners(recs: ContainerRecord[]): Map<number, Service> {
  const out = new Map<number, Service>();
  // A stopped or exited container listens no more.
  for (const r of recs)
    if (!r.init && !r.stop.signal.aborted && r.exitCode === undefined) for (const [p, s] of listeners(r.app)) if (!out.has(p)) out.set(p, s);
  return out;
}
