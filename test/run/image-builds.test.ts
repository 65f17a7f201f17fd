import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { IMAGE_BUILD_FIXTURES, readerImageBuild } from '../../src/run/image-builds.js';
import { runPlan } from '../../src/run/run-plan.js';
import { FakeBackend, plainMatcher } from './fake-backend.js';
import { tempDir } from './helpers.js';
import { cmd, plan } from './plan-builder.js';

describe("the reader's own image builds", () => {
  it.each(IMAGE_BUILD_FIXTURES.trigger.map((t) => [t]))('reads %s as an image build, tag or push', (line) => {
    expect(readerImageBuild(line)).toMatch(/the reader's own image/);
  });
  it.each(IMAGE_BUILD_FIXTURES.clean.map((t) => [t]))('does not read %s as one', (line) => {
    expect(readerImageBuild(line)).toBeUndefined();
  });

  const cleanups: Array<() => void> = [];
  afterEach(() => {
    while (cleanups.length) cleanups.pop()!();
  });

  it('skips the build with the reason, without running the host container CLI', async () => {
    const t = tempDir();
    cleanups.push(t.remove);
    const backend = new FakeBackend(join(t.dir, 'fake'), []);
    const marker = join(t.dir, 'ran');
    const r = await runPlan(plan([cmd(3, `docker build -t worker . ; touch ${marker}`, { expected: 'Successfully built 1a2b3c' })]), backend, {
      matcher: plainMatcher,
      tmpDir: t.dir,
      settleIntervalMs: 10,
      gatherFacts: false,
      handleSignals: false,
    });
    expect(r.steps[0]).toMatchObject({ status: 'skipped', skipReason: expect.stringContaining('`docker build`') });
    const { existsSync } = await import('node:fs');
    expect(existsSync(marker)).toBe(false);
  });
});
