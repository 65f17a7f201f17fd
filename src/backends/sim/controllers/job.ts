import type { Api } from '../api/types.js';
import type { KObject, ResourceType, StoreChange } from '../types.js';
import { recordEvent } from './events.js';
import { isReady } from './pods.js';
import { type SyncResult, WorkQueue } from './queue.js';
import { type Json, clone, controllerRef, deepEqual, dig, keyOf, ownerRefTo, splitKey, timestamp, tolerate, typeOf, ownerKey } from './util.js';

const COMPONENT = 'job-controller';
const TRACKING = 'batch.kubernetes.io/job-tracking';
const INDEX = 'batch.kubernetes.io/job-completion-index';
/** Queue-key prefix for a pod whose Job is gone. */
const ORPHAN = 'orphan-pod:';

/**
 * The Job controller: runs `parallelism` pods (`<job>-xxxxx`, or `<job>-<index>-xxxxx` when
 * Indexed) until `completions` have succeeded, counting finished pods through the job-tracking
 * finalizer, then sets SuccessCriteriaMet and Complete (or FailureTarget and Failed past
 * backoffLimit) as 1.32 does.
 */
export class JobController {
  readonly queue: WorkQueue;
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
          if (controllerRef(p)?.uid === o.metadata.uid && p.metadata.finalizers?.includes(TRACKING)) this.queue.add(`${ORPHAN}${keyOf(p)}`);
        }
      }
      return this.queue.add(keyOf(o));
    }
    if (change.resource !== this.pods || change.type === 'DELETED') return;
    const owner = ownerKey(o, 'Job');
    if (!owner) return;
    const job = this.api.find(this.jobs, o.metadata.namespace, splitKey(owner).name);
    if (o.metadata.finalizers?.includes(TRACKING) && job?.metadata.uid !== controllerRef(o)?.uid) this.queue.add(`${ORPHAN}${keyOf(o)}`);
    else this.queue.add(owner);
  }

  private sync(key: string): SyncResult {
    if (key.startsWith(ORPHAN)) return this.releaseOrphan(key.slice(ORPHAN.length));
    const { namespace, name } = splitKey(key);
    const job = this.api.find(this.jobs, namespace, name);
    if (!job) return;
    if (job.metadata.deletionTimestamp) {
      // A Job being deleted (foreground) no longer tracks its pods: let them go.
      for (const p of this.api.list(this.pods, namespace).items) if (controllerRef(p)?.uid === job.metadata.uid) this.removeTracking(p);
      return;
    }
    const now = timestamp(this.api.ctx.clock.now());
    const old = (job['status'] as Json) ?? {};
    const status: Json = clone(old);
    const pods = this.api.list(this.pods, namespace).items.filter((p) => controllerRef(p)?.uid === job.metadata.uid);
    const phase = (p: KObject) => dig<string>(p, 'status', 'phase');
    const finished = (cond: string) => ((status['conditions'] as Json[]) ?? []).some((c) => c['type'] === cond && c['status'] === 'True');
    const done = finished('Complete') || finished('Failed');

    // Count finished pods still carrying the tracking finalizer, then release them.
    const uncounted = pods.filter((p) => (phase(p) === 'Succeeded' || phase(p) === 'Failed') && p.metadata.finalizers?.includes(TRACKING));
    status['succeeded'] = Number(status['succeeded'] ?? 0) + uncounted.filter((p) => phase(p) === 'Succeeded').length;
    status['failed'] = Number(status['failed'] ?? 0) + uncounted.filter((p) => phase(p) === 'Failed').length;
    const indexed = dig(job, 'spec', 'completionMode') === 'Indexed';
    if (indexed) {
      const indexes = new Set(
        String(status['completedIndexes'] ?? '')
          .split(',')
          .filter(Boolean)
          .flatMap(expandRange),
      );
      for (const p of uncounted) if (phase(p) === 'Succeeded') indexes.add(Number(p.metadata.annotations?.[INDEX] ?? 0));
      status['completedIndexes'] = compress([...indexes]);
    }
    const active = pods.filter((p) => phase(p) !== 'Succeeded' && phase(p) !== 'Failed' && !p.metadata.deletionTimestamp);
    const completions = dig<number>(job, 'spec', 'completions');
    const parallelism = Number(dig(job, 'spec', 'parallelism') ?? 1);
    const backoffLimit = Number(dig(job, 'spec', 'backoffLimit') ?? 6);
    const succeeded = Number(status['succeeded']);
    const complete = completions !== undefined && completions !== null ? succeeded >= completions : succeeded > 0 && active.length === 0;
    const failedOut = Number(status['failed']) > backoffLimit;
    if (!status['startTime'] && !dig(job, 'spec', 'suspend')) status['startTime'] = now;

    if (!done && !complete && !failedOut && !dig(job, 'spec', 'suspend')) {
      const remaining = completions === undefined || completions === null ? parallelism : completions - succeeded;
      const want = Math.min(parallelism, remaining);
      const busy = new Set(active.map((p) => p.metadata.annotations?.[INDEX]));
      const doneIdx = new Set(
        String(status['completedIndexes'] ?? '')
          .split(',')
          .filter(Boolean)
          .flatMap(expandRange),
      );
      for (let i = active.length, next = 0; i < want; i++) {
        let index: number | undefined;
        if (indexed) {
          while (busy.has(String(next)) || doneIdx.has(next)) next++;
          if (completions !== undefined && next >= completions) break;
          index = next++;
        }
        const pod = this.api.create(this.pods, namespace, this.podFor(job, index));
        active.push(pod);
        recordEvent(this.api, job, 'Normal', 'SuccessfulCreate', `Created pod: ${pod.metadata.name}`, COMPONENT);
      }
    }
    if (done || complete || failedOut) {
      for (const p of active) tolerate(() => this.api.delete(this.pods, namespace, String(p.metadata.name)));
    }
    status['active'] = done || complete || failedOut ? 0 : active.length;
    status['ready'] = active.filter(isReady).length;
    status['terminating'] = pods.filter((p) => p.metadata.deletionTimestamp && phase(p) !== 'Succeeded' && phase(p) !== 'Failed').length;
    status['uncountedTerminatedPods'] = {};
    const conditions = ((status['conditions'] as Json[]) ?? []).slice();
    const cond = (type: string, reason: string, message: string) => ({ lastProbeTime: now, lastTransitionTime: now, message, reason, status: 'True', type });
    if (!done && complete) {
      conditions.push(cond('SuccessCriteriaMet', 'CompletionsReached', 'Reached expected number of succeeded pods'));
      conditions.push(cond('Complete', 'CompletionsReached', 'Reached expected number of succeeded pods'));
      status['completionTime'] = now;
    } else if (!done && failedOut) {
      conditions.push(cond('FailureTarget', 'BackoffLimitExceeded', 'Job has reached the specified backoff limit'));
      conditions.push(cond('Failed', 'BackoffLimitExceeded', 'Job has reached the specified backoff limit'));
    }
    if (conditions.length) status['conditions'] = conditions;
    for (const k of ['active', 'succeeded', 'failed']) if (status[k] === 0) delete status[k];
    if (!deepEqual(old, status)) {
      this.api.update(this.jobs, namespace, { ...job, status }, { subresource: 'status' });
      if (!done && complete) recordEvent(this.api, job, 'Normal', 'Completed', 'Job completed', COMPONENT);
      if (!done && failedOut) recordEvent(this.api, job, 'Warning', 'BackoffLimitExceeded', 'Job has reached the specified backoff limit', COMPONENT);
    }
    for (const p of uncounted) this.removeTracking(p);
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
    if (!fresh?.metadata.finalizers?.includes(TRACKING)) return;
    const finalizers = fresh.metadata.finalizers.filter((f) => f !== TRACKING);
    tolerate(() => this.api.update(this.pods, p.metadata.namespace, { ...fresh, metadata: { ...fresh.metadata, finalizers } }));
  }

  private podFor(job: KObject, index: number | undefined): KObject {
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
      labels[INDEX] = String(index);
      annotations[INDEX] = String(index);
      spec['hostname'] ??= `${job.metadata.name}-${index}`;
      // The Job controller gives every container the index as JOB_COMPLETION_INDEX (from the annotation).
      for (const c of [...((spec['initContainers'] as Json[]) ?? []), ...((spec['containers'] as Json[]) ?? [])]) {
        const env = ((c['env'] as Json[]) ?? []).slice();
        if (!env.some((e) => e['name'] === 'JOB_COMPLETION_INDEX'))
          env.push({ name: 'JOB_COMPLETION_INDEX', valueFrom: { fieldRef: { fieldPath: `metadata.annotations['${INDEX}']` } } });
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

function expandRange(part: string): number[] {
  const [a, b] = part.split('-').map(Number);
  if (b === undefined) return [a!];
  return Array.from({ length: b - a! + 1 }, (_, i) => a! + i);
}

function compress(values: number[]): string {
  const sorted = [...new Set(values)].sort((x, y) => x - y);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    parts.push(j === i ? String(sorted[i]) : `${sorted[i]}-${sorted[j]}`);
    i = j + 1;
  }
  return parts.join(',');
}
