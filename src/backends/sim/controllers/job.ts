import type { Api } from '../api/types.js';
import { StatusError } from '../status.js';
import type { KObject, ResourceType, StoreChange } from '../types.js';
import { recordEvent } from './events.js';
import { INDEX, INDEX_FAILURE_COUNT, completionIndex, formatIndexes, indexFailureCount, parseIndexes, pendingIndexes } from './job-indexes.js';
import { FAILURE, type JobFailure, finishedWith } from './job-status.js';
import { isReady } from './pods.js';
import { type SyncResult, WorkQueue } from './queue.js';
import { type Json, clone, controllerRef, deepEqual, dig, keyOf, ownerRefTo, splitKey, timestamp, tolerate, typeOf, ownerKey } from './util.js';

const COMPONENT = 'job-controller';
const TRACKING = 'batch.kubernetes.io/job-tracking';
/** Queue-key prefix for a pod whose Job is gone. */
const ORPHAN = 'orphan-pod:';

const phase = (p: KObject) => dig<string>(p, 'status', 'phase');
const terminal = (p: KObject) => phase(p) === 'Succeeded' || phase(p) === 'Failed';
const tracked = (p: KObject) => p.metadata.finalizers?.includes(TRACKING) === true;

/**
 * The Job controller (`pkg/controller/job`, 1.32): runs `parallelism` pods (`<job>-xxxxx`, or
 * `<job>-<index>-xxxxx` when Indexed) until `completions` have succeeded, counting finished pods
 * through the job-tracking finalizer; `backoffLimit`, `backoffLimitPerIndex`/`maxFailedIndexes`
 * and `activeDeadlineSeconds` fail it (FailureTarget first, Failed once its pods are gone);
 * `suspend` deletes its active pods (Suspended condition and event) and resuming resets
 * `startTime` (Resumed). `podReplacementPolicy: Failed` waits for a terminating pod to fail
 * before replacing it; otherwise a deleted pod counts as failed at once.
 */
export class JobController {
  readonly queue: WorkQueue;
  /** Syncs in a row in which a pod could not be created, per Job: the retry backoff. */
  private readonly createFailures = new Map<string, number>();
  private readonly jobs: ResourceType;
  private readonly pods: ResourceType;

  constructor(private readonly api: Api) {
    this.jobs = typeOf(api, 'jobs', 'batch');
    this.pods = typeOf(api, 'pods');
    this.queue = new WorkQueue(COMPONENT, api.ctx.clock, (key) => this.sync(key));
  }

  /**
   * Enqueues changed jobs and the jobs owning changed pods; a pod still carrying the tracking
   * finalizer whose Job is gone is queued as an orphan (`handleOrphanPod`), and so are the pods of
   * a Job that was just deleted.
   */
  handle(change: StoreChange): void {
    const o = change.object;
    if (change.resource === this.jobs) {
      if (change.type === 'DELETED') {
        for (const p of this.api.list(this.pods, o.metadata.namespace).items) {
          if (controllerRef(p)?.uid === o.metadata.uid && tracked(p)) this.queue.add(`${ORPHAN}${keyOf(p)}`);
        }
      }
      return this.queue.add(keyOf(o));
    }
    if (change.resource !== this.pods || change.type === 'DELETED') return;
    const owner = ownerKey(o, 'Job');
    if (!owner) return;
    const job = this.api.find(this.jobs, o.metadata.namespace, splitKey(owner).name);
    if (tracked(o) && job?.metadata.uid !== controllerRef(o)?.uid) this.queue.add(`${ORPHAN}${keyOf(o)}`);
    else this.queue.add(owner);
  }

  private sync(key: string): SyncResult {
    if (key.startsWith(ORPHAN)) return this.releaseOrphan(key.slice(ORPHAN.length));
    const { namespace, name } = splitKey(key);
    const job = this.api.find(this.jobs, namespace, name);
    if (!job) return;
    const pods = this.api.list(this.pods, namespace).items.filter((p) => controllerRef(p)?.uid === job.metadata.uid);
    if (job.metadata.deletionTimestamp) {
      // A Job being deleted (foreground) no longer tracks its pods: let them go.
      for (const p of pods) this.removeTracking(p);
      return;
    }
    const old = (job['status'] as Json) ?? {};
    const status: Json = clone(old);
    const conditions = ((status['conditions'] as Json[]) ?? []).map((c) => ({ ...c }));
    if (finishedWith(conditions, 'Complete') || finishedWith(conditions, 'Failed')) {
      // A finished Job only lets go of the pods it no longer counts.
      for (const p of pods) if (terminal(p)) this.removeTracking(p);
      return;
    }
    const now = this.api.ctx.clock.now();
    const spec = (job['spec'] as Json) ?? {};
    const suspended = spec['suspend'] === true;
    const onlyReplaceFailed = spec['podReplacementPolicy'] === 'Failed' || spec['podFailurePolicy'] != null;
    const indexed = spec['completionMode'] === 'Indexed';
    const completions = typeof spec['completions'] === 'number' ? spec['completions'] : undefined;
    const perIndex = indexed && typeof spec['backoffLimitPerIndex'] === 'number' ? spec['backoffLimitPerIndex'] : undefined;
    // A pod counts as failed when it failed or, unless only failed pods are replaced, when it is being deleted.
    const failed = (p: KObject) => phase(p) === 'Failed' || (!onlyReplaceFailed && !!p.metadata.deletionTimestamp && phase(p) !== 'Succeeded');
    const inRange = (p: KObject) => !indexed || (completionIndex(p) !== undefined && completionIndex(p)! < (completions ?? 0));

    // Finished pods still carrying the tracking finalizer are counted now, then released.
    const newSucceeded = pods.filter((p) => tracked(p) && phase(p) === 'Succeeded' && inRange(p));
    const newFailed = pods.filter((p) => tracked(p) && failed(p) && inRange(p));
    let active = pods.filter((p) => !terminal(p) && !p.metadata.deletionTimestamp);
    let failedCount = Number(status['failed'] ?? 0) + newFailed.length;
    let succeeded = Number(status['succeeded'] ?? 0) + newSucceeded.length;
    const succeededIndexes = indexed ? parseIndexes(status['completedIndexes'] as string, completions ?? 0) : new Set<number>();
    for (const p of newSucceeded) if (indexed) succeededIndexes.add(completionIndex(p)!);
    if (indexed) succeeded = succeededIndexes.size;
    let failedIndexes: Set<number> | undefined;
    if (perIndex !== undefined) {
      failedIndexes = parseIndexes(status['failedIndexes'] as string | undefined, completions ?? 0);
      for (const p of newFailed) if (indexFailureCount(p) >= perIndex) failedIndexes.add(completionIndex(p)!);
    }
    if (!status['startTime'] && !suspended) status['startTime'] = timestamp(now);

    let failure = pendingFailure(conditions);
    let requeueAfterMs: number | undefined;
    if (!failure) {
      const deadline = typeof spec['activeDeadlineSeconds'] === 'number' ? spec['activeDeadlineSeconds'] * 1000 : undefined;
      const started = status['startTime'] ? Date.parse(String(status['startTime'])) : undefined;
      if (failedCount > Number(spec['backoffLimit'] ?? 6)) failure = FAILURE.backoffLimit;
      else if (deadline !== undefined && started !== undefined && !suspended) {
        if (now.getTime() - started >= deadline) failure = FAILURE.deadline;
        else requeueAfterMs = started + deadline - now.getTime();
      }
    }
    if (!failure && failedIndexes) {
      const max = spec['maxFailedIndexes'];
      if (typeof max === 'number' && failedIndexes.size > max) failure = FAILURE.maxFailedIndexes;
      else if (failedIndexes.size > 0 && failedIndexes.size + succeededIndexes.size >= (completions ?? 0)) failure = FAILURE.failedIndexes;
    }

    let complete = false;
    const creation = { refused: false };
    const events: [type: 'Normal' | 'Warning', reason: string, message: string][] = [];
    if (failure) {
      // Every pod still running is deleted, and counts as failed; the finalizers go once counted.
      for (const p of active) {
        if (tolerate(() => this.api.delete(this.pods, namespace, String(p.metadata.name))) === undefined || !tracked(p)) continue;
        failedCount++;
        this.removeTracking(p);
      }
      active = [];
      if (!conditions.some((c) => c['type'] === 'FailureTarget' && c['status'] === 'True')) conditions.push(condition(now, 'FailureTarget', 'True', failure));
    } else {
      active = this.manage(job, active, pods, {
        suspended,
        onlyReplaceFailed,
        indexed,
        completions,
        succeeded,
        succeededIndexes,
        failedIndexes,
        failed,
        creation,
      });
      complete = completions === undefined ? succeeded > 0 && active.length === 0 : succeeded >= completions && active.length === 0;
      if (complete) {
        if (!finishedWith(conditions, 'SuccessCriteriaMet')) conditions.push(condition(now, 'SuccessCriteriaMet', 'True', FAILURE.completions));
      } else if (suspended) {
        if (ensureCondition(conditions, now, 'Suspended', 'True', FAILURE.suspended)) events.push(['Normal', 'Suspended', 'Job suspended']);
      } else if (ensureCondition(conditions, now, 'Suspended', 'False', FAILURE.resumed)) {
        events.push(['Normal', 'Resumed', 'Job resumed']);
        // A resumed Job is continuously active from now: activeDeadlineSeconds counts from here.
        status['startTime'] = timestamp(now);
      }
    }

    const fresh = this.api.list(this.pods, namespace).items.filter((p) => controllerRef(p)?.uid === job.metadata.uid);
    const terminating = fresh.filter((p) => p.metadata.deletionTimestamp && !terminal(p)).length;
    status['active'] = active.length;
    status['ready'] = active.filter(isReady).length;
    status['terminating'] = terminating;
    status['uncountedTerminatedPods'] = {};
    status['succeeded'] = succeeded;
    status['failed'] = failedCount;
    if (indexed) status['completedIndexes'] = formatIndexes(succeededIndexes);
    if (failedIndexes) status['failedIndexes'] = formatIndexes(failedIndexes);
    // The terminal condition waits until no pod of the Job is still terminating.
    let finished: JobFailure | undefined;
    if (terminating === 0 && (failure || complete)) {
      finished = failure ?? FAILURE.completions;
      conditions.push(condition(now, failure ? 'Failed' : 'Complete', 'True', finished));
      if (!failure) status['completionTime'] = timestamp(now);
    }
    if (conditions.length) status['conditions'] = conditions;
    for (const k of ['active', 'succeeded', 'failed']) if (status[k] === 0) delete status[k];
    if (status['completedIndexes'] === '') delete status['completedIndexes'];
    if (!deepEqual(old, status)) this.api.update(this.jobs, namespace, { ...job, status }, { subresource: 'status' });
    for (const [type, reason, message] of events) recordEvent(this.api, job, type, reason, message, COMPONENT);
    if (finished) {
      if (failure) recordEvent(this.api, job, 'Warning', failure.reason, failure.message, COMPONENT);
      else recordEvent(this.api, job, 'Normal', 'Completed', 'Job completed', COMPONENT);
    }
    for (const p of [...newSucceeded, ...newFailed]) this.removeTracking(p);
    if (finished) for (const p of fresh) if (terminal(p)) this.removeTracking(p);
    if (creation.refused) {
      // The real controller's queue retries a failed sync with exponential backoff (5ms doubling, up to 1000s).
      const failures = (this.createFailures.get(key) ?? 0) + 1;
      this.createFailures.set(key, failures);
      const backoff = Math.min(5 * 2 ** (failures - 1), 1_000_000);
      return { requeueAfterMs: requeueAfterMs === undefined ? backoff : Math.min(backoff, requeueAfterMs) };
    }
    this.createFailures.delete(key);
    return requeueAfterMs !== undefined ? { requeueAfterMs } : undefined;
  }

  /**
   * `manageJob`: a suspended Job's active pods are deleted (their finalizers removed first, so
   * they do not count as failed); otherwise surplus pods are deleted, or missing ones created —
   * for Indexed Jobs the lowest indexes that are not succeeded, failed, active (or, under
   * podReplacementPolicy Failed, still terminating). Returns the pods now active.
   */
  private manage(
    job: KObject,
    active: KObject[],
    pods: KObject[],
    o: {
      suspended: boolean;
      onlyReplaceFailed: boolean;
      indexed: boolean;
      completions: number | undefined;
      succeeded: number;
      succeededIndexes: Set<number>;
      failedIndexes: Set<number> | undefined;
      failed: (p: KObject) => boolean;
      /** Set when the API server refused a pod. */
      creation: { refused: boolean };
    },
  ): KObject[] {
    const namespace = job.metadata.namespace;
    const parallelism = Number(dig(job, 'spec', 'parallelism') ?? 1);
    const want = o.suspended
      ? 0
      : o.completions === undefined
        ? o.succeeded > 0
          ? active.length
          : parallelism
        : Math.max(0, Math.min(parallelism, o.completions - o.succeeded));
    if (active.length > want) {
      // Pods that are not ready (or not running yet) go first.
      const order = [...active].sort((a, b) => Number(isReady(a)) - Number(isReady(b)));
      const remove = order.slice(0, active.length - want);
      for (const p of remove) {
        this.removeTracking(p);
        if (tolerate(() => this.api.delete(this.pods, namespace, String(p.metadata.name))) !== undefined)
          recordEvent(this.api, job, 'Normal', 'SuccessfulDelete', `Deleted pod: ${p.metadata.name}`, COMPONENT);
      }
      return active.filter((p) => !remove.includes(p));
    }
    const terminatingPods = pods.filter((p) => p.metadata.deletionTimestamp && !terminal(p));
    const diff = want - active.length - (o.onlyReplaceFailed ? terminatingPods.length : 0);
    if (diff <= 0) return active;
    let indexes: (number | undefined)[] = Array.from({ length: diff }, () => undefined);
    if (o.indexed) {
      const taken = new Set<number>([...o.succeededIndexes, ...(o.failedIndexes ?? [])]);
      for (const p of [...active, ...(o.onlyReplaceFailed ? terminatingPods : [])]) if (completionIndex(p) !== undefined) taken.add(completionIndex(p)!);
      indexes = pendingIndexes(taken, diff, o.completions ?? 0);
    }
    const created = [...active];
    for (const index of indexes) {
      // Under backoffLimitPerIndex the replacement carries how many pods of its index failed before.
      const failures =
        index !== undefined && o.failedIndexes ? pods.filter((p) => completionIndex(p) === index && o.failed(p)).map((p) => indexFailureCount(p) + 1) : [];
      const failureCount = o.failedIndexes && index !== undefined ? Math.max(0, ...failures) : undefined;
      let pod: KObject;
      try {
        pod = this.api.create(this.pods, namespace, this.podFor(job, index, failureCount));
      } catch (error) {
        if (!(error instanceof StatusError)) throw error;
        // As the ReplicaSet controller: a refused create (a quota's 403) is a FailedCreate event, and the sync is retried.
        if (!error.status.details?.causes?.some((c) => c.reason === 'NamespaceTerminating')) {
          recordEvent(this.api, job, 'Warning', 'FailedCreate', `Error creating: ${error.message}`, COMPONENT);
          o.creation.refused = true;
        }
        break;
      }
      created.push(pod);
      recordEvent(this.api, job, 'Normal', 'SuccessfulCreate', `Created pod: ${pod.metadata.name}`, COMPONENT);
    }
    return created;
  }

  /** A pod whose Job no longer exists loses the tracking finalizer, so its deletion can finish. */
  private releaseOrphan(key: string): void {
    const { namespace, name } = splitKey(key);
    const pod = this.api.find(this.pods, namespace, name);
    const ref = pod && controllerRef(pod);
    if (!pod || !ref) return;
    const job = this.api.find(this.jobs, namespace, ref.name);
    if (job?.metadata.uid !== ref.uid) this.removeTracking(pod);
  }

  private removeTracking(p: KObject): void {
    const fresh = this.api.find(this.pods, p.metadata.namespace, String(p.metadata.name));
    if (!fresh || !tracked(fresh)) return;
    const finalizers = fresh.metadata.finalizers!.filter((f) => f !== TRACKING);
    tolerate(() => this.api.update(this.pods, p.metadata.namespace, { ...fresh, metadata: { ...fresh.metadata, finalizers } }));
  }

  private podFor(job: KObject, index: number | undefined, failureCount: number | undefined): KObject {
    const template = (dig<Json>(job, 'spec', 'template') ?? {}) as Json;
    const meta = (template['metadata'] as Json) ?? {};
    const labels: Record<string, string> = { ...((meta['labels'] as Record<string, string>) ?? {}) };
    const annotations: Record<string, string> = { ...((meta['annotations'] as Record<string, string>) ?? {}) };
    const spec = clone((template['spec'] as Json) ?? {});
    if (!labels['batch.kubernetes.io/job-name']) {
      Object.assign(labels, {
        'batch.kubernetes.io/controller-uid': String(job.metadata.uid),
        'batch.kubernetes.io/job-name': String(job.metadata.name),
        'controller-uid': String(job.metadata.uid),
        'job-name': String(job.metadata.name),
      });
    }
    if (index !== undefined) {
      // PodIndexLabel (GA in 1.32): the index is a label too, and JOB_COMPLETION_INDEX reads the label.
      labels[INDEX] = String(index);
      annotations[INDEX] = String(index);
      if (failureCount !== undefined) annotations[INDEX_FAILURE_COUNT] = String(failureCount);
      spec['hostname'] = `${job.metadata.name}-${index}`;
      for (const c of [...((spec['initContainers'] as Json[]) ?? []), ...((spec['containers'] as Json[]) ?? [])]) {
        const env = ((c['env'] as Json[]) ?? []).slice();
        if (!env.some((e) => e['name'] === 'JOB_COMPLETION_INDEX'))
          env.push({ name: 'JOB_COMPLETION_INDEX', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: `metadata.labels['${INDEX}']` } } });
        c['env'] = env;
      }
    }
    return {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        generateName: index === undefined ? `${job.metadata.name}-` : `${job.metadata.name}-${index}-`,
        namespace: job.metadata.namespace,
        labels,
        ...(Object.keys(annotations).length ? { annotations } : {}),
        finalizers: [TRACKING],
        ownerReferences: [ownerRefTo(job)],
      },
      spec,
    };
  }
}

/** A FailureTarget condition already decided in an earlier sync: the Job fails for that reason. */
function pendingFailure(conditions: Json[]): JobFailure | undefined {
  const c = conditions.find((x) => x['type'] === 'FailureTarget' && x['status'] === 'True');
  return c ? { reason: String(c['reason'] ?? ''), message: String(c['message'] ?? '') } : undefined;
}

function condition(now: Date, type: string, status: 'True' | 'False', why: JobFailure): Json {
  const t = timestamp(now);
  return { lastProbeTime: t, lastTransitionTime: t, message: why.message, reason: why.reason, status, type };
}

/**
 * `ensureJobConditionStatus`: sets a condition of this type to the status, reason and message
 * (replacing the old one when any differs); a False condition is never added where none was.
 * Returns whether the list changed.
 */
function ensureCondition(conditions: Json[], now: Date, type: string, status: 'True' | 'False', why: JobFailure): boolean {
  const i = conditions.findIndex((c) => c['type'] === type);
  if (i >= 0) {
    const c = conditions[i]!;
    if (c['status'] === status && c['reason'] === why.reason && c['message'] === why.message) return false;
    conditions[i] = condition(now, type, status, why);
    return true;
  }
  if (status === 'False') return false;
  conditions.push(condition(now, type, status, why));
  return true;
}
