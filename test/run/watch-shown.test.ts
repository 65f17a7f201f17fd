/**
 * "Examine the output of the `kubectl get` command in the first terminal", under a later heading:
 * the rows shown are judged against what the watch started earlier printed, not a second watch.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runOnSim } from './helpers.js';

const fixture = (name: string) => join(import.meta.dirname, '../../fixtures/run/watch-shown', name);

describe('a step showing the output of a watch kept running in another terminal', () => {
  it('passes with the Pending and ContainerCreating rows the first watch printed', async () => {
    const r = await runOnSim(fixture('first-terminal.md'), { settleMs: 2000 });
    expect(r.error).toBeUndefined();
    const shown = r.steps.find((s) => s.line === 46)!;
    expect(shown.status).toBe('pass');
    expect(shown.actual).toMatch(/^shop-0\s+0\/1\s+Pending\s/m);
    expect(shown.actual).toMatch(/^shop-1\s+0\/1\s+ContainerCreating\s/m);
    expect(shown.rewrites[0]!.to).toBe('(the output of line 8)');
    // The first watch was kept running past its section and passes (it shows no output itself).
    expect(r.steps.find((s) => s.line === 8)!.status).toBe('pass');
  }, 90_000);

  it('fails when the page shows a row the first watch never printed', async () => {
    const r = await runOnSim(fixture('never-there.md'), { settleMs: 2000 });
    const shown = r.steps.find((s) => s.line === 46)!;
    expect(shown.status).toBe('fail');
    expect(shown.differences.some((d) => d.kind === 'missing-line' && d.line === 56)).toBe(true);
  }, 90_000);
});
