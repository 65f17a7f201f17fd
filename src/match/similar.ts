import type { BindingSet } from './bindings.js';
import { compareOrdered, compareUnordered, missingLine, type DocOrigin } from './compare-lines.js';
import { contentLines, isElision, type Line } from './lines.js';
import { compareStructured, looksStructured, parseMapping } from './structured.js';
import { compareTables } from './table-compare.js';
import { segmentLines, type Table } from './table-parse.js';
import type { Difference, MatchStrategy } from './types.js';

const ENV_COMMAND = /(?:^|[\s|;&(])(?:printenv|env)(?:\s|$|[|;&)])/;
const ENV_LINE = /^[A-Za-z_][A-Za-z0-9_]*=/;

/** printenv/env output: the command says so, or every doc line is `KEY=value` (two or more lines). */
export function isEnvOutput(command: string | undefined, doc: readonly Line[]): boolean {
  const lines = doc.filter((l) => !isElision(l.text));
  if (lines.length === 0) return false;
  const allEnv = lines.every((l) => ENV_LINE.test(l.text.trim()));
  return allEnv && (lines.length >= 2 || ENV_COMMAND.test(command ?? ''));
}

const headerKey = (t: Table) => t.columns.map((c) => c.name.toLowerCase()).join('|');
const kindOf = (t: Table) => /^[\w.-]+\//.exec(t.rows[0]?.cells[0] ?? '')?.[0] ?? '';

function pairTables(doc: Table[], actual: Table[]): Map<Table, Table> {
  const pairs = new Map<Table, Table>();
  const used = new Set<Table>();
  const pass = (ok: (d: Table, a: Table) => boolean) => {
    for (const d of doc) {
      if (pairs.has(d)) continue;
      const a = actual.find((t) => !used.has(t) && ok(d, t));
      if (a) {
        pairs.set(d, a);
        used.add(a);
      }
    }
  };
  pass((d, a) => headerKey(d) === headerKey(a) && kindOf(d) === kindOf(a));
  pass((d, a) => headerKey(d) === headerKey(a));
  pass((d, a) => kindOf(d) === kindOf(a) && d.columns[0]?.name === a.columns[0]?.name);
  return pairs;
}

/** Tables compared by cells, the text around them line by line. */
function compareSegmented(origin: DocOrigin, doc: Line[], actual: Line[], command: string | undefined, bindings: BindingSet): Difference[] {
  const ds = segmentLines(doc, command);
  const as = segmentLines(actual, command);
  const docTables = ds.flatMap((s) => (s.kind === 'table' ? [s.table] : []));
  const actTables = as.flatMap((s) => (s.kind === 'table' ? [s.table] : []));
  const docText = ds.flatMap((s) => (s.kind === 'text' ? s.lines : []));
  const actText = as.flatMap((s) => (s.kind === 'text' ? s.lines : []));
  const pairs = pairTables(docTables, actTables);
  const out: Difference[] = [];
  for (const d of docTables) {
    const a = pairs.get(d);
    if (a) out.push(...compareTables(origin, d, a, bindings));
    else out.push(...[d.header, ...d.rows.filter((r) => !r.elision).map((r) => r.line)].map((l) => missingLine(origin, l)));
  }
  const elided = docText.some((l) => isElision(l.text));
  const paired = new Set(pairs.values());
  const lastLine = doc[doc.length - 1];
  for (const a of actTables) {
    if (paired.has(a) || elided) continue;
    out.push({
      kind: 'extra-line',
      message: `extra table in actual output: ${a.header.text.trim().replace(/\s+/g, ' ')} (${a.rows.length} rows)`,
      line: origin.line + (lastLine?.index ?? 0),
      column: origin.column,
      actual: a.header.text.trim(),
    });
  }
  out.push(...compareOrdered(origin, docText, actText, bindings));
  return out;
}

/**
 * The default mode: volatile values normalized, padding and blank lines ignored, `...` elides.
 * Picks a strategy from the output's shape: env set, YAML/JSON structure, tables, or lines.
 */
export function compareSimilar(
  origin: DocOrigin,
  expected: string[],
  actual: string[],
  command: string | undefined,
  bindings: BindingSet,
): { differences: Difference[]; strategy: MatchStrategy } {
  const doc = contentLines(expected);
  const act = contentLines(actual);
  if (isEnvOutput(command, doc)) return { differences: compareUnordered(origin, doc, act, bindings), strategy: 'env' };
  if (looksStructured(command, expected)) {
    const d = parseMapping(expected.join('\n'));
    const a = d ? parseMapping(actual.join('\n')) : undefined;
    if (d && a) return { differences: compareStructured(origin, expected, d, a, bindings), strategy: 'structured' };
  }
  const all = (lines: string[]) => lines.map((text, index) => ({ text, index }));
  if (segmentLines(all(expected), command).some((s) => s.kind === 'table')) {
    return { differences: compareSegmented(origin, all(expected), all(actual), command, bindings), strategy: 'table' };
  }
  return { differences: compareOrdered(origin, doc, act, bindings), strategy: 'lines' };
}
