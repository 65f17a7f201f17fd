import type { KObject } from '../types.js';
import { type Json, dig } from './util.js';

/** Is the pod running (not terminal) and not being deleted? */
export function isActive(pod: KObject): boolean {
  const phase = dig<string>(pod, 'status', 'phase');
  return !pod.metadata.deletionTimestamp && phase !== 'Succeeded' && phase !== 'Failed';
}

/** The Ready condition of a pod, if True. */
export function readyCondition(pod: KObject): Json | undefined {
  const c = (dig<Json[]>(pod, 'status', 'conditions') ?? []).find((x) => x['type'] === 'Ready');
  return c?.['status'] === 'True' ? c : undefined;
}

/** Is the pod Ready? */
export function isReady(pod: KObject): boolean {
  return readyCondition(pod) !== undefined;
}

/** Ready for at least minReadySeconds at `now`; else the ms still to wait (or Infinity when not ready). */
export function availableIn(pod: KObject, minReadySeconds: number, now: Date): number {
  const c = readyCondition(pod);
  if (!c) return Infinity;
  if (minReadySeconds <= 0) return 0;
  const since = Date.parse(String(c['lastTransitionTime'] ?? '')) || 0;
  return Math.max(0, since + minReadySeconds * 1000 - now.getTime());
}

function rank(pod: KObject): number[] {
  const phase = dig<string>(pod, 'status', 'phase');
  const phaseRank = phase === 'Pending' ? 0 : phase === 'Unknown' ? 1 : 2;
  const restarts = (dig<Json[]>(pod, 'status', 'containerStatuses') ?? []).reduce((s, c) => s + Number(c['restartCount'] ?? 0), 0);
  const readySince = Date.parse(String(readyCondition(pod)?.['lastTransitionTime'] ?? '')) || 0;
  const created = Date.parse(String(pod.metadata.creationTimestamp ?? '')) || 0;
  return [dig(pod, 'spec', 'nodeName') ? 1 : 0, phaseRank, isReady(pod) ? 1 : 0, -readySince, -restarts, -created];
}

/** Orders pods the way the ReplicaSet controller deletes them: unscheduled, pending, not ready, newest first. */
export function deletionOrder(pods: KObject[]): KObject[] {
  return [...pods].sort((a, b) => {
    const ra = rank(a);
    const rb = rank(b);
    for (let i = 0; i < ra.length; i++) if (ra[i] !== rb[i]) return ra[i]! - rb[i]!;
    return String(b.metadata.name).localeCompare(String(a.metadata.name));
  });
}
