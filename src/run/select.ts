/**
 * Step selection (`grep`, `fromLine`, `toLine`). Selected steps are run and reported. Every
 * earlier step still runs, marked `replay`, so the selected steps see the cluster, files, shell
 * and bound values (pod names read from an earlier `get pods`) they would see in a full run;
 * replayed steps count only when they do not pass. Steps after the last selected one are not run.
 */
import type { Step } from '../plan/types.js';
import type { StepSelection } from './options.js';

/** What to do with each step. */
export type StepRole = 'run' | 'replay' | 'omit';

function isSelected(step: Step, select: StepSelection): boolean {
  if (select.fromLine !== undefined && step.line < select.fromLine) return false;
  if (select.toLine !== undefined && step.line > select.toLine) return false;
  if (select.grep !== undefined) return step.kind === 'command' && step.command.includes(select.grep);
  return true;
}

/** One role per step, in plan order. */
export function stepRoles(steps: Step[], select: StepSelection | undefined): StepRole[] {
  if (!select || (select.grep === undefined && select.fromLine === undefined && select.toLine === undefined)) return steps.map(() => 'run');
  const selected = steps.map((s) => isSelected(s, select));
  const last = selected.lastIndexOf(true);
  return steps.map((step, i) => {
    if (selected[i]) return 'run';
    return i > last ? 'omit' : 'replay';
  });
}
