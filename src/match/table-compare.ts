import type { BindingSet, FitMode } from './bindings.js';
import { clusterMadeRow } from './cluster-made.js';
import { DISTRIBUTION_COLUMNS, type RowCells } from './distribution-rows.js';
import type { DocOrigin } from './compare-lines.js';
import { contextKey } from './normalizers/index.js';
import type { Column, Row, Table } from './table-parse.js';
import { bindTemplate, compileTemplate } from './template.js';
import type { Difference } from './types.js';

const squeeze = (s: string) => s.trim().replace(/\s+/g, ' ');

function at(origin: DocOrigin, row: { line: { index: number } }, offset: number) {
  return { line: origin.line + row.line.index, column: origin.column + offset };
}

/** Column-layout differences between doc and actual headers; returns the columns both have. */
function compareColumns(origin: DocOrigin, doc: Table, actual: Table, out: Difference[]): [number, number][] {
  const common: [number, number][] = [];
  const pos = (c: Column) => ({ line: origin.line + doc.header.index, column: origin.column + c.start });
  const elided = doc.columns.some((c) => c.elision);
  doc.columns.forEach((c, i) => {
    if (c.elision) return;
    const j = actual.columns.findIndex((a) => contextKey(a.name) === contextKey(c.name));
    if (j < 0) {
      out.push({ kind: 'column-layout', message: `column ${c.name} missing in actual table`, ...pos(c), expected: c.name });
      return;
    }
    common.push([i, j]);
    const name = actual.columns[j]!.name;
    if (name !== c.name) out.push({ kind: 'column-layout', message: `column ${c.name} is ${name} in actual table`, ...pos(c), expected: c.name, actual: name });
  });
  for (const a of actual.columns) {
    if (elided || doc.columns.some((c) => contextKey(c.name) === contextKey(a.name))) continue;
    const last = doc.columns[doc.columns.length - 1]!;
    out.push({ kind: 'column-layout', message: `actual table has column ${a.name}, not in the doc`, ...pos(last), actual: a.name, stale: true });
  }
  const inActualOrder = [...common].sort((x, y) => x[1] - y[1]);
  if (inActualOrder.some((c, k) => c !== common[k])) {
    const names = (t: Table, pairs: [number, number][], side: 0 | 1) => pairs.map((p) => t.columns[p[side]]!.name).join(', ');
    out.push({
      kind: 'column-layout',
      message: `columns in another order: doc ${names(doc, common, 0)}; actual ${names(actual, inActualOrder, 1)}`,
      ...pos(doc.columns[0]!),
    });
  }
  return common;
}

const ELISION = /^(?:\.\.\.|…)$/;
const ENDS_ELIDED = /(?:^|\s)(?:\.\.\.|…)$/;

/**
 * Cells of a doc row the doc leaves out: a `...` cell, and every cell after a cell that ends in
 * `...` when the rest of the row is empty (`my-pod   1/1   Running   ...`: the rest of the row).
 */
function elidedCells(row: Row): Set<number> {
  const out = new Set<number>();
  row.cells.forEach((cell, i) => {
    if (ELISION.test(cell)) out.add(i);
    if (ENDS_ELIDED.test(cell) && row.cells.slice(i + 1).every((c) => c === '')) for (let k = i + 1; k < row.cells.length; k++) out.add(k);
  });
  return out;
}

/** STATUS of a row on its way out: absent from a later listing once it is deleted. */
const TRANSIENT_GONE = /^Terminating$/;

/**
 * Compares two kubectl tables by column name and row: rows pair by their NAME cell (volatile
 * parts normalized, any order, so ReplicaSet pods with random names pair up), then cells by column.
 */
export function compareTables(
  origin: DocOrigin,
  doc: Table,
  actual: Table,
  bindings: BindingSet,
  installed?: (row: RowCells) => string | undefined,
): Difference[] {
  const out: Difference[] = [];
  const common = compareColumns(origin, doc, actual, out);
  const nameAt = common.find(([i]) => contextKey(doc.columns[i]!.name) === 'name') ?? common[0];
  const skipped = new Map(doc.rows.map((r) => [r, elidedCells(r)]));
  const cellMatch = (dr: Row, ar: Row, [i, j]: [number, number], mode: FitMode = 'reverse') =>
    skipped.get(dr)!.has(i) || bindings.fits(compileTemplate(dr.cells[i] ?? '', doc.columns[i]!.context), ar.cells[j] ?? '', mode);
  const docRows = doc.rows.filter((r) => !r.elision);
  const pairs = new Map<Row, Row>();
  const used = new Set<Row>();
  const pass = (ok: (dr: Row, ar: Row) => boolean) => {
    for (const dr of docRows) {
      if (pairs.has(dr)) continue;
      const ar = actual.rows.find((r) => !used.has(r) && !r.elision && ok(dr, r));
      if (ar) {
        pairs.set(dr, ar);
        used.add(ar);
      }
    }
  };
  // Rows pair the way earlier steps paired them first (a pod shown before keeps its actual pod).
  pass((dr, ar) => common.every((c) => cellMatch(dr, ar, c, 'strict')));
  pass((dr, ar) => common.every((c) => cellMatch(dr, ar, c)));
  if (nameAt) pass((dr, ar) => cellMatch(dr, ar, nameAt, 'strict'));
  if (nameAt) pass((dr, ar) => cellMatch(dr, ar, nameAt));
  // A row whose name contradicts the page still pairs by name, so the contradiction is reported on its cell.
  if (nameAt) pass((dr, ar) => cellMatch(dr, ar, nameAt, 'none'));
  const statusAt = common.find(([i]) => doc.columns[i]!.name === 'STATUS');
  const label = (r: Row, side: 0 | 1) => (nameAt ? r.cells[nameAt[side]] : undefined) || squeeze(r.line.text);
  for (const dr of docRows) {
    const ar = pairs.get(dr);
    if (!ar) {
      // A row the doc shows as going away (a pod `Terminating`) is gone once its grace period
      // ends: whether a run still sees it is timing, not the doc's defect.
      if (statusAt !== undefined && TRANSIENT_GONE.test(dr.cells[statusAt[0]] ?? '')) continue;
      out.push({
        kind: 'missing-line',
        message: `row ${label(dr, 0)}: missing in actual output`,
        ...at(origin, dr, dr.offsets[0] ?? 0),
        expected: squeeze(dr.line.text),
      });
      continue;
    }
    // A doc row that several actual rows fit as well (replicas alike but for their random names)
    // was paired by chance: its values rewrite later commands but do not bind the page.
    const loose = actual.rows.filter((r) => r !== ar && !r.elision && common.every((c) => cellMatch(dr, r, c))).length > 0;
    // An object the distribution installs under the same name on both clusters (a default
    // StorageClass `standard`): its settings (provisioner, binding mode) are each distribution's own.
    const installedAs = installed?.(Object.fromEntries(actual.columns.map((col, k) => [col.name, ar.cells[k] ?? ''])));
    const otherDistribution = common.some(([i, j]) => DISTRIBUTION_COLUMNS.includes(doc.columns[i]!.name) && (dr.cells[i] ?? '') !== (ar.cells[j] ?? ''));
    const installedBy = installedAs && otherDistribution ? installedAs : undefined;
    for (const c of common) {
      const [i, j] = c;
      if (skipped.get(dr)!.has(i)) continue;
      const d = dr.cells[i] ?? '';
      const a = ar.cells[j] ?? '';
      const t = compileTemplate(d, doc.columns[i]!.context);
      if (bindings.fits(t, a)) {
        bindings.addAll(bindTemplate(t, a).map((b) => (loose ? { ...b, loose } : b)));
        continue;
      }
      const conflict = bindings.conflict(t, a);
      const environment = installedBy !== undefined && c !== nameAt;
      const why = conflict ?? (environment ? installedBy : undefined);
      out.push({
        kind: 'wrong-value',
        message: `row ${label(dr, 0)}, column ${doc.columns[i]!.name}: doc ${d || '(empty)'}, actual ${a || '(empty)'}${why ? ` (${why})` : ''}`,
        ...at(origin, dr, dr.offsets[i] ?? 0),
        expected: d,
        actual: a,
        ...(environment && !conflict ? { environment: true } : {}),
      });
    }
  }
  if (!doc.elided) {
    const lastRow = docRows[docRows.length - 1];
    for (const ar of actual.rows) {
      if (used.has(ar) || ar.elision) continue;
      const where = lastRow ? at(origin, lastRow, lastRow.offsets[0] ?? 0) : { line: origin.line + doc.header.index, column: origin.column };
      const made = clusterMadeRow(
        ar.cells[
          Math.max(
            0,
            actual.columns.findIndex((c) => c.name === 'NAME'),
          )
        ] ?? '',
      );
      // An object the cluster's distribution installs (kind's local-path provisioner) that the
      // doc's cluster did not have: set by the environment, like a node's version.
      const by = made ? undefined : installed?.(Object.fromEntries(actual.columns.map((c, k) => [c.name, ar.cells[k] ?? ''])));
      out.push({
        kind: 'extra-line',
        message: `row ${label(ar, 1)}: extra in actual output${made ? ` (${made})` : by ? ` (${by})` : ''}`,
        ...where,
        actual: squeeze(ar.line.text),
        ...(made ? { stale: true } : {}),
        ...(by ? { environment: true } : {}),
      });
    }
  }
  return out;
}
