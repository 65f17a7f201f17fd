import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findBwrap, preflightConfine } from '../../src/run/confine.js';
import { runPlan } from '../../src/run/run-plan.js';
import { FakeBackend, plainMatcher } from './fake-backend.js';
import { tempDir } from './helpers.js';
import { cmd, plan } from './plan-builder.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

async function confineUnavailable(): Promise<string | null> {
  if (!findBwrap()) return 'bubblewrap (bwrap) is not installed';
  try {
    await preflightConfine();
    return null;
  } catch (e) {
    return (e as Error).message;
  }
}

describe('confine', () => {
  it('should stop a doc that writes outside the sandbox', async (ctx) => {
    const reason = await confineUnavailable();
    if (reason) ctx.skip(`confine is not available here: ${reason}`);
    const t = tempDir();
    cleanups.push(t.remove);
    const outsideTmp = join(t.dir, 'outside.txt');
    // A place outside the throwaway tmpfs dirs of the sandbox (/tmp, /var/tmp, HOME): the checkout.
    const outsideRepo = join(process.cwd(), `.kdt-escape-${randomBytes(4).toString('hex')}`);
    const r = await runPlan(
      plan([
        cmd(2, 'echo inside > inside.txt && cat inside.txt', { expected: 'inside' }),
        cmd(4, `echo escaped > ${outsideTmp}`),
        cmd(6, `echo escaped > ${outsideRepo}`),
        cmd(8, 'echo escaped > "$HOME/../../escaped.txt"'),
      ]),
      new FakeBackend(join(t.dir, 'fake'), []),
      { matcher: plainMatcher, tmpDir: t.dir, gatherFacts: false, handleSignals: false, confine: true },
    );
    expect(r.error).toBeUndefined();
    // /tmp is a throwaway tmpfs inside the sandbox: writes there fail (the test's temp dir is not
    // there) or succeed, but never reach the host.
    expect(r.steps.map((s) => s.status)).toEqual(['pass', expect.stringMatching(/pass|fail/), 'fail', 'pass']);
    expect(r.steps[2]!.actual).toMatch(/Read-only file system/);
    expect(existsSync(outsideTmp)).toBe(false);
    expect(existsSync(outsideRepo)).toBe(false);
    expect(existsSync(join(t.dir, 'escaped.txt'))).toBe(false);
  });

  it('should report ERR_CONFINE_UNAVAILABLE when bwrap is missing', async () => {
    const t = tempDir();
    cleanups.push(t.remove);
    const saved = process.env.PATH;
    process.env.PATH = join(t.dir, 'empty-bin');
    try {
      const r = await runPlan(plan([cmd(2, 'true')]), new FakeBackend(join(t.dir, 'fake'), []), {
        matcher: plainMatcher,
        tmpDir: t.dir,
        handleSignals: false,
        confine: true,
      });
      expect(r.error?.code).toBe('ERR_CONFINE_UNAVAILABLE');
      expect(r.error?.message).toMatch(/bubblewrap \(bwrap\), which is not on PATH/);
      expect(r.steps).toEqual([]);
    } finally {
      process.env.PATH = saved;
    }
  });
});
