/** Where a line runs and what is output, on the simulator with the real kubectl (generic fixtures). */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runOnSim, tempDir } from './helpers.js';

const fixtures = join(import.meta.dirname, '../../fixtures/run');
const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

describe('client-pod and node lines', () => {
  it('runs none of them on the host: pod lines without a pod shell are skipped, node lines run in the node shell', async () => {
    const sandbox = tempDir();
    cleanups.push(sandbox.remove);
    const page = join(sandbox.dir, 'page.md');
    writeFileSync(page, readFileSync(join(fixtures, 'where-lines-run/page.md'), 'utf8').replaceAll('__SANDBOX__', sandbox.dir));
    const r = await runOnSim(page);
    expect(r.error).toBeUndefined();
    const steps = r.steps.filter((s) => s.kind === 'command');
    expect(steps.map((s) => [s.line, s.status])).toEqual([
      [10, 'skipped'],
      [19, 'skipped'],
      [27, 'pass'],
      [36, 'pass'],
    ]);
    expect(steps[0]!.skipReason).toMatch(
      /^runs inside another pod than the reader.s shell \("If you have another Pod that consumes this Service.*which the page does not name$/,
    );
    expect(steps[1]!.skipReason).toMatch(/^runs inside a pod \("From a Pod in the same Namespace:"\)/);
    for (const m of ['client', 'dns', 'node', 'path']) expect(existsSync(join(sandbox.dir, `host-marker-${m}`))).toBe(false);
  });
});

describe('NAME=value lines after kubectl logs', () => {
  it('compares them as the output, so the unexpanded reference the kubelet expands fails at the logs step', async () => {
    const r = await runOnSim(join(fixtures, 'printed-environment/page.md'), { settleMs: 8000 });
    expect(r.error).toBeUndefined();
    const steps = r.steps.filter((s) => s.kind === 'command');
    expect(steps.map((s) => [s.line, s.status])).toEqual([
      [4, 'pass'],
      [28, 'fail'],
    ]);
    expect(steps[1]!.actual).toContain('TARGET=hello-world');
    expect(r.findings.filter((f) => f.line === 32).map((f) => f.message)).toEqual([expect.stringContaining('hello-world')]);
  });
});
