import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { KObject } from '../types.js';
import { shellFor, type ContainerRecord } from './container.js';
import { execInContainer } from './exec/run.js';
import { refuseUpgrade, serveExec } from './exec/ws.js';
import { servePortForward } from './exec/portforward.js';
import type { SimPodRuntime } from './index.js';
import type { RuntimeParts } from './parts.js';
import { allContainers, runningContainer, specContainers, type PodRecord } from './pod-records.js';
import { resolveCommand } from './shell/resolve.js';
import { Input, type Io } from './shell/types.js';

/** Exec, attach and port-forward over the stream protocols, and exec for tests and tooling. */
export type PodStreams = Pick<SimPodRuntime, 'upgrade' | 'exec'>;

/** What a session runs with: the runtime's parts and the longest one `sleep` may last (real ms). */
interface Sessions {
  parts: RuntimeParts;
  execCap: number;
}

/** The upgraded connection of one request. */
interface Upgrade {
  req: IncomingMessage;
  socket: Duplex;
  head: Buffer;
}

const status = (message: string, reason: string, code: number) => ({
  kind: 'Status' as const,
  apiVersion: 'v1' as const,
  metadata: {},
  status: 'Failure' as const,
  message,
  reason,
  code,
});

const execute = (s: Sessions, rec: PodRecord, c: ContainerRecord, argv: string[], io: Io, signal: AbortSignal) =>
  execInContainer(s.parts.hostOf(rec, c, signal, s.execCap), c.env, c.workdir, argv, io);

/**
 * Attach: the main process's output so far, then new output until it ends. A bare shell as the
 * main process (`kubectl run -i --image=busybox`) reads the attached stdin as its script.
 */
function attach(s: Sessions, rec: PodRecord, c: ContainerRecord, { req, socket, head }: Upgrade, stdin: boolean, tty: boolean) {
  const shells = ['sh', 'bash', 'ash', '/bin/sh', '/bin/bash'];
  if (stdin && c.argv.length === 1 && shells.includes(c.argv[0]!)) {
    return serveExec(req, socket, head, c.argv, { stdin, tty, run: (io, signal) => execute(s, rec, c, c.argv, io, signal) });
  }
  serveExec(req, socket, head, ['attach'], {
    stdin: false,
    tty,
    run: (io, signal) =>
      new Promise((resolve) => {
        for (const l of c.log.lines) io.out(l.text + '\n');
        if (c.log.closed) return resolve({ code: 0 });
        const stop = c.log.follow(
          (l) => io.out(l.text + '\n'),
          () => resolve({ code: 0 }),
        );
        signal.addEventListener('abort', () => (stop(), resolve({ code: 0 })));
      }),
  });
}

/** An interactive shell (`kubectl exec -it pod -- sh`): a prompt, then one line at a time until it exits. */
function interactiveShell(s: Sessions, rec: PodRecord, c: ContainerRecord, argv: string[], { req, socket, head }: Upgrade, stdin: boolean, tty: boolean) {
  const abort = new AbortController();
  socket.once('close', () => abort.abort());
  const host = s.parts.hostOf(rec, c, abort.signal, s.execCap);
  const sh = shellFor(host, c.env, c.workdir, argv[0]!.split('/').pop()!);
  return serveExec(req, socket, head, argv, {
    stdin,
    tty,
    run: async () => ({ code: 0 }),
    prompt: () => sh.flavor.prompt(sh.cwd, host.hostname),
    interactive: async (line, io) => {
      await sh.run(line, { ...io, stdin: new Input() });
      return !sh.exited;
    },
  });
}

function portForward(parts: RuntimeParts, pod: KObject, { req, socket, head }: Upgrade) {
  const rec = parts.pods.of(pod);
  if (!rec) return refuseUpgrade(socket, status(`unable to do port forwarding: pod ${pod.metadata.name} is not running`, 'BadRequest', 400));
  return servePortForward(req, socket, head, String(pod.metadata.name), () => parts.net.directory.listenersAt(rec.ip), '127.0.0.1');
}

/** Runs argv in a started container and collects its output (tests, tooling). */
const execCollected =
  (s: Sessions): PodStreams['exec'] =>
  async (namespace, podName, container, argv, stdin = '') => {
    const rec = s.parts.pods.named(namespace, podName);
    const c = rec?.containers.find((x) => !x.init && (!container || x.name === container));
    if (!rec || !c) return { stdout: '', stderr: '', exitCode: 1, error: `container not found ("${container ?? ''}")` };
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    const r = await execute(
      s,
      rec,
      c,
      argv,
      { stdin: new Input(Buffer.from(stdin)), out: (d) => void out.push(Buffer.from(d)), err: (d) => void err.push(Buffer.from(d)) },
      new AbortController().signal,
    );
    return {
      stdout: Buffer.concat(out).toString(),
      stderr: Buffer.concat(err).toString(),
      exitCode: 'code' in r ? r.code : 1,
      ...('error' in r ? { error: r.error } : {}),
    };
  };

/** Creates the stream side of the runtime; `execCap` is the longest one `sleep` of an exec session may last (real ms). */
export function createPodStreams(parts: RuntimeParts, execCap: number): PodStreams {
  const s: Sessions = { parts, execCap };
  return {
    upgrade(kind, pod, query, req: IncomingMessage, socket: Duplex, head: Buffer) {
      const u: Upgrade = { req, socket, head };
      if (kind === 'portforward') return portForward(parts, pod, u);
      const name = query.get('container') ?? String(specContainers(pod)[0]?.['name'] ?? '');
      if (!allContainers(pod).some((c) => c['name'] === name))
        return refuseUpgrade(socket, status(`container ${name} is not valid for pod ${pod.metadata.name}`, 'BadRequest', 400));
      const argv = query.getAll('command');
      const rec = parts.pods.of(pod);
      const c = runningContainer(rec, name);
      const tty = query.get('tty') === 'true';
      const stdin = query.get('stdin') === 'true';
      if (!rec || !c) {
        return serveExec(req, socket, head, argv, {
          stdin: false,
          tty,
          run: async () => ({ error: `unable to upgrade connection: container not found ("${name}")` }),
        });
      }
      if (kind === 'attach') return attach(s, rec, c, u, stdin, tty);
      const shells = ['sh', 'bash', 'ash', 'dash', '/bin/sh', '/bin/bash', '/bin/ash', '/usr/bin/bash'];
      const interactive = tty && stdin && argv.length === 1 && shells.includes(argv[0]!);
      const found = resolveCommand(c.vfs, argv[0] ?? '', c.env.PATH ?? '', c.workdir);
      if (interactive && found.kind !== 'missing' && found.kind !== 'noexec') return interactiveShell(s, rec, c, argv, u, stdin, tty);
      serveExec(req, socket, head, argv, { stdin, tty, run: (io, signal) => execute(s, rec, c, argv, io, signal) });
    },
    exec: execCollected(s),
  };
}
