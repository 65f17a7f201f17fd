/** Time inside the simulator's containers, as the runner lets the cluster's time pass at once. */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { simBackend } from '../../src/backends/sim/backend.js';
import { loadLesson } from '../../src/parse/index.js';
import { buildPlan } from '../../src/plan/index.js';
import { runPlan } from '../../src/run/run-plan.js';
import { tempDir } from './helpers.js';

const fixtures = join(import.meta.dirname, '../../fixtures/run/container-time');
const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

async function run(file: string, settleMs?: number) {
  const t = tempDir();
  cleanups.push(t.remove);
  const plan = buildPlan(await loadLesson(join(fixtures, file)));
  return runPlan(plan, simBackend(), { tmpDir: t.dir, handleSignals: false, ...(settleMs ? { settleMs } : {}) });
}

/** The commands' lines and statuses. */
const statuses = (r: Awaited<ReturnType<typeof run>>) => r.steps.filter((s) => s.kind === 'command').map((s) => [s.line, s.status]);

describe("containers' time on the simulator", () => {
  it("reads a logger's lines once it printed as many as the doc shows, 10 s of the cluster's time apart", async () => {
    const r = await run('logger.md');
    expect(r.error).toBeUndefined();
    expect(statuses(r)).toEqual([
      [28, 'pass'],
      [34, 'pass'],
      [66, 'pass'],
      [72, 'pass'],
    ]);
    const logs = r.steps.find((s) => s.line === 34)!;
    const stamps = logs
      .actual!.trim()
      .split('\n')
      .map((l) =>
        Date.parse(
          l
            .replace(/ The weather is fine$/, '')
            .replace(' UTC', 'Z')
            .replace(/^\w+ /, ''),
        ),
      );
    expect(stamps).toHaveLength(5);
    for (let i = 1; i < stamps.length; i++) expect(Math.abs(stamps[i]! - stamps[i - 1]! - 10_000)).toBeLessThanOrEqual(1000);
    // The Job's pod ran its 20 s sleep to the end while the runner let the cluster's time pass.
    expect(r.steps.find((s) => s.line === 72)!.actual).toMatch(/^nap-\w+ +0\/1 +Completed +0 +\d+s$/m);
  });

  it('still fails a logger whose doc shows lines it never prints, after waiting a bounded time', async () => {
    const r = await run('logger-wrong.md');
    expect(r.error).toBeUndefined();
    expect(statuses(r)).toEqual([
      [28, 'pass'],
      [34, 'fail'],
    ]);
    const logs = r.steps.find((s) => s.line === 34)!;
    expect(logs.differences.length).toBeGreaterThan(0);
    expect(logs.actual).not.toContain('bad');
  });

  it("runs a reader's endless loop until the doc's lines appeared or its bound; lines past the bound are unchecked, other lines fail", async () => {
    // A 3 s bound: the loops print a line a second.
    const r = await run('loop.md', 3000);
    expect(r.error).toBeUndefined();
    expect(statuses(r)).toEqual([
      [6, 'pass'],
      [12, 'pass'],
      [26, 'unchecked'],
      [49, 'fail'],
    ]);
    // Stopped once the three lines were there; the variable of the earlier step was seen.
    expect(r.steps.find((s) => s.line === 12)!.actual).toBe('hello\nhello\nhello\n');
    expect(r.steps.find((s) => s.line === 26)!.uncheckedReason).toMatch(/^the doc shows more of this endless loop's output than it printed in the 3s/);
    expect(r.steps.find((s) => s.line === 49)!.differences.some((d) => d.kind !== 'missing-line')).toBe(true);
  });

  it("runs a loop in a pod on the cluster's time, bounded like a watch: stopped once its lines appeared, else unchecked past its bound", async () => {
    // A 12 s bound of the cluster's time: the pod prints a line every 5 s of it.
    const r = await run('exec-loop.md', 12_000);
    expect(r.error).toBeUndefined();
    expect(statuses(r)).toEqual([
      [17, 'pass'],
      [18, 'pass'],
      [24, 'pass'],
      [38, 'unchecked'],
    ]);
    expect(r.steps.find((s) => s.line === 24)!.actual).toBe('still here\nstill here\nstill here\n');
    expect(r.steps.find((s) => s.line === 38)!.uncheckedReason).toMatch(/^the doc shows more of this endless loop's output than it printed in the 12s/);
  });
});
