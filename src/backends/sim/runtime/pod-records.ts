import type { KObject } from '../types.js';
import type { ContainerRecord } from './container.js';
import type { VNode } from './fs/vfs.js';
import type { LogBuffer } from './logs.js';

type Json = Record<string, unknown>;

/** A started pod: its containers, and what outlives one instance of a container. */
export interface PodRecord {
  pod: KObject;
  ip: string;
  containers: ContainerRecord[];
  /** The pod's volumes, kept across container restarts. */
  volumes: Map<string, VNode>;
  /** The log of each container's previous instance (`kubectl logs --previous`). */
  previous: Map<string, LogBuffer>;
  /** The regular containers have started (before that, only init containers ran). */
  mainStarted?: boolean;
}

/** The regular containers of a pod's spec. */
export const specContainers = (pod: KObject): Json[] => ((pod['spec'] as Json)?.['containers'] as Json[]) ?? [];

/** Init, regular and ephemeral containers of a pod's spec. */
export const allContainers = (pod: KObject): Json[] => [
  ...(((pod['spec'] as Json)?.['initContainers'] as Json[]) ?? []),
  ...specContainers(pod),
  ...(((pod['spec'] as Json)?.['ephemeralContainers'] as Json[]) ?? []),
];

/** The started regular (not init) container of that name. */
export const runningContainer = (rec: PodRecord | undefined, name: string): ContainerRecord | undefined =>
  rec?.containers.find((x) => x.name === name && !x.init);

/** The started pods, by uid and by pod IP. */
export interface PodRecords {
  /** The record of this pod (by uid). */
  of(pod: KObject): PodRecord | undefined;
  /** The record of the pod that holds this IP. */
  at(ip: string): PodRecord | undefined;
  /** The record of a pod by namespace and name. */
  named(namespace: string, name: string): PodRecord | undefined;
  add(rec: PodRecord): void;
  /** Forgets a pod; its IP too, unless a later pod holds it now. */
  remove(pod: KObject): void;
  all(): Iterable<PodRecord>;
  clear(): void;
}

/** Creates the table of started pods. */
export function createPodRecords(): PodRecords {
  const pods = new Map<string, PodRecord>();
  const byIP = new Map<string, string>();
  return {
    of: (pod) => pods.get(String(pod.metadata.uid)),
    at(ip) {
      const uid = byIP.get(ip);
      return uid ? pods.get(uid) : undefined;
    },
    named: (namespace, name) => [...pods.values()].find((r) => r.pod.metadata.name === name && (r.pod.metadata.namespace ?? 'default') === namespace),
    add(rec) {
      pods.set(String(rec.pod.metadata.uid), rec);
      if (rec.ip) byIP.set(rec.ip, String(rec.pod.metadata.uid));
    },
    remove(pod) {
      const rec = pods.get(String(pod.metadata.uid));
      if (!rec) return;
      pods.delete(String(pod.metadata.uid));
      if (byIP.get(rec.ip) === String(pod.metadata.uid)) byIP.delete(rec.ip);
    },
    all: () => pods.values(),
    clear() {
      pods.clear();
      byIP.clear();
    },
  };
}
