/**
 * The runner's own scripts in the lesson shell (not doc steps): looking at files, variables and
 * objects, starting and stopping background steps.
 */
import { LessonShell } from './shell.js';
import type { LessonContext } from './state.js';

/** Runs an internal helper script in the lesson shell; returns its output. A shell it killed or that exited is replaced. */
export async function internal(state: LessonContext, script: string): Promise<string> {
  const r = await state.shell.run(script, { timeoutMs: 30_000, ...(state.options.signal ? { signal: state.options.signal } : {}) });
  if (r.timedOut || r.shellExited) await restartShell(state);
  return r.output;
}

/** Replaces a dead or killed shell with a fresh one in the sandbox home. */
export async function restartShell(state: LessonContext): Promise<void> {
  await state.shell.stop();
  state.shell = LessonShell.start(state.shellOptions);
}
