/** Counting results and the exit code. */
import type { CheckReport } from './reporter.js';
import type { LessonResult, StepResult, Summary } from './types.js';

/**
 * Whether a step result is counted in a summary: command steps only (a manifest is applied by the
 * step that names it), and replayed steps only when they did not pass. Every report that counts
 * steps (closing line, JUnit) counts these.
 */
export function isCounted(step: StepResult): boolean {
  if (step.kind !== 'command') return false;
  return !(step.replay && (step.status === 'pass' || step.status === 'skipped' || step.status === 'unchecked'));
}

/** Counts the steps `isCounted` names; each lesson error counts as an error. */
export function summarize(lessons: LessonResult[]): Summary {
  const s: Summary = { passed: 0, failed: 0, skipped: 0, unchecked: 0, errors: 0 };
  for (const lesson of lessons) {
    if (lesson.error) s.errors++;
    for (const step of lesson.steps) {
      if (!isCounted(step)) continue;
      if (step.status === 'pass') s.passed++;
      else if (step.status === 'fail') s.failed++;
      else if (step.status === 'skipped') s.skipped++;
      else if (step.status === 'unchecked') s.unchecked++;
      else s.errors++;
    }
  }
  return s;
}

/**
 * 2 when any lesson hit a tool/environment error (backend, shell, time limit, interruption);
 * 1 when a step failed or errored or a finding has severity error; else 0.
 */
export function exitCodeFor(report: Pick<CheckReport, 'lessons'>): 0 | 1 | 2 {
  if (report.lessons.some((l) => l.error)) return 2;
  const bad = report.lessons.some((l) => l.steps.some((s) => s.status === 'fail' || s.status === 'error') || l.findings.some((f) => f.severity === 'error'));
  return bad ? 1 : 0;
}

/** Steps counted in a summary. */
export function countedSteps(s: Summary): number {
  return s.passed + s.failed + s.skipped + s.unchecked + s.errors;
}

/** The closing line: `N passed, N failed, N skipped, N unchecked` (errors counted as failed), then the coverage. */
export function closingLine(s: Summary): string {
  const total = countedSteps(s);
  return `${s.passed} passed, ${s.failed + s.errors} failed, ${s.skipped} skipped, ${s.unchecked} unchecked (checked ${s.passed + s.failed} of ${total} step${total === 1 ? '' : 's'})`;
}
