import type { KObject } from '../types.js';
import { type Json, deepEqual, dig } from './util.js';

export const REVISION = 'deployment.kubernetes.io/revision';
export const REVISION_HISTORY = 'deployment.kubernetes.io/revision-history';
export const DESIRED_REPLICAS = 'deployment.kubernetes.io/desired-replicas';
export const MAX_REPLICAS = 'deployment.kubernetes.io/max-replicas';
export const TEMPLATE_HASH = 'pod-template-hash';

const skipped = new Set([
  'kubectl.kubernetes.io/last-applied-configuration',
  REVISION,
  REVISION_HISTORY,
  DESIRED_REPLICAS,
  MAX_REPLICAS,
  'deployment.kubernetes.io/error-selector-overlapping-with',
  'deployment.kubernetes.io/selector-updated-at',
]);

/** spec.replicas with the API default. */
export function replicasOf(obj: KObject | undefined): number {
  return Number(dig(obj, 'spec', 'replicas') ?? 1);
}

/** status.<field> as a number (absent = 0). */
export function statusCount(obj: KObject | undefined, field: string): number {
  return Number(dig(obj, 'status', field) ?? 0);
}

function scaled(value: unknown, total: number, roundUp: boolean): number {
  if (typeof value === 'number') return value;
  const m = /^(\d+)%$/.exec(String(value ?? '25%'));
  if (!m) return Number(value) || 0;
  const v = (Number(m[1]) * total) / 100;
  return roundUp ? Math.ceil(v) : Math.floor(v);
}

/** True for a RollingUpdate Deployment (the default strategy). */
export function isRolling(d: KObject): boolean {
  return (dig(d, 'spec', 'strategy', 'type') ?? 'RollingUpdate') === 'RollingUpdate';
}

/** ResolveFenceposts: maxSurge rounded up, maxUnavailable down, never both 0. */
export function fenceposts(d: KObject): { surge: number; unavailable: number } {
  const desired = replicasOf(d);
  const ru = (dig<Json>(d, 'spec', 'strategy', 'rollingUpdate') ?? {}) as Json;
  const surge = scaled(ru['maxSurge'] ?? '25%', desired, true);
  let unavailable = scaled(ru['maxUnavailable'] ?? '25%', desired, false);
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return { surge, unavailable };
}

/** MaxSurge of a rolling deployment, 0 otherwise. */
export function maxSurge(d: KObject): number {
  return isRolling(d) ? fenceposts(d).surge : 0;
}

/** MaxUnavailable, capped at replicas; 0 for Recreate or 0 replicas. */
export function maxUnavailable(d: KObject): number {
  if (!isRolling(d) || replicasOf(d) === 0) return 0;
  return Math.min(fenceposts(d).unavailable, replicasOf(d));
}

/** The revision annotation as a number (0 when absent). */
export function revisionOf(obj: KObject): number {
  return Number(obj.metadata.annotations?.[REVISION] ?? 0) || 0;
}

/** Do two pod templates match, ignoring the pod-template-hash label? */
export function equalIgnoreHash(a: unknown, b: unknown): boolean {
  const strip = (t: unknown) => {
    const c = structuredClone((t ?? {}) as Json);
    const labels = dig<Record<string, string>>(c, 'metadata', 'labels');
    if (labels) {
      delete labels[TEMPLATE_HASH];
      if (Object.keys(labels).length === 0) delete (c['metadata'] as Json)['labels'];
    }
    return c;
  };
  return deepEqual(strip(a), strip(b));
}

/** SetNewReplicaSetAnnotations: copies the deployment's annotations and moves the revision; true if changed. */
export function setNewRSAnnotations(d: KObject, rs: KObject, newRevision: number, exists: boolean): boolean {
  const ann = (rs.metadata.annotations ??= {});
  let changed = false;
  for (const [k, v] of Object.entries(d.metadata.annotations ?? {})) {
    if (skipped.has(k) || ann[k] === v) continue;
    ann[k] = v;
    changed = true;
  }
  const had = Object.hasOwn(ann, REVISION);
  const oldRevision = ann[REVISION];
  if ((Number(oldRevision ?? 0) || 0) < newRevision) {
    ann[REVISION] = String(newRevision);
    changed = true;
    if (had && oldRevision) ann[REVISION_HISTORY] = ann[REVISION_HISTORY] ? `${ann[REVISION_HISTORY]},${oldRevision}` : oldRevision;
  }
  if (!exists && setReplicasAnnotations(rs, replicasOf(d), replicasOf(d) + maxSurge(d))) changed = true;
  return changed;
}

/** SetReplicasAnnotations: desired-replicas and max-replicas; true if changed. */
export function setReplicasAnnotations(rs: KObject, desired: number, max: number): boolean {
  const ann = (rs.metadata.annotations ??= {});
  let changed = false;
  if (ann[DESIRED_REPLICAS] !== String(desired)) {
    ann[DESIRED_REPLICAS] = String(desired);
    changed = true;
  }
  if (ann[MAX_REPLICAS] !== String(max)) {
    ann[MAX_REPLICAS] = String(max);
    changed = true;
  }
  return changed;
}

/** A deployment condition, as NewDeploymentCondition makes it. */
export function newCondition(type: string, status: 'True' | 'False' | 'Unknown', reason: string, message: string, now: string): Json {
  return { lastTransitionTime: now, lastUpdateTime: now, message, reason, status, type };
}

/** SetDeploymentCondition: no change for same status and reason; keeps lastTransitionTime for same status. */
export function setCondition(status: Json, condition: Json): void {
  const conds = ((status['conditions'] as Json[]) ?? []).slice();
  const cur = conds.find((c) => c['type'] === condition['type']);
  if (cur && cur['status'] === condition['status'] && cur['reason'] === condition['reason']) return;
  if (cur && cur['status'] === condition['status']) condition['lastTransitionTime'] = cur['lastTransitionTime'];
  status['conditions'] = [...conds.filter((c) => c['type'] !== condition['type']), condition];
}

/** The condition of a type in a status. */
export function getCondition(status: Json, type: string): Json | undefined {
  return ((status['conditions'] as Json[]) ?? []).find((c) => c['type'] === type);
}
