/**
 * Completion indexes of Indexed Jobs: the pod annotations that carry them, and the compressed
 * interval strings of `status.completedIndexes` / `status.failedIndexes` (the Job controller's
 * `orderedIntervals`).
 */
import type { KObject } from '../types.js';

export const INDEX = 'batch.kubernetes.io/job-completion-index';
/** How many earlier pods of the same index failed (set on a replacement pod under backoffLimitPerIndex). */
export const INDEX_FAILURE_COUNT = 'batch.kubernetes.io/job-index-failure-count';

/** The pod's completion index, or undefined when it has none (or not a non-negative integer). */
export function completionIndex(pod: KObject): number | undefined {
  const v = pod.metadata.annotations?.[INDEX];
  if (v === undefined || !/^\d+$/.test(v)) return undefined;
  return Number(v);
}

/** The pod's index failure count; 0 when missing or not a valid int32, as the controller reads it. */
export function indexFailureCount(pod: KObject): number {
  const v = pod.metadata.annotations?.[INDEX_FAILURE_COUNT];
  if (v === undefined || !/^\d+$/.test(v)) return 0;
  const n = Number(v);
  return n > 2147483647 ? 0 : n;
}

/** The indexes of an interval string below `completions` (`1,3-5` → 1 3 4 5); malformed parts are ignored. */
export function parseIndexes(text: string | undefined, completions: number): Set<number> {
  const out = new Set<number>();
  for (const part of String(text ?? '').split(',')) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(part.trim());
    if (!m) continue;
    const first = Number(m[1]);
    if (first >= completions) break;
    const last = Math.min(m[2] === undefined ? first : Number(m[2]), completions - 1);
    for (let i = first; i <= last; i++) out.add(i);
  }
  return out;
}

/**
 * The interval string of a set of indexes as the controller writes it: runs of three or more as
 * `a-c`, a run of two as `a,b` (`orderedIntervals.String`).
 */
export function formatIndexes(values: Iterable<number>): string {
  const sorted = [...new Set(values)].sort((x, y) => x - y);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    const [a, b] = [sorted[i]!, sorted[j]!];
    parts.push(b === a ? String(a) : b === a + 1 ? `${a},${b}` : `${a}-${b}`);
    i = j + 1;
  }
  return parts.join(',');
}

/** The first `count` indexes below `completions` that are not in `taken`. */
export function pendingIndexes(taken: ReadonlySet<number>, count: number, completions: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < completions && out.length < count; i++) if (!taken.has(i)) out.push(i);
  return out;
}
