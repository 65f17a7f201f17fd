/**
 * Listings of programs other than kubectl (`ps aux`, `df -h`, `ls -l`; see listing-formats.ts)
 * compared column by column, so a doc may leave columns out with an inline `...`
 * (`USER  PID  ...  STAT START  TIME COMMAND`) the way it does in a kubectl table. The doc's rows
 * are cut by the program's columns (its header's, or, headerless, by what each column's cells look
 * like), the actual rows likewise, and both are compared as tables: the columns the doc shows are
 * compared, the ones it elides are not.
 */
import type { BindingSet } from './bindings.js';
import { compareOrdered, type DocOrigin } from './compare-lines.js';
import { isElision, type Line } from './lines.js';
import { LISTING_FORMATS, type ListingColumn, type ListingFormat } from './listing-formats.js';
import { compareTables } from './table-compare.js';
import type { Column, Row, Table } from './table-parse.js';
import type { Difference } from './types.js';

const ELIDED = /^(?:\.\.\.|…)$/;

interface Word {
  text: string;
  start: number;
}

const wordsOf = (text: string): Word[] => [...text.matchAll(/\S+/g)].map((m) => ({ text: m[0], start: m.index }));

/** A cell cut from a line: its text and where it starts. */
interface Cell {
  text: string;
  start: number;
}

/**
 * Cuts words into cells of columns from `first` on: each column takes its number of words, the
 * last column the rest of the line. Undefined when a column's cell does not look like its values.
 */
function cut(text: string, words: Word[], columns: readonly ListingColumn[], first: number): Map<number, Cell> | undefined {
  const cells = new Map<number, Cell>();
  let w = 0;
  for (let c = first; c < columns.length && w < words.length; c++) {
    const column = columns[c]!;
    const last = c === columns.length - 1;
    const n = last ? words.length - w : (column.words ?? 1);
    const part = words.slice(w, w + n);
    if (column.value && !column.value.test(part[0]!.text)) return undefined;
    const end = part[part.length - 1]!;
    cells.set(c, { text: text.slice(part[0]!.start, end.start + end.text.length), start: part[0]!.start });
    w += n;
  }
  return w >= words.length ? cells : undefined;
}

/** Where a doc header leaves columns out: the columns it shows before and from where it resumes. */
interface HeaderShape {
  /** Columns shown before the `...` (all of them when there is none). */
  before: number;
  /** First column shown after the `...` (columns.length when the rest is elided). */
  resume: number;
}

/** The words of a format's header, each with its column and whether it opens or closes it. */
function headerWords(format: ListingFormat): { text: string; column: number; opens: boolean; closes: boolean }[] {
  return format.columns.flatMap((c, column) => {
    const parts = c.name.split(' ');
    return parts.map((text, k) => ({ text, column, opens: k === 0, closes: k === parts.length - 1 }));
  });
}

/** The shape of a doc header line in this format, or undefined when it is not this format's header. */
function readHeader(text: string, format: ListingFormat): HeaderShape | undefined {
  const words = wordsOf(text).map((w) => w.text);
  const all = headerWords(format);
  const at = words.findIndex((w) => ELIDED.test(w));
  if (at < 0) return words.join(' ') === all.map((w) => w.text).join(' ') ? { before: format.columns.length, resume: format.columns.length } : undefined;
  const prefix = words.slice(0, at);
  const suffix = words.slice(at + 1);
  if (suffix.some((w) => ELIDED.test(w)) || prefix.length + suffix.length < 2 || prefix.length + suffix.length >= all.length) return undefined;
  const head = all.slice(0, prefix.length);
  const tail = all.slice(all.length - suffix.length);
  if (head.some((w, i) => w.text !== prefix[i]) || tail.some((w, i) => w.text !== suffix[i])) return undefined;
  if ((head.length > 0 && !head[head.length - 1]!.closes) || (tail.length > 0 && !tail[0]!.opens)) return undefined;
  return { before: head.length > 0 ? head[head.length - 1]!.column + 1 : 0, resume: tail.length > 0 ? tail[0]!.column : format.columns.length };
}

/** True when a line is the program's full header (what the program itself prints). */
const isFullHeader = (text: string, format: ListingFormat): boolean => {
  const shape = readHeader(text, format);
  return shape !== undefined && shape.before === format.columns.length;
};

/**
 * Cells of a doc row: the words before its `...` fill the columns from the first; after it, the
 * row resumes at the header's column, or (headerless) at the first column its cells fit.
 */
function docCells(text: string, format: ListingFormat, shape: HeaderShape | undefined): Map<number, Cell> | undefined {
  const words = wordsOf(text);
  const at = words.findIndex((w) => ELIDED.test(w.text));
  if (at < 0 && (!shape || shape.before === format.columns.length)) return cut(text, words, format.columns, 0);
  const before = at < 0 ? undefined : words.slice(0, at);
  const after = at < 0 ? undefined : words.slice(at + 1);
  if (before && after) {
    const head = cut(text, before, format.columns.slice(0, shape?.before ?? format.columns.length - 1), 0) ?? new Map<number, Cell>();
    if (before.length > 0 && head.size === 0) return undefined;
    const from = shape ? [shape.resume] : format.columns.map((_, c) => c).filter((c) => c >= head.size);
    for (const c of from) {
      const tail = after.length === 0 ? new Map<number, Cell>() : cut(text, after, format.columns, c);
      if (tail) return new Map([...head, ...tail]);
    }
    return undefined;
  }
  // A row without `...` under a header with one shows the header's columns.
  const cells = cut(text, words.slice(0, shape!.before), format.columns.slice(0, shape!.before), 0) ?? new Map<number, Cell>();
  const tail = cut(text, words.slice(shape!.before), format.columns, shape!.resume);
  return tail ? new Map([...cells, ...tail]) : undefined;
}

/** A listing found in an output: its header line (if any) and its rows. */
interface Found {
  header: Line | undefined;
  rows: Line[];
  shape: HeaderShape | undefined;
  elided: boolean;
}

/** The listing in the doc's lines, in one of the formats. */
function findDocListing(doc: readonly Line[], format: ListingFormat, command: string | undefined): Found | undefined {
  if (format.headerless) {
    if (!format.command?.test(lastStage(command))) return undefined;
    const rows = doc.filter((l) => format.columns[0]!.value?.test(wordsOf(l.text)[0]?.text ?? '') === true);
    return rows.some((r) => wordsOf(r.text).some((w) => ELIDED.test(w.text))) ? { header: undefined, rows, shape: undefined, elided: false } : undefined;
  }
  for (let i = 0; i < doc.length; i++) {
    const shape = readHeader(doc[i]!.text, format);
    if (!shape) continue;
    const rows: Line[] = [];
    let elided = false;
    for (let k = i + 1; k < doc.length && doc[k]!.text.trim() !== ''; k++) {
      if (isElision(doc[k]!.text)) elided = true;
      else rows.push(doc[k]!);
    }
    const inline = shape.before < format.columns.length || rows.some((r) => wordsOf(r.text).some((w) => ELIDED.test(w.text)));
    return inline || format.partialRows ? { header: doc[i], rows, shape, elided } : undefined;
  }
  return undefined;
}

/** The program's own listing in the actual lines. */
function findActualListing(actual: readonly Line[], format: ListingFormat): Found | undefined {
  if (format.headerless) {
    const rows = actual.filter((l) => format.columns[0]!.value?.test(wordsOf(l.text)[0]?.text ?? '') === true);
    return { header: undefined, rows, shape: undefined, elided: false };
  }
  const i = actual.findIndex((l) => isFullHeader(l.text, format));
  if (i < 0) return undefined;
  const rows: Line[] = [];
  for (let k = i + 1; k < actual.length && actual[k]!.text.trim() !== ''; k++) rows.push(actual[k]!);
  return { header: actual[i], rows, shape: undefined, elided: false };
}

const lastStage = (command: string | undefined): string => (command ?? '').split('|').pop()!.trim();

/** A table of the listing for compareTables: every column of the format, elided cells `...`. */
function tableOf(format: ListingFormat, found: Found, cellsOf: (l: Line) => Map<number, Cell> | undefined, first: Line): Table | undefined {
  const headerWordsAt = found.header ? wordsOf(found.header.text) : [];
  const columns: Column[] = format.columns.map((c) => ({
    name: c.name,
    start: headerWordsAt.find((w) => w.text === c.name.split(' ')[0])?.start ?? 0,
    context: c.name,
  }));
  const rows: Row[] = [];
  for (const line of found.rows) {
    const cells = cellsOf(line);
    if (!cells) return undefined;
    rows.push({
      line,
      cells: format.columns.map((_, c) => cells.get(c)?.text ?? '...'),
      offsets: format.columns.map((_, c) => cells.get(c)?.start ?? 0),
      elision: false,
    });
  }
  return { header: found.header ?? { text: '', index: first.index }, columns, rows, elided: found.elided };
}

/**
 * Compares a listing of a known program column by column, when the doc shows one with columns
 * left out (or a process listing, whose rows the doc may leave out); undefined when the doc's
 * output is not such a listing, or the actual output lacks the program's listing.
 */
export function compareListing(origin: DocOrigin, doc: Line[], actual: Line[], command: string | undefined, bindings: BindingSet): Difference[] | undefined {
  for (const format of LISTING_FORMATS) {
    const d = findDocListing(doc, format, command);
    if (!d) continue;
    const a = findActualListing(actual, format);
    if (!a) return undefined;
    const first = d.header ?? d.rows[0];
    if (!first) return undefined;
    const docTable = tableOf(format, d, (l) => docCells(l.text, format, d.shape), first);
    const actTable = tableOf(format, a, (l) => cut(l.text, wordsOf(l.text), format.columns, 0), first);
    if (!docTable || !actTable) return undefined;
    const inDoc = new Set([d.header, ...d.rows]);
    const inActual = new Set([a.header, ...a.rows]);
    const rest = (lines: Line[], skip: Set<Line | undefined>) => lines.filter((l) => !skip.has(l) && l.text.trim() !== '');
    const out = compareTables(origin, docTable, actTable, bindings).map((x) =>
      format.partialRows && x.kind === 'extra-line' ? { ...x, message: `${x.message} (${format.partialRows})`, environment: true } : x,
    );
    return [...out, ...compareOrdered(origin, rest(doc, inDoc), rest(actual, inActual), bindings)];
  }
  return undefined;
}
