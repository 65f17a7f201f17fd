/**
 * A step that repeats the command of a step kept running in another terminal to show what that one
 * printed ("Examine the output of the `kubectl get` command in the first terminal"): it is not run
 * again (a second watch started now would miss the rows of the changes already made); its expected
 * output is compared with what the background step printed from its start, waiting for the rows
 * while it still runs.
 */
import type { CommandStep } from '../plan/types.js';
import { judgeOutput, shownSoFar, type Concurrent } from './concurrent.js';
import { baseResult, skipped } from './outcome.js';
import type { LessonProgress } from './state.js';
import type { StepResult } from './types.js';

/**
 * The result of `step` (which has `showsOutputOf`), from the background step still running
 * (`pending`) or the result and output of the one already finished; undefined when the earlier
 * step left no output to compare (it ran some other way), so the step runs as written.
 */
export async function judgeShownOutput(
  state: LessonProgress,
  step: CommandStep,
  pending: readonly Concurrent[],
  earlier: readonly StepResult[],
): Promise<StepResult | undefined> {
  const line = step.showsOutputOf!.line;
  const running = pending.find((c) => c.step.line === line);
  const before = running ? undefined : earlier.findLast((r) => r.kind === 'command' && r.line === line);
  if (before?.status === 'skipped') return skipped(step, `it shows the output of line ${line}, which was skipped: ${before.skipReason ?? ''}`.trim());
  const kept = before ? state.outputs.get(before.stepId) : undefined;
  if (!running && kept === undefined) return undefined;
  const started = Date.now();
  const actual = running ? await shownSoFar(state, running, step, state.options.settleMs) : kept!;
  const r = baseResult(step);
  r.rewrites.push({
    kind: 'interactive',
    from: step.command,
    to: `(the output of line ${line})`,
    reason: `the page shows the output of the command kept running in another terminal since line ${line} ("${step.showsOutputOf!.cue}"): it is compared with what that command printed from its start${running ? ' up to now' : ''}, not run again`,
  });
  judgeOutput(state, step, actual, r);
  r.durationMs = Date.now() - started;
  return r;
}
