import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SimFixture, startFixture } from '../server/helpers.js';
import { until } from './until.js';
import { JumpClock } from '../../../src/backends/sim/clock.js';

let fx: SimFixture;
const clock = new JumpClock(new Date('2026-03-02T10:00:05Z'));
const kubectl = async (...args: string[]) => {
  const r = await fx.kubectl(args);
  return { out: r.stdout, err: r.stderr, code: r.exitCode };
};

/** Jumps to 1 s past the next minute boundary. */
function nextMinute(): number {
  const now = clock.now().getTime();
  const boundary = Math.floor(now / 60_000) * 60_000 + 60_000;
  clock.advance(boundary + 1000 - now);
  return boundary;
}

const jobNames = async () => (await kubectl('get', 'jobs', '-o', 'jsonpath={.items[*].metadata.name}')).out.split(' ').filter(Boolean).sort();
const events = async (name: string) =>
  (
    await kubectl(
      'get',
      'events',
      '--field-selector',
      `involvedObject.name=${name}`,
      '-o',
      'jsonpath={range .items[*]}{.type} {.reason} {.message}{"\\n"}{end}',
    )
  ).out;

describe('cronjob controller behind real kubectl', () => {
  beforeAll(async () => {
    fx = await startFixture({ controllers: true, clock, speed: 4 });
  });
  afterAll(async () => {
    await fx?.stop();
  });

  it('runs a Job each scheduled minute, named after the minute, and keeps 3 successful Jobs', async () => {
    const created = await kubectl(
      'create',
      'cronjob',
      'hello',
      '--image=busybox:1.28',
      '--schedule=*/1 * * * *',
      '--',
      '/bin/sh',
      '-c',
      'date; echo Hello from the Kubernetes cluster',
    );
    expect(created.out).toBe('cronjob.batch/hello created');
    const first = nextMinute();
    const firstJob = `hello-${first / 60_000}`;
    expect(await until(jobNames, (n) => n.length === 1)).toEqual([firstJob]);
    const done = await until(
      () => kubectl('get', 'job', firstJob, '-o', 'jsonpath={.status.succeeded}'),
      (r) => r.out === '1',
    );
    expect(done.out).toBe('1');
    const status = await until(
      async () => JSON.parse((await kubectl('get', 'cronjob', 'hello', '-o', 'json')).out).status,
      (s) => Boolean(s.lastSuccessfulTime) && !s.active,
    );
    expect(status.lastScheduleTime).toBe(new Date(first).toISOString().replace('.000', ''));
    expect(status.lastSuccessfulTime).toBeTruthy();
    const ev = await events('hello');
    expect(ev).toContain(`Normal SuccessfulCreate Created job ${firstJob}`);
    expect(ev).toContain(`Normal SawCompletedJob Saw completed job: ${firstJob}, condition: Complete`);
    const logs = await until(
      () => kubectl('logs', `job/${firstJob}`),
      (r) => r.out.includes('Hello'),
    );
    expect(logs.out).toContain('Hello from the Kubernetes cluster');

    const minutes = [first];
    for (let i = 0; i < 4; i++) {
      const m = nextMinute();
      minutes.push(m);
      await until(
        () => kubectl('get', 'job', `hello-${m / 60_000}`, '-o', 'jsonpath={.status.succeeded}'),
        (r) => r.out === '1',
      );
    }
    const kept = minutes
      .slice(-3)
      .map((m) => `hello-${m / 60_000}`)
      .sort();
    expect(await until(jobNames, (n) => n.length === 3)).toEqual(kept);
    const after = await until(
      () => events('hello'),
      (e) => e.includes(`Deleted job hello-${minutes[1]! / 60_000}`),
    );
    expect(after).toContain(`Normal SuccessfulDelete Deleted job ${firstJob}`);
    expect(after).toContain(`Normal SuccessfulDelete Deleted job hello-${minutes[1]! / 60_000}`);
    const table = await kubectl('get', 'cronjob', 'hello');
    expect(table.out).toMatch(
      /^NAME\s+SCHEDULE\s+TIMEZONE\s+SUSPEND\s+ACTIVE\s+LAST SCHEDULE\s+AGE\nhello\s+\*\/1 \* \* \* \*\s+<none>\s+False\s+0\s+\d+s\s+\S+$/,
    );
  });

  it('makes a Job from the CronJob on request and starts none while suspended', async () => {
    const manual = await kubectl('create', 'job', 'hello-manual', '--from=cronjob/hello');
    expect(manual.out).toBe('job.batch/hello-manual created');
    const owner = await kubectl(
      'get',
      'job',
      'hello-manual',
      '-o',
      'jsonpath={.metadata.ownerReferences[0].kind}/{.metadata.ownerReferences[0].name} {.metadata.annotations.cronjob\\.kubernetes\\.io/instantiate}',
    );
    expect(owner.out).toBe('CronJob/hello manual');
    expect(
      (
        await until(
          () => kubectl('get', 'job', 'hello-manual', '-o', 'jsonpath={.status.succeeded}'),
          (r) => r.out === '1',
        )
      ).out,
    ).toBe('1');

    expect((await kubectl('patch', 'cronjob', 'hello', '-p', '{"spec":{"suspend":true}}')).out).toBe('cronjob.batch/hello patched');
    const before = (await jobNames()).filter((n) => n !== 'hello-manual');
    const m = nextMinute();
    await new Promise((r) => setTimeout(r, 500));
    expect(await jobNames()).not.toContain(`hello-${m / 60_000}`);
    expect((await jobNames()).filter((n) => n !== 'hello-manual')).toEqual(before);
    expect((await kubectl('get', 'cronjob', 'hello', '-o', 'jsonpath={.spec.suspend}')).out).toBe('true');
  });

  it('rejects an unparseable schedule as the API server does', async () => {
    const bad = await kubectl('create', 'cronjob', 'bad', '--image=busybox', '--schedule=61 * * * *');
    expect(bad.code).toBe(1);
    expect(bad.err).toBe(
      'error: failed to create cronjob: CronJob.batch "bad" is invalid: spec.schedule: Invalid value: "61 * * * *": end of range (61) above maximum (59): 61',
    );
    const tz = await kubectl('create', 'cronjob', 'bad', '--image=busybox', '--schedule=CRON_TZ=UTC 0 * * * *');
    expect(tz.err).toContain('cannot use TZ or CRON_TZ in schedule, use timeZone field instead');
    const zone = await fx.kubectl(['apply', '-f', '-'], {
      input: JSON.stringify({
        apiVersion: 'batch/v1',
        kind: 'CronJob',
        metadata: { name: 'paris' },
        spec: {
          schedule: '0 8 * * *',
          timeZone: 'Europe/Pariss',
          jobTemplate: { spec: { template: { spec: { restartPolicy: 'OnFailure', containers: [{ name: 'c', image: 'busybox' }] } } } },
        },
      }),
    });
    expect(zone.stderr).toContain('The CronJob "paris" is invalid: spec.timeZone: Invalid value: "Europe/Pariss": unknown time zone Europe/Pariss');
  });

  it('warns InvalidSchedule for a schedule that never fires', async () => {
    expect((await kubectl('create', 'cronjob', 'never', '--image=busybox', '--schedule=0 0 30 2 *')).out).toBe('cronjob.batch/never created');
    const ev = await until(
      () => events('never'),
      (e) => e.includes('InvalidSchedule'),
    );
    expect(ev).toContain('Warning InvalidSchedule invalid schedule: 0 0 30 2 * : time difference between two schedules is less than 1 second');
    const d = await kubectl('describe', 'cronjob', 'never');
    expect(d.out).toMatch(
      /Warning\s+InvalidSchedule\s+\S+\s+cronjob-controller\s+invalid schedule: 0 0 30 2 \* : time difference between two schedules is less than 1 second/,
    );
  });

  it('holds back a new Job while one runs under Forbid, and replaces it under Replace', async () => {
    const manifest = (policy: string) =>
      JSON.stringify({
        apiVersion: 'batch/v1',
        kind: 'CronJob',
        metadata: { name: 'slow', namespace: 'default' },
        spec: {
          schedule: '* * * * *',
          concurrencyPolicy: policy,
          jobTemplate: {
            spec: { template: { spec: { restartPolicy: 'OnFailure', containers: [{ name: 'slow', image: 'busybox:1.28', command: ['sleep', '3600'] }] } } },
          },
        },
      });
    expect((await fx.kubectl(['apply', '-f', '-'], { input: manifest('Forbid') })).stdout).toBe('cronjob.batch/slow created');
    const first = `slow-${nextMinute() / 60_000}`;
    await until(
      () => kubectl('get', 'cronjob', 'slow', '-o', 'jsonpath={.status.active[*].name}'),
      (r) => r.out === first,
    );
    nextMinute();
    const held = await until(
      () => events('slow'),
      (e) => e.includes('JobAlreadyActive'),
    );
    expect(held).toContain('Normal JobAlreadyActive Not starting job because prior execution is running and concurrency policy is Forbid');
    expect((await jobNames()).filter((n) => n.startsWith('slow-'))).toEqual([first]);

    expect((await fx.kubectl(['apply', '-f', '-'], { input: manifest('Replace') })).stdout).toBe('cronjob.batch/slow configured');
    const second = `slow-${nextMinute() / 60_000}`;
    const active = await until(
      () => kubectl('get', 'cronjob', 'slow', '-o', 'jsonpath={.status.active[*].name}'),
      (r) => r.out === second,
    );
    expect(active.out).toBe(second);
    expect(await events('slow')).toContain(`Normal SuccessfulDelete Deleted job ${first}`);
  });
});
