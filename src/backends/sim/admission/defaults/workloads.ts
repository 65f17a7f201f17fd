import { type Dict, ensureDict, isDict, list, setDefault } from '../util.js';
import { defaultTemplate } from './pod-spec.js';

/** apps/v1 and batch/v1 defaults (`pkg/apis/apps/v1/defaults.go`, `pkg/apis/batch/v1/defaults.go`). */

/** Deployment: 1 replica, RollingUpdate 25%/25%, 10 old ReplicaSets kept, 600s progress deadline. */
export function defaultDeployment(obj: Dict): void {
  const spec = ensureDict(obj, 'spec');
  setDefault(spec, 'replicas', 1);
  const strategy = ensureDict(spec, 'strategy');
  setDefault(strategy, 'type', 'RollingUpdate');
  if (strategy.type === 'RollingUpdate') {
    const ru = ensureDict(strategy, 'rollingUpdate');
    setDefault(ru, 'maxUnavailable', '25%');
    setDefault(ru, 'maxSurge', '25%');
  }
  setDefault(spec, 'revisionHistoryLimit', 10);
  setDefault(spec, 'progressDeadlineSeconds', 600);
  defaultTemplate(spec);
}

/** ReplicaSet (and ReplicationController): 1 replica. */
export function defaultReplicaSet(obj: Dict): void {
  const spec = ensureDict(obj, 'spec');
  setDefault(spec, 'replicas', 1);
  defaultTemplate(spec);
}

/**
 * ReplicationController (`SetDefaults_ReplicationController`): the selector and the object's
 * labels default to the template's labels when empty, then 1 replica.
 */
export function defaultReplicationController(obj: Dict): void {
  const spec = ensureDict(obj, 'spec');
  const labels = isDict(spec.template) && isDict(spec.template.metadata) && isDict(spec.template.metadata.labels) ? spec.template.metadata.labels : undefined;
  if (labels) {
    if (!isDict(spec.selector) || Object.keys(spec.selector).length === 0) spec.selector = { ...labels };
    const meta = ensureDict(obj, 'metadata');
    if (!isDict(meta.labels) || Object.keys(meta.labels).length === 0) meta.labels = { ...labels };
  }
  defaultReplicaSet(obj);
}

/** StatefulSet: OrderedReady, RollingUpdate partition 0, Retain PVCs, and PVC template defaults. */
export function defaultStatefulSet(obj: Dict): void {
  const spec = ensureDict(obj, 'spec');
  setDefault(spec, 'podManagementPolicy', 'OrderedReady');
  const strategy = ensureDict(spec, 'updateStrategy');
  setDefault(strategy, 'type', 'RollingUpdate');
  if (strategy.type === 'RollingUpdate') setDefault(ensureDict(strategy, 'rollingUpdate'), 'partition', 0);
  const retention = ensureDict(spec, 'persistentVolumeClaimRetentionPolicy');
  setDefault(retention, 'whenDeleted', 'Retain');
  setDefault(retention, 'whenScaled', 'Retain');
  setDefault(spec, 'replicas', 1);
  setDefault(spec, 'revisionHistoryLimit', 10);
  for (const pvc of list(spec.volumeClaimTemplates)) {
    setDefault(pvc, 'apiVersion', 'v1');
    setDefault(pvc, 'kind', 'PersistentVolumeClaim');
    setDefault(ensureDict(pvc, 'metadata'), 'creationTimestamp', null);
    setDefault(ensureDict(pvc, 'spec'), 'volumeMode', 'Filesystem');
    setDefault(ensureDict(pvc, 'status'), 'phase', 'Pending');
  }
  defaultTemplate(spec);
}

/** DaemonSet: RollingUpdate maxUnavailable 1 / maxSurge 0, 10 revisions kept. */
export function defaultDaemonSet(obj: Dict): void {
  const spec = ensureDict(obj, 'spec');
  const strategy = ensureDict(spec, 'updateStrategy');
  setDefault(strategy, 'type', 'RollingUpdate');
  if (strategy.type === 'RollingUpdate') {
    const ru = ensureDict(strategy, 'rollingUpdate');
    setDefault(ru, 'maxUnavailable', 1);
    setDefault(ru, 'maxSurge', 0);
  }
  setDefault(spec, 'revisionHistoryLimit', 10);
  defaultTemplate(spec);
}

/** Job spec defaults (`SetDefaults_Job`), without the selector the strategy generates. */
export function defaultJobSpec(spec: Dict): void {
  if (spec.completions == null && spec.parallelism == null) {
    spec.completions = 1;
    spec.parallelism = 1;
  }
  setDefault(spec, 'parallelism', 1);
  setDefault(spec, 'backoffLimit', spec.backoffLimitPerIndex != null ? 2147483647 : 6);
  setDefault(spec, 'completionMode', 'NonIndexed');
  setDefault(spec, 'suspend', false);
  setDefault(spec, 'podReplacementPolicy', spec.podFailurePolicy ? 'Failed' : 'TerminatingOrFailed');
  for (const rule of list(spec.podFailurePolicy?.rules)) {
    for (const cond of list(rule.onPodConditions)) setDefault(cond, 'status', 'True');
  }
  defaultTemplate(spec);
}

/** Job: spec defaults; object labels default to the template's (after the selector is generated). */
export function defaultJob(obj: Dict): void {
  defaultJobSpec(ensureDict(obj, 'spec'));
}

/** CronJob: Allow, not suspended, keep 3 succeeded and 1 failed Job. */
export function defaultCronJob(obj: Dict): void {
  const spec = ensureDict(obj, 'spec');
  setDefault(spec, 'concurrencyPolicy', 'Allow');
  setDefault(spec, 'suspend', false);
  setDefault(spec, 'successfulJobsHistoryLimit', 3);
  setDefault(spec, 'failedJobsHistoryLimit', 1);
  const jobTemplate = ensureDict(spec, 'jobTemplate');
  setDefault(ensureDict(jobTemplate, 'metadata'), 'creationTimestamp', null);
  defaultTemplate(ensureDict(jobTemplate, 'spec'));
}

/** The labels and selector the Job strategy adds (`generateSelector`), unless manualSelector. */
export function generateJobSelector(obj: Dict): void {
  const spec = ensureDict(obj, 'spec');
  if (spec.manualSelector === true) return;
  const name = String(obj.metadata?.name ?? '');
  const uid = String(obj.metadata?.uid ?? '');
  const template = ensureDict(spec, 'template');
  const labels = ensureDict(ensureDict(template, 'metadata'), 'labels');
  for (const k of ['job-name', 'batch.kubernetes.io/job-name']) setDefault(labels, k, name);
  for (const k of ['controller-uid', 'batch.kubernetes.io/controller-uid']) setDefault(labels, k, uid);
  const selector = ensureDict(spec, 'selector');
  setDefault(ensureDict(selector, 'matchLabels'), 'batch.kubernetes.io/controller-uid', uid);
  const meta = ensureDict(obj, 'metadata');
  if (!isDict(meta.labels) || Object.keys(meta.labels).length === 0) meta.labels = { ...labels };
}
