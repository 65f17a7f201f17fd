import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { APISERVER_IP, APISERVER_PORT, backdateAll, bootstrap, watchNamespaceDefaults } from './api/bootstrap.js';
import { createApi } from './api/index.js';
import type { Api } from './api/types.js';
import { JumpClock, randomIds, TrackingClock, type Clock, type IdSource } from './clock.js';
import { startControllers } from './controllers/index.js';
import { metricsAvailable } from './metrics/api.js';
import { ensureBuiltInApiServices, watchMetricsServer } from './metrics/apiservices.js';
import { writeKubeconfig } from './kubeconfig.js';
import { createRuntime } from './runtime/index.js';
import type { PodRuntime } from './runtime/hooks.js';
import { generateServingCerts } from './server/certs.js';
import { forwardToApiServer } from './server/in-cluster.js';
import { startApiServer, type WatchLimits } from './server/index.js';
import { createStore } from './store/index.js';
import type { SimContext } from './types.js';

/** Options of `startSim`; every one has a default. */
export interface SimOptions {
  /** Port on 127.0.0.1 (default: a random free one). */
  port?: number;
  /** Where the kubeconfig goes (default: a fresh temp dir, removed by stop()). */
  dir?: string;
  /** Kubernetes version to report: `1.32` (→ v1.32.4), `1.30`, or a full `v1.30.2`. */
  version?: string;
  /** Node names, or how many nodes (`kind-control-plane`, `kind-worker`, `kind-worker2`…). */
  nodes?: number | string[];
  /** Multiplier on simulated delays. */
  speed?: number;
  clock?: Clock;
  ids?: IdSource;
  /** LoadBalancer services get an external IP. */
  loadBalancer?: boolean;
  /** Serve the metrics API from the start, as with metrics-server already installed (default: only once a page installs it). */
  metricsServer?: boolean;
  /** Replaces the pod runtime (tests). */
  runtime?: (api: Api) => PodRuntime;
  /** Start the controllers (default true). */
  controllers?: boolean;
  /** Bounds on what a watch may buffer for a client that does not read (tests lower them). */
  watchLimits?: WatchLimits;
}

/** A running simulator. */
export interface SimHandle {
  kubeconfigPath: string;
  url: string;
  token: string;
  caPem: string;
  api: Api;
  runtime: PodRuntime;
  /**
   * True when the cluster will not change by itself within `horizonMs`: no controller or kubelet
   * work is due (a container's loop counts when an object was written since it went to sleep: its
   * next look may end it) and nothing was written since the previous call.
   */
  atRest(horizonMs: number): boolean;
  /**
   * True when a sleeping container process wakes within `horizonMs` (a logger's loop between two
   * lines): what containers print may still grow, though the cluster's objects are at rest.
   */
  outputMayGrow(horizonMs: number): boolean;
  /**
   * Lets `ms` of simulated time pass at once (timers due within it fire in order) instead of
   * waiting for it; with an injected clock other than a JumpClock, waits `ms` in real time.
   */
  passTime(ms: number): Promise<void>;
  /** Is the metrics API (metrics.k8s.io) served right now? */
  metricsAvailable(): boolean;
  /** Closes every socket (watches and upgraded streams too), stops controllers and runtime, removes its temp dir. */
  stop(): Promise<void>;
}

const PATCH_RELEASES: Record<string, number> = { '27': 16, '28': 15, '29': 14, '30': 10, '31': 6, '32': 4, '33': 1, '34': 0 };

/** `1.32` → { major 1, minor 32, gitVersion v1.32.4 }; `v1.30.2` is taken as is. */
export function resolveVersion(version = '1.32'): SimContext['version'] {
  const m = /^v?(\d+)\.(\d+)(?:\.(\d+))?$/.exec(version.trim());
  if (!m) throw new Error(`invalid Kubernetes version "${version}": use MAJOR.MINOR such as 1.32`);
  const [, major, minor, patch] = m;
  return { major: major!, minor: minor!, gitVersion: `v${major}.${minor}.${patch ?? PATCH_RELEASES[minor!] ?? 0}` };
}

/** Node names for a count, as kind names them. */
export function nodeNames(nodes: number | string[] = 1): string[] {
  if (Array.isArray(nodes)) return nodes;
  const n = Math.max(1, Math.floor(nodes));
  return ['kind-control-plane', ...Array.from({ length: n - 1 }, (_, i) => (i === 0 ? 'kind-worker' : `kind-worker${i + 1}`))];
}

/**
 * Starts the simulated cluster: store, Api, bootstrap objects, pod runtime, controllers and an
 * HTTPS API server with a fresh CA, and writes a kubeconfig for it.
 */
export async function startSim(options: SimOptions = {}): Promise<SimHandle> {
  // Real time that the runner may move forward (`passTime`) while it would otherwise sleep.
  const clock = new TrackingClock(options.clock ?? new JumpClock());
  const ctx: SimContext = {
    clock,
    ids: options.ids ?? randomIds,
    speed: options.speed ?? 1,
    version: resolveVersion(options.version),
    nodes: nodeNames(options.nodes),
    loadBalancer: options.loadBalancer ?? false,
    metricsServer: options.metricsServer ?? false,
  };
  const store = createStore();
  const api = createApi({ store, ctx });
  const certs = await generateServingCerts();
  bootstrap(api, certs.caPem);
  ensureBuiltInApiServices(api);
  const stopNamespaceDefaults = watchNamespaceDefaults(api, certs.caPem);
  const stopMetricsServer = watchMetricsServer(api, metricsAvailable);
  const stopDefaults = () => {
    stopNamespaceDefaults();
    stopMetricsServer();
  };
  const runtime = (options.runtime ?? createRuntime)(api);
  const controllers = options.controllers === false ? { stop: async () => undefined } : startControllers(api, runtime);
  await settle(store);
  backdateAll(api);
  const token = randomBytes(24).toString('hex');
  const ownDir = options.dir === undefined;
  const dir = options.dir ?? (await mkdtemp(join(tmpdir(), 'kubedoctest-sim-')));
  let server;
  try {
    server = await startApiServer({
      api,
      runtime,
      certs,
      token,
      ...(options.port !== undefined ? { port: options.port } : {}),
      ...(options.watchLimits ? { watchLimits: options.watchLimits } : {}),
    });
  } catch (error) {
    await controllers.stop();
    await runtime.close?.();
    stopDefaults();
    if (ownDir) await rm(dir, { recursive: true, force: true });
    throw error;
  }
  runtime.serveApiServer?.({
    ip: APISERVER_IP,
    port: APISERVER_PORT,
    tls: { cert: certs.certPem, key: certs.keyPem },
    forward: forwardToApiServer(server.url, certs.caPem),
  });
  const kubeconfigPath = await writeKubeconfig(dir, server.url, certs.caPem, token);
  let stopped: Promise<void> | undefined;
  // Writes that are progress: not those of a retry loop that cannot change the outcome.
  let progress = 0;
  let lastSeenProgress = -1;
  const unsubscribeProgress = store.subscribe(() => {
    if (clock.inRetryLoop) return;
    progress++;
    clock.noteChange();
  });
  return {
    kubeconfigPath,
    url: server.url,
    token,
    caPem: certs.caPem,
    api,
    runtime,
    metricsAvailable: () => metricsAvailable(api),
    atRest(horizonMs) {
      const quiet = progress === lastSeenProgress;
      lastSeenProgress = progress;
      return quiet && !clock.dueWithin(horizonMs);
    },
    outputMayGrow: (horizonMs) => clock.wakesWithin(horizonMs),
    async passTime(ms) {
      const inner = clock.inner;
      if (inner instanceof JumpClock) await inner.pass(ms);
      else await new Promise((r) => setTimeout(r, ms));
    },
    stop() {
      stopped ??= (async () => {
        await server.close();
        unsubscribeProgress();
        await controllers.stop();
        await runtime.close?.();
        stopDefaults();
        if (ownDir) await rm(dir, { recursive: true, force: true });
      })();
      return stopped;
    },
  };
}

/** Waits until the store has been quiet for a moment (controllers making nodes and defaults), at most 500 ms. */
async function settle(store: { resourceVersion(): string }): Promise<void> {
  const deadline = Date.now() + 500;
  let last = store.resourceVersion();
  for (;;) {
    await new Promise((r) => setTimeout(r, 25));
    const now = store.resourceVersion();
    if (now === last || Date.now() > deadline) return;
    last = now;
  }
}
