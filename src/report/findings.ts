import type { Diagnostic } from '../diag/diagnostic.js';
import { sortDiagnostics } from '../diag/diagnostic.js';
import type { Colors } from './colors.js';
import { XML_HEADER, element } from './xml.js';

/** The findings for one file, as lint (and check) produce them. */
export interface FileFindings {
  path: string;
  findings: Diagnostic[];
  /** Set when a baseline was applied: the findings it lists (known failures); the others are new. */
  known?: ReadonlySet<Diagnostic>;
  /** Baseline entries of this file that no longer fail. */
  fixed?: ReadonlyArray<{ line: number; command: string; fingerprint: string }>;
}

/** Counts findings by severity. */
export function countFindings(files: FileFindings[]): { error: number; warning: number; info: number } {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of files) for (const d of f.findings) counts[d.severity]++;
  return counts;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** `path:line:col  severity  message  (rule-id)`, one line a finding, then a summary line. */
export function formatFindingsText(files: FileFindings[], c: Colors): string {
  const out: string[] = [];
  for (const file of files) {
    for (const d of sortDiagnostics(file.findings)) {
      const sev = d.severity === 'error' ? c.red('error') : d.severity === 'warning' ? c.yellow('warning') : c.blue('info');
      out.push(`${file.path}:${d.line}:${d.column}  ${sev}  ${d.message}  ${c.dim(`(${d.ruleId})`)}`);
      if (d.fix) out.push(`  ${c.dim('fix:')} ${d.fix.description}`);
    }
  }
  const n = countFindings(files);
  out.push(`${plural(n.error, 'error')}, ${plural(n.warning, 'warning')}, ${n.info} info in ${plural(files.length, 'file')}`);
  return out.join('\n') + '\n';
}

/** JUnit XML: a testsuite per file, a testcase per finding (errors as failures). */
export function formatFindingsJunit(files: FileFindings[], suiteName = 'kubedoctest lint'): string {
  const suites = files.map((file) => {
    const cases = sortDiagnostics(file.findings).map((d) =>
      element(
        'testcase',
        { classname: file.path, name: `${file.path}:${d.line}:${d.column} ${d.ruleId}` },
        d.severity === 'error'
          ? element('failure', { message: d.message, type: d.ruleId }, undefined, `${file.path}:${d.line}:${d.column} ${d.message}`)
          : element('system-out', {}, undefined, `${d.severity}: ${d.message}`),
      ),
    );
    const failures = file.findings.filter((d) => d.severity === 'error').length;
    if (cases.length === 0) cases.push(element('testcase', { classname: file.path, name: `${file.path} lint` }));
    return element('testsuite', { name: file.path, tests: cases.length, failures, errors: 0 }, cases);
  });
  const tests = files.reduce((n, f) => n + Math.max(1, f.findings.length), 0);
  const failures = countFindings(files).error;
  return XML_HEADER + element('testsuites', { name: suiteName, tests, failures, errors: 0 }, suites) + '\n';
}

/** Escapes a GitHub workflow-command property value or message. */
export function escapeGithub(text: string, property = false): string {
  let s = text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  if (property) s = s.replace(/:/g, '%3A').replace(/,/g, '%2C');
  return s;
}

/** GitHub Actions workflow annotations (`::error file=…,line=…::message`). */
export function formatFindingsGithub(files: FileFindings[]): string {
  const lines: string[] = [];
  for (const file of files) {
    for (const d of sortDiagnostics(file.findings)) {
      const known = file.known?.has(d) ?? false;
      // A known failure (baseline) is a notice: it is shown but does not read as this change's fault.
      const level = known ? 'notice' : d.severity === 'error' ? 'error' : d.severity === 'warning' ? 'warning' : 'notice';
      const props = [
        `file=${escapeGithub(file.path, true)}`,
        `line=${d.line}`,
        `col=${d.column}`,
        ...(d.endLine ? [`endLine=${d.endLine}`] : []),
        `title=${escapeGithub(`kubedoctest ${d.ruleId}${known ? ' (baseline)' : ''}`, true)}`,
      ];
      lines.push(`::${level} ${props.join(',')}::${escapeGithub(known ? `known failure, in the baseline: ${d.message}` : d.message)}`);
    }
    for (const e of file.fixed ?? []) {
      const props = [`file=${escapeGithub(file.path, true)}`, `line=${e.line}`, `title=${escapeGithub('kubedoctest baseline-fixed', true)}`];
      lines.push(`::notice ${props.join(',')}::${escapeGithub(`fixed: remove from the baseline: ${e.command} (${e.fingerprint})`)}`);
    }
  }
  return lines.length ? lines.join('\n') + '\n' : '';
}
