import { describe, expect, it } from 'vitest';
import { setup } from './helpers.js';

const cronjob = (name: string, command: string[], spec: Record<string, unknown> = {}) => ({
  apiVersion: 'batch/v1',
  kind: 'CronJob',
  metadata: { name, namespace: 'default' },
  spec: {
    schedule: '*/5 * * * *',
    concurrencyPolicy: 'Allow',
    suspend: false,
    successfulJobsHistoryLimit: 3,
    failedJobsHistoryLimit: 1,
    jobTemplate: { spec: { backoffLimit: 0, template: { spec: { restartPolicy: 'Never', containers: [{ name, image: 'busybox:1.28', command }] } } } },
    ...spec,
  },
});

const minutes = (iso: string) => Date.parse(iso) / 60_000;

describe('cronjob controller', () => {
  it('runs on each scheduled time of the clock and keeps only the newest failed Job', () => {
    const { api } = setup();
    const cronjobs = api.resolve('cronjobs', 'batch')!;
    api.create(cronjobs, 'default', cronjob('fail', ['sh', '-c', 'exit 1']));
    api.run(4 * 60_000);
    expect(api.all('jobs', 'batch')).toEqual([]);
    api.run(60_000 + 5000);
    const first = `fail-${minutes('2024-01-01T00:05:00Z')}`;
    expect(api.all('jobs', 'batch').map((j) => j.metadata.name)).toEqual([first]);
    const cj = api.get(cronjobs, 'default', 'fail') as any;
    expect(cj.status.lastScheduleTime).toBe('2024-01-01T00:05:00Z');
    expect(cj.status.active).toBeUndefined();
    api.run(5 * 60_000);
    const second = `fail-${minutes('2024-01-01T00:10:00Z')}`;
    expect(api.all('jobs', 'batch').map((j) => j.metadata.name)).toEqual([second]);
    const reasons = api
      .all('events')
      .filter((e: any) => e.involvedObject.kind === 'CronJob')
      .map((e: any) => `${e.reason}: ${e.message}`);
    expect(reasons).toEqual([
      `SuccessfulCreate: Created job ${first}`,
      `SawCompletedJob: Saw completed job: ${first}, condition: Failed`,
      `SuccessfulCreate: Created job ${second}`,
      // cleanupFinishedJobs runs before syncCronJob in the same sync.
      `SuccessfulDelete: Deleted job ${first}`,
      `SawCompletedJob: Saw completed job: ${second}, condition: Failed`,
    ]);
    expect((api.get(cronjobs, 'default', 'fail') as any).status.lastSuccessfulTime).toBeUndefined();
  });

  it('starts only the most recent missed run, and none past startingDeadlineSeconds', () => {
    const { api } = setup();
    const cronjobs = api.resolve('cronjobs', 'batch')!;
    api.create(cronjobs, 'default', cronjob('late', ['sh', '-c', 'exit 0'], { suspend: true, startingDeadlineSeconds: 30 }));
    api.run(12 * 60_000);
    expect(api.all('jobs', 'batch')).toEqual([]);
    // Resumed at 00:12: the 00:10 run is 2 minutes late, beyond the 30 s deadline.
    api.patch(cronjobs, 'default', 'late', 'merge', { spec: { suspend: false } });
    api.run(1000);
    expect(api.all('jobs', 'batch')).toEqual([]);
    api.run(3 * 60_000 + 1000);
    expect(api.all('jobs', 'batch').map((j) => j.metadata.name)).toEqual([`late-${minutes('2024-01-01T00:15:00Z')}`]);
    expect(api.all('jobs', 'batch')[0]!.metadata.annotations).toMatchObject({ 'batch.kubernetes.io/cronjob-scheduled-timestamp': '2024-01-01T00:15:00Z' });
  });
});
