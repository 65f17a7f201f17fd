/**
 * `kubectl get … --watch` prints a stream: the listing when it starts (one row per object, in name
 * order), then one row per change of an object. A page shows the stream its author's terminal
 * caught — started earlier or later than this run's, stopped when the author had seen enough, with
 * a header repeated where an old kubectl printed it again, and a row printed twice where an old
 * kubelet reported the same state twice. So:
 * - listing rows pair by object; a doc listing row may show a state its object had passed by the
 *   time this run's watch started, when a later doc row of that object is found, or one it reaches
 *   later in this run's stream (the author's watch started later in its life);
 * - the doc's change rows must appear in that order among the actual change rows (the same state of
 *   one object twice in a row counts once on both sides);
 * - an actual row the doc leaves out is an event its excerpt skipped when it comes before the last
 *   row the doc shows for that object, after the last row the doc shows at all, or after the doc
 *   shows its object going away (`Terminating`); a row of an object the doc never shows, a change
 *   of an object after its last doc row while the doc's stream goes on, or a failure (`Error`,
 *   `CrashLoopBackOff`, …) of an object the doc last shows working, is still a difference.
 */
import type { BindingSet } from './bindings.js';
import { align } from './align.js';
import type { DocOrigin } from './compare-lines.js';
import { contextKey } from './normalizers/index.js';
import { compareTables } from './table-compare.js';
import { isElision } from './lines.js';
import { segmentLines, type Column, type Row, type Table } from './table-parse.js';
import { compileTemplate } from './template.js';
import type { Difference } from './types.js';
import { firstKubectlCall, hasFlag, flagValue } from '../shell/index.js';
import { lifecycleRank } from './watch-states.js';

/** Pod states of a failure (printers.go reasons): never an event an excerpt may leave out after its last row. */
const FAILED_STATUS =
  /^(?:Init:)?(?:Error|CrashLoopBackOff|OOMKilled|ImagePullBackOff|ErrImagePull|CreateContainerConfigError|CreateContainerError|RunContainerError|InvalidImageName|Evicted|ContainerStatusUnknown|StartError)$/;

/** True for `kubectl get … -w|--watch|--watch-only` (not `--watch=false`). */
export function isWatchListing(command: string | undefined): boolean {
  if (command === undefined) return false;
  const call = firstKubectlCall(command);
  if (!call || call.command !== 'get') return false;
  if (!hasFlag(call, '-w', '--watch', '--watch-only')) return false;
  const value = flagValue(call, '-w', '--watch', '--watch-only');
  return value === undefined || value === 'true';
}

/** One table of a stream: the rows under every header that names the same columns as the first. */
function streamTable(lines: readonly { text: string; index: number }[], command: string | undefined): { table: Table; listing: Set<Row> } | undefined {
  const segments = segmentLines(lines, command);
  if (segments.some((s) => s.kind === 'text') || segments.length === 0) return undefined;
  const tables = segments.map((s) => (s.kind === 'table' ? s.table : undefined)).filter((t): t is Table => t !== undefined);
  const first = tables[0]!;
  const names = (t: Table) => t.columns.map((c) => c.name).join(' ');
  if (tables.some((t) => names(t) !== names(first))) return undefined;
  return {
    table: { ...first, rows: tables.flatMap((t) => t.rows), elided: tables.some((t) => t.elided) },
    listing: new Set(first.rows),
  };
}

/**
 * A stream excerpt shown without its header (rows the author's watch printed after the listing,
 * "It may look something like" under a command left running in another terminal): rows read with
 * the actual stream's columns, cut at runs of two or more blanks, when every row has that many.
 */
function headerlessStream(lines: readonly { text: string; index: number }[], columns: readonly Column[]): Table | undefined {
  const content = lines.filter((l) => l.text.trim() !== '');
  if (content.length === 0) return undefined;
  const rows: Row[] = [];
  for (const line of content) {
    if (isElision(line.text)) {
      rows.push({ line, cells: [], offsets: [], elision: true });
      continue;
    }
    const parts = [...line.text.matchAll(/\S+(?: \S+)*/g)];
    if (parts.length !== columns.length) return undefined;
    rows.push({ line, cells: parts.map((p) => p[0]), offsets: parts.map((p) => p.index), elision: false });
  }
  return { header: { text: '', index: content[0]!.index }, columns: [...columns], rows, elided: rows.some((r) => r.elision) };
}

const squeeze = (s: string) => s.trim().replace(/\s+/g, ' ');

/** The listing a watch starts with: the leading rows of distinct objects in name order. */
function listingLength(rows: readonly Row[], nameOf: (r: Row) => string): number {
  const seen = new Set<string>();
  let previous = '';
  let k = 0;
  for (const r of rows) {
    const name = nameOf(r);
    if (seen.has(name) || name.localeCompare(previous, 'en', { numeric: true }) < 0) break;
    seen.add(name);
    previous = name;
    k++;
  }
  return k;
}

/**
 * Compares a watch's output as a stream of row events, or returns undefined when either side is
 * not one table of the same columns (then the caller compares it as any output).
 */
export function compareWatchStream(
  origin: DocOrigin,
  expected: readonly string[],
  actual: readonly string[],
  command: string | undefined,
  bindings: BindingSet,
): Difference[] | undefined {
  const all = (lines: readonly string[]) => lines.map((text, index) => ({ text, index }));
  const act = streamTable(all(actual), command);
  if (!act) return undefined;
  const headed = streamTable(all(expected), command);
  const bare = headed ? undefined : headerlessStream(all(expected), act.table.columns);
  const doc = headed ?? (bare ? { table: bare, listing: new Set<Row>() } : undefined);
  if (!doc) return undefined;
  // Column layout as for any table (no rows, so only the headers are compared).
  const out = bare ? [] : compareTables(origin, { ...doc.table, rows: [], elided: true }, act.table, bindings);
  const common: [number, number][] = [];
  doc.table.columns.forEach((c, i) => {
    const j = act.table.columns.findIndex((a) => contextKey(a.name) === contextKey(c.name));
    if (j >= 0 && !c.elision) common.push([i, j]);
  });
  const nameColumn = (t: Table) =>
    Math.max(
      0,
      t.columns.findIndex((c) => contextKey(c.name) === 'name'),
    );
  const docName = (r: Row) => r.cells[nameColumn(doc.table)] ?? '';
  const actName = (r: Row) => r.cells[nameColumn(act.table)] ?? '';
  const fits = (dr: Row, ar: Row) =>
    common.every(([i, j]) => bindings.fits(compileTemplate(dr.cells[i] ?? '', doc.table.columns[i]!.context), ar.cells[j] ?? ''));
  // The same state again: every common column but AGE equal.
  const state = (r: Row, side: 0 | 1) =>
    common
      .filter(([i]) => contextKey(doc.table.columns[i]!.name) !== 'age')
      .map((c) => squeeze(r.cells[c[side]] ?? ''))
      .join('\u0000');
  const docRows = doc.table.rows.filter((r) => !r.elision);
  const actRows = act.table.rows.filter((r) => !r.elision);
  // Rows shown without a header come after the listing the watch started with.
  const docListing = bare ? [] : docRows.slice(0, listingLength(docRows, docName));
  const actListing = actRows.slice(0, listingLength(actRows, actName));
  /** Change rows without a repeat of the previous state of the same object. */
  const changes = (rows: Row[], name: (r: Row) => string, side: 0 | 1) => {
    const last = new Map<string, string>();
    const kept: Row[] = [];
    const repeats = new Map<Row, Row>();
    for (const r of rows) {
      const st = state(r, side);
      const prev = kept.filter((k) => name(k) === name(r)).pop();
      if (prev && last.get(name(r)) === st) repeats.set(r, prev);
      else kept.push(r);
      last.set(name(r), st);
    }
    return { kept, repeats };
  };
  const docEvents = changes(docRows.slice(docListing.length), docName, 0);
  const actEvents = changes(actRows.slice(actListing.length), actName, 1);
  const pos = new Map<Row, number>(actRows.map((r, k) => [r, k]));
  const paired = new Map<Row, Row>();
  for (const dr of docListing) {
    const ar = actListing.find((r) => actName(r) === docName(dr) && fits(dr, r));
    if (ar) paired.set(dr, ar);
  }
  for (const op of align(
    docEvents.kept.length,
    actEvents.kept.length,
    (e, a) => fits(docEvents.kept[e]!, actEvents.kept[a]!),
    () => false,
  )) {
    if (op.op === 'match') paired.set(docEvents.kept[op.e]!, actEvents.kept[op.a]!);
  }
  // A change the author's watch printed is already in the listing this run's watch started with.
  const usedListing = new Set(paired.values());
  for (const dr of docEvents.kept) {
    if (paired.has(dr)) continue;
    const ar = actListing.find((r) => !usedListing.has(r) && actName(r) === docName(dr) && fits(dr, r));
    const i = docEvents.kept.indexOf(dr);
    const afterAnother = [...paired.keys()].some((d) => docName(d) === docName(dr) && docEvents.kept.includes(d) && docEvents.kept.indexOf(d) < i);
    if (ar && !afterAnother) {
      paired.set(dr, ar);
      usedListing.add(ar);
    }
  }
  // A listing row the author's watch printed later in its object's life than this run's did: the
  // state this run's stream reaches afterwards.
  for (const dr of docListing) {
    if (paired.has(dr)) continue;
    const taken = new Set(paired.values());
    const ar = actEvents.kept.find((r) => !taken.has(r) && actName(r) === docName(dr) && fits(dr, r));
    const laterDoc = [...paired.keys()].some((d) => docName(d) === docName(dr) && docEvents.kept.includes(d));
    if (ar && !laterDoc) paired.set(dr, ar);
  }
  for (const [r, prev] of docEvents.repeats) {
    const ar = paired.get(prev);
    if (ar) paired.set(r, ar);
  }
  const lastOf = new Map<string, number>();
  for (const [dr, ar] of paired) lastOf.set(docName(dr), Math.max(pos.get(ar)!, lastOf.get(docName(dr)) ?? -1));
  const end = Math.max(-1, ...[...paired.values()].map((ar) => pos.get(ar)!));
  const docStatusAt = doc.table.columns.findIndex((c) => c.name === 'STATUS');
  const firstActStatusAt = act.table.columns.findIndex((c) => c.name === 'STATUS');
  // A doc row of an early stage of its object's life (`ContainerCreating`, then `Running`) this
  // run's watch never printed because the object was further on (`Terminating`) when it started:
  // the page's watch started earlier. Only rows before every row of the object that is found, when
  // a later one is found: the rows the step is about and the object's last state are still checked.
  const startedLater = (dr: Row, i: number, name: string): Difference | undefined => {
    if (docStatusAt < 0 || firstActStatusAt < 0) return undefined;
    const own = docRows.filter((r) => docName(r) === name);
    const before = own.slice(0, own.indexOf(dr));
    if (before.some((r) => paired.has(r)) || !docRows.slice(i + 1).some((r) => docName(r) === name && paired.has(r))) return undefined;
    const first = actRows.find((r) => actName(r) === name);
    const status = dr.cells[docStatusAt];
    const was = lifecycleRank(status);
    const is = lifecycleRank(first?.cells[firstActStatusAt]);
    if (was === undefined || is === undefined || was >= is) return undefined;
    return {
      kind: 'missing-line',
      message: `row ${name}: ${status} not in actual output (${name} was already ${first!.cells[firstActStatusAt]} when this run's watch started: the page's watch started earlier)`,
      line: origin.line + dr.line.index,
      column: origin.column + (dr.offsets[0] ?? 0),
      expected: squeeze(dr.line.text),
      stale: true,
    };
  };
  docRows.forEach((dr, i) => {
    if (paired.has(dr)) return;
    const name = docName(dr);
    // The listing the author's watch started with showed an earlier state of an object whose later rows are here.
    if (docListing.includes(dr) && docRows.slice(i + 1).some((r) => docName(r) === name && paired.has(r))) return;
    const caughtLater = startedLater(dr, i, name);
    if (caughtLater) {
      out.push(caughtLater);
      return;
    }
    out.push({
      kind: 'missing-line',
      message: `row ${name || squeeze(dr.line.text)}: missing in actual output`,
      line: origin.line + dr.line.index,
      column: origin.column + (dr.offsets[0] ?? 0),
      expected: squeeze(dr.line.text),
    });
  });
  if (doc.table.elided) return out;
  const used = new Set(paired.values());
  for (const r of actEvents.repeats.keys()) used.add(r);
  const docNames = new Set(docRows.map(docName));
  const statusAt = doc.table.columns.findIndex((c) => c.name === 'STATUS');
  // Objects whose last doc row shows them going away: their later rows are the rest of their way out.
  const lastDocRow = new Map(docRows.map((r) => [docName(r), r]));
  const leaving = new Set([...lastDocRow].filter(([, r]) => statusAt >= 0 && r.cells[statusAt] === 'Terminating').map(([n]) => n));
  const lastRow = docRows[docRows.length - 1];
  const actStatusAt = act.table.columns.findIndex((c) => c.name === 'STATUS');
  // An object the doc shows fine that fails after its excerpt ends: the page's object does not keep working.
  const failsLater = (ar: Row, name: string): boolean =>
    actStatusAt >= 0 && FAILED_STATUS.test(ar.cells[actStatusAt] ?? '') && !FAILED_STATUS.test(lastDocRow.get(name)?.cells[statusAt] ?? '');
  actRows.forEach((ar, k) => {
    if (used.has(ar)) return;
    const name = actName(ar);
    const skipped = k < (lastOf.get(name) ?? -1) || (k > end && !failsLater(ar, name)) || leaving.has(name) || actListing.includes(ar);
    if (docNames.has(name) && skipped) return;
    out.push({
      kind: 'extra-line',
      message: `row ${name || squeeze(ar.line.text)}: extra in actual output`,
      line: origin.line + (lastRow ? lastRow.line.index : doc.table.header.index),
      column: origin.column,
      actual: squeeze(ar.line.text),
    });
  });
  return out;
}
