/**
 * Excuses apply difference by difference. A reason that explains part of what a step shows (a pod
 * the simulator cannot make Ready explains a PodDisruptionBudget's ALLOWED DISRUPTIONS, not the
 * table's header) excuses the differences it explains; the others still decide the verdict. A step
 * whose every failing difference is excused is unchecked with the reason; otherwise it fails on
 * the rest, and the excused ones are noted beside it.
 */
import type { Difference, DifferenceKind } from '../match/types.js';
import { markUnchecked } from './outcome.js';
import type { StepResult } from './types.js';

/**
 * Differences no state of the cluster explains, whatever the backend lacks: a table's header is
 * what kubectl's printer writes for the resource, not something its objects' state decides.
 */
export const NEVER_EXCUSED: ReadonlySet<DifferenceKind> = new Set<DifferenceKind>(['column-layout']);

/** Which differences a reason explains; by default all but the kinds in NEVER_EXCUSED. */
export type Explains = (d: Difference) => boolean;

const byKind: Explains = (d) => !NEVER_EXCUSED.has(d.kind);

/** A difference that fails a step (stale columns and the environment's values do not). */
function failing(d: Difference): boolean {
  return d.stale !== true && d.environment !== true;
}

/**
 * Applies `reason` to a failed step difference by difference: the differences `explains` accepts
 * (and that fail the step) are excused. When no failing difference is left the step becomes
 * unchecked with the reason (true is returned); otherwise it keeps only the differences not
 * excused, and the excused ones go to `result.excused` with the reason.
 */
export function excuseDifferences(result: StepResult, reason: string, explains: Explains = byKind): boolean {
  if (result.status !== 'fail') return false;
  const excused = result.differences.filter((d) => failing(d) && explains(d) && NEVER_EXCUSED.has(d.kind) === false);
  const left = result.differences.filter((d) => !excused.includes(d));
  // A failed step with no difference at all (nothing to weigh): the reason stands for the whole step.
  if (!left.some(failing)) {
    markUnchecked(result, reason);
    return true;
  }
  result.differences = left;
  if (excused.length) result.excused = [...(result.excused ?? []), ...excused.map((d) => ({ ...d, excuse: reason }))];
  return false;
}
