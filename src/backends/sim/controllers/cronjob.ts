import type { Api } from '../api/types.js';
import { type CronSchedule, CronSyntaxError, isKnownTimeZone, parseSchedule, rfc3339In } from '../cron-schedule.js';
import type { KObject, ResourceType, StoreChange } from '../types.js';
import { recordEvent } from './events.js';
import { type SyncResult, WorkQueue } from './queue.js';
import { type Json, clone, controllerRef, deepEqual, dig, keyOf, ownerKey, ownerRefTo, splitKey, timestamp, tolerate, typeOf } from './util.js';

const COMPONENT = 'cronjob-controller';
/** The controller wakes this long after a scheduled time (`nextScheduleDelta`). */
const NEXT_SCHEDULE_DELTA_MS = 100;
const SCHEDULED_ANNOTATION = 'batch.kubernetes.io/cronjob-scheduled-timestamp';

type Finished = 'Complete' | 'Failed' | undefined;

function finished(job: KObject): Finished {
  const c = (dig<Json[]>(job, 'status', 'conditions') ?? []).find((x) => (x['type'] === 'Complete' || x['type'] === 'Failed') && x['status'] === 'True');
  return c?.['type'] as Finished;
}

/** Why a schedule cannot say when to run next (`mostRecentScheduleTime`'s error). */
class InvalidSchedule extends Error {}

/**
 * The CronJob controller (`pkg/controller/cronjob`, v2): on each scheduled time it creates the Job
 * `<cronjob>-<scheduled time in minutes since the epoch>`, keeps `status.active`,
 * `lastScheduleTime` and `lastSuccessfulTime`, applies concurrencyPolicy, suspend and
 * startingDeadlineSeconds, deletes finished Jobs beyond the history limits, and wakes itself on
 * the simulator's clock 100 ms after the next scheduled time.
 */
export class CronJobController {
  readonly queue: WorkQueue;
  private readonly cronjobs: ResourceType;
  private readonly jobs: ResourceType;

  constructor(private readonly api: Api) {
    this.cronjobs = typeOf(api, 'cronjobs', 'batch');
    this.jobs = typeOf(api, 'jobs', 'batch');
    this.queue = new WorkQueue(COMPONENT, api.ctx.clock, (key) => this.sync(key));
  }

  /** Enqueues changed CronJobs and the owners of changed Jobs. */
  handle(change: StoreChange): void {
    if (change.resource === this.cronjobs) return this.queue.add(keyOf(change.object));
    if (change.resource !== this.jobs) return;
    const owner = ownerKey(change.object, 'CronJob');
    if (owner) this.queue.add(owner);
  }

  private sync(key: string): SyncResult {
    const { namespace, name } = splitKey(key);
    const found = this.api.find(this.cronjobs, namespace, name);
    if (!found) return;
    const cj = clone(found);
    const jobs = this.api.list(this.jobs, namespace).items.filter((j) => controllerRef(j)?.uid === cj.metadata.uid);
    const oldStatus = clone((found['status'] as Json) ?? {});
    this.cleanupFinishedJobs(cj, jobs);
    const requeue = this.syncCronJob(cj, jobs);
    const status = (cj['status'] as Json) ?? {};
    if (Array.isArray(status['active']) && status['active'].length === 0) delete status['active'];
    if (!deepEqual(oldStatus, status)) {
      tolerate(() => this.api.update(this.cronjobs, namespace, { ...found, status }, { subresource: 'status' }));
    }
    return requeue === undefined ? undefined : { requeueAfterMs: requeue };
  }

  private status(cj: KObject): Json {
    cj['status'] ??= {};
    return cj['status'] as Json;
  }

  private active(cj: KObject): Json[] {
    return ((dig<Json[]>(cj, 'status', 'active') ?? []) as Json[]).slice();
  }

  private setActive(cj: KObject, refs: Json[]): void {
    this.status(cj)['active'] = refs;
  }

  /** syncCronJob: returns the delay until the next wake-up, or undefined for none. */
  private syncCronJob(cj: KObject, jobs: KObject[]): number | undefined {
    const now = this.api.ctx.clock.now();
    const children = new Set(jobs.map((j) => j.metadata.uid));
    for (const j of jobs) {
      const isActive = this.active(cj).some((r) => r['uid'] === j.metadata.uid);
      const done = finished(j);
      if (!isActive && !done) {
        this.event(cj, 'Warning', 'UnexpectedJob', `Saw a job that the controller did not create or forgot: ${j.metadata.name}`);
      } else if (done) {
        if (isActive) {
          this.setActive(
            cj,
            this.active(cj).filter((r) => r['uid'] !== j.metadata.uid),
          );
          this.event(cj, 'Normal', 'SawCompletedJob', `Saw completed job: ${j.metadata.name}, condition: ${done}`);
        }
        const completion = dig<string>(j, 'status', 'completionTime');
        if (done === 'Complete' && completion) {
          const last = dig<string>(cj, 'status', 'lastSuccessfulTime');
          if (!last || Date.parse(completion) > Date.parse(last)) this.status(cj)['lastSuccessfulTime'] = completion;
        }
      }
    }
    for (const ref of this.active(cj)) {
      if (children.has(String(ref['uid']))) continue;
      if (this.api.find(this.jobs, cj.metadata.namespace, String(ref['name']))) continue;
      this.event(cj, 'Normal', 'MissingJob', `Active job went missing: ${ref['name']}`);
      this.setActive(
        cj,
        this.active(cj).filter((r) => r['uid'] !== ref['uid']),
      );
    }
    if (cj.metadata.deletionTimestamp) return undefined;
    const timeZone = dig<string>(cj, 'spec', 'timeZone');
    if (timeZone !== undefined && timeZone !== null && !isKnownTimeZone(timeZone)) {
      this.event(cj, 'Warning', 'UnknownTimeZone', `invalid timeZone: ${JSON.stringify(timeZone)}: unknown time zone ${timeZone}`);
      return undefined;
    }
    if (dig(cj, 'spec', 'suspend') === true) return undefined;

    const spec = String(dig(cj, 'spec', 'schedule') ?? '');
    if (spec.includes('TZ')) {
      this.event(
        cj,
        'Warning',
        'UnsupportedSchedule',
        `CRON_TZ or TZ used in schedule ${JSON.stringify(spec)} is not officially supported, see https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/ for more details`,
      );
    }
    let sched: CronSchedule;
    try {
      sched = parseSchedule(spec, timeZone ?? 'UTC');
    } catch (e) {
      if (!(e instanceof CronSyntaxError)) throw e;
      this.event(cj, 'Warning', 'UnparseableSchedule', `unparseable schedule: ${JSON.stringify(spec)} : ${e.message}`);
      return undefined;
    }
    let scheduled: Date | undefined;
    try {
      scheduled = this.nextScheduleTime(cj, now, sched);
    } catch (e) {
      if (!(e instanceof InvalidSchedule)) throw e;
      this.event(cj, 'Warning', 'InvalidSchedule', `invalid schedule: ${spec} : ${e.message}`);
      return undefined;
    }
    const wake = () => this.nextWakeDelay(cj, now, sched);
    if (!scheduled) return wake();

    const deadline = dig<number>(cj, 'spec', 'startingDeadlineSeconds');
    if (deadline !== undefined && deadline !== null && scheduled.getTime() + deadline * 1000 < now.getTime()) {
      this.event(cj, 'Warning', 'MissSchedule', `Missed scheduled time to start a job: ${rfc1123z(scheduled)}`);
      return wake();
    }
    const jobName = `${cj.metadata.name}-${Math.floor(scheduled.getTime() / 60_000)}`;
    const last = dig<string>(cj, 'status', 'lastScheduleTime');
    if (this.active(cj).some((r) => r['name'] === jobName) || (last && Date.parse(last) === scheduled.getTime())) return wake();
    const policy = dig<string>(cj, 'spec', 'concurrencyPolicy') ?? 'Allow';
    if (policy === 'Forbid' && this.active(cj).length > 0) {
      this.event(cj, 'Normal', 'JobAlreadyActive', 'Not starting job because prior execution is running and concurrency policy is Forbid');
      return wake();
    }
    if (policy === 'Replace') {
      for (const ref of this.active(cj)) {
        const job = this.api.find(this.jobs, cj.metadata.namespace, String(ref['name']));
        if (job) this.deleteJob(cj, job);
      }
    }
    const created = this.createJob(cj, jobName, scheduled, timeZone ?? 'UTC');
    if (created) {
      this.setActive(cj, [
        ...this.active(cj),
        {
          apiVersion: 'batch/v1',
          kind: 'Job',
          name: created.metadata.name,
          namespace: created.metadata.namespace,
          resourceVersion: created.metadata.resourceVersion,
          uid: created.metadata.uid,
        },
      ]);
      this.status(cj)['lastScheduleTime'] = timestamp(scheduled);
    }
    return wake();
  }

  /** The most recent unmet scheduled time, as `nextScheduleTime`/`mostRecentScheduleTime` find it. */
  private nextScheduleTime(cj: KObject, now: Date, sched: CronSchedule): Date | undefined {
    let earliest = new Date(dig<string>(cj, 'status', 'lastScheduleTime') ?? cj.metadata.creationTimestamp ?? now.toISOString());
    const deadline = dig<number>(cj, 'spec', 'startingDeadlineSeconds');
    if (deadline !== undefined && deadline !== null && now.getTime() - deadline * 1000 > earliest.getTime())
      earliest = new Date(now.getTime() - deadline * 1000);
    const t1 = sched.next(earliest);
    const t2 = t1 && sched.next(t1);
    // robfig returns the zero time for a schedule that never fires: two equal zero times.
    if (!t1 || !t2) throw new InvalidSchedule('time difference between two schedules is less than 1 second');
    if (now < t1) return undefined;
    if (now < t2) return t1;
    let latest = t2;
    // Bounded: a schedule missed for very long is caught up to its most recent time only.
    for (let t = sched.next(t2), n = 0; t && t <= now && n < 100_000; t = sched.next(t), n++) latest = t;
    return latest;
  }

  /** `nextScheduleTimeDuration`: 100 ms after the next scheduled time after the most recent one. */
  private nextWakeDelay(cj: KObject, now: Date, sched: CronSchedule): number | undefined {
    const last = dig<string>(cj, 'status', 'lastScheduleTime');
    let from = new Date(last ?? cj.metadata.creationTimestamp ?? now.toISOString());
    for (let t = sched.next(from), n = 0; t && t <= now && n < 100_000; t = sched.next(t), n++) from = t;
    const next = sched.next(from);
    return next ? Math.max(0, next.getTime() + NEXT_SCHEDULE_DELTA_MS - now.getTime()) : undefined;
  }

  /** getJobFromTemplate2: the template's labels and annotations, the scheduled time, the owner. */
  private createJob(cj: KObject, name: string, scheduled: Date, timeZone: string): KObject | undefined {
    const template = (dig<Json>(cj, 'spec', 'jobTemplate') ?? {}) as Json;
    const meta = (template['metadata'] as Json) ?? {};
    const annotations = { ...((meta['annotations'] as Record<string, string>) ?? {}), [SCHEDULED_ANNOTATION]: rfc3339In(scheduled, timeZone) };
    const job: KObject = {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: {
        name,
        namespace: cj.metadata.namespace,
        ...(meta['labels'] ? { labels: clone(meta['labels'] as Record<string, string>) } : {}),
        annotations,
        ownerReferences: [ownerRefTo(cj)],
      },
      spec: clone((template['spec'] as Json) ?? {}),
    };
    try {
      const created = this.api.create(this.jobs, cj.metadata.namespace, job);
      this.event(cj, 'Normal', 'SuccessfulCreate', `Created job ${created.metadata.name}`);
      return created;
    } catch (e) {
      const code = (e as { code?: number }).code;
      if (code === 409) {
        const existing = this.api.find(this.jobs, cj.metadata.namespace, name);
        if (existing && controllerRef(existing)?.uid === cj.metadata.uid && !this.active(cj).some((r) => r['uid'] === existing.metadata.uid)) return existing;
        return undefined;
      }
      if (code === 403) return undefined;
      this.event(cj, 'Warning', 'FailedCreate', `Error creating job: ${(e as Error).message}`);
      throw e;
    }
  }

  /** cleanupFinishedJobs: the oldest finished Jobs beyond each history limit go. */
  private cleanupFinishedJobs(cj: KObject, jobs: KObject[]): void {
    const byStart = (a: KObject, b: KObject) => {
      const sa = dig<string>(a, 'status', 'startTime');
      const sb = dig<string>(b, 'status', 'startTime');
      if (!sb) return sa ? -1 : 0;
      if (!sa) return 1;
      return Date.parse(sa) - Date.parse(sb) || String(a.metadata.name).localeCompare(String(b.metadata.name));
    };
    const limits: [Finished, number | undefined][] = [
      ['Complete', dig<number>(cj, 'spec', 'successfulJobsHistoryLimit')],
      ['Failed', dig<number>(cj, 'spec', 'failedJobsHistoryLimit')],
    ];
    for (const [kind, limit] of limits) {
      if (limit === undefined || limit === null) continue;
      const done = jobs.filter((j) => finished(j) === kind && !j.metadata.deletionTimestamp).sort(byStart);
      for (const job of done.slice(0, Math.max(0, done.length - limit))) this.deleteJob(cj, job);
    }
  }

  private deleteJob(cj: KObject, job: KObject): void {
    try {
      this.api.delete(this.jobs, cj.metadata.namespace, String(job.metadata.name), { propagationPolicy: 'Background' });
    } catch (e) {
      this.event(cj, 'Warning', 'FailedDelete', `Deleted job: ${(e as Error).message}`);
      return;
    }
    this.setActive(
      cj,
      this.active(cj).filter((r) => r['uid'] !== job.metadata.uid),
    );
    this.event(cj, 'Normal', 'SuccessfulDelete', `Deleted job ${job.metadata.name}`);
  }

  private event(cj: KObject, type: 'Normal' | 'Warning', reason: string, message: string): void {
    recordEvent(this.api, cj, type, reason, message, COMPONENT);
  }
}

/** Go's time.RFC1123Z in UTC: `Mon, 02 Jan 2006 15:04:05 +0000`. */
function rfc1123z(d: Date): string {
  return d.toUTCString().replace('GMT', '+0000');
}
