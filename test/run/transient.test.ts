/** Output the doc presents as a state the object only passes through, on the simulator. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runOnSim } from './helpers.js';

describe('a state the doc says the object only passes through', () => {
  it('is unchecked when only its state values differ; another name, or no such cue, still fails', async () => {
    const r = await runOnSim(join(import.meta.dirname, '../../fixtures/run/transient/deployment.md'), { settleMs: 5000 });
    expect(r.error).toBeUndefined();
    expect(r.steps.filter((s) => s.kind === 'command').map((s) => [s.line, s.status])).toEqual([
      [25, 'pass'],
      [31, 'unchecked'],
      [44, 'fail'],
      [57, 'fail'],
    ]);
    expect(r.steps.find((s) => s.line === 31)!.uncheckedReason).toBe(
      'the doc shows a state the object only passes through ("If the Deployment is still being created"); it had moved past it when the step ran',
    );
    // The cluster's own state is what the run read: the rollout had ended.
    expect(r.steps.find((s) => s.line === 31)!.actual).toMatch(/^web +2\/2 +2 +2 /m);
  });

  it('after a change the page narrates but no step makes: only its state values are excused; other columns still fail', async () => {
    const r = await runOnSim(join(import.meta.dirname, '../../fixtures/run/transient/narrated.md'), { settleMs: 5000 });
    expect(r.error).toBeUndefined();
    expect(r.steps.filter((s) => s.kind === 'command').map((s) => [s.line, s.status])).toEqual([
      [25, 'pass'],
      [31, 'unchecked'],
      [44, 'fail'],
    ]);
    expect(r.steps.find((s) => s.line === 31)!.uncheckedReason).toMatch(/narrates but no step makes: "[^"]*autoscaler increments the Deployment replicas to 5/);
  });
});
