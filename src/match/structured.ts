import yaml from 'js-yaml';
import type { BindingSet, FitMode } from './bindings.js';
import type { DocOrigin } from './compare-lines.js';
import { isElision } from './lines.js';
import { formatPath, lineOfPath, type KeyPath } from './structured-lines.js';
import { environmentKey } from './environment-keys.js';
import { isInstallerName } from './normalizers/kubeconfig.js';
import { isElided, isElidedParent } from './structured-doc.js';
import type { Difference } from './types.js';
import { stateTimeOf } from './unset-times.js';

type Mapping = Record<string, unknown>;
const isMapping = (v: unknown): v is Mapping => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Parses the actual output as YAML or JSON: a mapping or a list (several `---` documents become a
 * list), or undefined when it is neither (an error message, prose).
 */
export function parseDocument(text: string): unknown {
  const opts = { json: true, schema: yaml.CORE_SCHEMA };
  try {
    const value: unknown = yaml.load(text, opts);
    // `Error from server (NotFound): …` reads as a one-key mapping; kubectl's top-level keys have no blanks.
    if (isMapping(value) && Object.keys(value).some((k) => /\s/.test(k))) return undefined;
    return isMapping(value) || Array.isArray(value) ? value : undefined;
  } catch {
    try {
      const docs = yaml.loadAll(text, undefined, opts).filter((d) => d !== null && d !== undefined);
      return docs.length > 1 && docs.every(isMapping) ? docs : undefined;
    } catch {
      return undefined;
    }
  }
}

const OUTPUT_FLAG = /(?:^|\s)(?:-o|--output)(?:=|\s*)(?:yaml|json)\b/;
/** Commands that print YAML or JSON without an output flag. */
const STRUCTURED_COMMAND = /\bkubectl\s+(?:\S+\s+)*?config\s+view\b|\|\s*(?:jq|yq)\b/;

/**
 * True when an output should be compared structurally: the command asks for `-o yaml|json`
 * (or is `kubectl config view`, or pipes into jq/yq), or the doc shows a JSON object or a
 * Kubernetes object (top-level `apiVersion:` and `kind:`). `...` lines may elide parts.
 */
export function looksStructured(command: string | undefined, doc: readonly string[]): boolean {
  if (OUTPUT_FLAG.test(command ?? '') || STRUCTURED_COMMAND.test(command ?? '')) return true;
  const first = doc.find((l) => l.trim() !== '' && !isElision(l))?.trim() ?? '';
  if (first.startsWith('{')) return true;
  return doc.some((l) => /^apiVersion:/.test(l)) && doc.some((l) => /^kind:/.test(l));
}

/** Drops the placeholders of elided parts from a value shown in a message. */
const visible = (_k: string, v: unknown): unknown =>
  Array.isArray(v) ? v.filter((i) => !isElided(i)) : isMapping(v) ? Object.fromEntries(Object.entries(v).filter(([k]) => !isElided(k))) : v;

const show = (v: unknown): string => {
  const s = typeof v === 'string' ? v : (JSON.stringify(v, visible) ?? String(v));
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

/** How a doc document is compared: a whole object, or an excerpt of one. */
export interface StructuredOptions {
  /** Extra actual keys are not reported; the fragment is looked for where it occurs. */
  excerpt: boolean;
  /** Every list may hold items the doc left out (`...` lines that could not be placed). */
  looseLists: boolean;
}

const WHOLE: StructuredOptions = { excerpt: false, looseLists: false };

/** The lists of a kubeconfig whose items' `name` is a context, cluster or user name. */
const KUBECONFIG_LISTS: Record<string, string> = { contexts: 'kubecontext', clusters: 'kubecluster', users: 'kubeuser' };

/**
 * A top-level kubeconfig entry (`clusters[]`, `users[]`, `contexts[]` of `kubectl config view`)
 * whose doc name is one an installer gives: the author's own cluster, credentials and server, which
 * the reader's kubeconfig holds in its own form (a token where the author had a certificate, no
 * basic-auth user). Entries the page makes itself (`set-context dev`) carry other names.
 */
function installerEntry(listPath: KeyPath, item: unknown): boolean {
  if (listPath.length !== 1 || typeof listPath[0] !== 'string' || !(listPath[0] in KUBECONFIG_LISTS)) return false;
  const name = isMapping(item) ? item['name'] : undefined;
  return typeof name === 'string' && isInstallerName(name);
}

const INSTALLER_ENTRY = "the author's kubeconfig entry, made by the installer; the reader's has its own";

/** A top-level kubeconfig entry the page names itself (`developer`, `dev-frontend`): its values are the page's. */
function pageEntry(listPath: KeyPath, item: unknown): boolean {
  if (listPath.length !== 1 || typeof listPath[0] !== 'string' || !(listPath[0] in KUBECONFIG_LISTS)) return false;
  const name = isMapping(item) ? item['name'] : undefined;
  return typeof name === 'string' && !isInstallerName(name);
}

/**
 * The names of the reader's own kubeconfig entries in a merged `kubectl config view`: the current
 * context and its cluster and user. A page that merges its files into `$KUBECONFIG` shows only its
 * own entries; the reader's are there too, and are not the page's to show.
 */
function readerEntries(root: unknown): Set<string> {
  const out = new Set<string>();
  if (!isMapping(root) || typeof root['current-context'] !== 'string' || !Array.isArray(root['contexts'])) return out;
  const current = root['current-context'];
  const context = root['contexts'].find((c) => isMapping(c) && c['name'] === current);
  if (!isMapping(context)) return out;
  out.add(current);
  const inner = isMapping(context['context']) ? context['context'] : {};
  for (const k of ['cluster', 'user']) if (typeof inner[k] === 'string') out.add(inner[k]);
  return out;
}

const READER_ENTRY = "the reader's own kubeconfig entry, merged in from $KUBECONFIG; the page shows only its own";

/** The normalizer context of a scalar at a path, when its leaf key alone does not say (`contexts[0].name`). */
function contextOf(path: KeyPath): string | undefined {
  const [list, , leaf] = path.slice(-3);
  return leaf === 'name' && typeof list === 'string' ? KUBECONFIG_LISTS[list] : undefined;
}

/** Differences that fail a step: everything not flagged stale or environment. */
const failing = (out: readonly Difference[]) => out.filter((d) => d.stale !== true && d.environment !== true).length;
/** How well a place fits an excerpt: failing differences weigh most, tolerated ones break ties. */
const misfit = (out: readonly Difference[]) => failing(out) * 2 + (out.length - failing(out));

class Walker {
  readonly out: Difference[] = [];
  /** Inside list items paired by chance among alike ones: bindings found there are loose. */
  private looseLevel = 0;
  /** Inside an installer's kubeconfig entry: its differences are the environment's. */
  private installerLevel = 0;
  /** Inside a kubeconfig entry the page made: its kubeconfig keys are the page's values. */
  private pageLevel = 0;
  /** The reader's own kubeconfig entries in the actual output (see readerEntries). */
  private reader = new Set<string>();
  constructor(
    private readonly origin: DocOrigin,
    private readonly lines: readonly string[],
    private readonly shown: readonly string[],
    private readonly bindings: BindingSet,
    private readonly options: StructuredOptions,
    private readonly anchor: KeyPath = [],
  ) {}

  private at(path: KeyPath): { line: number; column: number } {
    const i = lineOfPath(this.lines, path);
    const text = this.shown[i] ?? this.lines[i] ?? '';
    return { line: this.origin.line + i, column: this.origin.column + (text.length - text.trimStart().length) };
  }

  private push(kind: Difference['kind'], docPath: KeyPath, path: KeyPath, message: string, extra: Partial<Difference> = {}): void {
    // Paths name the doc's own list items (the reader's items[0]), below where the excerpt sits;
    // below an elided parent the doc has no path of its own, so the cluster's is named.
    const shown = formatPath(docPath.some(isElidedParent) ? path : this.anchor.concat(docPath));
    // An extra key stays a failure: only rows a distribution installs are tolerated as extra.
    if (this.installerLevel > 0 && extra.stale !== true && kind !== 'extra-line') {
      extra = { ...extra, environment: true };
      if (!message.includes('installer')) message = `${message} (${INSTALLER_ENTRY})`;
    }
    this.out.push({ kind, message: `${shown}: ${message}`, ...this.at(docPath), path: shown, ...extra });
  }

  /** A scratch walker for trying a pairing: same doc, throwaway bindings. */
  private trial(doc: unknown, actual: unknown, docPath: KeyPath, path: KeyPath): number {
    const w = new Walker(this.origin, this.lines, this.shown, this.bindings.fork(), this.options, this.anchor);
    w.compare(doc, actual, docPath, path);
    return misfit(w.out);
  }

  compare(doc: unknown, actual: unknown, docPath: KeyPath, path: KeyPath): void {
    if (path.length === 0 && this.anchor.length === 0) this.reader = readerEntries(actual);
    if (isMapping(doc)) {
      if (Array.isArray(actual) && this.options.excerpt && Object.keys(doc).some(isElided)) return this.compareElidedItem(doc, actual, docPath, path);
      if (!isMapping(actual)) return this.push('wrong-value', docPath, path, `doc a mapping, actual ${show(actual)}`);
      for (const [k, v] of Object.entries(doc)) {
        if (isElidedParent(k) && v !== null && typeof v === 'object') this.compareBelow(v, actual, docPath.concat(k), path);
        if (isElided(k)) continue;
        if (k in actual) {
          this.compare(v, actual[k], docPath.concat(k), path.concat(k));
          continue;
        }
        const why = environmentKey(k, this.pageLevel > 0);
        const note = why ? ` (${why})` : '';
        this.push('missing-line', docPath.concat(k), path.concat(k), `missing in actual output (doc ${show(v)})${note}`, {
          expected: show(v),
          ...(why ? { environment: true } : {}),
        });
      }
      if (this.options.excerpt) return;
      for (const [k, v] of Object.entries(actual)) {
        if (k in doc) continue;
        this.push(
          'extra-line',
          docPath.concat(k),
          path.concat(k),
          `in actual output, not in the doc (${show(v)}); added by the cluster or a newer version, the doc may be stale`,
          {
            actual: show(v),
            stale: true,
          },
        );
      }
      return;
    }
    if (Array.isArray(doc)) {
      if (!Array.isArray(actual)) return this.push('wrong-value', docPath, path, `doc a list, actual ${show(actual)}`);
      this.compareList(doc, actual, docPath, path);
      return;
    }
    if (doc === null && this.options.excerpt && this.cutOff(docPath, actual)) return;
    const d = doc === null ? 'null' : String(doc);
    const a = actual === null || actual === undefined ? String(actual) : typeof actual === 'object' ? show(actual) : String(actual);
    const leaf = [...path].reverse().find((s): s is string => typeof s === 'string');
    const time = doc === null ? stateTimeOf(path, actual) : undefined;
    // An older kubelet's unset time is a value the doc predates, like a field a newer version adds.
    if (time?.docNull === 'stale') return this.push('extra-line', docPath, path, `doc null, actual ${show(a)} (${time.why})`, { actual: a, stale: true });
    const m = this.bindings.matchValue(d, a, contextOf(this.anchor.concat(docPath)) ?? leaf);
    if (m.ok) return this.bindings.addAll(this.looseLevel > 0 ? m.bindings.map((b) => ({ ...b, loose: true })) : m.bindings);
    const env = environmentKey(leaf, this.pageLevel > 0);
    const why = env ?? m.conflict ?? time?.why;
    this.push('wrong-value', docPath, path, `doc ${show(d)}, actual ${show(a)}${why ? ` (${why})` : ''}`, {
      expected: d,
      actual: a,
      ...(env ? { environment: true } : {}),
    });
  }

  /**
   * A bare `key:` in an excerpt where the cluster has a mapping or list under that key: the page
   * cut its output there (`strategy: … template:` and nothing after). kubectl never prints a
   * null as a bare key (it writes `key: null`), so this is no value to compare.
   */
  private cutOff(docPath: KeyPath, actual: unknown): boolean {
    const filled = isMapping(actual) ? Object.keys(actual).length > 0 : Array.isArray(actual) && actual.length > 0;
    const text = this.lines[lineOfPath(this.lines, docPath)] ?? '';
    const key = docPath[docPath.length - 1];
    return filled && typeof key === 'string' && new RegExp(`^\\s*(?:-\\s+)?["']?${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}["']?:\\s*$`).test(text);
  }

  /**
   * A mapping with `...` where the cluster has a list (`containers:` then `...` then
   * `resources:`): the `...` hides the item's `- name:` line, so the mapping is one item, compared
   * with the item it differs least from.
   */
  private compareElidedItem(doc: Record<string, unknown>, actual: unknown[], docPath: KeyPath, path: KeyPath): void {
    let best = Infinity;
    let k = -1;
    actual.forEach((a, j) => {
      if (best === 0) return;
      const score = this.trial(doc, a, docPath, path.concat(j));
      if (score < best) [best, k] = [score, j];
    });
    if (k < 0) return this.push('missing-line', docPath, path, `list item missing in actual output (doc ${show(doc)})`);
    this.compare(doc, actual[k], docPath, path.concat(k));
  }

  /**
   * Lines the doc shows after a `...` that elided their parents (`...` at column 0, then
   * `  containerStatuses:`): compared at the node below this one they differ least from, the
   * shallowest on a tie — the nearest place consistent with the doc. With no such node they are
   * compared here, so what the cluster does not have is still missing.
   */
  private compareBelow(doc: object, actual: Record<string, unknown>, docPath: KeyPath, path: KeyPath): void {
    const keys = isMapping(doc) ? Object.keys(doc).filter((k) => !isElided(k)) : [];
    const near = this.shownParent(docPath);
    let best = Infinity;
    let at: { node: unknown; path: KeyPath } = { node: actual, path: [] };
    for (const c of candidates(actual, Array.isArray(doc), keys)) {
      // Equal fits go to the place under the key the doc shows last above these lines.
      const score = this.trial(doc, c.node, docPath, path.concat(c.path)) * 2 + (near !== undefined && c.path.includes(near) ? 0 : 1);
      if (score < best) [best, at] = [score, c];
      if (best === 0) break;
    }
    this.compare(doc, at.node, docPath, path.concat(at.path));
  }

  /** The key of the nearest doc line above an elided parent that is less indented than the lines it holds. */
  private shownParent(docPath: KeyPath): string | undefined {
    const at = lineOfPath(this.lines, docPath);
    const held = this.lines.slice(at + 1).find((l) => l.trim() !== '');
    if (held === undefined) return undefined;
    const indent = held.length - held.trimStart().length;
    for (let i = at - 1; i >= 0; i--) {
      const l = this.lines[i]!;
      // Placeholders (raw, or JSON-escaped in the parsed text) are no lines the doc shows.
      if (l.trim() === '' || l.includes('\u0000') || l.includes('\\u0000') || isElision(l)) continue;
      const m = /^(\s*)(?:-\s+)?["']?([^"':\s][^"':]*)["']?:(?:\s|$)/.exec(l);
      if (m && m[1]!.length < indent) return m[2];
    }
    return undefined;
  }

  /** Pairs doc items with actual ones: by identity, else (excerpts) by fewest differences, else by index. */
  private pairList(
    items: { item: unknown; i: number }[],
    actual: unknown[],
    docPath: KeyPath,
    path: KeyPath,
  ): { pairs: Map<number, number>; loose: Set<number> } {
    const pairs = new Map<number, number>();
    const loose = new Set<number>();
    const used = new Set<number>();
    const key = itemKey(items.map((x) => x.item));
    // An item whose identity the actual list shows as it is pairs with that one first, so a name
    // a normalizer lets stand for any (an installer's context name) does not take the item of a
    // name the page made itself (`dev`) just because it comes first.
    const exact = new Map<number, number>();
    if (key !== undefined) {
      for (const { item, i } of items) {
        const j = actual.findIndex((a, j) => ![...exact.values()].includes(j) && key.of(a) === key.of(item));
        if (j >= 0) exact.set(i, j);
      }
      for (const j of exact.values()) used.add(j);
    }
    for (const { item, i } of items) {
      let k = exact.get(i) ?? -1;
      if (k >= 0) {
        pairs.set(i, k);
        continue;
      }
      if (key !== undefined) {
        const name = String(key.of(item));
        const context = contextOf(this.anchor.concat(docPath, i, key.key)) ?? key.key;
        const fits = (mode: FitMode) => (a: unknown, j: number) =>
          !used.has(j) && typeof key.of(a) === 'string' && this.bindings.matchValue(name, String(key.of(a)), context, mode).ok;
        k = actual.findIndex(fits('strict'));
        if (k < 0) k = actual.findIndex(fits('reverse'));
        // Items alike by identity (pods with random names) pair by chance: see Binding.loose.
        if (k >= 0 && actual.some((a, j) => j !== k && fits('reverse')(a, j))) loose.add(i);
      }
      // In an excerpt an item no identity pairs goes to the item it differs least from, so a
      // renamed container reads as a wrong name, and the fragment finds the right list.
      if (k < 0 && this.options.excerpt) {
        let best = Infinity;
        actual.forEach((a, j) => {
          if (used.has(j) || best === 0) return;
          const score = this.trial(item, a, docPath.concat(i), path.concat(j));
          if (score < best) [best, k] = [score, j];
        });
      } else if (key === undefined) k = i < actual.length ? i : -1;
      if (k >= 0) {
        pairs.set(i, k);
        used.add(k);
      }
    }
    return { pairs, loose };
  }

  private compareList(doc: unknown[], actual: unknown[], docPath: KeyPath, path: KeyPath): void {
    const items = doc.flatMap((item, i) => (isElided(item) ? [] : [{ item, i }]));
    const elided = items.length < doc.length || this.options.looseLists;
    const { pairs, loose } = this.pairList(items, actual, docPath, path);
    for (const { item, i } of items) {
      const k = pairs.get(i);
      const installer = installerEntry(this.anchor.concat(docPath), item);
      const made = pageEntry(this.anchor.concat(docPath), item);
      if (installer) this.installerLevel++;
      if (made) this.pageLevel++;
      if (k === undefined) this.push('missing-line', docPath.concat(i), path.concat(i), `list item missing in actual output (doc ${show(item)})`);
      else {
        if (loose.has(i)) this.looseLevel++;
        this.compare(item, actual[k], docPath.concat(i), path.concat(k));
        if (loose.has(i)) this.looseLevel--;
      }
      if (installer) this.installerLevel--;
      if (made) this.pageLevel--;
    }
    if (elided) return;
    const byIndex = itemKey(items.map((x) => x.item)) === undefined && !this.options.excerpt;
    const stale = path[0] === 'status';
    const used = new Set(pairs.values());
    const listPath = this.anchor.concat(docPath);
    const kubeconfigList = listPath.length === 1 && typeof listPath[0] === 'string' && listPath[0] in KUBECONFIG_LISTS;
    actual.forEach((item, j) => {
      if (used.has(j) || (byIndex && j < doc.length)) return;
      const name = isMapping(item) ? item['name'] : undefined;
      const readers = kubeconfigList && typeof name === 'string' && this.reader.has(name);
      this.push('extra-line', docPath, path.concat(j), `list item in actual output, not in the doc (${show(item)})${readers ? ` (${READER_ENTRY})` : ''}`, {
        actual: show(item),
        ...(stale ? { stale } : {}),
        ...(readers ? { environment: true } : {}),
      });
    });
  }
}

/** Every mapping (or list) of the actual document, shallowest first, with its path. */
function candidates(actual: unknown, wantList: boolean, keys: readonly string[]): { node: unknown; path: KeyPath }[] {
  const out: { node: unknown; path: KeyPath }[] = [];
  const queue: { node: unknown; path: KeyPath }[] = [{ node: actual, path: [] }];
  while (queue.length > 0 && out.length < 500) {
    const { node, path } = queue.shift()!;
    if (Array.isArray(node)) {
      if (wantList) out.push({ node, path });
      node.forEach((n, i) => queue.push({ node: n, path: path.concat(i) }));
    } else if (isMapping(node)) {
      if (!wantList && keys.some((k) => k in node)) out.push({ node, path });
      for (const [k, v] of Object.entries(node)) queue.push({ node: v, path: path.concat(k) });
    }
  }
  return out;
}

/**
 * Compares a doc document with the actual one by key path; volatile values normalized per key.
 * A whole object is compared from the root; an excerpt (`spec:\n  containers: …`, just
 * `resources:`, a list item, JSON cut off) where it occurs in the actual document: at the mapping
 * or list where it has the fewest differences, the shallowest on a tie.
 */
export function compareStructured(
  origin: DocOrigin,
  docLines: readonly string[],
  doc: unknown,
  actual: unknown,
  bindings: BindingSet,
  options: StructuredOptions = WHOLE,
  shown: readonly string[] = docLines,
): Difference[] {
  const walk = (node: unknown, path: KeyPath, set: BindingSet) => {
    const w = new Walker(origin, docLines, shown, set, options, path);
    w.compare(doc, node, [], path);
    return w.out;
  };
  let anchor: { node: unknown; path: KeyPath } = { node: actual, path: [] };
  if (options.excerpt) {
    const keys = isMapping(doc) ? Object.keys(doc).filter((k) => !isElided(k)) : [];
    let best = Infinity;
    for (const c of candidates(actual, Array.isArray(doc), keys)) {
      const score = misfit(walk(c.node, c.path, bindings.fork()));
      if (score < best) [best, anchor] = [score, c];
      if (best === 0) break;
    }
  }
  return walk(anchor.node, anchor.path, bindings);
}
