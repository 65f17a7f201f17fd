/**
 * `kubedoctest merge`: shard reports (JSON, docs/json-report.md) back into one run, which any
 * check reporter can then print. A page in two reports is an error: shards never overlap.
 */
import { readFile } from 'node:fs/promises';
import type { Diagnostic } from '../diag/diagnostic.js';
import { KubedoctestError } from '../diag/errors.js';
import type { CheckReportLike } from '../report/check-text.js';
import { summarize } from '../run/summary.js';
import type { BaselineEntry, LessonResult, StepResult } from '../run/types.js';

type Json = Record<string, unknown>;

/** A step of the JSON report back as a StepResult. */
function stepFromJson(s: Json): StepResult {
  const r: StepResult = {
    stepId: String(s.id),
    line: Number(s.line),
    kind: s.kind === 'manifest' ? 'manifest' : 'command',
    status: s.status as StepResult['status'],
    attempts: Number(s.attempts ?? 1),
    exitCode: (s.exit_code as number | null) ?? null,
    expected: (s.expected as string | null) ?? null,
    actual: (s.actual as string | null) ?? null,
    differences: (s.differences as StepResult['differences']) ?? [],
    bindings: (s.bindings as StepResult['bindings']) ?? [],
    rewrites: (s.rewrites as StepResult['rewrites']) ?? [],
    durationMs: Number(s.duration_ms ?? 0),
  };
  if (typeof s.command === 'string') r.command = s.command;
  if (typeof s.ran === 'string') r.ran = s.ran;
  if (typeof s.diff === 'string') r.diff = s.diff;
  if (s.hint) r.hint = s.hint as StepResult['hint'];
  if (s.settled_early) r.settledEarly = true;
  if (typeof s.skip_reason === 'string') r.skipReason = s.skip_reason;
  if (typeof s.error === 'string') r.error = s.error;
  if (s.diagnostics) r.diagnostics = s.diagnostics as StepResult['diagnostics'];
  if (s.replay) r.replay = true;
  if (s.baseline === 'known') r.baseline = 'known';
  return r;
}

/** A file of the JSON report back as a LessonResult. */
export function lessonFromJson(f: Json): LessonResult {
  if (typeof f.path !== 'string' || !Array.isArray(f.steps))
    throw new KubedoctestError('ERR_INVALID_REPORT', 'a file entry has no path or steps: is this a JSON report of check (--format json)?');
  const findings = ((f.findings as Json[]) ?? []).map((d) => {
    const { baseline: _b, ...rest } = d;
    return rest as unknown as Diagnostic;
  });
  const lesson: LessonResult = {
    path: f.path,
    backend: String(f.backend ?? 'sim'),
    steps: (f.steps as Json[]).map(stepFromJson),
    findings,
    durationMs: Number(f.duration_ms ?? 0),
  };
  if (f.error) lesson.error = f.error as LessonResult['error'];
  if (Array.isArray(f.leaks)) lesson.leaks = f.leaks as string[];
  if (Array.isArray(f.warnings)) lesson.warnings = f.warnings as string[];
  if (f.cached === true) lesson.cached = true;
  const known = ((f.findings as Json[]) ?? []).flatMap((d, i) => (d.baseline === 'known' ? [i] : []));
  if (known.length || Array.isArray(f.baseline_fixed))
    lesson.baseline = { knownFindings: known, fixed: Array.isArray(f.baseline_fixed) ? (f.baseline_fixed as BaselineEntry[]) : [] };
  return lesson;
}

/** Parses one JSON check report into lessons. */
export function lessonsFromReport(text: string, name: string): LessonResult[] {
  let data: Json;
  try {
    data = JSON.parse(text) as Json;
  } catch (cause) {
    throw new KubedoctestError('ERR_INVALID_REPORT', `${name} is not JSON: ${(cause as Error).message}`, {
      hint: 'merge takes reports written by check --format json',
      cause,
    });
  }
  if (data?.version !== 1 || !Array.isArray(data.files))
    throw new KubedoctestError('ERR_INVALID_REPORT', `${name} is not a kubedoctest JSON report (version 1 with files[])`, {
      hint: 'merge takes reports written by check --format json',
    });
  return (data.files as Json[]).map(lessonFromJson);
}

/** Merges reports: lessons sorted by path, summary recounted. Two reports with one page is ERR_INVALID_REPORT. */
export function mergeLessons(reports: Array<{ name: string; lessons: LessonResult[] }>): CheckReportLike & { lessons: LessonResult[] } {
  const seen = new Map<string, string>();
  const lessons: LessonResult[] = [];
  for (const r of reports) {
    for (const l of r.lessons) {
      const other = seen.get(l.path);
      if (other !== undefined)
        throw new KubedoctestError('ERR_INVALID_REPORT', `${l.path} is in both ${other} and ${r.name}`, {
          hint: 'merge reports of disjoint shards (--shard k/n of one page list)',
        });
      seen.set(l.path, r.name);
      lessons.push(l);
    }
  }
  lessons.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { lessons, summary: summarize(lessons) };
}

/** Reads and merges JSON report files. */
export async function mergeReportFiles(files: string[]): Promise<CheckReportLike & { lessons: LessonResult[] }> {
  const reports = [];
  for (const name of files) {
    let text: string;
    try {
      text = await readFile(name, 'utf8');
    } catch (cause) {
      throw new KubedoctestError('ERR_FILE_READ', `cannot read ${name}: ${(cause as Error).message}`, { cause });
    }
    reports.push({ name, lessons: lessonsFromReport(text, name) });
  }
  return mergeLessons(reports);
}
