/** Older pages' website addresses of the files they show, and listings that come back empty after a step that made nothing. Real kubectl against the simulator. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runOnSim } from './helpers.js';

const fixture = (name: string): string => join(import.meta.dirname, '../../fixtures/run/site-urls', name);

const byLine = (steps: Awaited<ReturnType<typeof runOnSim>>['steps']) => new Map(steps.filter((s) => s.kind === 'command').map((s) => [s.line, s]));

describe('a website address of a file the page shows', () => {
  it('applies the shown file instead of fetching it, and the steps after it are checked', async () => {
    const r = await runOnSim(fixture('jekyll-include.md'), { settleMs: 3000 });
    expect(r.error).toBeUndefined();
    const steps = byLine(r.steps);
    expect([...steps.values()].map((s) => [s.line, s.status])).toEqual([
      [11, 'pass'],
      [15, 'pass'],
      [19, 'pass'],
    ]);
    expect(steps.get(11)!.rewrites).toEqual([
      expect.objectContaining({ kind: 'path', from: 'http://k8s.io/docs/tasks/configure-pod-container/commands.yaml', to: './commands.yaml' }),
    ]);
    // The listing shows the pod the shown file made: something was compared.
    expect(steps.get(15)!.actual).toContain('command-demo');
  });
});

describe('a website address of a file the page does not show', () => {
  it('is unchecked with the reason, and what finds nothing of its objects is unchecked as depending on it, an empty listing too', async () => {
    const r = await runOnSim(fixture('unfetched.md'), { settleMs: 3000 });
    expect(r.error).toBeUndefined();
    const steps = byLine(r.steps);
    expect([...steps.values()].map((s) => [s.line, s.status])).toEqual([
      [8, 'unchecked'],
      [14, 'unchecked'],
      [20, 'unchecked'],
    ]);
    expect(steps.get(8)!.uncheckedReason).toBe(
      'http://k8s.io/docs/tasks/configure-pod-container/not-shown.yaml cannot be fetched here; give --examples-dir with a copy of the file',
    );
    // Not run over the network: no "Unable to connect to the server".
    expect(steps.get(8)!.actual ?? '').not.toContain('Unable to connect');
    expect(steps.get(14)!.uncheckedReason).toMatch(/^depends on line 8, which could not be checked \(http:\/\/k8s\.io\/.* cannot be fetched here; .*\)$/);
    expect(steps.get(20)!.uncheckedReason).toMatch(/^depends on line 8, which could not be checked \(/);
  });
});

describe('an empty listing after a create that failed', () => {
  it('is skipped as depending on the failed create, not passed; a listing of a kind the create did not make still passes', async () => {
    const r = await runOnSim(fixture('failed-create.md'), { settleMs: 3000 });
    expect(r.error).toBeUndefined();
    const steps = byLine(r.steps);
    expect([...steps.values()].map((s) => [s.line, s.status])).toEqual([
      [25, 'fail'],
      [31, 'skipped'],
      [37, 'pass'],
    ]);
    expect(steps.get(31)!.skipReason).toBe('depends on line 25, which failed (the list came back empty)');
    expect(steps.get(31)!.actual).toMatch(/^No resources found/);
  });
});
