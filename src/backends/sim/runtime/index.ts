import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Api } from '../api/types.js';
import type { KObject } from '../types.js';
import { serviceEnv } from '../controllers/service-env.js';
import { missingImagePatterns } from '../controllers/stages/images.js';
import { tagExists } from '../controllers/kubelet-images.js';
import type { InternetLookup, PodRuntime } from './hooks.js';
import type { VNode, Vfs } from './fs/vfs.js';
import { sharedVolumes } from './fs/volumes.js';
import { createNetwork } from './net/cluster.js';
import { containerHost, createContainer, podListeners, runMain, shellFor, type ContainerRecord, type StartContext } from './container.js';
import { badRequestStatus, sendStatus, serveLog } from './logs.js';
import { execInContainer } from './exec/run.js';
import { refuseUpgrade, serveExec } from './exec/ws.js';
import { servePortForward } from './exec/portforward.js';
import { nodeFilesystem, nodeShell } from './node.js';
import { Input, type Io } from './shell/types.js';
import { resolveCommand } from './shell/resolve.js';
import { runHandler } from './probe.js';
import type { LogBuffer } from './logs.js';

/** The runtime interface the API server and kubelet use. */
export type { PodRuntime } from './hooks.js';

type Json = Record<string, unknown>;

/** Options of the pod runtime. */
export interface RuntimeOptions {
  /** The cluster CA (for projected kube-root-ca.crt when the ConfigMap is missing). */
  caPem?: string;
  /** Longest one `sleep` in an exec session may last, in real ms (default 30 s). */
  execSleepCapMs?: number;
}

/** The simulator's pod runtime, with what a run can report. */
export interface SimPodRuntime extends PodRuntime {
  /** Notes about simulated behaviour the run should report (unknown images, emulated volumes). */
  warnings(): string[];
  internetLookups(): InternetLookup[];
  /** Runs argv in a started container (tests, tooling). */
  exec(
    namespace: string,
    pod: string,
    container: string | undefined,
    argv: string[],
    stdin?: string,
  ): Promise<{ stdout: string; stderr: string; exitCode: number; error?: string }>;
}

interface PodRecord {
  pod: KObject;
  ip: string;
  containers: ContainerRecord[];
  /** The pod's volumes, kept across container restarts. */
  volumes: Map<string, VNode>;
  /** The log of each container's previous instance (`kubectl logs --previous`). */
  previous: Map<string, LogBuffer>;
}

const specContainers = (pod: KObject): Json[] => ((pod['spec'] as Json)?.['containers'] as Json[]) ?? [];
const allContainers = (pod: KObject): Json[] => [
  ...(((pod['spec'] as Json)?.['initContainers'] as Json[]) ?? []),
  ...specContainers(pod),
  ...(((pod['spec'] as Json)?.['ephemeralContainers'] as Json[]) ?? []),
];
const status = (message: string, reason: string, code: number) => ({
  kind: 'Status' as const,
  apiVersion: 'v1' as const,
  metadata: {},
  status: 'Failure' as const,
  message,
  reason,
  code,
});

function tolerateRead(read: () => Buffer | string): Buffer | undefined {
  try {
    const d = read();
    return typeof d === 'string' ? Buffer.from(d) : d;
  } catch {
    return undefined;
  }
}

/** Creates the pod runtime: exec/attach over WebSocket, logs, in-pod shell, cluster network, node shell. */
export function createRuntime(api: Api, options: RuntimeOptions = {}): SimPodRuntime {
  const ctx = api.ctx;
  const pods = new Map<string, PodRecord>();
  const byIP = new Map<string, string>();
  const notes = new Set<string>();
  const nodeFiles = new Map<string, Vfs>();
  const shared = sharedVolumes((node, path) => nodeFilesystem(api, node, nodeFiles).vfs.mkdir(path, { parents: true, force: true }));
  const exitListeners = new Set<(pod: KObject, container: string, exitCode: number) => void>();
  const exited = (pod: KObject, c: ContainerRecord, code: number | undefined) => {
    if (code === undefined || c.stop.signal.aborted) return;
    for (const l of exitListeners) l(pod, c.name, code);
  };
  const speed = () => (ctx.speed > 0 ? ctx.speed : 1);
  const directory = {
    listenersAt(ip: string) {
      const uid = byIP.get(ip);
      const rec = uid ? pods.get(uid) : undefined;
      return rec ? podListeners(rec.containers) : undefined;
    },
    podAt(ip: string) {
      const uid = byIP.get(ip);
      const rec = uid ? pods.get(uid) : undefined;
      if (!rec) return undefined;
      return api.find(api.resolve('pods')!, rec.pod.metadata.namespace, String(rec.pod.metadata.name)) ?? rec.pod;
    },
  };
  // Names on the internet the pods looked up, by pod: the simulator answers none of them.
  const internet = new Map<string, InternetLookup>();
  const lookedUp = (self: string) => (name: string) => {
    const uid = byIP.get(self);
    const pod = uid ? pods.get(uid)?.pod : undefined;
    if (!pod) return;
    const key = `${pod.metadata.namespace}/${pod.metadata.name}`;
    const seen = internet.get(key) ?? { namespace: pod.metadata.namespace ?? 'default', pod: pod.metadata.name!, names: [] };
    if (!seen.names.includes(name)) seen.names.push(name);
    internet.set(key, seen);
  };
  const network = (ns: string, self: string) => createNetwork(api, directory, ns, self, (n) => ctx.ids.int(n), lookedUp(self));
  const recordOf = (pod: KObject) => pods.get(String(pod.metadata.uid));
  const execCap = options.execSleepCapMs ?? 30_000;

  const startContext = (pod: KObject): StartContext => {
    const ns = pod.metadata.namespace ?? 'default';
    const services = api.list(api.resolve('services')!, undefined).items;
    return {
      api,
      now: () => ctx.clock.now(),
      speed: speed(),
      nanos: ctx.ids.int(1_000_000_000),
      shared,
      services: serviceEnv(services, ns, (pod['spec'] as Json)?.['enableServiceLinks'] !== false),
      caPem: options.caPem,
      warn: (n) => notes.add(n),
      network,
    };
  };

  const startPod = (pod: KObject): void => {
    const sc = startContext(pod);
    const volumes = new Map<string, VNode>();
    const ip = String(((pod['status'] as Json) ?? {})['podIP'] ?? '');
    const recs: ContainerRecord[] = [];
    const spec = (pod['spec'] as Json) ?? {};
    for (const [init, list] of [
      [true, (spec['initContainers'] as Json[]) ?? []],
      [false, specContainers(pod)],
    ] as const) {
      for (const c of list) {
        try {
          recs.push(createContainer(pod, c, init, sc, volumes));
        } catch (e) {
          notes.add(`container ${String(c['name'])} of pod ${pod.metadata.name}: ${(e as Error).message}`);
        }
      }
    }
    const rec: PodRecord = { pod, ip, containers: recs, volumes, previous: new Map() };
    pods.set(String(pod.metadata.uid), rec);
    if (ip) byIP.set(ip, String(pod.metadata.uid));
    void (async () => {
      const net = network(pod.metadata.namespace ?? 'default', ip);
      const host = (c: ContainerRecord) => containerHost(c, pod, net, c.stop.signal, ctx.clock, speed(), 2 ** 31 - 1);
      for (const c of recs.filter((r) => r.init)) {
        exited(rec.pod, c, await runMain(c, { ...host(c), sleepCapMs: 5_000 }));
        c.log.close();
      }
      await Promise.all(recs.filter((r) => !r.init).map(async (c) => exited(rec.pod, c, await runMain(c, host(c)))));
    })().catch(() => undefined);
  };

  const hostOf = (rec: PodRecord, c: ContainerRecord) =>
    containerHost(c, rec.pod, network(rec.pod.metadata.namespace ?? 'default', rec.ip), c.stop.signal, ctx.clock, speed(), 2 ** 31 - 1);

  const execute = async (rec: PodRecord, c: ContainerRecord, argv: string[], io: Io, signal: AbortSignal) => {
    const host = containerHost(c, rec.pod, network(rec.pod.metadata.namespace ?? 'default', rec.ip), signal, ctx.clock, speed(), execCap);
    return execInContainer(host, c.env, c.workdir, argv, io);
  };

  /**
   * Attach: the main process's output so far, then new output until it ends. A bare shell as the
   * main process (`kubectl run -i --image=busybox`) reads the attached stdin as its script.
   */
  const attach = (rec: PodRecord, c: ContainerRecord, req: IncomingMessage, socket: Duplex, head: Buffer, stdin: boolean, tty: boolean) => {
    const shells = ['sh', 'bash', 'ash', '/bin/sh', '/bin/bash'];
    if (stdin && c.argv.length === 1 && shells.includes(c.argv[0]!)) {
      return serveExec(req, socket, head, c.argv, { stdin, tty, run: (io, signal) => execute(rec, c, c.argv, io, signal) });
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
  };

  return {
    onContainerExit(listener) {
      exitListeners.add(listener);
      return () => exitListeners.delete(listener);
    },
    canPull: (image) =>
      /^[a-z0-9][a-z0-9._\-/:@]*$/.test(image) && !/[/:]$/.test(image) && !missingImagePatterns.some((p) => p.test(image)) && tagExists(image),
    podStarted(pod) {
      const existing = recordOf(pod);
      if (existing) {
        existing.pod = pod;
        return;
      }
      startPod(pod);
    },
    podRemoved(pod) {
      const rec = recordOf(pod);
      if (!rec) return;
      for (const c of rec.containers) {
        c.stop.abort();
        c.log.close();
      }
      pods.delete(String(pod.metadata.uid));
      if (byIP.get(rec.ip) === String(pod.metadata.uid)) byIP.delete(rec.ip);
    },
    upgrade(kind, pod, query, req: IncomingMessage, socket: Duplex, head: Buffer) {
      if (kind === 'portforward') {
        const rec = recordOf(pod);
        if (!rec) return refuseUpgrade(socket, status(`unable to do port forwarding: pod ${pod.metadata.name} is not running`, 'BadRequest', 400));
        return servePortForward(req, socket, head, String(pod.metadata.name), () => directory.listenersAt(rec.ip), '127.0.0.1');
      }
      const name = query.get('container') ?? String(specContainers(pod)[0]?.['name'] ?? '');
      if (!allContainers(pod).some((c) => c['name'] === name))
        return refuseUpgrade(socket, status(`container ${name} is not valid for pod ${pod.metadata.name}`, 'BadRequest', 400));
      const argv = query.getAll('command');
      const rec = recordOf(pod);
      const c = rec?.containers.find((x) => x.name === name && !x.init);
      const tty = query.get('tty') === 'true';
      const stdin = query.get('stdin') === 'true';
      if (!rec || !c) {
        return serveExec(req, socket, head, argv, {
          stdin: false,
          tty,
          run: async () => ({ error: `unable to upgrade connection: container not found ("${name}")` }),
        });
      }
      if (kind === 'attach') return attach(rec, c, req, socket, head, stdin, tty);
      const shells = ['sh', 'bash', 'ash', 'dash', '/bin/sh', '/bin/bash', '/bin/ash', '/usr/bin/bash'];
      const interactive = tty && stdin && argv.length === 1 && shells.includes(argv[0]!);
      const found = resolveCommand(c.vfs, argv[0] ?? '', c.env.PATH ?? '', c.workdir);
      if (interactive && found.kind !== 'missing' && found.kind !== 'noexec') {
        const abort = new AbortController();
        socket.once('close', () => abort.abort());
        const host = containerHost(c, rec.pod, network(rec.pod.metadata.namespace ?? 'default', rec.ip), abort.signal, ctx.clock, speed(), execCap);
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
      serveExec(req, socket, head, argv, { stdin, tty, run: (io, signal) => execute(rec, c, argv, io, signal) });
    },
    log(pod, query, req: IncomingMessage, res: ServerResponse) {
      const list = allContainers(pod);
      const name = query.get('container') ?? (specContainers(pod).length === 1 ? String(specContainers(pod)[0]!['name']) : undefined);
      if (!name)
        return sendStatus(
          res,
          badRequestStatus(
            `a container name must be specified for pod ${pod.metadata.name}, choose one of: [${specContainers(pod)
              .map((c) => c['name'])
              .join(' ')}]`,
          ),
        );
      if (!list.some((c) => c['name'] === name)) return sendStatus(res, badRequestStatus(`container ${name} is not valid for pod ${pod.metadata.name}`));
      if (query.get('previous') === 'true') {
        const prev = recordOf(pod)?.previous.get(name);
        if (!prev) return sendStatus(res, badRequestStatus(`previous terminated container "${name}" in pod "${pod.metadata.name}" not found`));
        return serveLog(prev, query, req, res, () => ctx.clock.now());
      }
      const c = recordOf(pod)?.containers.find((x) => x.name === name);
      if (!c) {
        const st = [
          ...((((pod['status'] as Json) ?? {})['containerStatuses'] as Json[]) ?? []),
          ...((((pod['status'] as Json) ?? {})['initContainerStatuses'] as Json[]) ?? []),
        ].find((s) => s['name'] === name);
        const reason = String((((st?.['state'] as Json) ?? {})['waiting'] as Json | undefined)?.['reason'] ?? 'ContainerCreating');
        return sendStatus(res, badRequestStatus(`container "${name}" in pod "${pod.metadata.name}" is waiting to start: ${reason}`));
      }
      serveLog(c.log, query, req, res, () => ctx.clock.now());
    },
    nodeExec(node, command, timeoutMs) {
      return nodeShell(api, node, command, timeoutMs, directory, speed(), nodeFiles);
    },
    async close() {
      for (const rec of pods.values())
        for (const c of rec.containers) {
          c.stop.abort();
          c.log.close();
        }
      pods.clear();
      byIP.clear();
    },
    warnings: () => [...notes],
    internetLookups: () => [...internet.values()].map((l) => ({ ...l, names: [...l.names] })),
    async probe(pod, container, probe, timeoutMs) {
      const rec = recordOf(pod);
      const c = rec?.containers.find((x) => x.name === container && !x.init);
      if (!rec || !c) return undefined;
      return runHandler(
        {
          pod: rec.pod,
          container,
          podIP: rec.ip,
          exec: (argv, io, signal) => {
            const both = AbortSignal.any([signal, c.stop.signal]);
            const host = containerHost(c, rec.pod, network(rec.pod.metadata.namespace ?? 'default', rec.ip), both, ctx.clock, speed(), 2 ** 31 - 1);
            return execInContainer(host, c.env, c.workdir, argv, io);
          },
          listener: (port) => directory.listenersAt(rec.ip)?.get(port),
          wait: (ms) => new Promise((resolve) => ctx.clock.setTimeout(resolve, ms / speed())),
          userAgent: `kube-probe/${ctx.version.major}.${ctx.version.minor}`,
        },
        probe,
        timeoutMs,
      );
    },
    killContainer(pod, container) {
      const c = recordOf(pod)?.containers.find((x) => x.name === container && !x.init);
      if (!c) return;
      c.stop.abort();
      c.log.close();
    },
    restartContainer(pod, container) {
      const rec = recordOf(pod);
      const i = rec ? rec.containers.findIndex((x) => x.name === container && !x.init) : -1;
      const spec = specContainers(pod).find((x) => x['name'] === container);
      if (!rec || i < 0 || !spec) return false;
      const old = rec.containers[i]!;
      old.stop.abort();
      old.log.close();
      rec.previous.set(container, old.log);
      rec.pod = pod;
      let fresh: ContainerRecord;
      try {
        fresh = createContainer(pod, spec, false, startContext(pod), rec.volumes);
      } catch (e) {
        notes.add(`container ${container} of pod ${pod.metadata.name}: ${(e as Error).message}`);
        return false;
      }
      rec.containers[i] = fresh;
      void runMain(fresh, hostOf(rec, fresh)).then(
        (code) => exited(rec.pod, fresh, code),
        () => undefined,
      );
      return true;
    },
    terminationMessage(pod, container) {
      const c = recordOf(pod)?.containers.find((x) => x.name === container);
      const spec = allContainers(pod).find((x) => x['name'] === container);
      if (!c || !spec) return undefined;
      const path = String(spec['terminationMessagePath'] ?? '/dev/termination-log');
      const data = tolerateRead(() => c.vfs.readFile(path));
      // The kubelet reads at most 4096 bytes of the file.
      return data === undefined || data.length === 0 ? undefined : data.subarray(0, 4096).toString();
    },
    logTail(pod, container, maxLines, maxBytes) {
      const c = recordOf(pod)?.containers.find((x) => x.name === container);
      if (!c) return undefined;
      const text = c.log.lines
        .slice(-maxLines)
        .map((l) => l.text + '\n')
        .join('');
      return Buffer.from(text).subarray(-maxBytes).toString();
    },
    async exec(namespace, podName, container, argv, stdin = '') {
      const rec = [...pods.values()].find((r) => r.pod.metadata.name === podName && (r.pod.metadata.namespace ?? 'default') === namespace);
      const c = rec?.containers.find((x) => !x.init && (!container || x.name === container));
      if (!rec || !c) return { stdout: '', stderr: '', exitCode: 1, error: `container not found ("${container ?? ''}")` };
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      const r = await execute(
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
    },
  };
}
