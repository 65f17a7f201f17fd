import { distance } from 'fastest-levenshtein';
import { align, type AlignOp } from './align.js';
import type { BindingSet } from './bindings.js';
import { isElision, lineKey, lineKeyName, lineValue, indentOf, type Line } from './lines.js';
import { joinSoftWraps } from './soft-wrap.js';
import { bindTemplate, compileTemplate, testTemplate } from './template.js';
import type { Difference } from './types.js';

/** Where the expected output starts in the doc. */
export interface DocOrigin {
  line: number;
  column: number;
}

/** A line's text trimmed, runs of blanks made one space (for messages). */
export const squeeze = (s: string) => s.trim().replace(/\s+/g, ' ');

/** Doc position of a doc line. */
export function positionOf(origin: DocOrigin, line: Line): { line: number; column: number } {
  return { line: origin.line + line.index, column: origin.column + indentOf(line.text) };
}

/** Nearly equal lines, or lines that start alike (`Error from server (…`): one changed line. */
function similar(a: string, b: string): boolean {
  const x = squeeze(a);
  const y = squeeze(b);
  let prefix = 0;
  while (prefix < x.length && x[prefix] === y[prefix]) prefix++;
  if (prefix >= 12) return true;
  return Math.max(x.length, y.length) <= 4000 && distance(x, y) <= Math.max(x.length, y.length) * 0.5;
}

/** A missing doc line. */
export function missingLine(origin: DocOrigin, line: Line): Difference {
  return { kind: 'missing-line', message: `missing in actual output: ${squeeze(line.text)}`, ...positionOf(origin, line), expected: line.text.trim() };
}

/** An actual line the doc lacks, flagged stale when it is a field the doc never mentions. */
export function extraLine(origin: DocOrigin, at: Line | undefined, actual: string, docKeys: Set<string>): Difference {
  const key = lineKey(actual);
  // Warnings and errors look like `Key: value` but are never fields a newer version added.
  const stale = key !== undefined && key.startsWith('field:') && !docKeys.has(key) && !/^field:(warning|error|[we]\d{4}\b)/i.test(key);
  const pos = at ? positionOf(origin, at) : { line: origin.line, column: origin.column };
  return {
    kind: 'extra-line',
    message: `extra in actual output: ${squeeze(actual)}${stale ? ' (field not in the doc; the doc may predate it)' : ''}`,
    ...pos,
    actual: actual.trim(),
    ...(stale ? { stale } : {}),
  };
}

/** A doc line whose actual counterpart has another value. */
export function wrongLine(origin: DocOrigin, line: Line, actual: string, bindings?: BindingSet): Difference {
  const name = lineKeyName(line.text);
  const renamed = lineKeyName(actual);
  const isField = lineKey(line.text)?.startsWith('field:') === true;
  if (isField && name !== undefined && renamed !== undefined && name !== renamed && squeeze(lineValue(line.text)) === squeeze(lineValue(actual))) {
    return {
      kind: 'wrong-value',
      message: `field ${name} is ${renamed} in actual output (renamed by a newer version; the doc may be stale)`,
      ...positionOf(origin, line),
      expected: line.text.trim(),
      actual: actual.trim(),
      stale: true,
    };
  }
  const conflict = bindings?.conflict(compileTemplate(line.text), actual, 'ordered');
  const message =
    (name !== undefined && lineKey(line.text) === lineKey(actual)
      ? `${name}: doc ${squeeze(lineValue(line.text))}, actual ${squeeze(lineValue(actual))}`
      : `doc "${squeeze(line.text)}", actual "${squeeze(actual)}"`) + (conflict ? ` (${conflict})` : '');
  return { kind: 'wrong-value', message, ...positionOf(origin, line), expected: line.text.trim(), actual: actual.trim() };
}

/**
 * Turns unmatched doc lines and unmatched actual lines into differences: a doc line and an actual
 * line about the same key, or nearly equal, become one wrong-value; in ordered output so does a
 * lone missing line next to a lone extra line (one changed line).
 */
export function pairUp(origin: DocOrigin, missing: Line[], extra: ExtraLine[], docKeys: Set<string>, ordered = true, bindings?: BindingSet): Difference[] {
  const out: Difference[] = [];
  const used = new Set<number>();
  const partner = new Map<Line, number>();
  const pass = (ok: (m: Line, x: string) => boolean) => {
    for (const m of missing) {
      if (partner.has(m)) continue;
      const k = extra.findIndex((x, i) => !used.has(i) && ok(m, x.text));
      if (k < 0) continue;
      used.add(k);
      partner.set(m, k);
    }
  };
  pass((m, x) => lineKey(m.text) !== undefined && lineKey(m.text) === lineKey(x));
  pass((m, x) => similar(m.text, x) && (lineKey(x) === undefined || !docKeys.has(lineKey(x)!)));
  const lone = missing.filter((m) => !partner.has(m));
  const loneExtra = extra.filter((_, i) => !used.has(i));
  if (ordered && lone.length === 1 && loneExtra.length === 1) {
    const [a, b] = [lineKey(lone[0]!.text), lineKey(loneExtra[0]!.text)];
    if (a === undefined || b === undefined) pass(() => true);
  }
  for (const m of missing) {
    const k = partner.get(m);
    out.push(k === undefined ? missingLine(origin, m) : wrongLine(origin, m, extra[k]?.text ?? '', bindings));
  }
  extra.forEach((x, i) => {
    if (!used.has(i)) out.push(extraLine(origin, x.after, x.text, docKeys));
  });
  return out;
}

/** Keys of all doc lines (to tell stale extra fields from wrong ones). */
export function keysOf(lines: readonly Line[]): Set<string> {
  return new Set(lines.flatMap((l) => lineKey(l.text) ?? []));
}

/** An actual line no doc line is aligned with, and the doc line it comes after. */
export interface ExtraLine {
  text: string;
  after: Line | undefined;
}

/**
 * A run of unaligned doc lines (`missing`) and actual lines (`extra`) between two aligned lines.
 * `prev` and `next` are the alignment steps around it: a `match` or an `elided` step, or
 * undefined at the start or end of the output.
 */
export interface Gap {
  missing: Line[];
  extra: ExtraLine[];
  prev: AlignOp | undefined;
  next: AlignOp | undefined;
}

/**
 * Aligns doc lines (templates, `...` elisions) with actual lines and returns the alignment and
 * its gaps (only those with unaligned lines). Bindings come from aligned pairs only.
 */
export function alignOrdered(doc: Line[], actual: Line[], bindings: BindingSet): { ops: AlignOp[]; gaps: Gap[] } {
  const templates = doc.map((l) => compileTemplate(l.text));
  const ops = align(
    doc.length,
    actual.length,
    (e, a) => bindings.fits(templates[e]!, actual[a]!.text, 'ordered'),
    (e) => isElision(doc[e]!.text),
  );
  const gaps: Gap[] = [];
  let gap: Gap = { missing: [], extra: [], prev: undefined, next: undefined };
  let last: Line | undefined;
  const close = (next: AlignOp | undefined) => {
    if (gap.missing.length > 0 || gap.extra.length > 0) gaps.push({ ...gap, next });
    gap = { missing: [], extra: [], prev: next, next: undefined };
  };
  for (const op of ops) {
    if (op.op === 'match') {
      close(op);
      bindings.addAll(bindTemplate(templates[op.e]!, actual[op.a]!.text));
      last = doc[op.e];
    } else if (op.op === 'missing') {
      gap.missing.push(doc[op.e]!);
      last = doc[op.e];
    } else if (op.op === 'extra') gap.extra.push({ text: actual[op.a]!.text, after: last ?? doc[0] });
    else {
      close(op);
      last = doc[op.e] ?? last;
    }
  }
  close(undefined);
  return { ops, gaps };
}

/**
 * Ordered line comparison: doc lines (templates, `...` elisions) aligned with actual lines; in
 * each gap, a doc line shown soft-wrapped in two is joined (soft-wrap.ts), and the unaligned lines
 * left are paired up into differences.
 */
export function compareOrdered(origin: DocOrigin, doc: Line[], actual: Line[], bindings: BindingSet): Difference[] {
  const docKeys = keysOf(doc);
  return alignOrdered(asExcerpt(opensMidway(doc, actual)), actual, bindings)
    .gaps.map((g) => joinSoftWraps(g, bindings))
    .flatMap((g) => pairUp(origin, g.missing, g.extra, docKeys, true, bindings));
}

/** A section heading of `kubectl describe` output (`Containers:`, `Events:`), and one of its fields. */
const SECTION = /^[A-Z][\w -]*:\s*$/;
const FIELD = /^[A-Z][\w -]*:(?:\s|$)/;

/**
 * `kubectl describe` output the doc shows from one of its sections on (`Containers:` …, the fields
 * above it left out) says nothing about those fields: it reads as if it opened with `...`.
 */
function opensMidway(doc: Line[], actual: Line[]): Line[] {
  const first = doc[0];
  if (!first || !SECTION.test(first.text) || !FIELD.test(actual[0]?.text ?? '')) return doc;
  const at = actual.findIndex((a) => a.text.trimEnd() === first.text.trimEnd());
  return at > 0 ? [{ text: '...', index: first.index }, ...doc] : doc;
}

/**
 * An output that opens with `...` and has no other elision is an excerpt (`...` then the one
 * line the doc points at): it says nothing about what follows, so it ends with an implied `...`.
 */
export function asExcerpt(doc: Line[]): Line[] {
  if (doc.length < 2 || !isElision(doc[0]!.text) || doc.slice(1).some((l) => isElision(l.text))) return doc;
  return [...doc, { text: '...', index: doc[doc.length - 1]!.index }];
}

/**
 * Unordered comparison: the same lines in any order (printenv, `lines` mode). Each doc line takes
 * the first unused actual line it matches; `...` lets extra actual lines go unreported.
 */
export function compareUnordered(origin: DocOrigin, doc: Line[], actual: Line[], bindings: BindingSet): Difference[] {
  const used = new Set<number>();
  const missing: Line[] = [];
  const elided = doc.some((l) => isElision(l.text));
  for (const line of doc) {
    if (isElision(line.text)) continue;
    const t = compileTemplate(line.text);
    const k = actual.findIndex((a, i) => !used.has(i) && bindings.fits(t, a.text));
    if (k < 0) missing.push(line);
    else {
      used.add(k);
      bindings.addAll(bindTemplate(t, actual[k]!.text));
    }
  }
  const last = doc[doc.length - 1];
  const extra = elided ? [] : actual.filter((_, i) => !used.has(i)).map((a) => ({ text: a.text, after: last }));
  return pairUp(origin, missing, extra, keysOf(doc), false, bindings);
}

/** Ordered containment: every doc line appears in the actual output, in order; other actual lines are fine. */
export function compareContains(origin: DocOrigin, doc: Line[], actual: Line[], bindings: BindingSet): Difference[] {
  const out: Difference[] = [];
  let from = 0;
  for (const line of doc) {
    if (isElision(line.text)) continue;
    const t = compileTemplate(line.text);
    const needle = squeeze(line.text);
    let k = -1;
    for (let i = from; i < actual.length && k < 0; i++) {
      const a = actual[i]!.text;
      if (bindings.fits(t, a, 'ordered') || (!testTemplate(t, a) && squeeze(a).includes(needle))) k = i;
    }
    if (k < 0) out.push(missingLine(origin, line));
    else {
      bindings.addAll(bindTemplate(t, actual[k]!.text));
      from = k + 1;
    }
  }
  return out;
}
