/**
 * Runs one command step, in stages: prepare (bindings, placeholders, rewrites, or why it is not
 * run) → attempt (execution, settling of read-only steps) → judge (matching) → explain (unchecked
 * rules, a root-cause hint, dependencies on skipped steps).
 */
import type { CommandStep } from '../../plan/types.js';
import type { LessonState } from '../state.js';
import type { StepResult } from '../types.js';
import { prepareStep } from './prepare.js';
import { attemptStep } from './execute.js';
import { judgeStep, explainStep } from './judge.js';

/** Runs a command step to its result. */
export async function runCommandStep(state: LessonState, step: CommandStep, index: number): Promise<StepResult> {
  const started = Date.now();
  const ready = await prepareStep(state, step, index);
  if (!('prepared' in ready)) return ready;
  const attempted = await attemptStep(state, step, ready, started);
  await judgeStep(state, step, ready, attempted, started);
  await explainStep(state, step, ready, attempted);
  const { result } = attempted;
  if (ready.warnings.length) result.warnings = ready.warnings;
  state.earlier.push({ step, ran: ready.prepared.script, status: result.status, exitCode: result.exitCode });
  return result;
}
