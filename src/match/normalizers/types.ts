/** A stretch of expected text that holds a volatile value. */
export interface Span {
  start: number;
  end: number;
}

/**
 * One class of value that varies between runs on a real cluster (a pod-name hash, an IP, an age).
 * Normalizers are data: where the value is in the doc (tolerant), and what may stand in its place
 * in the actual output (strict in shape). The doc's own value is always accepted as well.
 */
export interface Normalizer {
  /** Stable id, used in docs/matching.md and tests (`pod-name`, `ip`, `age`). */
  id: string;
  description: string;
  /** Finds values of this class anywhere in a line of expected text. */
  anywhere?: RegExp[];
  /** Like `anywhere`, but only in a whole output line (never in a table cell or a YAML value). */
  wholeLine?: RegExp[];
  /**
   * Column or field names (compared by {@link contextKey}) where this class of value is found:
   * inside such a cell or field value, `inContext` patterns apply as well.
   */
  contexts?: readonly string[];
  inContext?: RegExp[];
  /** Extra check on a value found in expected text (rejects look-alikes). */
  accept?: (value: string) => boolean;
  /** Regex source (non-capturing groups only) for what the actual output may show instead of `doc`. */
  actual: (doc: string) => string;
  /** Binding kind when a doc value of this class is worth rewriting into later commands. */
  bind?: string;
  /** The part of a matched actual value that is bound (default: all of it). */
  bindValue?: (actual: string) => string;
}

/** Normalized form of a column or field name: lower case, letters and digits only (`PORT(S)` → `ports`). */
export function contextKey(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Escapes text for use inside a regular expression. */
export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

/** Spans of every match of the global patterns in text. */
export function findSpans(text: string, patterns: RegExp[] | undefined, accept?: (v: string) => boolean): Span[] {
  const spans: Span[] = [];
  for (const pattern of patterns ?? []) {
    const re = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : pattern.flags + 'g');
    for (const m of text.matchAll(re)) {
      if (m[0] === '' || (accept && !accept(m[0]))) continue;
      spans.push({ start: m.index, end: m.index + m[0].length });
    }
  }
  return spans;
}
