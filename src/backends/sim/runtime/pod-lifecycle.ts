import type { KObject } from '../types.js';
import { serviceEnv } from '../controllers/service-env.js';
import { containerHost, createContainer, isImageServer, runMain, type ContainerRecord, type StartContext } from './container.js';
import type { SharedVolumes } from './fs/volumes.js';
import { refreshVolume } from './fs/volume-refresh.js';
import type { PodRuntime } from './hooks.js';
import { NO_SLEEP_CAP, type RuntimeParts } from './parts.js';
import { runningContainer, specContainers, type PodRecord } from './pod-records.js';

type Json = Record<string, unknown>;

/** Starting and stopping pods and their containers, and telling the kubelet when a main process ends. */
export type PodLifecycle = Required<
  Pick<PodRuntime, 'onContainerExit' | 'podStarted' | 'runInit' | 'podRemoved' | 'killContainer' | 'restartContainer' | 'refreshVolumes' | 'close'>
>;

/** Reports a main process that ended by itself (not one the runtime stopped). */
type Exited = (pod: KObject, c: ContainerRecord, code: number | undefined) => void;

const stopContainer = (c: ContainerRecord) => {
  c.stop.abort();
  c.log.close();
};

/** Everything a pod's containers start from, read when they start (Service variables, a fresh volume nonce). */
function startContext(parts: RuntimeParts, shared: SharedVolumes, caPem: string | undefined, pod: KObject): StartContext {
  const { api, notes, speed } = parts;
  const ns = pod.metadata.namespace ?? 'default';
  const services = api.list(api.resolve('services')!, undefined).items;
  return {
    api,
    now: () => api.ctx.clock.now(),
    speed: speed(),
    nanos: api.ctx.ids.int(1_000_000_000),
    shared,
    services: serviceEnv(services, ns, (pod['spec'] as Json)?.['enableServiceLinks'] !== false),
    caPem,
    warn: (n) => notes.add(n),
    network: parts.net.network,
  };
}

/** The record of a pod, made when its first container starts. */
function podRecord(parts: RuntimeParts, pod: KObject, ip: string): PodRecord {
  const existing = parts.pods.of(pod);
  if (existing) return existing;
  const rec: PodRecord = { pod, ip, containers: [], volumes: new Map(), previous: new Map() };
  parts.pods.add(rec);
  return rec;
}

/** The pod as its containers see it once the sandbox has an address (the kubelet writes it to the status later). */
function withPodIP(pod: KObject, ip: string): KObject {
  const status = (pod['status'] as Json) ?? {};
  return ip && !status['podIP'] ? { ...pod, status: { ...status, podIP: ip } } : pod;
}

/**
 * Creates a pod's regular containers and runs them together, after the init containers `runInit`
 * did not run (sidecars, or all of them when no kubelet drives them), one by one.
 */
function startPod(parts: RuntimeParts, sc: StartContext, pod: KObject, exited: Exited): void {
  const { notes, speed } = parts;
  const ip = String(((pod['status'] as Json) ?? {})['podIP'] ?? '');
  const rec = podRecord(parts, pod, ip);
  rec.pod = pod;
  rec.mainStarted = true;
  const spec = (pod['spec'] as Json) ?? {};
  const fresh: ContainerRecord[] = [];
  for (const [init, list] of [
    [true, ((spec['initContainers'] as Json[]) ?? []).filter((c) => !rec.containers.some((r) => r.name === c['name']))],
    [false, specContainers(pod)],
  ] as const) {
    for (const c of list) {
      try {
        fresh.push(createContainer(pod, c, init, sc, rec.volumes));
      } catch (e) {
        notes.add(`container ${String(c['name'])} of pod ${pod.metadata.name}: ${(e as Error).message}`);
      }
    }
  }
  rec.containers.push(...fresh);
  void (async () => {
    const net = parts.net.network(pod.metadata.namespace ?? 'default', ip);
    const host = (c: ContainerRecord) => containerHost(c, pod, net, c.stop.signal, parts.api.ctx.clock, speed(), NO_SLEEP_CAP);
    for (const c of fresh.filter((r) => r.init)) {
      exited(rec.pod, c, await runMain(c, { ...host(c), sleepCapMs: 5_000 }));
      c.log.close();
    }
    await Promise.all(fresh.filter((r) => !r.init).map(async (c) => exited(rec.pod, c, await runMain(c, host(c)))));
  })().catch(() => undefined);
}

/** Did this pod look up a name on the internet, which the simulator cannot reach? */
function lookedUpInternet(parts: RuntimeParts, pod: KObject): boolean {
  return parts.net.internetLookups().some((l) => l.namespace === (pod.metadata.namespace ?? 'default') && l.pod === pod.metadata.name);
}

/**
 * Runs an init container's process as the kubelet starts it (a fresh instance, the pod's volumes
 * kept; the previous instance's log kept for `--previous`) and resolves its exit code, or
 * undefined when how it ends is not the simulator's to say.
 */
function runInit(
  parts: RuntimeParts,
  sc: (pod: KObject) => StartContext,
  pod: KObject,
  container: string,
  podIP: string,
): Promise<number | undefined> | undefined {
  const spec = (((pod['spec'] as Json)?.['initContainers'] as Json[]) ?? []).find((c) => c['name'] === container);
  if (!spec || spec['restartPolicy'] === 'Always') return undefined;
  const seen = withPodIP(pod, podIP);
  const rec = podRecord(parts, seen, podIP);
  if (rec.mainStarted) return undefined;
  rec.pod = seen;
  let fresh: ContainerRecord;
  try {
    fresh = createContainer(seen, spec, true, sc(seen), rec.volumes);
  } catch (e) {
    parts.notes.add(`container ${container} of pod ${pod.metadata.name}: ${(e as Error).message}`);
    return undefined;
  }
  const i = rec.containers.findIndex((x) => x.name === container);
  if (i >= 0) {
    stopContainer(rec.containers[i]!);
    rec.previous.set(container, rec.containers[i]!.log);
    rec.containers[i] = fresh;
  } else rec.containers.push(fresh);
  const ran = runMain(fresh, parts.hostOf(rec, fresh, fresh.stop.signal, NO_SLEEP_CAP));
  // The image's own program (no command) is not run here: its start-up lines are all there is.
  if (!fresh.argv.length || isImageServer(fresh)) return Promise.resolve(undefined);
  return ran.then(
    (code) => {
      fresh.log.close();
      // 126/127: the simulated shell has no such program (xtrabackup, python…); a failure after a
      // lookup on the internet: a real cluster would have reached it.
      if (code === undefined || code === 126 || code === 127) return undefined;
      if (code !== 0 && lookedUpInternet(parts, seen)) return undefined;
      return code;
    },
    () => undefined,
  );
}

/**
 * Replaces a regular container with a fresh one (a new writable layer, the pod's volumes kept) and
 * runs its main process; the old instance's log becomes the previous one.
 */
function restartContainer(parts: RuntimeParts, sc: (pod: KObject) => StartContext, pod: KObject, container: string, exited: Exited): boolean {
  const rec = parts.pods.of(pod);
  const i = rec ? rec.containers.findIndex((x) => x.name === container && !x.init) : -1;
  const spec = specContainers(pod).find((x) => x['name'] === container);
  if (!rec || i < 0 || !spec) return false;
  const old = rec.containers[i]!;
  stopContainer(old);
  rec.previous.set(container, old.log);
  rec.pod = pod;
  let fresh: ContainerRecord;
  try {
    fresh = createContainer(pod, spec, false, sc(pod), rec.volumes);
  } catch (e) {
    parts.notes.add(`container ${container} of pod ${pod.metadata.name}: ${(e as Error).message}`);
    return false;
  }
  rec.containers[i] = fresh;
  void runMain(fresh, parts.hostOf(rec, fresh, fresh.stop.signal, NO_SLEEP_CAP)).then(
    (code) => exited(rec.pod, fresh, code),
    () => undefined,
  );
  return true;
}

/** Creates the pod lifecycle; `shared` are the volumes pods share (hostPath, bound claims), `caPem` the cluster CA. */
export function createPodLifecycle(parts: RuntimeParts, shared: SharedVolumes, caPem: string | undefined): PodLifecycle {
  const { pods } = parts;
  const exitListeners = new Set<(pod: KObject, container: string, exitCode: number) => void>();
  const exited: Exited = (pod, c, code) => {
    if (code === undefined || c.stop.signal.aborted) return;
    for (const l of exitListeners) l(pod, c.name, code);
  };
  const sc = (pod: KObject) => startContext(parts, shared, caPem, pod);
  return {
    onContainerExit(listener) {
      exitListeners.add(listener);
      return () => exitListeners.delete(listener);
    },
    podStarted(pod) {
      const existing = pods.of(pod);
      if (existing?.mainStarted) {
        existing.pod = pod;
        return;
      }
      startPod(parts, sc(pod), pod, exited);
    },
    runInit: (pod, container, podIP) => runInit(parts, sc, pod, container, podIP),
    podRemoved(pod) {
      const rec = pods.of(pod);
      if (!rec) return;
      for (const c of rec.containers) stopContainer(c);
      pods.remove(pod);
    },
    async close() {
      for (const rec of pods.all()) for (const c of rec.containers) stopContainer(c);
      pods.clear();
    },
    killContainer(pod, container) {
      const c = runningContainer(pods.of(pod), container);
      if (!c) return;
      stopContainer(c);
    },
    restartContainer: (pod, container) => restartContainer(parts, sc, pod, container, exited),
    refreshVolumes(pod) {
      const rec = pods.of(pod);
      if (!rec) return [];
      rec.pod = pod;
      const { api, now, nanos, shared: sv, caPem: ca, warn } = sc(pod);
      const vc = { api, pod, now: now(), nanos, shared: sv, caPem: ca, warn };
      const changed: string[] = [];
      for (const vol of ((pod['spec'] as Json)?.['volumes'] as Json[]) ?? []) {
        const name = String(vol['name']);
        const mounted = rec.volumes.get(name);
        if (mounted && refreshVolume(mounted, vol, vc)) changed.push(name);
      }
      return changed;
    },
  };
}
