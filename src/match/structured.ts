import yaml from 'js-yaml';
import type { BindingSet } from './bindings.js';
import type { DocOrigin } from './compare-lines.js';
import { isElision } from './lines.js';
import { formatPath, lineOfPath, type KeyPath } from './structured-lines.js';
import { matchValue } from './template.js';
import type { Difference } from './types.js';

type Mapping = Record<string, unknown>;
const isMapping = (v: unknown): v is Mapping => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Parses YAML or JSON text into a mapping, or undefined when it is not one (partial YAML, prose). */
export function parseMapping(text: string): Mapping | undefined {
  try {
    const value: unknown = yaml.load(text, { json: true, schema: yaml.CORE_SCHEMA });
    return isMapping(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

const OUTPUT_FLAG = /(?:^|\s)(?:-o|--output)(?:=|\s*)(?:yaml|json)\b/;

/**
 * True when an output should be compared structurally: the command asks for `-o yaml|json`, or the
 * doc shows a JSON object or a Kubernetes object (top-level `apiVersion:` and `kind:`), and neither
 * side has elision lines.
 */
export function looksStructured(command: string | undefined, doc: readonly string[]): boolean {
  if (doc.some(isElision)) return false;
  if (OUTPUT_FLAG.test(command ?? '')) return true;
  const first = doc.find((l) => l.trim() !== '')?.trim() ?? '';
  if (first.startsWith('{')) return true;
  return doc.some((l) => /^apiVersion:/.test(l)) && doc.some((l) => /^kind:/.test(l));
}

const show = (v: unknown): string => {
  const s = typeof v === 'string' ? v : JSON.stringify(v) ?? String(v);
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
};

/** Identity of a list item: its `name`, `type` or `metadata.name`. */
const IDENTITIES: { key: string; of: (item: unknown) => unknown }[] = [
  { key: 'name', of: (i) => (isMapping(i) ? i['name'] : undefined) },
  { key: 'type', of: (i) => (isMapping(i) ? i['type'] : undefined) },
  { key: 'name', of: (i) => (isMapping(i) && isMapping(i['metadata']) ? i['metadata']['name'] : undefined) },
];

/** How to pair list items: by the first identity every doc item has as a string, else by index. */
function itemKey(items: unknown[]): (typeof IDENTITIES)[number] | undefined {
  return IDENTITIES.find((id) => items.length > 0 && items.every((i) => typeof id.of(i) === 'string'));
}

class Walker {
  readonly out: Difference[] = [];
  constructor(
    private readonly origin: DocOrigin,
    private readonly lines: readonly string[],
    private readonly bindings: BindingSet,
  ) {}

  private at(path: KeyPath): { line: number; column: number } {
    const i = lineOfPath(this.lines, path);
    const text = this.lines[i] ?? '';
    return { line: this.origin.line + i, column: this.origin.column + (text.length - text.trimStart().length) };
  }

  private push(kind: Difference['kind'], path: KeyPath, message: string, extra: Partial<Difference> = {}): void {
    this.out.push({ kind, message: `${formatPath(path)}: ${message}`, ...this.at(path), path: formatPath(path), ...extra });
  }

  compare(doc: unknown, actual: unknown, path: KeyPath): void {
    if (isMapping(doc)) {
      if (!isMapping(actual)) return this.push('wrong-value', path, `doc a mapping, actual ${show(actual)}`);
      for (const [k, v] of Object.entries(doc)) {
        if (!(k in actual)) this.push('missing-line', path.concat(k), `missing in actual output (doc ${show(v)})`, { expected: show(v) });
        else this.compare(v, actual[k], path.concat(k));
      }
      for (const [k, v] of Object.entries(actual)) {
        if (k in doc) continue;
        this.push('extra-line', path.concat(k), `in actual output, not in the doc (${show(v)}); added by the cluster or a newer version, the doc may be stale`, {
          actual: show(v),
          stale: true,
        });
      }
      return;
    }
    if (Array.isArray(doc)) {
      if (!Array.isArray(actual)) return this.push('wrong-value', path, `doc a list, actual ${show(actual)}`);
      this.compareList(doc, actual, path);
      return;
    }
    const d = doc === null ? 'null' : String(doc);
    const a = actual === null || actual === undefined ? String(actual) : typeof actual === 'object' ? show(actual) : String(actual);
    const leaf = [...path].reverse().find((s): s is string => typeof s === 'string');
    const m = matchValue(d, a, leaf);
    if (m.ok) this.bindings.addAll(m.bindings);
    else this.push('wrong-value', path, `doc ${show(d)}, actual ${show(a)}`, { expected: d, actual: a });
  }

  private compareList(doc: unknown[], actual: unknown[], path: KeyPath): void {
    const key = itemKey(doc);
    const used = new Set<number>();
    doc.forEach((item, i) => {
      let k = i < actual.length ? i : -1;
      if (key !== undefined) {
        const name = String(key.of(item));
        k = actual.findIndex((a, j) => !used.has(j) && typeof key.of(a) === 'string' && matchValue(name, String(key.of(a)), key.key).ok);
      }
      if (k < 0) this.push('missing-line', path.concat(i), `list item missing in actual output (doc ${show(item)})`);
      else {
        used.add(k);
        this.compare(item, actual[k], path.concat(i));
      }
    });
    const stale = path[0] === 'status';
    actual.forEach((item, j) => {
      if (used.has(j) || (key === undefined && j < doc.length)) return;
      this.push('extra-line', path.concat(j), `list item in actual output, not in the doc (${show(item)})`, {
        actual: show(item),
        ...(stale ? { stale } : {}),
      });
    });
  }
}

/** Compares parsed doc and actual documents by key path; volatile values normalized per key. */
export function compareStructured(
  origin: DocOrigin,
  docLines: readonly string[],
  doc: Mapping,
  actual: Mapping,
  bindings: BindingSet,
): Difference[] {
  const walker = new Walker(origin, docLines, bindings);
  walker.compare(doc, actual, []);
  return walker.out;
}
