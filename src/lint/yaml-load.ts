import yaml from 'js-yaml';

/** Largest manifest the linter parses; bigger ones are reported, not read. */
export const MAX_MANIFEST_BYTES = 1_000_000;
/** Largest expanded size (nodes, counting every alias expansion) a manifest may have. */
export const MAX_EXPANDED_NODES = 100_000;

/**
 * YAML as Kubernetes reads it: the core schema plus merge keys, and no timestamp type
 * (`creationTimestamp: 2016-02-18T19:14:38Z` stays a string, as the API expects).
 */
// js-yaml exports its built-in types at runtime; @types/js-yaml does not declare them.
const { merge } = (yaml as unknown as { types: { merge: yaml.Type } }).types;
const KUBERNETES_SCHEMA = yaml.CORE_SCHEMA.extend({ implicit: [merge] });

/** One document of a (possibly multi-document) manifest. */
export interface LoadedDocument {
  value: unknown;
  /** 0-based line in the manifest text where the document's content starts. */
  startLine: number;
  /** The document's own text. */
  text: string;
}

/** The outcome of loading one manifest's text. */
export type LoadResult =
  | { ok: true; documents: LoadedDocument[] }
  | {
      ok: false;
      reason: 'syntax' | 'too-large' | 'alias-bomb';
      message: string;
      /** 0-based line within the manifest text, when known. */
      line?: number;
      /** 0-based column, when known. */
      column?: number;
    };

/**
 * Loads YAML (or JSON, a YAML subset) with bounds: a size cap, js-yaml's nesting and merge-key
 * limits, and an expanded-size check so an alias bomb is reported instead of expanded later
 * by whatever walks the result.
 */
export function loadManifestText(text: string): LoadResult {
  if (text.length > MAX_MANIFEST_BYTES) {
    return { ok: false, reason: 'too-large', message: `manifest is ${text.length} bytes; the linter reads at most ${MAX_MANIFEST_BYTES}` };
  }
  const documents: LoadedDocument[] = [];
  for (const chunk of splitDocuments(text)) {
    let value: unknown;
    try {
      value = yaml.load(chunk.text, { schema: KUBERNETES_SCHEMA, maxDepth: 100, maxTotalMergeKeys: 1000 } as yaml.LoadOptions);
    } catch (error) {
      if (error instanceof yaml.YAMLException) {
        const result: LoadResult = { ok: false, reason: 'syntax', message: error.reason || error.message };
        if (error.mark) {
          result.line = chunk.startLine + error.mark.line;
          result.column = error.mark.column;
        }
        return result;
      }
      return { ok: false, reason: 'syntax', message: String(error), line: chunk.startLine };
    }
    if (value !== null && value !== undefined) documents.push({ value, startLine: chunk.startLine, text: chunk.text });
  }
  const size = expandedSize(
    documents.map((d) => d.value),
    MAX_EXPANDED_NODES,
  );
  if (size > MAX_EXPANDED_NODES) {
    const aliases = (text.match(/(^|[\s,[{:-])\*[^\s,\]}]+/g) ?? []).length;
    return {
      ok: false,
      reason: 'alias-bomb',
      message: `manifest expands to more than ${MAX_EXPANDED_NODES} nodes through ${aliases} YAML aliases (an alias bomb?)`,
    };
  }
  return { ok: true, documents };
}

/**
 * Counts nodes as if every alias were copied, without copying: shared subtrees are sized once
 * (memoized by identity), so this is linear in the number of distinct nodes. Stops at `limit`.
 */
export function expandedSize(root: unknown, limit: number): number {
  const memo = new Map<object, number>();
  const onPath = new Set<object>();
  const size = (node: unknown): number => {
    if (node === null || typeof node !== 'object') return 1;
    const cached = memo.get(node);
    if (cached !== undefined) return cached;
    // A node that contains itself would expand forever.
    if (onPath.has(node)) return limit + 1;
    onPath.add(node);
    let total = 1;
    const children = Array.isArray(node) ? node : Object.values(node as Record<string, unknown>);
    for (const child of children) {
      total += size(child);
      if (total > limit) break;
    }
    onPath.delete(node);
    memo.set(node, total);
    return total;
  };
  return size(root);
}

/** Splits a YAML stream at `---` lines, keeping each document's first line number. */
export function splitDocuments(text: string): Array<{ text: string; startLine: number }> {
  const lines = text.split('\n');
  const chunks: Array<{ text: string; startLine: number }> = [];
  let start = 0;
  for (let i = 0; i <= lines.length; i++) {
    if (i === lines.length || /^---(\s|$)/.test(lines[i]!)) {
      const body = lines.slice(start, i).join('\n');
      if (body.trim() !== '') chunks.push({ text: body, startLine: start });
      // `--- {a: 1}` carries content on the marker line itself.
      if (i < lines.length) {
        const rest = lines[i]!.slice(3);
        if (rest.trim() !== '' && !rest.trim().startsWith('#')) {
          lines[i] = ' '.repeat(3) + rest;
          start = i;
        } else start = i + 1;
      }
    }
  }
  return chunks;
}
