/** Dependencies excuse what they explain, and only that; kubectl's own refusals always count. Real kubectl against the simulator. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runOnSim } from './helpers.js';

const fixture = (name: string): string => join(import.meta.dirname, '../../fixtures/run/dependencies', name);

describe('a state the simulator cannot reach, and kubectl refusing the command line', () => {
  it('leaves the blocked StatefulSet’s steps unchecked and fails the client-side refusals with their cause', async () => {
    const r = await runOnSim(fixture('blocked-and-refused.md'), { settleMs: 3000 });
    expect(r.error).toBeUndefined();
    const byLine = new Map(r.steps.filter((s) => s.kind === 'command').map((s) => [s.line, s]));
    expect([...byLine.values()].map((s) => [s.line, s.status])).toEqual([
      [33, 'pass'],
      [45, 'unchecked'],
      [57, 'unchecked'],
      [69, 'fail'],
      [81, 'fail'],
    ]);
    // The rollout waits for pods that never become Ready; the second pod is never made.
    expect(byLine.get(45)!.uncheckedReason).toMatch(
      /^pod store-0 cannot become Ready in the simulator: .*registry\.example\/acme\/store:1\.0.*StatefulSet store/,
    );
    expect(byLine.get(57)!.uncheckedReason).toContain('the pods of StatefulSet store depend on it');
    // `exec POD COMMAND` and a removed flag: refused by kubectl whatever the pod's state.
    expect(byLine.get(69)!.actual).toContain('error: exec [POD] [COMMAND] is not supported anymore');
    expect(byLine.get(69)!.hint).toMatchObject({ id: 'kubectl-usage-error' });
    expect(byLine.get(69)!.hint!.message).toContain('needs `--` before the command');
    expect(byLine.get(81)!.hint!.message).toContain('--delete-local-data');
  });
});

describe('a blocked StatefulSet excuses what it explains, difference by difference', () => {
  it('excuses the budget’s count and fails the stale header', async () => {
    const r = await runOnSim(fixture('blocked-budget.md'), { settleMs: 3000 });
    expect(r.error).toBeUndefined();
    const commands = r.steps.filter((s) => s.kind === 'command');
    const at = (line: number) => commands.find((s) => s.line === line)!;
    expect(commands.map((s) => [s.line, s.status])).toEqual([
      [43, 'pass'],
      [56, 'fail'],
      [69, 'unchecked'],
      [82, 'fail'],
    ]);
    // The old header fails; the count that follows from the unready pod is only noted.
    expect(at(56).differences.map((d) => d.kind)).toEqual(['column-layout', 'column-layout', 'column-layout']);
    expect(at(56).excused).toEqual([
      expect.objectContaining({
        kind: 'wrong-value',
        message: 'row store-pdb, column ALLOWED-DISRUPTIONS: doc 1, actual 0',
        excuse: expect.stringMatching(/^PodDisruptionBudget store-pdb selects pod store-0, which cannot become Ready/),
      }),
    ]);
    // Only the count differs: nothing left to fail.
    expect(at(69).uncheckedReason).toMatch(/^PodDisruptionBudget store-pdb selects pod store-0, which cannot become Ready in the simulator/);
    // Nothing for the excuse to explain: the header fails, and nothing is noted as excused.
    expect(at(82).differences.map((d) => d.kind)).toEqual(['column-layout', 'column-layout', 'column-layout']);
    expect(at(82).excused).toBeUndefined();
  });
});

describe('steps after a failed step and after a skipped or unchecked step', () => {
  it('links what follows from them and fails what does not', async () => {
    const r = await runOnSim(fixture('failed-and-skipped.md'), { settleMs: 3000 });
    expect(r.error).toBeUndefined();
    const commands = r.steps.filter((s) => s.kind === 'command');
    const at = (line: number) => commands.find((s) => s.line === line)!;
    expect(commands.map((s) => [s.line, s.status])).toEqual([
      [6, 'pass'],
      [16, 'fail'],
      [22, 'skipped'],
      [36, 'pass'],
      [37, 'pass'],
      [43, 'unchecked'],
      [49, 'skipped'],
      [61, 'skipped'],
      [74, 'skipped'],
      [86, 'skipped'],
      [92, 'fail'],
    ]);
    // One defect, one fail: the file the failed line would have written is missing.
    expect(at(16).actual).toMatch(/^[Ee]rror: unknown flag: --export$/m);
    expect(at(16).hint?.message).toContain('--export');
    expect(at(22).skipReason).toBe('depends on line 16, which failed');
    // The install could not be checked: the programs it would have provided are excused.
    expect(at(43).uncheckedReason).toMatch(/^package ca-certificates-extra-bundle is not in the simulator's package catalog/);
    expect(at(61).skipReason).toMatch(/^depends on line 43, which was skipped: package ca-certificates-extra-bundle/);
    expect(at(86).skipReason).toMatch(/^depends on line 43\b/);
    // The variable named after the skipped Service.
    expect(at(74).skipReason).toMatch(/^depends on line 49, which was skipped/);
    // A difference no skipped step explains still fails.
    expect(
      at(92)
        .differences.map((d) => d.message)
        .join('\n'),
    ).toContain('ubuntu:20.04');
  });
});
