/**
 * Reporter hooks of `check()`, all optional (vitest style). Lesson and run hooks are awaited;
 * step hooks are called as steps start and finish and are not awaited (a returned promise's
 * rejection is ignored), so a slow reporter never holds a lesson's processes.
 */
import type { Plan, Step } from '../plan/types.js';
import type { LessonResult, StepResult, Summary } from './types.js';

type Awaitable<T> = T | Promise<T>;

/** The result of `check()`: plain serializable data, stable across versions by `version`. */
export interface CheckReport {
  version: 1;
  lessons: LessonResult[];
  summary: Summary;
  durationMs: number;
}

/** Optional hooks; `path` tells lessons apart when several run at once (`jobs`). */
export interface Reporter {
  onRunStart?(files: string[]): Awaitable<void>;
  onLessonStart?(path: string, plan: Plan): Awaitable<void>;
  onStepStart?(step: Step, index: number, total: number, path: string): Awaitable<void>;
  onStepResult?(result: StepResult, step: Step, path: string): Awaitable<void>;
  onLessonEnd?(lesson: LessonResult): Awaitable<void>;
  onRunEnd?(report: CheckReport): Awaitable<void>;
}

/** Calls a hook on every reporter in order, awaiting each. */
export async function emit<K extends keyof Reporter>(reporters: Reporter[], hook: K, ...args: Parameters<NonNullable<Reporter[K]>>): Promise<void> {
  for (const r of reporters) {
    const fn = r[hook] as ((...a: unknown[]) => Awaitable<void>) | undefined;
    if (fn) await fn.apply(r, args);
  }
}

/** Calls a hook on every reporter without waiting. */
export function emitNow<K extends keyof Reporter>(reporters: Reporter[], hook: K, ...args: Parameters<NonNullable<Reporter[K]>>): void {
  for (const r of reporters) {
    const fn = r[hook] as ((...a: unknown[]) => Awaitable<void>) | undefined;
    if (!fn) continue;
    const out = fn.apply(r, args);
    if (out && typeof (out as Promise<void>).catch === 'function') (out as Promise<void>).catch(() => undefined);
  }
}
