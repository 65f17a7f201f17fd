/**
 * A watch past its bound: while the rows the doc shows have not appeared and the cluster has work
 * due (a CronJob's next run), the cluster's time goes on, as a reader told the rows come "in around
 * one minute" goes on watching.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runOnSim } from './helpers.js';

const fixture = (name: string) => join(import.meta.dirname, '../../fixtures/run/watch-late', name);

describe('a watch for rows that come after its bound', () => {
  it("shows the CronJob's first Job, a minute away, although the settle bound is 2 s", async () => {
    const r = await runOnSim(fixture('cronjob.md'), { settleMs: 2000 });
    expect(r.error).toBeUndefined();
    const watch = r.steps.find((s) => s.kind === 'command' && s.line === 14)!;
    expect(watch.status).not.toBe('error');
    expect(watch.actual).toMatch(/^hello-\d{8}\s+Running\s+0\/1\s/m);
    expect(watch.actual).toMatch(/^hello-\d{8}\s+Complete\s+1\/1\s/m);
    // Every row the doc shows appeared: nothing is missing from the watch's output.
    expect(watch.differences.filter((d) => d.kind === 'missing-line')).toEqual([]);
  }, 90_000);
});
