import { diffArrays } from 'diff';

/** One step of an alignment of doc items with actual items. */
export type AlignOp =
  | { op: 'match'; e: number; a: number }
  | { op: 'missing'; e: number }
  | { op: 'extra'; a: number }
  /** An actual item covered by a doc elision (`...`). */
  | { op: 'elided'; e: number; a: number };

/** The cost of a doc item left missing and of an actual item left extra. */
const MISSING = 2;
const EXTRA = 1;

/** Alignments beyond this many cell comparisons fall back to a Myers diff without elision. */
const MAX_CELLS = 1_500_000;

/**
 * Aligns doc items with actual items at the least cost: a doc item left missing costs two, an
 * actual item left extra one, so an alignment that finds more of the doc's items wins over one
 * that lets an elision swallow them (an extra line is often a field the doc predates; a missing
 * one is what the doc claims). Elision items match any run of actual items (also none). `matches`
 * is called at most once per pair.
 */
export function align(n: number, m: number, matches: (e: number, a: number) => boolean, isElision: (e: number) => boolean): AlignOp[] {
  if (n * m > MAX_CELLS) return alignLarge(n, m, matches, isElision);
  const memo = new Int8Array(n * m);
  const eq = (e: number, a: number): boolean => {
    const k = e * m + a;
    if (memo[k] === 0) memo[k] = matches(e, a) ? 1 : 2;
    return memo[k] === 1;
  };
  const w = m + 1;
  const dp = new Int32Array((n + 1) * w);
  for (let j = m - 1; j >= 0; j--) dp[n * w + j] = m - j;
  for (let i = n - 1; i >= 0; i--) {
    const elision = isElision(i);
    dp[i * w + m] = (dp[(i + 1) * w + m] ?? 0) + (elision ? 0 : MISSING);
    for (let j = m - 1; j >= 0; j--) {
      const down = dp[(i + 1) * w + j] ?? 0;
      const right = dp[i * w + j + 1] ?? 0;
      if (elision) dp[i * w + j] = Math.min(down, right);
      else {
        let best = Math.min(MISSING + down, EXTRA + right);
        if (best > 0 && eq(i, j)) best = Math.min(best, dp[(i + 1) * w + j + 1] ?? 0);
        dp[i * w + j] = best;
      }
    }
  }
  const ops: AlignOp[] = [];
  let i = 0;
  let j = 0;
  const at = (x: number, y: number) => dp[x * w + y] ?? 0;
  while (i < n || j < m) {
    if (i === n) ops.push({ op: 'extra', a: j++ });
    else if (isElision(i)) {
      if (j === m || at(i, j) === at(i + 1, j)) i++;
      else ops.push({ op: 'elided', e: i, a: j++ });
    } else if (j === m) ops.push({ op: 'missing', e: i++ });
    else if (at(i, j) === at(i + 1, j + 1) && eq(i, j)) ops.push({ op: 'match', e: i++, a: j++ });
    else if (at(i, j) === MISSING + at(i + 1, j)) ops.push({ op: 'missing', e: i++ });
    else ops.push({ op: 'extra', a: j++ });
  }
  return ops;
}

/** Myers diff (jsdiff) for very long outputs; with an elision anywhere, extra items are tolerated. */
function alignLarge(n: number, m: number, matches: (e: number, a: number) => boolean, isElision: (e: number) => boolean): AlignOp[] {
  const doc = [...Array(n).keys()].filter((e) => !isElision(e));
  const elided = doc.length < n;
  const changes = diffArrays<{ side: 'e' | 'a'; i: number }>(
    doc.map((i) => ({ side: 'e', i })),
    [...Array(m).keys()].map((i) => ({ side: 'a', i })),
    { comparator: (x, y) => matches(x.side === 'e' ? x.i : y.i, x.side === 'a' ? x.i : y.i) },
  );
  const ops: AlignOp[] = [];
  let d = 0;
  for (const c of changes) {
    for (const item of c.value) {
      if (c.added) ops.push(elided ? { op: 'elided', e: -1, a: item.i } : { op: 'extra', a: item.i });
      else if (c.removed) ops.push({ op: 'missing', e: item.i });
      else ops.push({ op: 'match', e: doc[d] ?? 0, a: item.i });
      if (!c.added) d++;
    }
  }
  return ops;
}
