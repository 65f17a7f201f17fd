import type { Diagnostic } from '../diag/diagnostic.js';
import type { LessonResult, StepResult } from '../run/types.js';
import { isCounted } from '../run/summary.js';
import type { CheckReportLike } from './check-text.js';
import { escapeGithub, formatFindingsGithub, type FileFindings } from './findings.js';
import { formatSarif } from './sarif.js';
import { XML_HEADER, element } from './xml.js';

/** JSON report, version 1 (docs/json-report.md): the plan contract plus a result per step. */
export function formatCheckJson(report: CheckReportLike): string {
  const files = report.lessons.map((l) => ({
    path: l.path,
    backend: l.backend,
    duration_ms: l.durationMs,
    ...(l.error ? { error: l.error } : {}),
    ...(l.leaks?.length ? { leaks: l.leaks } : {}),
    ...(l.warnings?.length ? { warnings: l.warnings } : {}),
    ...(l.cached ? { cached: true } : {}),
    ...(l.baseline ? { baseline_fixed: l.baseline.fixed } : {}),
    steps: l.steps.map(stepJson),
    findings: l.baseline?.knownFindings.length
      ? l.findings.map((f, i) => (l.baseline!.knownFindings.includes(i) ? { ...f, baseline: 'known' } : f))
      : l.findings,
  }));
  return JSON.stringify({ version: 1, files, summary: report.summary }, null, 2) + '\n';
}

function stepJson(r: StepResult): Record<string, unknown> {
  return {
    id: r.stepId,
    line: r.line,
    kind: r.kind,
    command: r.command ?? null,
    ran: r.ran ?? null,
    status: r.status,
    attempts: r.attempts,
    ...(r.settledEarly ? { settled_early: true } : {}),
    exit_code: r.exitCode,
    expected: r.expected,
    actual: r.actual,
    diff: r.diff ?? null,
    differences: r.differences,
    ...(r.excused?.length ? { excused: r.excused } : {}),
    bindings: r.bindings,
    hint: r.hint ?? null,
    rewrites: r.rewrites,
    ...(r.skipReason ? { skip_reason: r.skipReason } : {}),
    ...(r.uncheckedReason ? { unchecked_reason: r.uncheckedReason } : {}),
    ...(r.error ? { error: r.error } : {}),
    ...(r.diagnostics ? { diagnostics: r.diagnostics } : {}),
    ...(r.replay ? { replay: true } : {}),
    ...(r.baseline ? { baseline: r.baseline } : {}),
    duration_ms: r.durationMs,
  };
}

/** A one-line failure message for a step: its first difference, or its error. */
export function failureMessage(r: StepResult): string {
  const first = r.differences[0];
  const head = r.error ?? (first ? `${first.kind}: ${first.message}` : `command exited ${r.exitCode}`);
  const more = r.differences.length > 1 ? ` (+${r.differences.length - 1} more)` : '';
  return `${head}${more}${r.hint ? ` — ${r.hint.message}` : ''}`;
}

interface SuiteCounts {
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
}

/**
 * JUnit XML: a testsuite per lesson, a testcase per counted step (the steps of the closing line;
 * failure carries the diff) and one for a lesson error. `<testsuites>` totals are the suites' sums.
 */
export function formatCheckJunit(report: CheckReportLike): string {
  const suites = report.lessons.map((l) => lessonSuite(l));
  const total: SuiteCounts = { tests: 0, failures: 0, errors: 0, skipped: 0 };
  for (const { counts } of suites) for (const k of Object.keys(total) as (keyof SuiteCounts)[]) total[k] += counts[k];
  return (
    XML_HEADER +
    element(
      'testsuites',
      { name: 'kubedoctest check', ...total },
      suites.map((s) => s.xml),
    ) +
    '\n'
  );
}

function lessonSuite(l: LessonResult): { xml: string; counts: SuiteCounts } {
  const steps = l.steps.filter(isCounted);
  const cases = steps.map((r) => {
    const name = `line ${r.line}: ${(r.command ?? r.kind).split('\n')[0]}`;
    const attrs = { classname: l.path, name, time: (r.durationMs / 1000).toFixed(3), file: l.path, line: r.line };
    if (r.status === 'skipped') return element('testcase', attrs, element('skipped', { message: r.skipReason }));
    if (r.status === 'unchecked')
      return element('testcase', attrs, element('skipped', { message: `cannot check: ${r.uncheckedReason ?? 'not modelled by this backend'}` }));
    if (r.baseline === 'known')
      return element(
        'testcase',
        attrs,
        element('skipped', { message: `known failure, in the baseline: ${r.status === 'fail' ? failureMessage(r) : (r.error ?? 'error')}` }),
      );
    if (r.status === 'fail')
      return element('testcase', attrs, element('failure', { message: failureMessage(r), type: 'output-mismatch' }, undefined, r.diff ?? r.actual ?? ''));
    if (r.status === 'error') return element('testcase', attrs, element('error', { message: r.error ?? 'error' }, undefined, r.actual ?? ''));
    return element('testcase', attrs);
  });
  if (l.error) cases.push(element('testcase', { classname: l.path, name: 'lesson' }, element('error', { message: `${l.error.code}: ${l.error.message}` })));
  const count = (st: string) => steps.filter((r) => r.status === st && r.baseline !== 'known').length;
  const known = steps.filter((r) => r.baseline === 'known').length;
  const counts: SuiteCounts = {
    tests: cases.length,
    failures: count('fail'),
    errors: count('error') + (l.error ? 1 : 0),
    skipped: count('skipped') + count('unchecked') + known,
  };
  return { xml: element('testsuite', { name: l.path, ...counts, time: (l.durationMs / 1000).toFixed(3) }, cases), counts };
}

/** Findings for every lesson: its doc findings plus one per failed step (rule output-mismatch or step-error). */
export function checkFindings(report: CheckReportLike): FileFindings[] {
  return report.lessons.map((l) => {
    const findings: Diagnostic[] = [...l.findings];
    const known = new Set<Diagnostic>(l.baseline?.knownFindings.map((i) => l.findings[i]!) ?? []);
    for (const r of l.steps) {
      if (r.status === 'unchecked' && !r.replay) {
        findings.push({
          ruleId: 'unchecked',
          severity: 'info',
          line: r.line,
          column: 1,
          message: `cannot check this step: ${r.uncheckedReason ?? 'not modelled by this backend'}`,
          source: 'kubedoctest',
          stepId: r.stepId,
        });
        continue;
      }
      if (r.status !== 'fail' && r.status !== 'error') continue;
      if (findings.some((f) => f.stepId === r.stepId && f.severity === 'error')) continue;
      const d: Diagnostic = {
        ruleId: r.status === 'fail' ? 'output-mismatch' : 'step-error',
        severity: 'error',
        line: r.line,
        column: 1,
        message: failureMessage(r),
        source: 'kubedoctest',
        stepId: r.stepId,
      };
      findings.push(d);
      if (r.baseline === 'known') known.add(d);
    }
    return l.baseline ? { path: l.path, findings, known, fixed: l.baseline.fixed } : { path: l.path, findings };
  });
}

/** GitHub Actions annotations at file:line for every failed step and doc finding. */
export function formatCheckGithub(report: CheckReportLike): string {
  const lessonErrors = report.lessons
    .filter((l) => l.error)
    .map((l) => `::error file=${escapeGithub(l.path, true)},title=kubedoctest::${escapeGithub(`${l.error!.code}: ${l.error!.message}`)}\n`)
    .join('');
  return formatFindingsGithub(checkFindings(report)) + lessonErrors;
}

/** SARIF 2.1.0 for a check run. */
export function formatCheckSarif(report: CheckReportLike, toolVersion: string): string {
  return formatSarif(checkFindings(report), { toolVersion });
}
