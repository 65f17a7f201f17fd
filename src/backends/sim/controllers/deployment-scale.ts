/**
 * How a Deployment's scaling event is spread over its ReplicaSets, as the Deployment controller
 * does it (pkg/controller/deployment/sync.go `scale`, util/deployment_util.go `GetProportion`,
 * `getReplicaSetFraction`, `FindActiveOrLatest`, `IsSaturated`). Pure: it reads the objects and
 * returns the sizes; the controller writes them.
 */
import type { KObject } from '../types.js';
import { DESIRED_REPLICAS, MAX_REPLICAS, maxSurge, replicasOf, statusCount } from './deployment-util.js';
import { dig } from './util.js';

/** ReplicaSetsByCreationTimestamp: older first, then by name. */
export function olderFirst(a: KObject, b: KObject): number {
  const ta = String(a.metadata.creationTimestamp ?? '');
  const tb = String(b.metadata.creationTimestamp ?? '');
  if (ta === tb) return String(a.metadata.name).localeCompare(String(b.metadata.name));
  return ta < tb ? -1 : 1;
}

const active = (rss: readonly KObject[]) => rss.filter((rs) => replicasOf(rs) > 0);

/** Go's math.Round: halves away from zero. */
const round = (x: number) => Math.sign(x) * Math.round(Math.abs(x));

/**
 * FindActiveOrLatest: the only ReplicaSet with pods, or — none having pods — the new one (else the
 * newest old one); undefined when several have pods (then they are scaled proportionally).
 */
export function activeOrLatest(newRS: KObject | undefined, old: readonly KObject[]): KObject | undefined {
  const newestFirst = [...old].sort((a, b) => olderFirst(b, a));
  const all = active(newRS ? [...newestFirst, newRS] : newestFirst);
  if (all.length === 0) return newRS ?? newestFirst[0];
  return all.length === 1 ? all[0] : undefined;
}

/** IsSaturated: the new ReplicaSet has, wants and makes available all the Deployment's replicas. */
export function isSaturated(d: KObject, rs: KObject | undefined): boolean {
  if (!rs) return false;
  const desired = rs.metadata.annotations?.[DESIRED_REPLICAS];
  if (desired === undefined || !/^-?\d+$/.test(desired)) return false;
  const want = replicasOf(d);
  return replicasOf(rs) === want && Number(desired) === want && statusCount(rs, 'availableReplicas') === want;
}

/**
 * getReplicaSetFraction: the replicas a ReplicaSet gains (or loses) when the Deployment's size
 * (plus surge) changes from what the ReplicaSet's max-replicas annotation recorded.
 */
function fraction(rs: KObject, d: KObject): number {
  if (replicasOf(d) === 0) return -replicasOf(rs);
  const deploymentReplicas = replicasOf(d) + maxSurge(d);
  const annotated = Number.parseInt(rs.metadata.annotations?.[MAX_REPLICAS] ?? '', 10);
  // Without the annotation the Deployment's current size stands in (the min/max below keep it in bounds).
  const before = Number.isNaN(annotated) ? Number(dig(d, 'status', 'replicas') ?? 0) : annotated;
  return round((replicasOf(rs) * deploymentReplicas) / before) - replicasOf(rs);
}

/** GetProportion: a ReplicaSet's share of what is left to add (or remove). */
function proportion(rs: KObject, d: KObject, toAdd: number, added: number): number {
  if (replicasOf(rs) === 0 || toAdd === 0 || toAdd === added) return 0;
  const allowed = toAdd - added;
  const f = fraction(rs, d);
  return toAdd > 0 ? Math.min(f, allowed) : Math.max(f, allowed);
}

/** The sizes a proportional scale gives the active ReplicaSets, in the order they are written. */
export interface ProportionalScale {
  operation: 'up' | 'down';
  sizes: Array<{ rs: KObject; size: number }>;
}

/**
 * Spreads the difference between the Deployment's allowed size (replicas + maxSurge) and what its
 * active ReplicaSets hold: bigger shares to bigger ReplicaSets (ties: newer first when scaling up,
 * older first when scaling down), leftovers to the first (the biggest). Null when nothing changes.
 */
export function proportionalScale(d: KObject, newRS: KObject | undefined, old: readonly KObject[]): ProportionalScale | null {
  const all = active(newRS ? [...old, newRS] : old);
  const allowedSize = replicasOf(d) > 0 ? replicasOf(d) + maxSurge(d) : 0;
  const toAdd = allowedSize - all.reduce((s, rs) => s + replicasOf(rs), 0);
  if (toAdd === 0) return null;
  const operation = toAdd > 0 ? 'up' : 'down';
  const sorted = [...all].sort((a, b) => replicasOf(b) - replicasOf(a) || (operation === 'up' ? olderFirst(b, a) : olderFirst(a, b)));
  let added = 0;
  const sizes = sorted.map((rs) => {
    const p = proportion(rs, d, toAdd, added);
    added += p;
    return { rs, size: replicasOf(rs) + p };
  });
  if (sizes.length > 0) sizes[0]!.size = Math.max(0, sizes[0]!.size + toAdd - added);
  return { operation, sizes };
}
