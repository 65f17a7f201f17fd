import type { Binding } from './types.js';

/** Collects bindings in the order found; a doc value seen again with another actual value keeps the first. */
export class BindingSet {
  readonly list: Binding[] = [];
  readonly #seen = new Set<string>();

  /** Records a binding unless the doc value is already bound or equals the actual value. */
  add(binding: Binding): void {
    if (binding.doc === binding.actual || this.#seen.has(binding.doc)) return;
    this.#seen.add(binding.doc);
    this.list.push(binding);
  }

  /** Records every binding of a list. */
  addAll(bindings: readonly Binding[]): void {
    for (const b of bindings) this.add(b);
  }
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

/**
 * Rewrites a later command with the values really seen: every whole-token occurrence of a doc
 * value becomes its actual value (`my-nginx-cf54cdbf7-vr96x` in `kubectl exec my-nginx-cf54cdbf7-vr96x`
 * but not in `my-nginx-cf54cdbf7-vr96xz`; `10.0.0.1` but not inside `10.0.0.12`).
 * Longer doc values win over their prefixes. Returns the command and the bindings used.
 */
export function applyBindings(command: string, bindings: Binding[]): { command: string; applied: Binding[] } {
  const byDoc = new Map<string, Binding>();
  for (const b of bindings) if (b.doc !== '' && !byDoc.has(b.doc)) byDoc.set(b.doc, b);
  if (byDoc.size === 0) return { command, applied: [] };
  const docs = [...byDoc.keys()].sort((a, b) => b.length - a.length);
  const re = new RegExp(`(?<![A-Za-z0-9_.-])(?:${docs.map(escape).join('|')})(?![A-Za-z0-9_-]|\\.[A-Za-z0-9])`, 'g');
  const applied: Binding[] = [];
  const out = command.replace(re, (doc) => {
    const b = byDoc.get(doc);
    if (!b) return doc;
    if (!applied.includes(b)) applied.push(b);
    return b.actual;
  });
  return { command: out, applied };
}
