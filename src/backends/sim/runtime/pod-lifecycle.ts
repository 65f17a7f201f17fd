import type { KObject } from '../types.js';
import { serviceEnv } from '../controllers/service-env.js';
import { containerHost, createContainer, runMain, type ContainerRecord, type StartContext } from './container.js';
import type { VNode } from './fs/vfs.js';
import type { SharedVolumes } from './fs/volumes.js';
import { refreshVolume } from './fs/volume-refresh.js';
import type { PodRuntime } from './hooks.js';
import { NO_SLEEP_CAP, type RuntimeParts } from './parts.js';
import { runningContainer, specContainers, type PodRecord } from './pod-records.js';

type Json = Record<string, unknown>;

/** Starting and stopping pods and their containers, and telling the kubelet when a main process ends. */
export type PodLifecycle = Required<
  Pick<PodRuntime, 'onContainerExit' | 'podStarted' | 'podRemoved' | 'killContainer' | 'restartContainer' | 'refreshVolumes' | 'close'>
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

/** Creates a pod's containers and records the pod; then runs the init containers one by one, then the others together. */
function startPod(parts: RuntimeParts, sc: StartContext, pod: KObject, exited: Exited): void {
  const { notes, speed } = parts;
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
  parts.pods.add(rec);
  void (async () => {
    const net = parts.net.network(pod.metadata.namespace ?? 'default', ip);
    const host = (c: ContainerRecord) => containerHost(c, pod, net, c.stop.signal, parts.api.ctx.clock, speed(), NO_SLEEP_CAP);
    for (const c of recs.filter((r) => r.init)) {
      exited(rec.pod, c, await runMain(c, { ...host(c), sleepCapMs: 5_000 }));
      c.log.close();
    }
    await Promise.all(recs.filter((r) => !r.init).map(async (c) => exited(rec.pod, c, await runMain(c, host(c)))));
  })().catch(() => undefined);
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
      if (existing) {
        existing.pod = pod;
        return;
      }
      startPod(parts, sc(pod), pod, exited);
    },
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
