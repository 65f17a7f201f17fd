import type { Api } from '../api/types.js';
import { containerHost, type ContainerRecord } from './container.js';
import { createPodNetwork, type PodNetwork } from './pod-network.js';
import { createPodRecords, type PodRecord, type PodRecords } from './pod-records.js';
import type { Host } from './shell/types.js';

/** No cap on one `sleep`: a main process or probe sleeps as long as it asks. */
export const NO_SLEEP_CAP = 2 ** 31 - 1;

/** What the parts of the pod runtime share. */
export interface RuntimeParts {
  api: Api;
  pods: PodRecords;
  net: PodNetwork;
  /** Notes about simulated behaviour the run should report. */
  notes: Set<string>;
  /** The simulation's speed multiplier (1 when unset). */
  speed(): number;
  /** Where a command runs in a started container: its pod's network, `signal` to stop it, a cap on one `sleep` (real ms). */
  hostOf(rec: PodRecord, c: ContainerRecord, signal: AbortSignal, sleepCapMs: number): Host;
}

/** Creates the started pods' records and network, and what every part reads from them. */
export function createRuntimeParts(api: Api): RuntimeParts {
  const ctx = api.ctx;
  const pods = createPodRecords();
  const net = createPodNetwork(api, pods);
  const speed = () => (ctx.speed > 0 ? ctx.speed : 1);
  return {
    api,
    pods,
    net,
    notes: new Set<string>(),
    speed,
    hostOf: (rec, c, signal, sleepCapMs) =>
      containerHost(c, rec.pod, net.network(rec.pod.metadata.namespace ?? 'default', rec.ip), signal, ctx.clock, speed(), sleepCapMs),
  };
}
