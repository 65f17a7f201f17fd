/**
 * Fingerprints of failures, the keys of a baseline. A step's key is its command and the output
 * the doc shows, normalized, so moving a step (or reflowing its block) keeps its key; editing
 * the command or the shown output makes it a new failure.
 */
import { createHash } from 'node:crypto';
import type { LessonResult, StepResult } from '../run/types.js';

/** Trims every line, collapses runs of blanks and drops empty lines. */
export function normalizeForFingerprint(text: string | null | undefined): string {
  if (!text) return '';
  return text
    .split(/\r?\n/)
    .map((line) => line.trim().replace(/\s+/g, ' '))
    .filter((line) => line !== '')
    .join('\n');
}

function hash(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 16);
}

/** The fingerprint of a step from what the doc says: command and expected output. */
export function stepFingerprint(step: Pick<StepResult, 'command' | 'expected' | 'kind'>): string {
  return hash('step', step.kind, normalizeForFingerprint(step.command), normalizeForFingerprint(step.expected));
}

/** One failure of a lesson that a baseline can list. */
export interface FailureItem {
  /** `step`, or the rule id of a finding. */
  kind: string;
  fingerprint: string;
  line: number;
  /** The step's command, or the finding's message. */
  command: string;
  /** The failed step, when the item is one. */
  stepId?: string;
  /** Indices into `lesson.findings` this item accounts for. */
  findings: number[];
}

/**
 * The failures of a lesson: each failed or errored step, and each error finding not about a
 * failed step. Identical steps on one page get `-2`, `-3`, … so each has its own key.
 */
export function failureItems(lesson: LessonResult): FailureItem[] {
  const seen = new Map<string, number>();
  const fpOf = new Map<string, string>();
  for (const r of lesson.steps) {
    const base = stepFingerprint(r);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    fpOf.set(r.stepId, n === 1 ? base : `${base}-${n}`);
  }
  const items: FailureItem[] = [];
  const byStep = new Map<string, FailureItem>();
  for (const r of lesson.steps) {
    if (r.status !== 'fail' && r.status !== 'error') continue;
    const item: FailureItem = {
      kind: 'step',
      fingerprint: fpOf.get(r.stepId)!,
      line: r.line,
      command: firstLine(r.command ?? r.kind),
      stepId: r.stepId,
      findings: [],
    };
    byStep.set(r.stepId, item);
    items.push(item);
  }
  const byKey = new Map<string, FailureItem>();
  lesson.findings.forEach((f, index) => {
    if (f.severity !== 'error') return;
    const stepItem = f.stepId ? byStep.get(f.stepId) : undefined;
    if (stepItem) {
      stepItem.findings.push(index);
      return;
    }
    const stepFp = f.stepId ? fpOf.get(f.stepId) : undefined;
    const fingerprint = stepFp ?? hash('finding', f.ruleId, normalizeForFingerprint(f.message));
    const key = `${f.ruleId}\u0000${fingerprint}`;
    const existing = byKey.get(key);
    if (existing) {
      existing.findings.push(index);
      return;
    }
    const item: FailureItem = { kind: f.ruleId, fingerprint, line: f.line, command: firstLine(f.message), findings: [index] };
    byKey.set(key, item);
    items.push(item);
  });
  return items;
}

function firstLine(text: string): string {
  return text.split('\n')[0]!;
}
