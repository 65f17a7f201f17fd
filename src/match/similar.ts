import type { BindingSet } from './bindings.js';
import { compareOrdered, compareUnordered, missingLine, type DocOrigin } from './compare-lines.js';
import { compareDescribeExcerpt, isJsonFragment } from './describe-excerpt.js';
import { markDistributionValues, markNodeValues, systemNamespaceOf } from './distribution.js';
import { installedRowsOf } from './distribution-rows.js';
import { grepContextOf } from './grep-command.js';
import { compareGrepWindow } from './grep-window.js';
import { contentLines, isElision, type Line } from './lines.js';
import { isNameListing, namesOf } from './listing.js';
import { compareListing } from './listing-compare.js';
import { isLongListing, withoutTotals } from './ls-total.js';
import { readsSeveralLogSources } from './logs-sources.js';
import { markAddedSections } from './added-sections.js';
import { readDocDocument } from './structured-doc.js';
import { compareStructured, looksStructured, parseDocument } from './structured.js';
import { compareTables } from './table-compare.js';
import { isRolloutStatus, withoutProgress } from './rollout-progress.js';
import { segmentLines, type Table } from './table-parse.js';
import type { Difference, MatchStrategy } from './types.js';
import { compareWatchStream, isWatchListing } from './watch-table.js';

const ENV_COMMAND = /(?:^|[\s|;&(])(?:printenv|env)(?:\s|$|[|;&)])/;
const ENV_LINE = /^[A-Za-z_][A-Za-z0-9_]*=/;

/** printenv/env output: the command says so, or every doc line is `KEY=value` (two or more lines). */
export function isEnvOutput(command: string | undefined, doc: readonly Line[]): boolean {
  const lines = doc.filter((l) => !isElision(l.text));
  if (lines.length === 0) return false;
  const allEnv = lines.every((l) => ENV_LINE.test(l.text.trim()));
  return allEnv && (lines.length >= 2 || ENV_COMMAND.test(command ?? ''));
}

/** `kubectl describe …`: sectioned text around tables (Events, Conditions). */
const isDescribe = (command: string | undefined): boolean => /(?:^|[\s;&|(])kubectl\s+(?:-\S+\s+)*describe\s/.test(command ?? '');

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
  const namespace = systemNamespaceOf(command);
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
    if (a)
      out.push(
        ...markNodeValues(markDistributionValues(compareTables(origin, d, a, bindings, installedRowsOf(command)), 'table', namespace), 'table', command),
      );
    else out.push(...[d.header, ...d.rows.filter((r) => !r.elision).map((r) => r.line)].map((l) => missingLine(origin, l)));
  }
  const elided = docText.some((l) => isElision(l.text));
  // `kubectl describe` shown as its Events table alone: the doc shows one part of the output, and
  // the sections around that table are not differences (the table itself still is compared).
  if (isDescribe(command) && docText.every((l) => l.text.trim() === '') && docTables.length > 0 && docTables.every((d) => pairs.has(d))) return out;
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
  out.push(...markNodeValues(markDistributionValues(compareOrdered(origin, docText, actText, bindings), 'lines', namespace), 'lines', command));
  return out;
}

/**
 * The default mode: volatile values normalized, padding and blank lines ignored, `...` elides.
 * Picks a strategy from the output's shape: env set, YAML/JSON structure, tables, or lines (grep
 * output with context lines is a window of lines, never a whole document). Wrong values of output
 * from a system namespace are flagged as set by the cluster's distribution.
 */
export function compareSimilar(
  origin: DocOrigin,
  expected: string[],
  actual: string[],
  command: string | undefined,
  bindings: BindingSet,
): { differences: Difference[]; strategy: MatchStrategy } {
  const doc = contentLines(expected);
  if (isLongListing(command)) actual = withoutTotals(expected, actual);
  const act = contentLines(actual);
  if (isEnvOutput(command, doc)) return { differences: compareUnordered(origin, doc, act, bindings), strategy: 'env' };
  if (isRolloutStatus(command)) {
    const { doc: d, actual: a } = withoutProgress(doc, act);
    return { differences: compareOrdered(origin, d, a, bindings), strategy: 'lines' };
  }
  if (readsSeveralLogSources(command)) return { differences: compareUnordered(origin, doc, act, bindings), strategy: 'set' };
  if (isNameListing(command)) return { differences: compareOrdered(origin, namesOf(doc), namesOf(act), bindings), strategy: 'listing' };
  const grep = grepContextOf(command);
  const namespace = systemNamespaceOf(command);
  if (!grep && looksStructured(command, expected)) {
    const d = readDocDocument(expected);
    const a = d ? parseDocument(actual.join('\n')) : undefined;
    if (d && a !== undefined) {
      const differences = compareStructured(origin, d.lines, d.value, a, bindings, d, expected);
      return { differences: markNodeValues(markDistributionValues(differences, 'structured', namespace), 'structured', command), strategy: 'structured' };
    }
  }
  const all = (lines: string[]) => lines.map((text, index) => ({ text, index }));
  if (isWatchListing(command)) {
    const stream = compareWatchStream(origin, expected, actual, command, bindings);
    if (stream) return { differences: stream, strategy: 'table' };
  }
  const listing = compareListing(origin, all(expected), all(actual), command, bindings);
  if (listing) return { differences: listing, strategy: 'table' };
  if (segmentLines(all(expected), command).some((s) => s.kind === 'table')) {
    const differences = compareSegmented(origin, all(expected), all(actual), command, bindings);
    return { differences: markAddedSections(differences, doc, all(actual), command), strategy: 'table' };
  }
  // A fragment of describe's indented sections, looked up where it occurs.
  const excerpt = !grep && (isDescribe(command) || isJsonFragment(doc)) ? compareDescribeExcerpt(origin, doc, act, bindings) : undefined;
  const lines = excerpt ?? (grep ? compareGrepWindow(origin, doc, act, grep, bindings) : compareOrdered(origin, doc, act, bindings));
  const marked = markAddedSections(
    markNodeSearchDomains(markNodeValues(markDistributionValues(lines, 'lines', namespace), 'lines', command)),
    doc,
    all(actual),
    command,
  );
  return { differences: marked, strategy: 'lines' };
}

/**
 * A pod's resolv.conf `search` line is the cluster's domains (`<ns>.svc.<domain> svc.<domain>
 * <domain>`) followed by the node's own (GCE's `google.internal c.<project>.internal`, a cloud's or
 * a laptop's): when both lines agree on the cluster's part and differ only after it, the rest is
 * the cluster's environment, not the doc's defect.
 */
function markNodeSearchDomains(differences: Difference[]): Difference[] {
  const clusterPart = (line: string): string[] => {
    const domains = line.split(/\s+/).slice(1);
    const svc = domains.find((x) => x.startsWith('svc.'));
    const end = svc ? domains.indexOf(svc.slice('svc.'.length)) : -1;
    return end >= 0 ? domains.slice(0, end + 1) : [];
  };
  const sameCluster = (expected: string, actual: string): boolean => {
    const doc = clusterPart(expected);
    return doc.length > 0 && doc.join(' ') === clusterPart(actual).join(' ');
  };
  // The doc's line and the actual one may stand apart (a runtime that writes `search` before
  // `nameserver`, the doc's older one after): a missing `search` line and an extra one pair up.
  const missing = differences.filter((d) => d.kind === 'missing-line' && d.expected?.startsWith('search '));
  const extra = differences.filter((d) => d.kind === 'extra-line' && d.actual?.startsWith('search '));
  const paired = new Set<Difference>();
  if (missing.length === 1 && extra.length === 1 && sameCluster(missing[0]!.expected!, extra[0]!.actual!)) {
    paired.add(missing[0]!);
    paired.add(extra[0]!);
  }
  return differences.map((d) => {
    if (paired.has(d)) return { ...d, environment: true };
    if (d.kind !== 'wrong-value' || !d.expected?.startsWith('search ') || !d.actual?.startsWith('search ')) return d;
    return sameCluster(d.expected, d.actual) ? { ...d, environment: true } : d;
  });
}
