/** Helpers to name and locate object paths in manifests. */

/** Splits a JSON pointer (`/spec/ports/0`) into segments. */
export function pointerSegments(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Formats segments as a field path: `spec.ports[0].port`. */
export function formatPath(segments: readonly string[]): string {
  let out = '';
  for (const s of segments) {
    if (/^\d+$/.test(s)) out += `[${s}]`;
    else out += out === '' ? s : `.${s}`;
  }
  return out;
}

/**
 * The 0-based line (within a document's text) where the deepest present key of a path is
 * written. Approximate but good for both block and flow style: keys are found in order.
 */
export function lineOfPath(text: string, segments: readonly string[]): number {
  const lines = text.split('\n');
  let line = firstContentLine(lines);
  let from = 0;
  for (const seg of segments) {
    if (/^\d+$/.test(seg)) continue;
    const escaped = seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const re = new RegExp(`(^|[\\s{,\\-])["']?${escaped}["']?\\s*:`);
    let found = -1;
    for (let i = from; i < lines.length; i++) {
      if (re.test(lines[i]!)) {
        found = i;
        break;
      }
    }
    if (found === -1) break;
    line = found;
    from = found;
  }
  return line;
}

function firstContentLine(lines: string[]): number {
  const i = lines.findIndex((l) => l.trim() !== '' && !l.trim().startsWith('#'));
  return i === -1 ? 0 : i;
}

/** Values of a path with `[]` list wildcards: `spec.containers[].image`. */
export function valuesAt(obj: unknown, path: string): Array<{ segments: string[]; value: unknown; present: boolean }> {
  let current: Array<{ segments: string[]; value: unknown; present: boolean }> = [{ segments: [], value: obj, present: true }];
  for (const part of path.split('.')) {
    const isList = part.endsWith('[]');
    const key = isList ? part.slice(0, -2) : part;
    const next: typeof current = [];
    for (const c of current) {
      if (!c.present) continue;
      const parent = c.value;
      const has = isRecord(parent) && Object.prototype.hasOwnProperty.call(parent, key) && parent[key] !== null;
      const value = has ? (parent as Record<string, unknown>)[key] : undefined;
      if (!isList) next.push({ segments: [...c.segments, key], value, present: has });
      else if (Array.isArray(value)) value.forEach((v, i) => next.push({ segments: [...c.segments, key, String(i)], value: v, present: true }));
    }
    current = next;
  }
  return current;
}

/** True for a plain object. */
export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
