/**
 * Limits on decoded request bodies, so a small body cannot make the server expand or recurse
 * without bound. They follow the API server's decoders: go-yaml's alias-ratio heuristic (the
 * CVE-2019-11253 fix: "document contains excessive aliasing"), and a nesting-depth limit
 * (go-yaml and encoding/json stop at 10,000 levels).
 */

/**
 * The deepest nesting the simulator accepts. The real decoders allow 10,000 levels, but the
 * simulator's JavaScript (structuredClone, validation, merge patches) runs out of stack well
 * before that; no Kubernetes object comes near this depth.
 */
export const MAX_DEPTH = 1000;

/** go-yaml's alias-ratio bounds: below the low end 99% of decodes may come from aliases, at the high end 10%. */
const RATIO_LOW = 400_000;
const RATIO_HIGH = 4_000_000;

/** The share of decodes go-yaml lets aliases account for, at this many decodes. */
export function allowedAliasRatio(decodes: number): number {
  if (decodes <= RATIO_LOW) return 0.99;
  if (decodes >= RATIO_HIGH) return 0.1;
  return 0.99 - 0.89 * ((decodes - RATIO_LOW) / (RATIO_HIGH - RATIO_LOW));
}

const excessive = (aliases: number, decodes: number) => aliases > 100 && decodes > 1000 && aliases / decodes > allowedAliasRatio(decodes);

/** Why a decoded value breaks a limit. */
export type LimitProblem = 'excessive aliasing' | 'too deep' | 'self reference';

type Container = Record<string, unknown> | unknown[];
const isContainer = (v: unknown): v is Container => v !== null && typeof v === 'object';

/**
 * Checks a value decoded from YAML (js-yaml hands an alias back as the same object, so a repeated
 * object is an alias) the way go-yaml counts its work: every node decoded, mapping keys and the
 * document node included, and every decode made inside an alias's expansion. The count is made
 * on the shared structure, without expanding it: an alias adds its target's expanded size at
 * once. Because decodes inside an expansion raise the alias share and nothing else does, checking
 * after each alias gives go-yaml's verdict. Scalar aliases cannot be told apart from plain
 * scalars here and count as plain ones.
 */
export function checkYamlValue(value: unknown): LimitProblem | undefined {
  const sizes = new Map<Container, number>();
  const inProgress = new Set<Container>();
  // Expanded size (decodes) of a container. Aliases inside an expansion were met (and their
  // targets sized) earlier in the document, so the recursion only walks one anchor's own tree.
  const sizeOf = (v: Container): number => {
    const known = sizes.get(v);
    if (known !== undefined) return known;
    if (inProgress.has(v)) throw SELF;
    inProgress.add(v);
    const children = Array.isArray(v) ? v : Object.values(v);
    let n = 1 + (Array.isArray(v) ? 0 : children.length);
    for (const c of children) n = Math.min(n + (isContainer(c) ? sizeOf(c) : 1), Number.MAX_SAFE_INTEGER);
    inProgress.delete(v);
    sizes.set(v, n);
    return n;
  };

  let decodes = 1; // the document node
  let aliases = 0;
  const defined = new Set<Container>();
  try {
    // Walks the document as written (anchors' definitions once), iteratively so depth costs no stack.
    const stack: { v: unknown; depth: number }[] = [{ v: value, depth: 1 }];
    while (stack.length > 0) {
      const { v, depth } = stack.pop()!;
      decodes += 1;
      if (!isContainer(v)) continue;
      if (depth > MAX_DEPTH) return 'too deep';
      if (defined.has(v)) {
        // An alias: its node, then its target expanded, all inside the alias.
        const size = sizeOf(v);
        decodes += size;
        aliases += size;
        if (excessive(aliases, decodes)) return 'excessive aliasing';
        continue;
      }
      defined.add(v);
      const children = Array.isArray(v) ? v : Object.values(v);
      if (!Array.isArray(v)) decodes += children.length;
      for (let i = children.length - 1; i >= 0; i--) stack.push({ v: children[i], depth: depth + 1 });
    }
  } catch (error) {
    if (error === SELF) return 'self reference';
    throw error;
  }
  return excessive(aliases, decodes) ? 'excessive aliasing' : undefined;
}

const SELF = Symbol('self reference');

/** Whether a value (from JSON.parse, so a tree) nests deeper than MAX_DEPTH; iterative, so any depth is safe to ask about. */
export function tooDeep(value: unknown): boolean {
  const stack: { v: unknown; depth: number }[] = [{ v: value, depth: 1 }];
  while (stack.length > 0) {
    const { v, depth } = stack.pop()!;
    if (!isContainer(v)) continue;
    if (depth > MAX_DEPTH) return true;
    for (const c of Array.isArray(v) ? v : Object.values(v)) if (isContainer(c)) stack.push({ v: c, depth: depth + 1 });
  }
  return false;
}
