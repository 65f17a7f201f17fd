/** Page text that is not a command never runs on this machine, and no step ends the lesson's shell. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/parse/index.js';
import { buildPlan } from '../../src/plan/build-plan.js';
import { runPlan } from '../../src/run/run-plan.js';
import { FakeBackend, plainMatcher } from './fake-backend.js';
import { cmd, plan } from './plan-builder.js';
import { tempDir } from './helpers.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

function setup() {
  const t = tempDir();
  cleanups.push(t.remove);
  const backend = new FakeBackend(join(t.dir, 'fake'), []);
  return {
    backend,
    dir: t.dir,
    options: { matcher: plainMatcher, tmpDir: t.dir, settleIntervalMs: 10, settleMs: 0, gatherFacts: false, handleSignals: false },
  };
}

describe('page text on the reader machine', () => {
  it('runs neither a quoted script body nor a block of settings, and says why', async () => {
    const { backend, dir, options } = setup();
    const marker = join(dir, 'host-marker');
    const page = [
      '# Probe',
      '',
      'The server reads these settings.',
      '',
      '```shell',
      `server.1=${marker}.example.com:2888`,
      `web-0.${marker.replace(/[^a-z0-9]/gi, '')}.example.com`,
      '```',
      '',
      'The liveness probe runs the following script:',
      '',
      '```bash',
      `touch ${marker}-script-$1`,
      'exit 0',
      '```',
      '',
      '```shell',
      'echo still here',
      '```',
      '',
    ].join('\n');
    const p = buildPlan(parseMarkdown(page, { path: 'probe.md', examplesDir: 'none' }));
    const r = await runPlan(p, backend, options);
    expect(r.steps.map((s) => [s.line, s.status])).toEqual([
      [13, 'skipped'],
      [14, 'skipped'],
      [18, 'pass'],
    ]);
    expect(r.steps[0]!.skipReason).toMatch(/body of a script the page quotes/);
    expect(existsSync(`${marker}-script-`)).toBe(false);
    expect(p.findings.map((f) => f.ruleId)).toContain('not-a-command');
  });

  it('makes an `exit` inside a compound on the host a plain step result, and goes on in the same shell', async () => {
    const { backend, options } = setup();
    const r = await runPlan(
      plan([cmd(10, 'export KEPT=yes'), cmd(12, 'if [ -n "$KEPT" ]; then\n  exit 3\nfi'), cmd(16, 'echo "$KEPT"', { expected: 'yes' })]),
      backend,
      options,
    );
    expect(r.steps.map((s) => [s.status, s.exitCode])).toEqual([
      ['pass', 0],
      ['fail', 3],
      ['pass', 0],
    ]);
    expect(r.steps[1]!.error).toBeUndefined();
    expect((r.steps[1]!.warnings ?? []).join('\n')).toMatch(/ended its shell/);
    expect(r.steps[2]!.warnings ?? []).toEqual([]);
  });
});
