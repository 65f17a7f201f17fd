import { isElision, type Line } from './lines.js';

/** A column of a table: its header name, where it starts, and the context its cells are read in. */
export interface Column {
  name: string;
  /** A `...` column: the doc leaves out the columns there. */
  elision?: boolean;
  start: number;
  /** Context for normalizers: the header, or the JSONPath leaf of a custom column. */
  context: string;
}

/** A table row: cells by column, with offsets into the line. */
export interface Row {
  line: Line;
  cells: string[];
  offsets: number[];
  elision: boolean;
}

/** A kubectl table: header line, columns, rows. */
export interface Table {
  header: Line;
  columns: Column[];
  rows: Row[];
  /** A `...` row: more rows may follow in the actual output. */
  elided: boolean;
}

/** A part of an output: a table, or a run of other lines. */
export type Segment = { kind: 'table'; table: Table } | { kind: 'text'; lines: Line[] };

const WORD = "[A-Z0-9][A-Z0-9()_./%:#'-]*(?:\\([A-Za-z]*\\))?";
const NAME = `(?=[A-Z])${WORD}(?: ${WORD})*`;
/** `...` or `…` in a header: the doc leaves out columns there (or all the rest). */
const ELIDED_COLUMN = '(?:\\.\\.\\.|…)';
const UPPER_HEADER = new RegExp(`^\\s*${NAME}(?:(?: {2,}${NAME})+(?: +${ELIDED_COLUMN}(?: {2,}${NAME})*)*|(?: +${ELIDED_COLUMN}(?: {2,}${NAME})*)+)\\s*$`);
const DASHES = /^\s*-+(?: {2,}-+)+\s*$/;
const WORDS = /^\s*\S+(?: \S+)*(?: {2,}\S+(?: \S+)*)+\s*$/;

/** JSONPath leaf per header of `-o custom-columns=NAME:.metadata.name,…` in the command. */
export function customColumns(command: string | undefined): Map<string, string> | undefined {
  const m = /custom-columns[= ]['"]?([^'"\s]+)/.exec(command ?? '');
  if (!m) return undefined;
  const map = new Map<string, string>();
  for (const spec of (m[1] ?? '').split(',')) {
    const [name, path] = spec.split(':');
    if (name) map.set(name, (path ?? '').split('.').pop()?.replace(/\[.*$/, '') ?? name);
  }
  return map;
}

/** Columns of a header line. In a `kubectl get nodes` table (a ROLES column) NAME holds node names. */
function columnsOf(header: string, custom?: Map<string, string>): Column[] {
  const columns: Column[] = [];
  const nodes = /(?:^|\s)ROLES(?:\s|$)/.test(header);
  // `kubectl config get-contexts`: NAME is a context name, CLUSTER a cluster name.
  const contexts = /(?:^|\s)AUTHINFO(?:\s|$)/.test(header);
  // `kubectl get pods`: NAME is a pod name, generated for the pods of a controller.
  const pods = ['READY', 'STATUS', 'RESTARTS'].every((c) => new RegExp(`(?:^|\\s)${c}(?:\\s|$)`).test(header));
  for (const m of header.matchAll(/\.\.\.|…|\S+(?: (?!\.\.\.|…)\S+)*/g)) {
    const context =
      custom?.get(m[0]) ??
      (nodes && m[0] === 'NAME'
        ? 'NODE'
        : contexts && m[0] === 'NAME'
          ? 'kubecontext'
          : contexts && m[0] === 'CLUSTER'
            ? 'kubecluster'
            : pods && m[0] === 'NAME'
              ? 'podname'
              : m[0]);
    columns.push({ name: m[0], start: m.index, context, ...(isElision(m[0]) ? { elision: true } : {}) });
  }
  return columns;
}

/** Splits a row into cells by header positions, or by runs of 2+ blanks when the row is misaligned. */
export function splitRow(text: string, columns: Column[]): { cells: string[]; offsets: number[] } {
  const aligned = columns.every((c, i) => i === 0 || c.start >= text.length || /\s/.test(text[c.start - 1] ?? ' '));
  const parts = [...text.matchAll(/\S+(?: \S+)*/g)];
  const byBlanks = () => ({ cells: parts.map((p) => p[0]), offsets: parts.map((p) => p.index) });
  if (!aligned && parts.length === columns.length) return byBlanks();
  const cells: string[] = [];
  const offsets: number[] = [];
  columns.forEach((c, i) => {
    const end = columns[i + 1]?.start ?? text.length;
    const raw = text.slice(c.start, Math.max(c.start, end));
    cells.push(raw.trim());
    offsets.push(c.start + (raw.length - raw.trimStart().length));
  });
  // A row written narrower than its header (`web-2     1/1       Running   0         18s` under a
  // wider STATUS column) puts two values in one cell and leaves the last ones empty: its runs of
  // blanks, one value each, are the cells.
  if (parts.length === columns.length && cells.some((c) => / {2,}/.test(c)) && cells[cells.length - 1] === '') return byBlanks();
  return { cells, offsets };
}

function isHeader(lines: readonly Line[], i: number, custom: boolean): boolean {
  const text = lines[i]?.text ?? '';
  if (UPPER_HEADER.test(text)) return true;
  if (WORDS.test(text) && DASHES.test(lines[i + 1]?.text ?? '')) return true;
  return custom && i === 0 && /\S/.test(text);
}

const indentOf = (text: string) => text.length - text.trimStart().length;

/**
 * Splits output lines into tables and text. A table starts at a header line (UPPERCASE names
 * separated by 2+ blanks, a header over a dashes line, or the first line of custom-columns output)
 * and runs to the next blank line or header (an indented one: to the first line left of it).
 */
export function segmentLines(lines: readonly Line[], command?: string): Segment[] {
  const custom = customColumns(command);
  const segments: Segment[] = [];
  let text: Line[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (!isHeader(lines, i, custom !== undefined)) {
      if (line.text.trim() !== '') text.push(line);
      i++;
      continue;
    }
    if (text.length > 0) segments.push({ kind: 'text', lines: text });
    text = [];
    const columns = columnsOf(line.text, custom);
    const table: Table = { header: line, columns, rows: [], elided: false };
    i++;
    if (DASHES.test(lines[i]?.text ?? '')) i++;
    // A table nested in describe output (`Conditions:` then an indented header) ends at the first
    // line left of its header: `OldReplicaSets:  <none>` is the next field, not a row.
    const indent = indentOf(line.text);
    while (i < lines.length && lines[i]!.text.trim() !== '' && !UPPER_HEADER.test(lines[i]!.text)) {
      const row = lines[i]!;
      const elision = isElision(row.text);
      if (!elision && indentOf(row.text) < indent) break;
      if (elision) table.elided = true;
      table.rows.push({ line: row, elision, ...splitRow(row.text, columns) });
      i++;
    }
    segments.push({ kind: 'table', table });
  }
  if (text.length > 0) segments.push({ kind: 'text', lines: text });
  return segments;
}
