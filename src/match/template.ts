import { NORMALIZERS, contextKey, escapeRegex, findSpans, type Normalizer } from './normalizers/index.js';
import type { Binding } from './types.js';

/** A doc value compiled into a pattern over actual values: literal text plus volatile slots. */
export interface Template {
  re: RegExp;
  slots: { normalizer: Normalizer; doc: string }[];
}

interface Found {
  start: number;
  end: number;
  normalizer: Normalizer;
  rank: number;
  /** Found because of the column or key the value is in: it says more than a pattern alone. */
  contextual: boolean;
}

/** `Key:  value` lines (describe fields, YAML keys): the key gives context to its value. */
const FIELD = /^(\s*(?:- )?"?)([A-Za-z][\w ()./-]*?)("?\s*:[ \t]+)(\S.*)$/;

function spansIn(text: string, offset: number, context: string | undefined, out: Found[], wholeLine = false): void {
  const key = context === undefined ? undefined : contextKey(context);
  NORMALIZERS.forEach((n, rank) => {
    const found = findSpans(text, n.anywhere, n.accept);
    if (wholeLine) found.push(...findSpans(text, n.wholeLine, n.accept));
    for (const s of found) out.push({ start: s.start + offset, end: s.end + offset, normalizer: n, rank, contextual: false });
    if (key === undefined || !n.contexts?.includes(key)) return;
    for (const s of findSpans(text, n.inContext, n.accept)) out.push({ start: s.start + offset, end: s.end + offset, normalizer: n, rank, contextual: true });
  });
}

function pickSpans(found: Found[]): Found[] {
  found.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start) || Number(b.contextual) - Number(a.contextual) || a.rank - b.rank);
  const picked: Found[] = [];
  let end = 0;
  for (const f of found) {
    if (f.start < end) continue;
    picked.push(f);
    end = f.end;
  }
  return picked;
}

/** A whole-token `...`, or `…` anywhere: the doc leaves text out there. */
const INLINE_ELISION = /^(?:\.\.\.|…)$/;

/** Literal doc text: blanks match any run of blanks; an inline `...` token or `…` matches any text. */
function literal(text: string): string {
  const tokens = text.split(/[ \t]+/);
  let out = '';
  tokens.forEach((t, i) => {
    if (INLINE_ELISION.test(t)) {
      out += '.*?';
      return;
    }
    if (i > 0 && !INLINE_ELISION.test(tokens[i - 1] ?? '')) out += '[ \\t]+';
    out += escapeRegex(t).replace(/…/g, '.*?');
  });
  return out;
}

/**
 * A comma list with elided items (`...,disktype=ssd,kubernetes.io/hostname=worker0`, a LABELS
 * cell): the doc's items appear in the actual list in order, other items may come between.
 */
function compileList(items: string[], context: string | undefined): Template | undefined {
  const parts = items.filter((i) => !INLINE_ELISION.test(i)).map((i) => compileTemplate(i, context));
  if (parts.length === 0) return undefined;
  const source = parts.map((p) => p.re.source.slice(1, -1)).join('(?:,[^\\s,]*)*?,');
  return { re: new RegExp(`^(?:[^\\s,]*,)*?${source}(?:,[^\\s,]*)*$`), slots: parts.flatMap((p) => p.slots) };
}

const cache = new Map<string, Template>();

/**
 * Compiles trimmed doc text into a template. Whitespace runs match any run of blanks (column
 * padding); volatile values match their class. `context` is the column or field name the text
 * belongs to; without one, a `Key: value` line gives its key as the value's context.
 */
export function compileTemplate(doc: string, context?: string): Template {
  const text = doc.trim();
  const cacheKey = `${context ?? ''}\u0000${text}`;
  const hit = cache.get(cacheKey);
  if (hit) return hit;
  const items = text.split(',');
  if (!/\s/.test(text) && items.length > 1 && items.some((i) => INLINE_ELISION.test(i))) {
    const list = compileList(items, context);
    if (list) {
      cache.set(cacheKey, list);
      return list;
    }
  }
  const found: Found[] = [];
  spansIn(text, 0, context, found, context === undefined);
  const field = context === undefined ? FIELD.exec(text) : null;
  if (field) {
    const valueStart = (field[1] ?? '').length + (field[2] ?? '').length + (field[3] ?? '').length;
    spansIn(field[4] ?? '', valueStart, field[2], found);
  }
  let source = '';
  let at = 0;
  const slots: Template['slots'] = [];
  for (const f of pickSpans(found)) {
    const value = text.slice(f.start, f.end);
    source += literal(text.slice(at, f.start));
    source += `(${f.normalizer.actual(value)}|${escapeRegex(value)})`;
    slots.push({ normalizer: f.normalizer, doc: value });
    at = f.end;
  }
  source += literal(text.slice(at));
  const template = { re: new RegExp(`^${source}$`), slots };
  if (cache.size > 20_000) cache.clear();
  cache.set(cacheKey, template);
  return template;
}

/** True when the actual text (trimmed) is an instance of the template. */
export function testTemplate(template: Template, actual: string): boolean {
  return template.re.test(actual.trim());
}

/** Bindings between the template's slots and the values they took in the actual text. */
export function bindTemplate(template: Template, actual: string): Binding[] {
  const m = template.re.exec(actual.trim());
  if (!m) return [];
  const bindings: Binding[] = [];
  template.slots.forEach((slot, i) => {
    const value = m[i + 1];
    const kind = slot.normalizer.bind;
    if (kind === undefined || value === undefined || value === slot.doc || value.startsWith('<')) return;
    bindings.push({ doc: slot.doc, actual: slot.normalizer.bindValue ? slot.normalizer.bindValue(value) : value, kind });
  });
  return bindings;
}

/**
 * Every bindable slot's doc value with the value it took in the actual text (also values equal to
 * the doc's), for checking them against the page's earlier bindings.
 */
export function slotValues(template: Template, actual: string): Binding[] {
  const m = template.re.exec(actual.trim());
  if (!m) return [];
  return template.slots.flatMap((slot, i) => {
    const value = m[i + 1];
    const kind = slot.normalizer.bind;
    if (kind === undefined || value === undefined || value.startsWith('<')) return [];
    return [{ doc: slot.doc, actual: slot.normalizer.bindValue ? slot.normalizer.bindValue(value) : value, kind }];
  });
}

/** Matches one doc value (a line, a cell, a scalar) against an actual one, volatile values tolerated. */
export function matchValue(doc: string, actual: string, context?: string): { ok: boolean; bindings: Binding[] } {
  const template = compileTemplate(doc, context);
  if (!testTemplate(template, actual)) return { ok: false, bindings: [] };
  return { ok: true, bindings: bindTemplate(template, actual) };
}
