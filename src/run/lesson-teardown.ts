/** Tearing a lesson down: its shell (with a confined lesson's API listener), the backend session, and the sandbox. */
import type { Plan } from '../plan/types.js';
import type { LessonResources } from './lesson-setup.js';
import type { NormalizedRunOptions } from './options.js';
import { errorOf } from './run-error.js';
import { removeSandbox, type Sandbox } from './sandbox.js';
import { registerCleanup } from './signals.js';
import type { LessonResult } from './types.js';

/**
 * Stops what the lesson started, in reverse order, and keeps or removes the sandbox. The
 * session's warnings and leaks go into `result`; a failed stop is its error unless it has one.
 */
export async function tearDownLesson(held: LessonResources, sandbox: Sandbox, plan: Plan, o: NormalizedRunOptions, result: LessonResult): Promise<void> {
  await (held.state?.shell ?? held.shell)?.stop().catch(() => undefined);
  const session = held.session;
  if (session) {
    const backendWarnings = session.warnings?.() ?? [];
    if (backendWarnings.length) result.warnings = backendWarnings;
    try {
      if (session.leakCheck) {
        const leaks = await session.leakCheck();
        if (leaks.length) result.leaks = leaks;
      }
    } catch {
      // a leak check is best effort
    }
    await session.stop().catch((e: unknown) => {
      result.error ??= errorOf('ERR_BACKEND_STOP', e);
    });
  }
  if (o.keep) {
    result.keptDir = sandbox.root;
    o.log(`kept the sandbox of ${plan.path} in ${sandbox.root}`);
  } else removeSandbox(sandbox);
}

/**
 * On SIGINT/SIGTERM of this process: abort the run and kill the lesson shell at once, then tear
 * down. Returns the function that unregisters.
 */
export function tearDownOnSignals(abort: AbortController, held: LessonResources, teardown: () => Promise<void>): () => void {
  return registerCleanup({
    kill: () => {
      abort.abort();
      (held.state?.shell ?? held.shell)?.killNow();
    },
    stop: async () => {
      await teardown();
    },
  });
}
