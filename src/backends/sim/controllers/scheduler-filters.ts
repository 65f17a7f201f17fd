import { parseQuantity } from '../admission/quantity.js';
import type { KObject } from '../types.js';
import { type Json, dig } from './util.js';

/**
 * The scheduler's Filter plugins in the order 1.32 runs them (NodeUnschedulable, TaintToleration,
 * NodeAffinity, NodeResourcesFit), each giving the reasons `FitError` counts in a
 * FailedScheduling message. A node rejected by a plugin whose failure preemption cannot fix
 * (UnschedulableAndUnresolvable) is marked so, for the preemption part of the message.
 */

/** Why a node cannot take a pod. */
export interface NodeRejection {
  reasons: string[];
  /** Evicting pods would not help (taints, affinity, unschedulable node). */
  unresolvable: boolean;
}

/** A node's resources in canonical units: cpu in millicores, memory and storage in bytes, pods as a count. */
export type Resources = Map<string, number>;

function amount(resource: string, value: unknown): number {
  const n = parseQuantity(value);
  if (typeof n !== 'number') return 0;
  // Quantity.MilliValue rounds up; the Fit plugin compares CPU in millicores.
  return resource === 'cpu' ? Math.ceil(n * 1000 - 1e-9) : n;
}

function requestsOf(container: Json): Resources {
  const res = (container['resources'] as Json | undefined) ?? {};
  const requests = (res['requests'] as Json | undefined) ?? {};
  const limits = (res['limits'] as Json | undefined) ?? {};
  const out: Resources = new Map();
  // A limit without a request is also the request (API defaulting), for pods created otherwise.
  for (const [k, v] of Object.entries({ ...limits, ...requests })) out.set(k, amount(k, v));
  return out;
}

/** resourcehelper.PodRequests: containers summed, at least each init container, plus overhead. */
export function podRequests(pod: KObject): Resources {
  const total: Resources = new Map();
  for (const c of dig<Json[]>(pod, 'spec', 'containers') ?? []) {
    for (const [k, v] of requestsOf(c)) total.set(k, (total.get(k) ?? 0) + v);
  }
  for (const c of dig<Json[]>(pod, 'spec', 'initContainers') ?? []) {
    for (const [k, v] of requestsOf(c)) total.set(k, Math.max(total.get(k) ?? 0, v));
  }
  for (const [k, v] of Object.entries(dig<Json>(pod, 'spec', 'overhead') ?? {})) total.set(k, (total.get(k) ?? 0) + amount(k, v));
  return total;
}

/** A Node's `status.allocatable`. */
export function allocatable(node: KObject): Resources {
  const out: Resources = new Map();
  for (const [k, v] of Object.entries(dig<Json>(node, 'status', 'allocatable') ?? {})) out.set(k, amount(k, v));
  return out;
}

function tolerates(pod: KObject, taint: Json): boolean {
  const tolerations = (dig<Json[]>(pod, 'spec', 'tolerations') ?? []) as Json[];
  return tolerations.some((t) => {
    if (t['effect'] && t['effect'] !== taint['effect']) return false;
    if (t['operator'] === 'Exists') return !t['key'] || t['key'] === taint['key'];
    return t['key'] === taint['key'] && (t['value'] ?? '') === (taint['value'] ?? '');
  });
}

/** One NodeSelectorRequirement against a value (absent: undefined), as nodeaffinity evaluates it. */
function requirementMatches(req: Json, value: string | undefined): boolean {
  const values = ((req['values'] as string[] | undefined) ?? []).map(String);
  switch (req['operator']) {
    case 'In':
      return value !== undefined && values.includes(value);
    case 'NotIn':
      return value === undefined || !values.includes(value);
    case 'Exists':
      return value !== undefined;
    case 'DoesNotExist':
      return value === undefined;
    case 'Gt':
    case 'Lt': {
      if (value === undefined || !/^-?\d+$/.test(value) || values.length !== 1 || !/^-?\d+$/.test(values[0]!)) return false;
      return req['operator'] === 'Gt' ? Number(value) > Number(values[0]) : Number(value) < Number(values[0]);
    }
    default:
      return false;
  }
}

/**
 * The NodeAffinity filter: every `nodeSelector` label, and at least one of the required
 * nodeSelectorTerms (all of a term's matchExpressions on labels and matchFields on
 * `metadata.name`), which is also how DaemonSet pods are pinned to their node.
 */
export function nodeAffinityMatches(pod: KObject, node: KObject): boolean {
  const labels = node.metadata.labels ?? {};
  const selector = dig<Record<string, string>>(pod, 'spec', 'nodeSelector') ?? {};
  if (!Object.entries(selector).every(([k, v]) => labels[k] === v)) return false;
  const terms = dig<Json[]>(pod, 'spec', 'affinity', 'nodeAffinity', 'requiredDuringSchedulingIgnoredDuringExecution', 'nodeSelectorTerms');
  if (!terms) return true;
  return terms.some((term) => {
    const exprs = (term['matchExpressions'] as Json[] | undefined) ?? [];
    const fields = (term['matchFields'] as Json[] | undefined) ?? [];
    if (exprs.length === 0 && fields.length === 0) return false;
    return (
      exprs.every((e) => requirementMatches(e, Object.hasOwn(labels, String(e['key'])) ? labels[String(e['key'])] : undefined)) &&
      fields.every((f) => f['key'] === 'metadata.name' && requirementMatches(f, String(node.metadata.name)))
    );
  });
}

/** The order NodeResourcesFit reports shortages in: pods, cpu, memory, ephemeral-storage, then the rest. */
const FIT_ORDER = ['cpu', 'memory', 'ephemeral-storage'];

/** What a node has already committed: the requests of its non-terminal pods, and how many there are. */
export interface NodeUsage {
  requested: Resources;
  pods: number;
}

/** Runs the filters for one node; undefined when the pod fits. */
export function filterNode(pod: KObject, node: KObject, usage: NodeUsage): NodeRejection | undefined {
  const unschedulableTaint = { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' };
  if (dig(node, 'spec', 'unschedulable') === true && !tolerates(pod, unschedulableTaint))
    return { reasons: ['node(s) were unschedulable'], unresolvable: true };
  const taint = (dig<Json[]>(node, 'spec', 'taints') ?? []).find((t) => (t['effect'] === 'NoSchedule' || t['effect'] === 'NoExecute') && !tolerates(pod, t));
  if (taint) return { reasons: [`node(s) had untolerated taint {${taint['key']}: ${taint['value'] ?? ''}}`], unresolvable: true };
  if (!nodeAffinityMatches(pod, node)) return { reasons: ["node(s) didn't match Pod's node affinity/selector"], unresolvable: true };
  const alloc = allocatable(node);
  const reasons: string[] = [];
  if (usage.pods + 1 > (alloc.get('pods') ?? 0)) reasons.push('Too many pods');
  const wanted = podRequests(pod);
  const names = [...FIT_ORDER.filter((r) => wanted.has(r)), ...[...wanted.keys()].filter((r) => !FIT_ORDER.includes(r) && r !== 'pods').sort()];
  for (const r of names) {
    const want = wanted.get(r) ?? 0;
    if (want > 0 && want > (alloc.get(r) ?? 0) - (usage.requested.get(r) ?? 0)) reasons.push(`Insufficient ${r}`);
  }
  return reasons.length ? { reasons, unresolvable: false } : undefined;
}

/** `FitError.Error()` with the DefaultPreemption PostFilter's message, as the FailedScheduling event says it. */
export function failedSchedulingMessage(pod: KObject, rejections: NodeRejection[]): string {
  const histogram = (items: string[]) => {
    const counts = new Map<string, number>();
    for (const r of items) counts.set(r, (counts.get(r) ?? 0) + 1);
    return [...counts]
      .map(([r, n]) => `${n} ${r}`)
      .sort()
      .join(', ');
  };
  const total = rejections.length;
  const filter = `0/${total} nodes are available: ${histogram(rejections.flatMap((r) => r.reasons))}.`;
  let preemption: string;
  if (dig(pod, 'spec', 'preemptionPolicy') === 'Never') preemption = 'preemption: not eligible due to preemptionPolicy=Never.';
  else {
    // Victims are never found: the simulator's pods all share the default priority.
    const verdicts = rejections.map((r) => (r.unresolvable ? 'Preemption is not helpful for scheduling' : 'No preemption victims found for incoming pod'));
    preemption = `preemption: 0/${total} nodes are available: ${histogram(verdicts)}.`;
  }
  return `${filter} ${preemption}.`;
}
