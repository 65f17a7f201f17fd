/**
 * `check()`: parse → plan → lint → run → match for many files. Each lesson gets its own backend
 * (from `createBackend`) and sandbox; `jobs` lessons run at once. Lint findings are reported
 * but never stop a run.
 */
import { resolve } from 'node:path';
import type { Backend } from '../backends/backend.js';
import { diagnostic, type Diagnostic } from '../diag/diagnostic.js';
import { isKubedoctestError, KubedoctestError } from '../diag/errors.js';
import { lintPlan } from '../lint/index.js';
import { loadLesson } from '../parse/index.js';
import { buildPlan } from '../plan/index.js';
import type { RunOptions, StepSelection } from './options.js';
import { emit, emitNow, type CheckReport, type Reporter } from './reporter.js';
import { expandInputs } from './inputs.js';
import { runPlan } from './run-plan.js';
import { summarize } from './summary.js';
import type { LessonResult } from './types.js';

/** Options of `check()`: run options plus file, backend and reporting choices. */
export interface CheckOptions extends Omit<RunOptions, 'select' | 'lintFindings' | 'onStepStart' | 'onStepResult'> {
  /** Builds a fresh backend for each lesson from its name (`sim`, `kind`, `context`). */
  createBackend: (name: string) => Backend;
  /** Backend name passed to `createBackend`. Default `sim`. */
  backend?: string;
  /** Lessons run at once. Default 1. */
  jobs?: number;
  /** After a lesson fails, start no further lessons (running ones finish). */
  failFast?: boolean;
  /** Only steps whose command contains this text (earlier state-changing steps still run). */
  grep?: string;
  fromLine?: number;
  toLine?: number;
  /** Base dir for patterns. Default process.cwd(). */
  cwd?: string;
  /** Folder example includes resolve against (passed to the parser). */
  examplesDir?: string;
  reporters?: Reporter[];
}

/** The finding for a file without a command step: an error, so `check` exits 1 rather than passing it unchecked. */
export function nothingToCheck(): Diagnostic {
  return diagnostic('nothing-to-check', 'error', { line: 1, column: 1 }, 'no command steps: nothing in this file was run or checked', {
    fix: { description: 'show the commands in shell code blocks (```shell), or leave this file out of check' },
  });
}

function failed(lesson: LessonResult): boolean {
  return !!lesson.error || lesson.steps.some((s) => s.status === 'fail' || s.status === 'error');
}

async function checkFile(path: string, o: CheckOptions, reporters: Reporter[], select: StepSelection | undefined): Promise<LessonResult> {
  const started = Date.now();
  const backendName = o.backend ?? 'sim';
  let plan;
  try {
    plan = buildPlan(await loadLesson(resolve(o.cwd ?? process.cwd(), path), o.examplesDir ? { examplesDir: o.examplesDir } : {}));
    plan.path = path;
  } catch (e) {
    const error = isKubedoctestError(e) ? { code: e.code, message: e.message } : { code: 'ERR_INTERNAL', message: (e as Error).message };
    return { path, backend: backendName, steps: [], findings: [], durationMs: Date.now() - started, error };
  }
  await emit(reporters, 'onLessonStart', path, plan);
  const findings = [...plan.findings, ...lintPlan(plan)];
  if (!plan.steps.some((s) => s.kind === 'command')) {
    // A file with nothing to run must not pass as if it had been checked.
    findings.push(nothingToCheck());
    return { path, backend: backendName, steps: [], findings, durationMs: Date.now() - started };
  }
  const { createBackend, backend: _b, jobs: _j, failFast: _f, grep: _g, fromLine: _fl, toLine: _tl, cwd: _c, examplesDir: _e, reporters: _r, ...run } = o;
  return runPlan(plan, createBackend(backendName), {
    ...run,
    lintFindings: findings,
    ...(select ? { select } : {}),
    onStepStart: (step, index, total) => emitNow(reporters, 'onStepStart', step, index, total, path),
    onStepResult: (result, step) => emitNow(reporters, 'onStepResult', result, step, path),
  });
}

/** Checks every file matching `patterns`; the report's lessons are in file order. */
export async function check(patterns: string[], options: CheckOptions): Promise<CheckReport> {
  const started = Date.now();
  const reporters = options.reporters ?? [];
  const jobs = options.jobs ?? 1;
  if (!Number.isInteger(jobs) || jobs < 1) throw new KubedoctestError('ERR_INVALID_OPTION', `jobs must be a whole number ≥ 1, got ${jobs}`);
  const files = await expandInputs(patterns, options.cwd);
  const select: StepSelection | undefined =
    options.grep !== undefined || options.fromLine !== undefined || options.toLine !== undefined
      ? {
          ...(options.grep !== undefined ? { grep: options.grep } : {}),
          ...(options.fromLine !== undefined ? { fromLine: options.fromLine } : {}),
          ...(options.toLine !== undefined ? { toLine: options.toLine } : {}),
        }
      : undefined;
  await emit(reporters, 'onRunStart', files);
  const results: Array<LessonResult | undefined> = new Array(files.length);
  let next = 0;
  let stop = false;
  const worker = async (): Promise<void> => {
    while (!stop && next < files.length && !options.signal?.aborted) {
      const i = next++;
      const lesson = await checkFile(files[i]!, options, reporters, select);
      results[i] = lesson;
      await emit(reporters, 'onLessonEnd', lesson);
      if (options.failFast && failed(lesson)) stop = true;
    }
  };
  await Promise.all(Array.from({ length: Math.min(jobs, files.length) }, worker));
  const lessons = results.filter((l): l is LessonResult => l !== undefined);
  const report: CheckReport = { version: 1, lessons, summary: summarize(lessons), durationMs: Date.now() - started };
  await emit(reporters, 'onRunEnd', report);
  return report;
}
