import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SimFixture, startFixture } from '../server/helpers.js';

let fx: SimFixture;
const kubectl = async (...args: string[]) => (await fx.kubectl(args)).stdout;
const apply = (manifest: object) => fx.kubectl(['apply', '-f', '-'], { input: JSON.stringify(manifest) });

/** A pod whose one container runs `script` with busybox's sh. */
const shellPod = (name: string, script: string, restartPolicy = 'Always') => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name },
  spec: { restartPolicy, containers: [{ name: 'c', image: 'busybox:1.36', command: ['/bin/sh', '-c', script] }] },
});

/** Seconds since the epoch of `date +%s` lines (the first word of each). */
const epochs = (logs: string) =>
  logs
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => Number(l.split(' ')[0]));

describe("time inside a container follows the cluster's clock when it passes at once", () => {
  beforeAll(async () => {
    fx = await startFixture({ controllers: true });
  });
  afterAll(async () => {
    await fx?.stop();
  });

  it("lets a logger print a line for every 10 s of the cluster's time, stamped with that time", async () => {
    expect((await apply(shellPod('ticker', 'while true; do echo "$(date +%s) tick"; sleep 10; done'))).exitCode).toBe(0);
    await fx.sim.passTime(5_000);
    expect(await kubectl('get', 'pod', 'ticker', '-o', 'jsonpath={.status.phase}')).toBe('Running');
    const first = epochs(await kubectl('logs', 'ticker'));
    await fx.sim.passTime(35_000);
    const times = epochs(await kubectl('logs', 'ticker'));
    // 35 s more of the cluster's time: three or four more lines (whether the fourth is due yet
    // depends on when, within the first 5 s, the container started).
    expect(times.length - first.length).toBeGreaterThanOrEqual(3);
    expect(times.length - first.length).toBeLessThanOrEqual(4);
    // Each line 10 s of the cluster's time after the one before (a second either way for the
    // real time the container itself takes).
    for (let i = 1; i < times.length; i++) expect(Math.abs(times[i]! - times[i - 1]! - 10)).toBeLessThanOrEqual(1);
    // The last line was printed before now as the cluster tells time.
    const now = Math.floor(fx.sim.api.ctx.clock.now().getTime() / 1000);
    expect(times.at(-1)!).toBeLessThanOrEqual(now);
    expect(now - times.at(-1)!).toBeLessThan(11);
  });

  it("ends a Job's `sleep` once the cluster's time has passed it, so its pod is Completed", async () => {
    const job = {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'nap' },
      spec: {
        template: {
          spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox:1.36', command: ['sh', '-c', 'echo start; sleep 300; echo done'] }] },
        },
      },
    };
    expect((await apply(job)).exitCode).toBe(0);
    await fx.sim.passTime(5_000);
    expect(await kubectl('get', 'pods', '-l', 'job-name=nap', '-o', 'jsonpath={.items[0].status.phase}')).toBe('Running');
    // Five minutes of the cluster's time, passed at once.
    await fx.sim.passTime(300_000);
    const row = (await kubectl('get', 'pods', '-l', 'job-name=nap', '--no-headers')).trim().split(/\s+/);
    expect(row.slice(1, 4)).toEqual(['0/1', 'Completed', '0']);
    expect(await kubectl('logs', 'job/nap')).toBe('start\ndone');
    expect(await kubectl('get', 'job', 'nap', '-o', 'jsonpath={.status.succeeded}')).toBe('1');
  });
});
