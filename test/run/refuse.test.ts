import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../src/backends/backend.js';
import { runPlan } from '../../src/run/run-plan.js';
import { FakeBackend, plainMatcher } from './fake-backend.js';
import { tempDir } from './helpers.js';
import { cmd, plan } from './plan-builder.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

describe('a backend that guards a shared cluster', () => {
  it('skips refused steps with the reason and runs the others', async () => {
    const t = tempDir();
    cleanups.push(t.remove);
    const inner = new FakeBackend(join(t.dir, 'fake'), []);
    const guarded: Backend = {
      name: 'guarded',
      start: async (o) => ({ ...(await inner.start(o)), refuse: (c: string) => (c.includes('-n kube-system') ? 'uses namespace kube-system' : undefined) }),
    };
    const r = await runPlan(plan([cmd(2, 'echo ok', { expected: 'ok' }), cmd(4, 'echo kubectl get pods -n kube-system')]), guarded, {
      matcher: plainMatcher,
      tmpDir: t.dir,
      gatherFacts: false,
      handleSignals: false,
    });
    expect(r.steps.map((s) => s.status)).toEqual(['pass', 'skipped']);
    expect(r.steps[1]!.skipReason).toBe('refused on a shared cluster: uses namespace kube-system');
  });
});
