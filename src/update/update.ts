import { createTwoFilesPatch } from 'diff';
import { matchOutput } from '../match/index.js';
import type { CommandStep, Plan } from '../plan/types.js';
import type { LessonResult } from '../run/types.js';

/** One expected-output block rewritten with what the cluster really printed. */
export interface UpdateChange {
  stepId: string;
  /** First and last doc line of the block that was replaced. */
  line: number;
  endLine: number;
  /** Column where the block's text starts (after list-nesting indentation). */
  column: number;
  before: string;
  after: string;
}

const tableHeader = /^[A-Z][A-Z0-9()_-]*(?: {2,}[A-Z][A-Z0-9() _-]*)+\s*$/;

/** True when a doc line and an actual line differ only in what varies between clusters. */
function sameButVolatile(doc: string, actual: string, header: string | undefined): boolean {
  if (doc.trim() === actual.trim()) return true;
  const wrap = (l: string) => (header ? `${header}\n${l}` : l);
  return matchOutput({ expected: wrap(doc), actual: wrap(actual), mode: 'similar', line: 1, column: 1 }).ok;
}

/**
 * The new text of an expected block: the actual output, but each line that differs from a doc
 * line only in volatile parts (pod hashes, IPs, ages) keeps the doc's own text, in order.
 */
export function mergeOutput(docText: string, actualText: string): string {
  const doc = docText.replace(/\n$/, '').split('\n');
  const actual = actualText.replace(/\n+$/, '').split('\n');
  // A table keeps doc rows only when its header is the same to the letter, so columns stay aligned.
  const docHeader = doc.find((l) => l.trim() !== '');
  const isTable = docHeader !== undefined && tableHeader.test(docHeader) && tableHeader.test(actual[0] ?? '');
  if (isTable && docHeader !== actual[0]) return actual.join('\n');
  const header = isTable ? actual[0] : undefined;
  const out: string[] = [];
  let next = 0;
  for (const line of actual) {
    let kept: string | undefined;
    for (let j = next; j < doc.length; j++) {
      if (doc[j]!.trim() === '...' || doc[j]!.trim() === '…') continue;
      if (sameButVolatile(doc[j]!, line, line === header ? undefined : header)) {
        kept = doc[j];
        next = j + 1;
        break;
      }
    }
    out.push(kept ?? line);
  }
  return out.join('\n');
}

/**
 * Rewrites the expected-output blocks of failed steps with the actual output, keeping every other
 * byte of the document as it was (line endings, indentation of list nesting, other blocks).
 */
export function updateDoc(source: string, plan: Plan, lesson: LessonResult): { text: string; changes: UpdateChange[] } {
  const eol = source.includes('\r\n') ? '\r\n' : '\n';
  const lines = source.split(eol);
  const byId = new Map(lesson.steps.map((r) => [r.stepId, r]));
  const edits: UpdateChange[] = [];
  for (const step of plan.steps) {
    if (step.kind !== 'command' || !step.expected) continue;
    const r = byId.get(step.id);
    if (!r || r.status !== 'fail' || r.actual === null) continue;
    const { position } = (step as CommandStep).expected!;
    const after = mergeOutput(step.expected.text, r.actual);
    if (after === step.expected.text.replace(/\n$/, '')) continue;
    edits.push({ stepId: step.id, line: position.line, endLine: position.endLine, column: position.column, before: step.expected.text, after });
  }
  // Apply from the bottom so earlier line numbers stay valid.
  for (const e of [...edits].sort((a, b) => b.line - a.line)) {
    const prefix = (lines[e.line - 1] ?? '').slice(0, e.column - 1);
    const indent = /^[ \t>]*$/.test(prefix) ? prefix : '';
    const replacement = e.after.split('\n').map((l) => (l === '' ? indent.trimEnd() : indent + l));
    lines.splice(e.line - 1, e.endLine - e.line + 1, ...replacement);
  }
  return { text: lines.join(eol), changes: edits };
}

/** The change as a unified patch (for `--update --dry-run`). */
export function updatePatch(path: string, before: string, after: string): string {
  return createTwoFilesPatch(path, path, before, after, 'doc', 'updated');
}
