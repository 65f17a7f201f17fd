/**
 * What metrics-server would report for each running pod and node: container usage from the image
 * and its arguments (runtime/images/usage.ts), plus request load that load-generator pods send to
 * the servers behind a Service (the HorizontalPodAutoscaler walkthrough's php-apache).
 */
import type { Api } from '../api/types.js';
import { imageRepo } from '../runtime/images/index.js';
import { containerUsage } from '../runtime/images/usage.js';
import { quantity } from '../runtime/env.js';
import type { KObject } from '../types.js';
import { dig, mapSelectorMatches, typeOf, type Json } from '../controllers/util.js';

const Mi = 1024 * 1024;

/** CPU (cores) a server image spends per load-generator client hammering it, shared by its ready backends. */
export const LOAD_PER_CLIENT: Readonly<Record<string, number>> = {
  // One `while sleep 0.01; do wget -q -O- http://php-apache; done` client keeps about 0.8 cores busy on kind.
  'registry.k8s.io/hpa-example': 0.8,
  'k8s.gcr.io/hpa-example': 0.8,
};

/** Idle footprint of the add-on and system containers a kind node runs. */
export const SYSTEM_IDLE: Readonly<Record<string, { cpuCores: number; memoryBytes: number }>> = {
  'registry.k8s.io/coredns/coredns': { cpuCores: 0.002, memoryBytes: 13 * Mi },
  'registry.k8s.io/kube-proxy': { cpuCores: 0.001, memoryBytes: 15 * Mi },
  'registry.k8s.io/metrics-server/metrics-server': { cpuCores: 0.004, memoryBytes: 18 * Mi },
  'docker.io/kindest/kindnetd': { cpuCores: 0.001, memoryBytes: 10 * Mi },
  'kindest/kindnetd': { cpuCores: 0.001, memoryBytes: 10 * Mi },
};

/** What a kind node's own processes (kubelet, containerd, control plane) use besides pods. */
export const NODE_OVERHEAD = { cpuCores: 0.09, memoryBytes: 520 * Mi };

/** A busy shell loop fetching a URL: `while sleep 0.01; do wget -q -O- http://php-apache; done` (or `while true`). */
const LOAD_LOOP = /while\s+(?:sleep\s+[\d.]+|true|:)\s*;\s*do\s+(?:wget|curl)\b[^;]*?\bhttps?:\/\/([a-zA-Z0-9.-]+)/;

export interface Usage {
  cpuCores: number;
  memoryBytes: number;
}

export interface ContainerMetrics {
  name: string;
  usage: Usage;
}

/** A pod is measured once it runs on a node. */
export function measured(pod: KObject): boolean {
  return dig(pod, 'status', 'phase') === 'Running' && !pod.metadata.deletionTimestamp && Boolean(dig(pod, 'spec', 'nodeName'));
}

function ready(pod: KObject): boolean {
  return ((dig<Json[]>(pod, 'status', 'conditions') ?? []) as Json[]).some((c) => c['type'] === 'Ready' && c['status'] === 'True');
}

function containers(pod: KObject): Json[] {
  return (dig<Json[]>(pod, 'spec', 'containers') ?? []) as Json[];
}

/** The Service host a container's load loop targets, if it runs one. */
export function loadTarget(container: Json): string | undefined {
  const argv = [...((container['command'] as string[]) ?? []), ...((container['args'] as string[]) ?? [])].join(' ');
  return LOAD_LOOP.exec(argv)?.[1];
}

/**
 * CPU each loaded server pod gets from the running load generators, keyed by pod uid: every client
 * loop adds LOAD_PER_CLIENT[image] cores spread over the ready pods behind the Service it names.
 */
function loadShares(api: Api, pods: KObject[]): Map<string, number> {
  const shares = new Map<string, number>();
  const services = typeOf(api, 'services');
  for (const client of pods) {
    if (!measured(client)) continue;
    for (const c of containers(client)) {
      const host = loadTarget(c);
      if (!host) continue;
      const [name, ns] = host.split('.');
      const namespace = ns && ns !== 'svc' ? ns : (client.metadata.namespace ?? 'default');
      const svc = api.find(services, namespace, name!);
      const selector = dig<Record<string, string>>(svc, 'spec', 'selector');
      if (!svc || !selector) continue;
      const backends = pods.filter(
        (p) => p.metadata.namespace === namespace && measured(p) && ready(p) && mapSelectorMatches(selector, p.metadata.labels as Record<string, string>),
      );
      for (const b of backends) {
        const perClient = Math.max(0, ...containers(b).map((bc) => LOAD_PER_CLIENT[imageRepo(String(bc['image'] ?? ''))] ?? 0));
        if (perClient > 0) shares.set(String(b.metadata.uid), (shares.get(String(b.metadata.uid)) ?? 0) + perClient / backends.length);
      }
    }
  }
  return shares;
}

function limitOf(container: Json, resource: string): number {
  const v = dig<string>(container, 'resources', 'limits', resource);
  return v === undefined ? Infinity : quantity(String(v));
}

/** Per-container usage of every measured pod, keyed by pod uid. */
export function podUsages(api: Api): Map<string, ContainerMetrics[]> {
  const pods = api.list(typeOf(api, 'pods'), undefined).items;
  const shares = loadShares(api, pods);
  const out = new Map<string, ContainerMetrics[]>();
  for (const pod of pods) {
    if (!measured(pod)) continue;
    const cs = containers(pod);
    const load = shares.get(String(pod.metadata.uid)) ?? 0;
    out.set(
      String(pod.metadata.uid),
      cs.map((c, i) => {
        const system = SYSTEM_IDLE[imageRepo(String(c['image'] ?? ''))];
        const base = system ?? containerUsage(c).usage;
        // The first container serves the requests (a sidecar does not).
        const cpu = Math.min(base.cpuCores + (i === 0 ? load : 0), limitOf(c, 'cpu'));
        return { name: String(c['name']), usage: { cpuCores: cpu, memoryBytes: Math.min(base.memoryBytes, limitOf(c, 'memory')) } };
      }),
    );
  }
  return out;
}

/** A node's usage: its own processes plus its pods. */
export function nodeUsage(api: Api, node: string, usages: Map<string, ContainerMetrics[]>): Usage {
  const total = { ...NODE_OVERHEAD };
  for (const pod of api.list(typeOf(api, 'pods'), undefined).items) {
    if (dig(pod, 'spec', 'nodeName') !== node) continue;
    for (const c of usages.get(String(pod.metadata.uid)) ?? []) {
      total.cpuCores += c.usage.cpuCores;
      total.memoryBytes += c.usage.memoryBytes;
    }
  }
  return total;
}
