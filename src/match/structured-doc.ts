import yaml from 'js-yaml';
import { isElision } from './lines.js';

/**
 * A doc's YAML or JSON output read as a document: an excerpt (`...` lines, a fragment that starts
 * below the document root, JSON cut off mid-way) or a whole document.
 */
export interface DocDocument {
  /** The parsed value; elided places hold {@link ELIDED} keys and list items. */
  value: unknown;
  /** The lines the value was parsed from, one per expected line (for key-path → doc line). */
  lines: string[];
  /** True unless the doc shows a whole object: top-level `apiVersion` and `kind`, nothing elided or cut off. */
  excerpt: boolean;
  /** True when `...` lines could not be placed (kept out of the parse): every list may hold more items. */
  looseLists: boolean;
}

/** Prefix of the keys and list items that stand for a doc's `...` line or a cut-off JSON tail. */
export const ELIDED = '\u0000elided';

/** True for a key or list item that stands for elided siblings. */
export const isElided = (v: unknown): boolean => typeof v === 'string' && v.startsWith(ELIDED);

/** Prefix of a key standing for elided parents: what follows it sits somewhere below, at a place the doc does not show. */
export const ELIDED_PARENT = `${ELIDED}parent`;

/** True for a key whose value the doc shows below parents it elided. */
export const isElidedParent = (v: unknown): boolean => typeof v === 'string' && v.startsWith(ELIDED_PARENT);

type Mapping = Record<string, unknown>;
const isMapping = (v: unknown): v is Mapping => typeof v === 'object' && v !== null && !Array.isArray(v);
const indentOf = (s: string) => s.length - s.trimStart().length;

/** `...` lines and YAML comments that say the same (`# ...`, `# …`). */
export function isStructuredElision(line: string): boolean {
  return isElision(line) || /^\s*#\s*(?:\.\.\.|…)\s*$/.test(line);
}

function load(text: string): unknown {
  try {
    return yaml.load(text, { json: true, schema: yaml.CORE_SCHEMA });
  } catch {
    return undefined;
  }
}

/** Removes the common indentation of the content lines (a fragment copied from inside a document). */
function dedent(lines: string[]): string[] {
  const content = lines.filter((l) => l.trim() !== '' && !isStructuredElision(l));
  const cut = Math.min(...content.map(indentOf));
  return cut > 0 && Number.isFinite(cut) ? lines.map((l) => (l.trim() === '' ? '' : l.slice(Math.min(cut, indentOf(l))))) : lines;
}

/**
 * Each `...` line becomes a placeholder at its indentation: a list item when the neighbouring
 * content line at that indentation is one, else a key. A YAML `...` would end the document.
 * A `...` less indented than the line after it (`...` at column 0, then `  containerStatuses:`)
 * elides parent lines too — the rest of `spec`, a `status:` line, a list item's `- name:` — so
 * the lines after it hang under an {@link ELIDED_PARENT} key: their parent is whatever node below
 * the `...`'s own level they fit (the walker looks for it), not the last key the doc shows.
 */
function withPlaceholders(lines: string[]): string[] {
  let n = 0;
  const neighbour = (i: number, step: 1 | -1): string | undefined => {
    for (let j = i + step; j >= 0 && j < lines.length; j += step) {
      const l = lines[j]!;
      if (l.trim() !== '' && !isStructuredElision(l)) return l;
    }
    return undefined;
  };
  return lines.map((line, i) => {
    if (!isStructuredElision(line)) return line;
    const indent = indentOf(line);
    const pad = ' '.repeat(indent);
    const next = neighbour(i, 1);
    if (next !== undefined && indentOf(next) > indent) return `${pad}${JSON.stringify(`${ELIDED_PARENT}${n++}`)}:`;
    const item = [neighbour(i, 1), neighbour(i, -1)].some((l) => l !== undefined && indentOf(l) === indent && /^\s*-(?:\s|$)/.test(l));
    const id = JSON.stringify(`${ELIDED}${n++}`);
    return item ? `${pad}- ${id}` : `${pad}${id}: null`;
  });
}

const isKeyLine = (l: string) => /^\s*[^\s#-][^:]*:(?:\s|$)/.test(l);
const keyOf = (l: string) => l.trim().replace(/:.*$/, '');

/**
 * `...` lines that stand for the `- ` lines of list items: under `containers:`, groups at one
 * indentation separated by `...` that repeat a key (`name:`, `resources:` twice) are several
 * items, each shown without its first line. Each group becomes a list item, so the repeated keys
 * no longer overwrite one another. A single group stays a mapping (the walker compares it with
 * the list item it fits best).
 */
function splitElidedItems(lines: string[]): string[] {
  const out = [...lines];
  for (let i = 0; i < out.length; i++) {
    const parent = out[i]!;
    if (!/:\s*$/.test(parent) || isStructuredElision(parent)) continue;
    const base = indentOf(parent);
    let end = i + 1;
    while (end < out.length && (out[end]!.trim() === '' || indentOf(out[end]!) > base)) end++;
    const block = out.slice(i + 1, end);
    const first = block.find((l) => l.trim() !== '');
    if (!first) continue;
    const n = indentOf(first);
    const atN = (l: string) => l.trim() !== '' && indentOf(l) === n;
    if (!block.some((l) => atN(l) && isStructuredElision(l))) continue;
    if (block.some((l) => atN(l) && !isStructuredElision(l) && !isKeyLine(l))) continue;
    const groups: number[][] = [[]];
    block.forEach((l, j) => {
      if (atN(l) && isStructuredElision(l)) groups.push([]);
      else if (l.trim() !== '') groups[groups.length - 1]!.push(j);
    });
    const keys = groups.map((g) => g.filter((j) => atN(block[j]!)).map((j) => keyOf(block[j]!)));
    const seen = new Set<string>();
    const repeated = keys.some((ks) => {
      const dup = ks.some((k) => seen.has(k));
      ks.forEach((k) => seen.add(k));
      return dup;
    });
    if (!repeated) continue;
    const pad = ' '.repeat(n);
    block.forEach((l, j) => {
      if (atN(l) && isStructuredElision(l)) out[i + 1 + j] = `${pad}- ${JSON.stringify(`${ELIDED}item${i + 1 + j}`)}`;
    });
    for (const g of groups) {
      g.forEach((j, at) => {
        const l = block[j]!;
        out[i + 1 + j] = at === 0 ? `${pad}- ${l.slice(n)}` : `  ${l}`;
      });
    }
    i = end - 1;
  }
  return out;
}

/**
 * Closes JSON the doc cut off (`{ "endpoints": [ { "addresses": [` …): every container still
 * open at the end gets a placeholder for what was cut and its closing bracket. Returns undefined
 * when nothing is open.
 */
export function closeTruncatedJson(text: string): string | undefined {
  let lines = text.split('\n');
  // A line cut inside a string (`"nodeName": "gke-ma`) is dropped: its value is unknown.
  for (let tries = 0; tries < 3 && lines.length > 0; tries++) {
    const closed = closeJson(lines.join('\n'));
    if (closed !== 'in-string') return closed;
    lines = lines.slice(0, -1);
  }
  return undefined;
}

function closeJson(text: string): string | undefined | 'in-string' {
  const stack: string[] = [];
  let inString = false;
  let escaped = false;
  for (const ch of text) {
    if (inString) {
      if (escaped) escaped = false;
      else if (ch === '\\') escaped = true;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === '{') stack.push('}');
    else if (ch === '[') stack.push(']');
    else if (ch === '}' || ch === ']') stack.pop();
  }
  if (inString) return 'in-string';
  if (stack.length === 0) return undefined;
  // A dangling comma or key (`"zone":`) has no value to keep.
  let out = text.replace(/\s+$/, '');
  out = out
    .replace(/"(?:[^"\\]|\\.)*"\s*:$/, '')
    .replace(/\s+$/, '')
    .replace(/,$/, '');
  let n = 0;
  for (const close of stack.reverse()) {
    const id = JSON.stringify(`${ELIDED}${n++}`);
    const sep = /[[{]$/.test(out) ? '' : ', ';
    out += close === '}' ? `${sep}${id}: null}` : `${sep}${id}]`;
  }
  return out;
}

const hasElided = (v: unknown): boolean =>
  Array.isArray(v) ? v.some((i) => isElided(i) || hasElided(i)) : isMapping(v) ? Object.entries(v).some(([k, x]) => isElided(k) || hasElided(x)) : false;

/**
 * Reads the doc's expected output as a YAML/JSON document or excerpt, or undefined when it is
 * not one (prose, partial lines that do not parse): then it is compared line by line.
 */
export function readDocDocument(expected: readonly string[]): DocDocument | undefined {
  const lines = dedent([...expected]);
  const first = lines.find((l) => l.trim() !== '' && !isStructuredElision(l))?.trim() ?? '';
  const parsed = (value: unknown, used: string[], looseLists: boolean): DocDocument | undefined => {
    if (!isMapping(value) && !Array.isArray(value)) return undefined;
    const whole = isMapping(value) && 'apiVersion' in value && 'kind' in value && !hasElided(value) && !looseLists;
    return { value, lines: used, excerpt: !whole, looseLists };
  };
  if (first.startsWith('{') || first.startsWith('[')) {
    const kept = lines.filter((l) => !isStructuredElision(l));
    const text = kept.join('\n');
    const value = load(text);
    if (value !== undefined) return parsed(value, lines, false);
    const closed = closeTruncatedJson(text);
    return closed === undefined ? undefined : parsed(load(closed), lines, false);
  }
  const placed = withPlaceholders(splitElidedItems(lines));
  const value = load(placed.join('\n'));
  // Key paths are looked up in these lines: a parent placeholder is written as its key reads.
  const raw = placed.map((l) => l.replace(/^(\s*)"\\u0000(elidedparent\d+)":$/, (_m, pad: string, id: string) => `${pad}\u0000${id}:`));
  if (value !== undefined) return parsed(value, raw, false);
  if (!lines.some(isStructuredElision)) return undefined;
  const without = lines.map((l) => (isStructuredElision(l) ? '' : l));
  return parsed(load(without.join('\n')), without, true);
}
