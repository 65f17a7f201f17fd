import type { LessonResult, StepResult, Summary } from '../run/types.js';
import { closingLine, isCounted } from '../run/summary.js';
import type { Colors } from './colors.js';

/** What the check reporters need of a run: its lessons and counts. */
export interface CheckReportLike {
  lessons: LessonResult[];
  summary: Summary;
}

const MARK = { pass: '✓', fail: '✗', skipped: '-', unchecked: '?', error: '!' } as const;
/** A passing row the closing line does not count (an applied manifest, a replayed step): not a ✓. */
const UNCOUNTED = '·';

export { closingLine };

/** Colours a unified diff: removed (doc) red, added (actual) green, hunk headers dim. */
export function colorDiff(diff: string, c: Colors): string {
  return diff
    .split('\n')
    .map((line) =>
      line.startsWith('---') || line.startsWith('+++') || line.startsWith('@@')
        ? c.dim(line)
        : line.startsWith('-')
          ? c.red(line)
          : line.startsWith('+')
            ? c.green(line)
            : line,
    )
    .join('\n');
}

const indent = (text: string, pad: string) =>
  text
    .replace(/\n$/, '')
    .split('\n')
    .map((l) => pad + l)
    .join('\n');

/** Lines for one step result: the status line, then rewrites, differences, diff and hint for failures. */
export function formatStep(r: StepResult, c: Colors, verbose = false): string {
  const color = r.status === 'pass' ? c.green : r.status === 'skipped' ? c.dim : r.status === 'unchecked' ? c.yellow : c.red;
  // A step typed in a pod shell is shown as the exec it became, without the runner's bookkeeping.
  const inPod = r.rewrites.find((w) => w.kind === 'interactive' && w.reason.startsWith('runs in the pod shell'));
  // So is one the runner keeps in the background (`kubectl proxy &`): its pid files are the runner's.
  const background = r.rewrites.find((w) => w.kind === 'interactive' && /\bin the background\b/.test(w.reason) && / &$/.test(w.to));
  const what = r.kind === 'manifest' ? `manifest ${r.command ?? ''}`.trim() : ((inPod ?? background)?.to ?? r.ran ?? r.command ?? '').split('\n')[0];
  const attempts = r.attempts > 1 ? c.dim(` (${r.attempts} attempts${r.settledEarly ? ', cluster at rest' : ''})`) : '';
  const mark = r.status === 'pass' && !isCounted(r) ? UNCOUNTED : MARK[r.status];
  const out = [`  ${color(mark)} ${c.dim(String(r.line).padStart(4))}  ${what}${attempts}`];
  const pad = '          ';
  if (r.status === 'skipped' && r.skipReason) out.push(`${pad}${c.dim(`skipped: ${r.skipReason}`)}`);
  if (r.status === 'unchecked' && r.uncheckedReason) out.push(`${pad}${c.yellow(`cannot check: ${r.uncheckedReason}`)}`);
  if ((r.status === 'pass' || r.status === 'unchecked') && !verbose) return out.join('\n');
  for (const w of r.rewrites) out.push(`${pad}${c.cyan('rewritten')} ${w.from} → ${w.to} ${c.dim(`(${w.reason})`)}`);
  if (r.error) out.push(`${pad}${c.red(r.error)}`);
  for (const d of r.differences) out.push(`${pad}${c.yellow(`line ${d.line}`)} ${d.kind}: ${d.message}`);
  // What an excuse explains is shown beside the failure, not as part of it.
  if (r.status === 'fail') for (const d of r.excused ?? []) out.push(`${pad}${c.dim(`line ${d.line} excused: ${d.message} — ${d.excuse}`)}`);
  if (r.diff && r.status === 'fail') out.push(indent(colorDiff(r.diff, c), pad));
  // A failure judged on its exit status alone shows what the command printed (kubectl's error), not only its status.
  else if (
    r.status === 'fail' &&
    r.actual !== null &&
    (r.differences.length === 0 || (r.actual.trim() !== '' && r.differences.every((d) => d.kind === 'exit-status')))
  )
    out.push(indent(`exit ${r.exitCode}: ${r.actual}`, pad));
  // -v: what a passing step printed and how long it took, so a reader can see why it passed.
  if (verbose && (r.status === 'pass' || r.status === 'unchecked')) {
    if (r.actual) out.push(indent(c.dim(r.actual), pad));
    out.push(`${pad}${c.dim(`${r.durationMs} ms${r.exitCode !== null && r.exitCode !== 0 ? `, exit ${r.exitCode}` : ''}`)}`);
  }
  if (r.hint) {
    out.push(`${pad}${c.bold('hint')} ${r.hint.message}`);
    if (r.hint.fix) out.push(`${pad}${c.bold('fix')}  ${r.hint.fix}`);
  }
  if (verbose && r.diagnostics) {
    for (const [name, text] of Object.entries(r.diagnostics)) {
      if (text) out.push(`${pad}${c.dim(`── ${name}`)}\n${indent(c.dim(text), pad)}`);
    }
  }
  return out.join('\n');
}

/** The whole check report as terminal text (used when not streaming). */
export function formatCheckText(report: CheckReportLike, c: Colors, verbose = false): string {
  const out: string[] = [];
  for (const lesson of report.lessons) out.push(formatLesson(lesson, c, verbose));
  out.push(closingLine(report.summary));
  return out.join('\n') + '\n';
}

/** One lesson: its path, each step, lint findings and a tool error if any. */
export function formatLesson(lesson: LessonResult, c: Colors, verbose = false): string {
  const out = [c.bold(lesson.path) + c.dim(` (${lesson.backend}, ${(lesson.durationMs / 1000).toFixed(1)}s)`)];
  for (const r of lesson.steps) out.push(formatStep(r, c, verbose));
  const doc = lesson.findings.filter((f) => !f.stepId || !lesson.steps.some((s) => s.stepId === f.stepId && s.status === 'fail'));
  for (const f of doc)
    out.push(`  ${f.severity === 'error' ? c.red('•') : c.yellow('•')} ${c.dim(String(f.line).padStart(4))}  ${f.message} ${c.dim(`(${f.ruleId})`)}`);
  if (lesson.error) out.push(`  ${c.red(`${lesson.error.code}: ${lesson.error.message}`)}`);
  for (const w of lesson.warnings ?? []) out.push(`  ${c.yellow(`note: ${w}`)}`);
  if (lesson.leaks?.length) out.push(`  ${c.yellow(`left outside the lesson namespace: ${lesson.leaks.join(', ')}`)}`);
  return out.join('\n');
}
