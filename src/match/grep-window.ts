import type { AlignOp } from './align.js';
import type { BindingSet } from './bindings.js';
import { alignOrdered, extraLine, keysOf, missingLine, pairUp, squeeze, wrongLine, type DocOrigin, type Gap } from './compare-lines.js';
import type { GrepContext } from './grep-command.js';
import { lineKey, type Line } from './lines.js';
import type { Difference } from './types.js';

type Edge = 'leading' | 'trailing';

/** grep prints `--` between groups of context lines that do not touch. */
const isSeparator = (line: Line | undefined) => line?.text.trim() === '--';

/** How the doc names the window in messages: `grep -C 5`, `grep -B 2 -A 3`, `grep -A 3`. */
function windowName(grep: GrepContext): string {
  if (grep.before === grep.after) return `grep -C ${grep.before}`;
  return ['grep', grep.before > 0 ? `-B ${grep.before}` : '', grep.after > 0 ? `-A ${grep.after}` : ''].filter(Boolean).join(' ');
}

/**
 * Where a gap lies in its context group: before the group's first aligned line (at the start of
 * the output or right after a `--`), after its last one, or undefined when inside (or both, or
 * next to a `...` line, which hides where the group's lines are).
 */
function edgeOf(gap: Gap, doc: readonly Line[]): Edge | undefined {
  if (gap.prev?.op === 'elided' || gap.next?.op === 'elided') return undefined;
  const bounds = (op: AlignOp | undefined) => op === undefined || (op.op === 'match' && isSeparator(doc[op.e]));
  const leading = bounds(gap.prev);
  const trailing = bounds(gap.next);
  if (leading === trailing) return undefined;
  return leading ? 'leading' : 'trailing';
}

/**
 * The gaps at group edges when the outputs differ only as a moved grep window does, else undefined:
 * every hit line (doc and actual) aligned, doc lines missing only at the edges of a group, and no
 * edge with more unaligned lines than the context grep prints on that side.
 */
function edgeGaps(doc: readonly Line[], actual: readonly Line[], ops: readonly AlignOp[], gaps: readonly Gap[], grep: GrepContext): Set<Gap> | undefined {
  const alignedDoc = new Set<number>();
  const alignedActual = new Set<number>();
  for (const op of ops) {
    if (op.op !== 'match') continue;
    alignedDoc.add(op.e);
    alignedActual.add(op.a);
  }
  const docHits = doc.flatMap((l, e) => (grep.hit.test(l.text) ? [e] : []));
  if (docHits.length === 0 || docHits.some((e) => !alignedDoc.has(e))) return undefined;
  if (actual.some((l, a) => grep.hit.test(l.text) && !alignedActual.has(a))) return undefined;
  const edges = new Set<Gap>();
  for (const gap of gaps) {
    const edge = edgeOf(gap, doc);
    if (edge === undefined) {
      if (gap.missing.length > 0) return undefined;
      continue;
    }
    const size = edge === 'leading' ? grep.before : grep.after;
    if (gap.missing.length > size || gap.extra.length > size) return undefined;
    edges.add(gap);
  }
  return edges;
}

/**
 * Differences of a gap at a window's edge: lines pushed out of the window and lines pulled in,
 * flagged stale. A doc line and an actual line about the same key are still a wrong value.
 */
function movedLines(origin: DocOrigin, gap: Gap, grep: GrepContext, docKeys: Set<string>): Difference[] {
  const why = `${windowName(grep)} window: the window moved because the cluster prints fields the doc lacks`;
  const out: Difference[] = [];
  const used = new Set<number>();
  for (const m of gap.missing) {
    const key = lineKey(m.text);
    const k = key === undefined ? -1 : gap.extra.findIndex((x, i) => !used.has(i) && lineKey(x.text) === key);
    if (k >= 0) {
      used.add(k);
      out.push(wrongLine(origin, m, gap.extra[k]!.text));
    } else {
      out.push({ ...missingLine(origin, m), message: `missing in actual output: ${squeeze(m.text)} (outside the ${why})`, stale: true });
    }
  }
  gap.extra.forEach((x, i) => {
    if (used.has(i)) return;
    const d = extraLine(origin, x.after, x.text, docKeys);
    out.push({ ...d, message: `extra in actual output: ${squeeze(x.text)} (pulled into the ${why})`, stale: true });
  });
  return out;
}

/**
 * Ordered line comparison of grep output with context lines (`grep nodePort -C 5`). grep prints
 * a fixed number of lines around each hit, so when a newer cluster prints fields inside a window
 * the doc's edge lines fall out of it and other lines come in. When every hit line is in both
 * outputs and the doc lacks lines only at the edges of its groups, those edge lines are reported
 * stale instead of wrong; otherwise the comparison is the plain ordered one.
 */
export function compareGrepWindow(origin: DocOrigin, doc: Line[], actual: Line[], grep: GrepContext, bindings: BindingSet): Difference[] {
  const { ops, gaps } = alignOrdered(doc, actual, bindings);
  const docKeys = keysOf(doc);
  const edges = edgeGaps(doc, actual, ops, gaps, grep);
  return gaps.flatMap((gap) => (edges?.has(gap) ? movedLines(origin, gap, grep, docKeys) : pairUp(origin, gap.missing, gap.extra, docKeys, true, bindings)));
}
