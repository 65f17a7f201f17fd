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
  // A blank doc line stands for nothing but a blank line.
  if (doc.trim() === '' || actual.trim() === '') return false;
  const wrap = (l: string) => (header ? `${header}\n${l}` : l);
  return matchOutput({ expected: wrap(doc), actual: wrap(actual), mode: 'similar', line: 1, column: 1 }).ok;
}

/** True when two cells of a column differ only in volatile parts (compared as a small kubectl table, so column rules apply). */
function sameCell(column: string, doc: string, actual: string): boolean {
  if (doc === actual) return true;
  if (doc === '' || actual === '') return false;
  const width = Math.max(column.length, doc.length, actual.length) + 3;
  const table = (cell: string) => `${column.padEnd(width)}KDT\n${cell.padEnd(width)}k`;
  return matchOutput({ expected: table(doc), actual: table(actual), mode: 'similar', line: 1, column: 1 }).ok;
}

/** Cells of a table line by the header's column starts (the last column takes the rest). */
function cellsOf(line: string, starts: number[]): string[] {
  return starts.map((at, i) => line.slice(at, i + 1 < starts.length ? starts[i + 1] : undefined).trim());
}

/** Column starts and names of a kubectl table header. */
function columnsOf(header: string): Array<{ name: string; at: number }> {
  return [...header.matchAll(/\S+(?: \S+)*/g)].map((m) => ({ name: m[0], at: m.index }));
}

/** Lays rows out as kubectl's printer does: each column as wide as its widest cell, three blanks apart. */
function render(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) =>
    r
      .map((c, i) => (i + 1 < r.length ? c.padEnd(widths[i]! + 3) : c))
      .join('')
      .trimEnd(),
  );
}

/**
 * A table merged cell by cell: the actual columns and rows, but each cell whose value differs
 * from the doc's cell of the same column and row only in volatile parts keeps the doc's value.
 */
function mergeTable(doc: string[], actual: string[]): string[] {
  const docCols = columnsOf(doc[0]!);
  const actCols = columnsOf(actual[0]!);
  const docRows = doc
    .slice(1)
    .filter((l) => l.trim() !== '' && !/^\s*(\.\.\.|…)\s*$/.test(l))
    .map((l) =>
      cellsOf(
        l,
        docCols.map((c) => c.at),
      ),
    );
  const rows = actual
    .slice(1)
    .filter((l) => l.trim() !== '')
    .map((line, r) => {
      const cells = cellsOf(
        line,
        actCols.map((c) => c.at),
      );
      const docRow = docRows[r];
      return cells.map((cell, i) => {
        const name = actCols[i]!.name;
        const j = docCols.findIndex((c) => c.name === name);
        const docCell = docRow && j >= 0 ? docRow[j] : undefined;
        return docCell !== undefined && sameCell(name, docCell, cell) ? docCell : cell;
      });
    });
  return render([actCols.map((c) => c.name), ...rows]);
}

const FIELD = /^(\s*[A-Za-z][\w ()./-]*:)(\s+)(\S.*)$/;

/** An actual `Key:   value` line laid out with the doc's value column, when the doc aligns its fields. */
function alignField(line: string, doc: string[]): string {
  const m = FIELD.exec(line);
  if (!m) return line;
  const columns = new Set(
    doc.flatMap((l) => {
      const d = FIELD.exec(l);
      return d ? [d[1]!.length + d[2]!.length] : [];
    }),
  );
  if (columns.size !== 1) return line;
  const column = [...columns][0]!;
  return m[1]!.length < column ? m[1]!.padEnd(column) + m[3]! : line;
}

/**
 * The new text of an expected block: the actual output, but each line that differs from a doc
 * line only in volatile parts (pod hashes, IPs, ages) keeps the doc's own text, in order; tables
 * are merged cell by cell and realigned, new `Key: value` lines take the doc's value column.
 */
export function mergeOutput(docText: string, actualText: string): string {
  const doc = docText.replace(/\n$/, '').split('\n');
  const actual = actualText.replace(/\n+$/, '').split('\n');
  const docHeader = doc.find((l) => l.trim() !== '');
  const isTable = docHeader !== undefined && tableHeader.test(docHeader) && tableHeader.test(actual[0] ?? '');
  if (isTable) return mergeTable(doc.slice(doc.indexOf(docHeader)), actual).join('\n');
  const out: string[] = [];
  let next = 0;
  for (const line of actual) {
    let kept: string | undefined;
    for (let j = next; j < doc.length; j++) {
      if (doc[j]!.trim() === '...' || doc[j]!.trim() === '…') continue;
      if (sameButVolatile(doc[j]!, line, undefined)) {
        kept = doc[j];
        next = j + 1;
        break;
      }
    }
    out.push(kept ?? alignField(line, doc));
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
