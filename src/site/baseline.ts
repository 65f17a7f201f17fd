/**
 * Baselines: known failures, so a pull request is blocked only by failures it brings. Entries
 * are keyed by page and fingerprint (see fingerprint.ts); a listed failure is marked `known`,
 * an entry whose failure is gone is reported as fixed.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { isAbsolute, relative } from 'node:path';
import { KubedoctestError } from '../diag/errors.js';
import type { BaselineEntry, LessonResult } from '../run/types.js';
import { failureItems } from './fingerprint.js';

/** The baseline file: `{ version: 1, entries }`, entries sorted by page and line. */
export interface Baseline {
  version: 1;
  entries: BaselineEntry[];
}

/** A page path as baselines key it: slash-separated, relative to `cwd`. */
export function pageKey(path: string, cwd: string = process.cwd()): string {
  const rel = isAbsolute(path) ? relative(cwd, path) : path;
  return rel.split('\\').join('/').replace(/^\.\//, '');
}

/** Reads a baseline file; a missing file is an empty baseline only when `missingOk`. */
export async function readBaseline(file: string, missingOk = false): Promise<Baseline> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (cause) {
    if (missingOk && (cause as NodeJS.ErrnoException).code === 'ENOENT') return { version: 1, entries: [] };
    throw new KubedoctestError('ERR_FILE_READ', `cannot read baseline ${file}: ${(cause as Error).message}`, {
      hint: 'create one with check --write-baseline <file>',
      cause,
    });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (cause) {
    throw new KubedoctestError('ERR_INVALID_REPORT', `baseline ${file} is not JSON: ${(cause as Error).message}`, { cause });
  }
  const d = data as Partial<Baseline>;
  if (d?.version !== 1 || !Array.isArray(d.entries) || !d.entries.every((e) => typeof e?.page === 'string' && typeof e?.fingerprint === 'string'))
    throw new KubedoctestError('ERR_INVALID_REPORT', `baseline ${file} is not a kubedoctest baseline (version 1 with entries[])`, {
      hint: 'write it with check --write-baseline <file>',
    });
  // Hand-written entries may carry only page and fingerprint: they mean a failed step.
  return { version: 1, entries: d.entries.map((e) => ({ ...e, kind: e.kind ?? 'step', command: e.command ?? '', line: e.line ?? 0 })) };
}

/** The current failures of these lessons, as baseline entries. */
export function entriesOf(lessons: LessonResult[], cwd?: string): BaselineEntry[] {
  const out: BaselineEntry[] = [];
  for (const lesson of lessons) {
    const page = pageKey(lesson.path, cwd);
    for (const item of failureItems(lesson)) out.push({ page, fingerprint: item.fingerprint, kind: item.kind, command: item.command, line: item.line });
  }
  return out;
}

/**
 * A new baseline: the entries of `previous` for pages not checked now (a `--changed` run sees
 * only some pages), plus the current failures of the checked ones.
 */
export function updatedBaseline(previous: Baseline, lessons: LessonResult[], cwd?: string): Baseline {
  const checked = new Set(lessons.map((l) => pageKey(l.path, cwd)));
  const entries = [...previous.entries.filter((e) => !checked.has(e.page)), ...entriesOf(lessons, cwd)];
  entries.sort((a, b) => a.page.localeCompare(b.page) || a.line - b.line || a.fingerprint.localeCompare(b.fingerprint));
  return { version: 1, entries };
}

/** Writes a baseline file. */
export async function writeBaseline(file: string, baseline: Baseline): Promise<void> {
  try {
    await writeFile(file, JSON.stringify(baseline, null, 2) + '\n');
  } catch (cause) {
    throw new KubedoctestError('ERR_OUTPUT_WRITE', `cannot write baseline ${file}: ${(cause as Error).message}`, { cause });
  }
}

/** Counts after a baseline was applied. */
export interface BaselineOutcome {
  known: number;
  new: number;
  fixed: BaselineEntry[];
}

/**
 * Marks known failures in place (`step.baseline`, `lesson.baseline.knownFindings`) and records
 * fixed entries per lesson. A lesson stopped by a tool error reports no fixed entries: its
 * steps did not all run.
 */
export function applyBaseline(lessons: LessonResult[], baseline: Baseline, cwd?: string): BaselineOutcome {
  const byPage = new Map<string, BaselineEntry[]>();
  for (const e of baseline.entries) byPage.set(e.page, [...(byPage.get(e.page) ?? []), e]);
  const outcome: BaselineOutcome = { known: 0, new: 0, fixed: [] };
  for (const lesson of lessons) {
    const entries = byPage.get(pageKey(lesson.path, cwd)) ?? [];
    const keys = new Set(entries.map((e) => `${e.kind}\u0000${e.fingerprint}`));
    const matched = new Set<string>();
    const knownFindings: number[] = [];
    for (const item of failureItems(lesson)) {
      const key = `${item.kind}\u0000${item.fingerprint}`;
      if (!keys.has(key)) {
        outcome.new++;
        continue;
      }
      outcome.known++;
      matched.add(key);
      knownFindings.push(...item.findings);
      const step = item.stepId ? lesson.steps.find((s) => s.stepId === item.stepId) : undefined;
      if (step) step.baseline = 'known';
    }
    const fixed = lesson.error ? [] : entries.filter((e) => !matched.has(`${e.kind}\u0000${e.fingerprint}`));
    outcome.fixed.push(...fixed);
    lesson.baseline = { knownFindings: knownFindings.sort((a, b) => a - b), fixed };
  }
  return outcome;
}

/**
 * The exit code with a baseline: 2 for a tool error, 1 when a failure is not in the baseline,
 * else 0 (known failures and fixed entries do not fail the run).
 */
export function exitCodeWithBaseline(lessons: LessonResult[]): 0 | 1 | 2 {
  if (lessons.some((l) => l.error)) return 2;
  for (const lesson of lessons) {
    const known = new Set(lesson.baseline?.knownFindings ?? []);
    if (lesson.steps.some((s) => (s.status === 'fail' || s.status === 'error') && s.baseline !== 'known')) return 1;
    if (lesson.findings.some((f, i) => f.severity === 'error' && !known.has(i))) return 1;
  }
  return 0;
}

/** Lines for the terminal: what the baseline made of the run. */
export function baselineSummary(outcome: BaselineOutcome): string {
  const lines = [`baseline: ${outcome.known} known failure${outcome.known === 1 ? '' : 's'}, ${outcome.new} new`];
  for (const e of outcome.fixed) lines.push(`fixed: remove from the baseline: ${e.page}:${e.line} ${e.command} (${e.fingerprint})`);
  return lines.join('\n') + '\n';
}
