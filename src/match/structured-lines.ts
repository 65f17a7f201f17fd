import { escapeRegex } from './normalizers/index.js';

/** A key path into a parsed YAML/JSON document. */
export type KeyPath = (string | number)[];

/** `spec.ports[0].port` for a key path. */
export function formatPath(path: KeyPath): string {
  let out = '';
  for (const seg of path) out += typeof seg === 'number' ? `[${seg}]` : out === '' ? seg : `.${seg}`;
  return out === '' ? '(document)' : out;
}

const indentOf = (s: string) => s.length - s.trimStart().length;

/** Line of item `n` of the JSON array opened at line `open`, or -1. */
function jsonItem(lines: readonly string[], open: number, n: number): number {
  let itemIndent = -1;
  let count = -1;
  for (let i = open + 1; i < lines.length; i++) {
    const text = lines[i] ?? '';
    if (text.trim() === '') continue;
    const ind = indentOf(text);
    if (itemIndent < 0) itemIndent = ind;
    if (ind < itemIndent) return -1;
    if (ind === itemIndent && !/^\s*[\]}]/.test(text) && ++count === n) return i;
  }
  return -1;
}

/**
 * Best-effort doc line (0-based index) of a key path in YAML or JSON text: keys are searched in
 * order, each below the previous one; list items are counted by their dashes. Falls back to the
 * deepest line found.
 */
export function lineOfPath(lines: readonly string[], path: KeyPath): number {
  let at = 0;
  let parentIndent = -1;
  let inItem = false;
  for (const seg of path) {
    if (typeof seg === 'number' && /\[\s*$/.test(lines[at] ?? '')) {
      // A JSON array: items start at the indentation of its first line; closing brackets do not count.
      const found = jsonItem(lines, at, seg);
      if (found < 0) return at;
      at = found;
      parentIndent = indentOf(lines[found] ?? '');
      inItem = true;
      continue;
    }
    if (typeof seg === 'number') {
      let dashIndent = -1;
      let count = -1;
      let found = -1;
      // A list at the root of the doc (an excerpt that is a list item) starts at its first line.
      for (let i = at === 0 && parentIndent < 0 ? 0 : at + 1; i < lines.length && found < 0; i++) {
        const m = /^(\s*)-(?:\s|$)/.exec(lines[i] ?? '');
        if (!m) continue;
        const ind = (m[1] ?? '').length;
        if (dashIndent < 0) dashIndent = ind;
        if (ind < dashIndent) break;
        if (ind === dashIndent && ++count === seg) found = i;
      }
      if (found < 0) return at;
      at = found;
      parentIndent = dashIndent;
      inItem = true;
      continue;
    }
    const key = new RegExp(`^(\\s*(?:-\\s+)?)"?${escapeRegex(seg)}"?\\s*:`);
    let found = -1;
    for (let i = inItem ? at : at === 0 && parentIndent < 0 ? 0 : at + 1; i < lines.length && found < 0; i++) {
      const m = key.exec(lines[i] ?? '');
      if (m && (m[1] ?? '').length > parentIndent) found = i;
      else if (i > at && parentIndent >= 0 && /\S/.test(lines[i] ?? '') && indentOf(lines[i] ?? '') <= parentIndent && !inItem) break;
    }
    if (found < 0) return at;
    at = found;
    parentIndent = (key.exec(lines[found] ?? '')?.[1] ?? '').length;
    inItem = false;
  }
  return at;
}
