/** Shared by the attack tests: run a hostile lesson with or without confinement, and skip with the reason when bubblewrap cannot be used. */
import { join } from 'node:path';
import type { TestContext } from 'vitest';
import { simBackend } from '../../src/backends/sim/backend.js';
import { preflightConfine } from '../../src/run/confine.js';
import { runPlan } from '../../src/run/run-plan.js';
import type { LessonResult } from '../../src/run/types.js';
import type { RunOptions } from '../../src/run/options.js';
import type { Step } from '../../src/plan/types.js';
import { FakeBackend, plainMatcher } from '../run/fake-backend.js';
import { plan } from '../run/plan-builder.js';

let reason: Promise<string | null> | undefined;

/** Why confinement cannot run here, or null. */
export function confineUnavailable(): Promise<string | null> {
  reason ??= preflightConfine().then(
    () => null,
    (e: unknown) => (e instanceof Error ? e.message : String(e)),
  );
  return reason;
}

/** The two modes every attack is tried in. */
export const MODES = [
  { name: 'unconfined', confine: false },
  { name: 'confined', confine: true },
] as const;

/** Skips a confined test, printing why, when bubblewrap is not usable. */
export async function needConfine(ctx: TestContext, confine: boolean): Promise<void> {
  if (!confine) return;
  const why = await confineUnavailable();
  if (why) {
    console.warn(`skipping a confined attack test: ${why}`);
    ctx.skip(`confinement is not available here: ${why}`);
  }
}

/** Lessons still running, so a test that times out does not leave its (confined) shell behind. */
const running = new Map<AbortController, Promise<unknown>>();

/** Interrupts every lesson a test started that has not ended, and waits (at most 10 s) until they have stopped their processes. */
export async function stopRunningLessons(): Promise<void> {
  const ends = [...running.entries()].map(([controller, done]) => {
    controller.abort();
    return done;
  });
  await Promise.race([Promise.allSettled(ends), new Promise((r) => setTimeout(r, 10_000).unref())]);
}

/** Runs steps as a lesson on the simulator (real kubectl) or on the fake backend. */
export async function runLesson(steps: Step[], o: { confine: boolean; sim?: boolean; tmpDir: string } & RunOptions): Promise<LessonResult> {
  const { sim, ...options } = o;
  const backend = sim ? simBackend() : new FakeBackend(join(o.tmpDir, 'fake'), []);
  const controller = new AbortController();
  const done = runPlan(plan(steps), backend, {
    handleSignals: false,
    settleMs: 0,
    signal: controller.signal,
    ...(sim ? {} : { matcher: plainMatcher, gatherFacts: false }),
    ...options,
  });
  running.set(controller, done);
  try {
    return await done;
  } finally {
    running.delete(controller);
  }
}
