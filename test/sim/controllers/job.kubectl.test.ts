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
const apply = (yaml: string) => fx.kubectl(['apply', '-f', '-'], { input: yaml });
const jsonpath = async (name: string, path: string) => (await kubectl('get', 'job', name, '-o', `jsonpath=${path}`)).out;
const events = async (name: string) =>
  (
    await kubectl(
      'get',
      'events',
      '--field-selector',
      `involvedObject.kind=Job,involvedObject.name=${name}`,
      '--sort-by=.metadata.creationTimestamp',
      '-o',
      'jsonpath={range .items[*]}{.reason} {.message}{"\\n"}{end}',
    )
  ).out
    .split('\n')
    .filter(Boolean)
    .map((l) => l.replace(/: \S+-[a-z0-9]{5}$/, ': <pod>'));

/** A Job of busybox pods; `index` runs in each pod's shell with JOB_COMPLETION_INDEX set. */
function indexedJob(name: string, spec: string, script: string): string {
  return `apiVersion: batch/v1
kind: Job
metadata:
  name: ${name}
spec:
${spec}
  completionMode: Indexed
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: main
        image: busybox:1.36
        command: ["sh", "-c", ${JSON.stringify(script)}]
`;
}

describe('job controller behind real kubectl', () => {
  beforeAll(async () => {
    fx = await startFixture({ controllers: true, clock, speed: 4 });
  });
  afterAll(async () => {
    await fx?.stop();
  });

  it('suspends a running Job (pods deleted, Suspended condition and event) and resumes it with a new startTime', async () => {
    expect((await kubectl('create', 'job', 'myjob', '--image=busybox:1.36', '--', 'sleep', '3600')).code).toBe(0);
    expect(
      await until(
        () => jsonpath('myjob', '{.status.ready}'),
        (r) => r === '1',
      ),
    ).toBe('1');
    const firstStart = await jsonpath('myjob', '{.status.startTime}');
    clock.advance(30_000);

    const patched = await kubectl('patch', 'job/myjob', '--type=strategic', '--patch', '{"spec":{"suspend":true}}');
    expect(patched.out).toBe('job.batch/myjob patched');
    const suspended = await until(
      () => jsonpath('myjob', '{range .status.conditions[*]}{.type} {.status} {.reason} {.message}{end}'),
      (r) => r !== '',
    );
    expect(suspended).toBe('Suspended True JobSuspended Job suspended');
    const pods = await until(
      () => kubectl('get', 'pods', '-l', 'batch.kubernetes.io/job-name=myjob', '-o', 'name'),
      (r) => r.out === '',
    );
    expect(pods.out).toBe('');
    expect((await kubectl('get', 'jobs', 'myjob', '--no-headers')).out).toMatch(/^myjob\s+Suspended\s+0\/1\s/);
    // Pods deleted by suspension do not count as failed.
    expect(await jsonpath('myjob', '{.status.failed}')).toBe('');

    clock.advance(30_000);
    await kubectl('patch', 'job/myjob', '--type=strategic', '--patch', '{"spec":{"suspend":false}}');
    const resumed = await until(
      () => jsonpath('myjob', '{range .status.conditions[*]}{.type} {.status} {.reason} {.message}{end}'),
      (r) => r.startsWith('Suspended False'),
    );
    expect(resumed).toBe('Suspended False JobResumed Job resumed');
    const secondStart = await jsonpath('myjob', '{.status.startTime}');
    expect(Date.parse(secondStart) - Date.parse(firstStart)).toBeGreaterThanOrEqual(60_000);
    expect(
      await until(
        () => events('myjob'),
        (e) => e.length >= 5,
      ),
    ).toEqual([
      'SuccessfulCreate Created pod: <pod>',
      'SuccessfulDelete Deleted pod: <pod>',
      'Suspended Job suspended',
      'SuccessfulCreate Created pod: <pod>',
      'Resumed Job resumed',
    ]);
  });

  it('creates a Job in the suspended state without pods or startTime', async () => {
    const r = await apply(`apiVersion: batch/v1
kind: Job
metadata:
  name: held
spec:
  suspend: true
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: main
        image: busybox:1.36
        command: ["true"]
`);
    expect(r.stdout).toBe('job.batch/held created');
    expect(
      await until(
        () => jsonpath('held', '{.status.conditions[0].reason}'),
        (s) => s !== '',
      ),
    ).toBe('JobSuspended');
    expect(await jsonpath('held', '{.status.startTime}')).toBe('');
    expect((await kubectl('get', 'pods', '-l', 'job-name=held', '-o', 'name')).out).toBe('');
  });

  it('fails indexes past backoffLimitPerIndex, keeps running the others, and fails the Job with FailedIndexes', async () => {
    await apply(
      indexedJob('per-index', '  completions: 6\n  parallelism: 2\n  backoffLimitPerIndex: 1\n  maxFailedIndexes: 4', 'exit $((JOB_COMPLETION_INDEX % 2))'),
    );
    const failed = await until(
      () => jsonpath('per-index', '{range .status.conditions[*]}{.type}/{.reason} {end}'),
      (s) => s.includes('Failed/'),
      30,
    );
    expect(failed.trim()).toBe('FailureTarget/FailedIndexes Failed/FailedIndexes');
    expect(await jsonpath('per-index', '{.status.completedIndexes} {.status.failedIndexes} {.status.succeeded} {.status.failed}')).toBe('0,2,4 1,3,5 3 6');
    expect(await jsonpath('per-index', '{.status.conditions[1].message}')).toBe('Job has failed indexes');
    // The replacement pod of an index carries how many pods of that index failed before it.
    const counts = await kubectl(
      'get',
      'pods',
      '-l',
      'batch.kubernetes.io/job-completion-index=1',
      '-o',
      `jsonpath={range .items[*]}{.metadata.annotations.batch\\.kubernetes\\.io/job-index-failure-count} {end}`,
    );
    expect(counts.out.trim().split(' ').sort()).toEqual(['0', '1']);
    expect((await kubectl('get', 'jobs', 'per-index', '--no-headers')).out).toMatch(/^per-index\s+Failed\s+3\/6\s/);
    expect(await events('per-index')).toContain('FailedIndexes Job has failed indexes');
  });

  it('stops at once when more indexes failed than maxFailedIndexes', async () => {
    await apply(indexedJob('max-failed', '  completions: 4\n  parallelism: 1\n  backoffLimitPerIndex: 0\n  maxFailedIndexes: 0', 'exit 3'));
    const failed = await until(
      () => jsonpath('max-failed', '{range .status.conditions[*]}{.type}/{.reason} {end}'),
      (s) => s.includes('Failed/'),
      30,
    );
    expect(failed.trim()).toBe('FailureTarget/MaxFailedIndexesExceeded Failed/MaxFailedIndexesExceeded');
    expect(await jsonpath('max-failed', '{.status.failedIndexes} {.status.failed} {.spec.backoffLimit}')).toBe('0 1 2147483647');
  });

  it('fails a Job that runs longer than activeDeadlineSeconds with DeadlineExceeded', async () => {
    await apply(`apiVersion: batch/v1
kind: Job
metadata:
  name: deadline
spec:
  activeDeadlineSeconds: 100
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: main
        image: busybox:1.36
        command: ["sleep", "3600"]
`);
    expect(
      await until(
        () => jsonpath('deadline', '{.status.active}'),
        (s) => s === '1',
      ),
    ).toBe('1');
    expect(await jsonpath('deadline', '{.status.conditions}')).toBe('');
    clock.advance(101_000);
    const failed = await until(
      () => jsonpath('deadline', '{range .status.conditions[*]}{.type}/{.reason} {end}'),
      (s) => s.includes('Failed/'),
      30,
    );
    expect(failed.trim()).toBe('FailureTarget/DeadlineExceeded Failed/DeadlineExceeded');
    expect(await jsonpath('deadline', '{.status.failed}')).toBe('1');
  });
});
