import type { KObject } from '../types.js';
import { getCondition, maxUnavailable, newCondition, replicasOf, setCondition, statusCount } from './deployment-util.js';
import { type Json, clone, dig, timestamp } from './util.js';

const sum = (rss: KObject[], f: (rs: KObject) => number) => rss.reduce((s, rs) => s + f(rs), 0);
const n = (o: Json, k: string) => Number(o[k] ?? 0);

/** DeploymentComplete: every replica updated and available, and the latest generation observed. */
export function deploymentComplete(d: KObject, s: Json): boolean {
  const want = replicasOf(d);
  return (
    n(s, 'updatedReplicas') === want &&
    n(s, 'replicas') === want &&
    n(s, 'availableReplicas') === want &&
    n(s, 'observedGeneration') >= Number(d.metadata.generation ?? 0)
  );
}

/** DeploymentProgressing: more updated, ready or available pods, or fewer old ones, than before. */
export function deploymentProgressing(old: Json, s: Json): boolean {
  return (
    n(s, 'updatedReplicas') > n(old, 'updatedReplicas') ||
    n(s, 'replicas') - n(s, 'updatedReplicas') < n(old, 'replicas') - n(old, 'updatedReplicas') ||
    n(s, 'readyReplicas') > n(old, 'readyReplicas') ||
    n(s, 'availableReplicas') > n(old, 'availableReplicas')
  );
}

/** calculateStatus: counts from the ReplicaSets, the Available condition, and the paused/resumed Progressing condition. */
export function calculateStatus(d: KObject, all: KObject[], newRS: KObject | undefined, now: string): Json {
  const available = sum(all, (rs) => statusCount(rs, 'availableReplicas'));
  const conditions = dig<Json[]>(d, 'status', 'conditions');
  const status: Json = {
    ...(conditions ? { conditions: clone(conditions) } : {}),
    observedGeneration: d.metadata.generation,
    replicas: sum(all, (rs) => statusCount(rs, 'replicas')),
    updatedReplicas: newRS ? statusCount(newRS, 'replicas') : 0,
    readyReplicas: sum(all, (rs) => statusCount(rs, 'readyReplicas')),
    availableReplicas: available,
    unavailableReplicas: Math.max(0, sum(all, replicasOf) - available),
    collisionCount: dig(d, 'status', 'collisionCount'),
  };
  if (available >= replicasOf(d) - maxUnavailable(d)) {
    setCondition(status, newCondition('Available', 'True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.', now));
  } else {
    setCondition(status, newCondition('Available', 'False', 'MinimumReplicasUnavailable', 'Deployment does not have minimum availability.', now));
  }
  const progressing = getCondition(status, 'Progressing');
  if (dig(d, 'spec', 'paused') && progressing?.['reason'] !== 'DeploymentPaused') {
    setCondition(status, newCondition('Progressing', 'Unknown', 'DeploymentPaused', 'Deployment is paused', now));
  } else if (!dig(d, 'spec', 'paused') && progressing?.['reason'] === 'DeploymentPaused') {
    setCondition(status, newCondition('Progressing', 'Unknown', 'DeploymentResumed', 'Deployment is resumed', now));
  }
  for (const k of Object.keys(status)) if (status[k] === 0 || status[k] === undefined) delete status[k];
  return status;
}

/**
 * syncRolloutStatus: the status plus the Progressing condition (NewReplicaSetAvailable,
 * ReplicaSetUpdated, or ProgressDeadlineExceeded once progressDeadlineSeconds pass without
 * progress) and the ReplicaSets' ReplicaFailure, and when to look again for the deadline.
 */
export function rolloutStatus(d: KObject, all: KObject[], newRS: KObject | undefined, nowDate: Date): { status: Json; requeueAfterMs?: number } {
  const result = progressStatus(d, all, newRS, nowDate);
  replicaFailures(result.status, all, newRS);
  return result;
}

/**
 * syncRolloutStatus's last step: a ReplicaSet's ReplicaFailure condition (the new one's first)
 * becomes the Deployment's, with its times; without one the Deployment's is removed.
 */
function replicaFailures(status: Json, all: KObject[], newRS: KObject | undefined): void {
  const failureOf = (rs: KObject | undefined) => dig<Json[]>(rs, 'status', 'conditions')?.find((c) => c['type'] === 'ReplicaFailure');
  const failure = failureOf(newRS) ?? all.map(failureOf).find((c) => c !== undefined);
  if (!failure) {
    const rest = ((status['conditions'] as Json[] | undefined) ?? []).filter((c) => c['type'] !== 'ReplicaFailure');
    if (rest.length) status['conditions'] = rest;
    else delete status['conditions'];
    return;
  }
  const at = failure['lastTransitionTime'];
  setCondition(status, {
    lastTransitionTime: at,
    lastUpdateTime: at,
    message: failure['message'],
    reason: failure['reason'],
    status: failure['status'],
    type: 'ReplicaFailure',
  });
}

/** The status with its Progressing condition, and when to look again for the deadline. */
function progressStatus(d: KObject, all: KObject[], newRS: KObject | undefined, nowDate: Date): { status: Json; requeueAfterMs?: number } {
  const now = timestamp(nowDate);
  const status = calculateStatus(d, all, newRS, now);
  const cur = getCondition(status, 'Progressing');
  const done = n(status, 'replicas') === n(status, 'updatedReplicas') && cur?.['reason'] === 'NewReplicaSetAvailable';
  const deadline = dig<number>(d, 'spec', 'progressDeadlineSeconds') ?? 600;
  if (!newRS || done || dig(d, 'spec', 'paused')) return { status };
  const name = newRS.metadata.name;
  if (deploymentComplete(d, status)) {
    setCondition(status, newCondition('Progressing', 'True', 'NewReplicaSetAvailable', `ReplicaSet "${name}" has successfully progressed.`, now));
    return { status };
  }
  if (deploymentProgressing((d['status'] as Json) ?? {}, status)) {
    const cond = newCondition('Progressing', 'True', 'ReplicaSetUpdated', `ReplicaSet "${name}" is progressing.`, now);
    if (cur?.['status'] === 'True') cond['lastTransitionTime'] = cur['lastTransitionTime'];
    status['conditions'] = [...((status['conditions'] as Json[]) ?? []).filter((c) => c['type'] !== 'Progressing'), cond];
    return { status, requeueAfterMs: deadline * 1000 + 1 };
  }
  if (!cur || cur['reason'] === 'ProgressDeadlineExceeded' || deadline >= 2147483647) return { status };
  const since = Date.parse(String(cur['lastUpdateTime'] ?? '')) || nowDate.getTime();
  const left = since + deadline * 1000 - nowDate.getTime();
  if (left > 0) return { status, requeueAfterMs: left + 1 };
  setCondition(status, newCondition('Progressing', 'False', 'ProgressDeadlineExceeded', `ReplicaSet "${name}" has timed out progressing.`, now));
  return { status };
}
