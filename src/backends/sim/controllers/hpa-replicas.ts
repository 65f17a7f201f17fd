/**
 * The HPA's replica calculator for resource metrics (`pkg/controller/podautoscaler/replica_calculator.go`,
 * v1.32): groups the target's pods into ready, unready, missing and ignored, computes the usage
 * ratio against the target, and rebalances when pods are unready or have no metrics yet.
 */
import { quantity } from '../runtime/env.js';
import type { KObject } from '../types.js';
import { dig, type Json } from './util.js';

/** A pod's metric: summed container usage in milli-units (millicores or milli-bytes). */
export type PodMetricValues = Map<string, number>;

export interface ResourceProposal {
  replicas: number;
  /** Percentage of request (Utilization targets). */
  utilization?: number;
  /** Average usage per pod, in milli-units. */
  rawAverage: number;
}

/** Why a proposal could not be made; the message is the controller's own. */
export class ReplicaCalcError extends Error {}

const ready = (pod: KObject) => ((dig<Json[]>(pod, 'status', 'conditions') ?? []) as Json[]).some((c) => c['type'] === 'Ready' && c['status'] === 'True');

/** groupPods: ignored (deleting, failed), unready (pending; for CPU not Ready), missing (no metrics). */
function groupPods(pods: KObject[], metrics: PodMetricValues, resource: string) {
  const unready: string[] = [];
  const missing: string[] = [];
  const ignored: string[] = [];
  let readyCount = 0;
  for (const pod of pods) {
    const name = String(pod.metadata.name);
    const phase = dig<string>(pod, 'status', 'phase');
    if (pod.metadata.deletionTimestamp || phase === 'Failed') ignored.push(name);
    else if (phase === 'Pending') unready.push(name);
    else if (!metrics.has(name)) missing.push(name);
    else if (resource === 'cpu' && !ready(pod)) unready.push(name);
    else readyCount++;
  }
  return { readyCount, unready, missing, ignored };
}

/** Sum of the containers' requests of a resource per pod, in milli-units; a container without one is an error. */
function podRequests(pods: KObject[], resource: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const pod of pods) {
    let sum = 0;
    for (const c of (dig<Json[]>(pod, 'spec', 'containers') ?? []) as Json[]) {
      const request = dig<string>(c, 'resources', 'requests', resource);
      if (request === undefined)
        throw new ReplicaCalcError(`missing request for ${resource} in container ${String(c['name'])} of Pod ${String(pod.metadata.name)}`);
      sum += Math.round(quantity(String(request)) * 1000);
    }
    out.set(String(pod.metadata.name), sum);
  }
  return out;
}

/** GetResourceUtilizationRatio: (usage ratio, utilization %, raw average) over pods with both a metric and a request. */
function utilizationRatio(metrics: PodMetricValues, requests: Map<string, number>, target: number) {
  let used = 0;
  let requested = 0;
  let n = 0;
  for (const [name, value] of metrics) {
    const r = requests.get(name);
    if (r === undefined) continue;
    used += value;
    requested += r;
    n++;
  }
  if (requested === 0) throw new ReplicaCalcError('no metrics returned matched known pods');
  const utilization = Math.trunc((used * 100) / requested);
  return { ratio: utilization / target, utilization, rawAverage: Math.trunc(used / n) };
}

/**
 * GetResourceReplicas (target = percentage of request) or GetRawResourceReplicas (target = average
 * value in milli-units): the replica count the metric proposes for `currentReplicas`.
 */
export function resourceReplicas(
  currentReplicas: number,
  pods: KObject[],
  allMetrics: PodMetricValues,
  resource: string,
  target: { utilization: number } | { averageMilli: number },
  tolerance: number,
): ResourceProposal {
  if (allMetrics.size === 0) throw new ReplicaCalcError(`unable to get metrics for resource ${resource}: no metrics returned from resource metrics API`);
  if (pods.length === 0) throw new ReplicaCalcError('no pods returned by selector while calculating replica count');
  const metrics = new Map([...allMetrics].filter(([name]) => pods.some((p) => p.metadata.name === name)));
  const { unready, missing, ignored } = groupPods(pods, metrics, resource);
  for (const name of [...ignored, ...unready]) metrics.delete(name);
  if (metrics.size === 0) throw new ReplicaCalcError('did not receive metrics for targeted pods (pods might be unready)');
  const utilization = 'utilization' in target;
  const requests = utilization ? podRequests(pods, resource) : new Map(pods.map((p) => [String(p.metadata.name), 0]));
  const measure = (m: PodMetricValues) => {
    if (utilization) return utilizationRatio(m, requests, target.utilization);
    const total = [...m.values()].reduce((a, b) => a + b, 0);
    const rawAverage = Math.trunc(total / m.size);
    return { ratio: rawAverage / target.averageMilli, utilization: undefined, rawAverage };
  };
  const first = measure(metrics);
  const proposal = (replicas: number): ResourceProposal => ({
    replicas,
    rawAverage: first.rawAverage,
    ...(first.utilization !== undefined ? { utilization: first.utilization } : {}),
  });
  const scaleUpWithUnready = unready.length > 0 && first.ratio > 1;
  if (!scaleUpWithUnready && missing.length === 0) {
    if (Math.abs(1 - first.ratio) <= tolerance) return proposal(currentReplicas);
    return proposal(Math.ceil(first.ratio * metrics.size));
  }
  // Pods without metrics count as using their whole request when scaling down and nothing when scaling up;
  // unready pods count as using nothing when scaling up.
  const fallback = (name: string) => (utilization ? requests.get(name)! : target.averageMilli);
  for (const name of missing) metrics.set(name, first.ratio < 1 ? fallback(name) : 0);
  if (scaleUpWithUnready) for (const name of unready) metrics.set(name, 0);
  const again = measure(metrics);
  if (Math.abs(1 - again.ratio) <= tolerance || (first.ratio < 1 && again.ratio > 1) || (first.ratio > 1 && again.ratio < 1)) return proposal(currentReplicas);
  const replicas = Math.ceil(again.ratio * metrics.size);
  if ((again.ratio < 1 && replicas > currentReplicas) || (again.ratio > 1 && replicas < currentReplicas)) return proposal(currentReplicas);
  return proposal(replicas);
}
