/** Builds StepResults and run findings (one shape for pass, mismatch, error and skip). */
import { diagnostic, type Diagnostic } from '../diag/diagnostic.js';
import type { Difference } from '../match/types.js';
import type { CommandStep, ManifestStep } from '../plan/types.js';
import { meaningfulExit } from './exit-meaning.js';
import type { Matcher } from './options.js';
import type { Rewrite, StepResult } from './types.js';

/** A result with every field present, for a command step. */
export function baseResult(step: CommandStep | ManifestStep): StepResult {
  return {
    stepId: step.id,
    line: step.line,
    kind: step.kind,
    // A manifest step is named by the file it writes, so reports can say which.
    ...(step.kind === 'command' ? { command: step.command } : { command: step.file ?? step.examplePath ?? '(unnamed manifest)' }),
    status: 'pass',
    attempts: 0,
    exitCode: null,
    expected: step.kind === 'command' ? (step.expected?.text ?? null) : null,
    actual: null,
    differences: [],
    bindings: [],
    rewrites: [],
    durationMs: 0,
  };
}

/** A skipped step. */
export function skipped(step: CommandStep | ManifestStep, reason: string, rewrites: Rewrite[] = [], warnings: string[] = []): StepResult {
  const r = baseResult(step);
  r.status = 'skipped';
  r.skipReason = reason;
  r.rewrites = rewrites;
  if (warnings.length) r.warnings = warnings;
  return r;
}

/** A step whose outcome the backend cannot model, decided before it ran. */
export function unchecked(step: CommandStep | ManifestStep, reason: string, rewrites: Rewrite[] = [], warnings: string[] = []): StepResult {
  const r = skipped(step, reason, rewrites, warnings);
  r.status = 'unchecked';
  delete r.skipReason;
  r.uncheckedReason = reason;
  return r;
}

/** Turns a step that ran into an unchecked one (its actual output kept): the backend cannot model its outcome. */
export function markUnchecked(result: StepResult, reason: string): void {
  Object.assign(result, { status: 'unchecked', uncheckedReason: reason, differences: [] });
  delete result.hint;
  delete result.diff;
  delete result.excused;
}

/** Turns a step that ran into a skipped one (its actual output kept): it could not be judged here. */
export function skipAfterRun(result: StepResult, reason: string): void {
  Object.assign(result, { status: 'skipped', skipReason: reason, differences: [] });
  delete result.hint;
  delete result.diff;
  delete result.excused;
}

/**
 * How the first lines of a failing command's output begin: kubectl's own errors, an Invalid
 * refusal (`The Deployment "x" is invalid: …`, exit status 1), the API server's status messages a
 * page quotes without kubectl's `Error from server (…): ` wrapper (apimachinery's errors.go:
 * `<resource> "<name>" is forbidden: …`, `… not found`, `… already exists`, `… is invalid: …`),
 * and what `kubectl exec` relays from the container runtime when the program cannot start or ends
 * badly.
 */
const FAILURE_OUTPUT: readonly RegExp[] = [
  /^(?:error|Error from server|Error:|E\d{4} )/m,
  /^The [\w.]+ "[^"]+" is invalid:/m,
  /^[a-z][\w.-]* "[^"\s]+" (?:is forbidden:|is invalid:|not found$|already exists$)/m,
  /^OCI runtime exec failed: /m,
  /^command terminated with exit code [1-9]\d*$/m,
];

/** True when the doc's output for the step is an error message (so a failing exit status is expected). */
export function expectsFailure(step: CommandStep): boolean {
  if (step.expected === null) return false;
  const text = step.expected.text.trimStart();
  return FAILURE_OUTPUT.some((p) => p.test(text));
}

/**
 * The exit-status difference of a step as its reader sees it. A line typed in a shell the page
 * opened in a pod (`kubectl exec -it POD -- bash`) shows no status: the shell just prints its next
 * prompt (kubectl's `command terminated with exit code N` belongs to the runner's own exec). Where
 * the doc shows what such a line prints, that output is all the page claims; the status is kept
 * on the result but is no difference.
 */
export function shownExitDifference(
  step: CommandStep,
  exitCode: number | null,
  matcher: Pick<Matcher, 'matchExitStatus'> | undefined,
  inReaderShell: boolean,
): Difference | null {
  if (inReaderShell && step.expected !== null && step.expected.text.trim() !== '') return null;
  return exitDifference(step, exitCode, matcher);
}

/** The exit-status difference, or null when the status is what the doc implies. */
export function exitDifference(step: CommandStep, exitCode: number | null, matcher?: Pick<Matcher, 'matchExitStatus'>): Difference | null {
  const wantSuccess = !expectsFailure(step);
  if (exitCode === null) return null;
  if (wantSuccess) exitCode = meaningfulExit(step.command, exitCode, step.expected !== null && step.expected.text.trim() === '');
  // A doc that shows no output shows no successful run either: it only implies one.
  const implied = `command failed with exit status ${exitCode}; the doc shows no output, so a reader expects it to succeed`;
  if (matcher?.matchExitStatus) {
    const d = matcher.matchExitStatus(wantSuccess, exitCode, step.line);
    return d && wantSuccess && step.expected === null ? { ...d, message: implied } : d;
  }
  if ((exitCode === 0) === wantSuccess) return null;
  return {
    kind: 'exit-status',
    message: wantSuccess
      ? step.expected === null
        ? implied
        : `command failed with exit status ${exitCode}; the doc implies it succeeds`
      : 'command succeeded; the doc shows it failing',
    line: step.line,
    column: step.position.column,
    expected: wantSuccess ? 'exit status 0' : 'non-zero exit status',
    actual: `exit status ${exitCode}`,
  };
}

/** Findings for a finished step: one per difference, or one for an error. */
export function stepFindings(step: CommandStep, result: StepResult): Diagnostic[] {
  const fix = result.hint ? { description: result.hint.fix ?? result.hint.message } : undefined;
  const extra = (d: Partial<Diagnostic>): Partial<Diagnostic> => ({ stepId: step.id, ...(fix ? { fix } : {}), ...d });
  if (result.status === 'error') {
    return [diagnostic('step-error', 'error', step.position, result.error ?? 'the step could not be run', extra({}))];
  }
  if (result.status === 'pass') {
    // Passed, but the cluster printed fields or columns the doc lacks (the doc may predate them),
    // or values its distribution sets in a system namespace (the doc's cluster differed).
    return result.differences
      .filter((d) => d.stale || d.environment)
      .map((d) =>
        diagnostic(
          d.environment ? 'cluster-specific-output' : 'stale-output',
          'warning',
          { line: d.line, column: d.column },
          d.message,
          extra({ ...(d.expected !== undefined ? { expected: d.expected } : {}), ...(d.actual !== undefined ? { actual: d.actual } : {}) }),
        ),
      );
  }
  if (result.status !== 'fail') return [];
  // The hint is told once, on the first difference; every finding carries the fix.
  return result.differences.slice(0, 50).map((d, i) =>
    diagnostic(
      d.kind === 'exit-status' ? 'command-failed' : 'output-mismatch',
      'error',
      { line: d.line, column: d.column },
      d.message + (result.hint && i === 0 ? ` (${result.hint.message})` : ''),
      extra({
        ...(d.expected !== undefined ? { expected: d.expected } : {}),
        ...(d.actual !== undefined ? { actual: d.actual } : {}),
      }),
    ),
  );
}
