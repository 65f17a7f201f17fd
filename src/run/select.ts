/**
 * Step selection (`grep`, `fromLine`, `toLine`). Selected steps are run and reported. Earlier
 * steps that may change state — mutating, setup, shell state (`cd`, `export`: class `other`),
 * interactive ones (they open pod shells) and host tools (`openssl … -out`, `make keys`, and the
 * `… | base64` whose output a later manifest takes) — still run, marked `replay`, so the selected
 * steps see the cluster, files and shell they would see in a full run. Read-only kubectl steps
 * outside the selection and every step after the last selected one are not run.
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
    if (i > last) return 'omit';
    if (step.kind === 'manifest') return 'replay';
    return step.setup || step.class !== 'read-only' ? 'replay' : 'omit';
  });
}
