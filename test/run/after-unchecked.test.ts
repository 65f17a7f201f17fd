/** Steps that find nothing after a step that could not be checked, and raw API requests to removed versions. Real kubectl against the simulator. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runOnSim } from './helpers.js';

const fixture = (name: string): string => join(import.meta.dirname, '../../fixtures/run/after-unchecked', name);

const byLine = (steps: Awaited<ReturnType<typeof runOnSim>>['steps']) => new Map(steps.filter((s) => s.kind === 'command').map((s) => [s.line, s]));

describe('a step that finds nothing after a create whose file cannot be read', () => {
  it('is unchecked as depending on it; a removed flag and a removed API version still fail', async () => {
    const r = await runOnSim(fixture('unknown-create.md'), { settleMs: 2000 });
    expect(r.error).toBeUndefined();
    const steps = byLine(r.steps);
    expect([...steps.values()].map((s) => [s.line, s.status])).toEqual([
      [8, 'unchecked'],
      [14, 'unchecked'],
      [29, 'fail'],
      [35, 'pass'],
      [41, 'unchecked'],
      [47, 'fail'],
      [53, 'unchecked'],
    ]);
    const depends =
      /^depends on line 8, which could not be checked \(https:\/\/k8s\.io\/docs\/concepts\/example\/frontend-set\.yaml cannot be fetched here; .*\)$/;
    // An empty List where the doc shows a Pod.
    expect(steps.get(14)!.actual).toMatch(/items: \[\]/);
    expect(steps.get(14)!.uncheckedReason).toMatch(depends);
    // The API server's NotFound Status, exit status 0, no output shown.
    expect(steps.get(41)!.actual).toMatch(/"reason": "NotFound"/);
    expect(steps.get(41)!.uncheckedReason).toMatch(depends);
    // kubectl's NotFound.
    expect(steps.get(53)!.actual).toMatch(/\(NotFound\)/);
    expect(steps.get(53)!.uncheckedReason).toMatch(depends);
    // Not about absence: kubectl refuses the flag.
    expect(steps.get(29)!.actual).toMatch(/unknown flag: --show-all/);
    expect(steps.get(29)!.hint?.id).toMatch(/^(?:removed-flag|kubectl-usage-error)$/);
    // `404 page not found`, exit status 0: the version is gone whatever the cluster holds.
    expect(steps.get(47)!.actual).toMatch(/^404 page not found$/m);
    expect(steps.get(47)!.differences.map((d) => d.message)).toEqual(['extensions/v1beta1 replicasets is not served since 1.16; use apps/v1']);
  }, 60_000);

  it("still fails a NotFound for an object the page's own steps deleted", async () => {
    const r = await runOnSim(fixture('own-objects.md'), { settleMs: 2000 });
    expect(r.error).toBeUndefined();
    const steps = byLine(r.steps);
    expect(steps.get(8)!.status).toBe('unchecked');
    expect(steps.get(21)!.status).toBe('fail');
    expect(steps.get(21)!.actual).toMatch(/configmaps "settings" not found/);
  }, 60_000);
});
