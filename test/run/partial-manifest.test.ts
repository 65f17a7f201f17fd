import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runPlan } from '../../src/run/run-plan.js';
import { FakeBackend, plainMatcher } from './fake-backend.js';
import { tempDir } from './helpers.js';
import { cmd, manifest, plan } from './plan-builder.js';

describe('lines to add to a file', () => {
  const cleanups: Array<() => void> = [];
  afterEach(() => {
    while (cleanups.length) cleanups.pop()!();
  });

  it('are not written over the file, and a command applying the file after them is skipped with the reason', async () => {
    const t = tempDir();
    cleanups.push(t.remove);
    const whole = manifest(3, 'web-config.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web-config\ndata:\n  color: blue');
    const part = { ...manifest(12, 'web-config.yaml', '  size: large'), partial: true as const };
    const backend = new FakeBackend(join(t.dir, 'fake'), []);
    const r = await runPlan(
      plan([
        whole,
        cmd(9, 'cat web-config.yaml', { expected: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web-config\ndata:\n  color: blue' }),
        part,
        cmd(14, 'cat web-config.yaml', { expected: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web-config\ndata:\n  color: blue' }),
        cmd(16, 'kubectl apply -f web-config.yaml', { expected: 'configmap/web-config configured' }),
      ]),
      backend,
      {
        matcher: plainMatcher,
        tmpDir: t.dir,
        settleIntervalMs: 10,
        gatherFacts: false,
        handleSignals: false,
      },
    );
    expect(r.steps.map((s) => s.status)).toEqual(['pass', 'pass', 'skipped', 'pass', 'skipped']);
    expect(r.steps[2]!.skipReason).toBe('the page shows only lines to add to web-config.yaml (line 12), not the whole file');
    expect(r.steps[4]!.skipReason).toContain('the page shows only lines to add to web-config.yaml (line 12)');
  });
});
