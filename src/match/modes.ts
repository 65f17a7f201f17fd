import { align } from './align.js';
import { pairUp, type DocOrigin } from './compare-lines.js';
import type { Line } from './lines.js';
import type { Difference } from './types.js';

/** `exact`: byte-equal after trailing whitespace and final newlines are trimmed; differences by line. */
export function compareExact(origin: DocOrigin, expected: string[], actual: string[]): Difference[] {
  const doc: Line[] = expected.map((text, index) => ({ text, index }));
  const ops = align(
    doc.length,
    actual.length,
    (e, a) => expected[e] === actual[a],
    () => false,
  );
  const out: Difference[] = [];
  let missing: Line[] = [];
  let extra: { text: string; after: Line | undefined }[] = [];
  let last: Line | undefined;
  const flush = () => {
    out.push(...pairUp(origin, missing, extra, new Set()));
    missing = [];
    extra = [];
  };
  for (const op of ops) {
    if (op.op === 'match') {
      flush();
      last = doc[op.e];
    } else if (op.op === 'missing') {
      missing.push(doc[op.e]!);
      last = doc[op.e];
    } else if (op.op === 'extra') extra.push({ text: actual[op.a] ?? '', after: last ?? doc[0] });
  }
  flush();
  return out;
}

/**
 * `regex`: the doc's text (trimmed) is a regular expression searched in the whole actual output,
 * with `^`/`$` matching at line boundaries.
 */
export function compareRegex(origin: DocOrigin, expected: string, actual: string): Difference[] {
  const source = expected.trim();
  let re: RegExp;
  try {
    re = new RegExp(source, 'm');
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return [{ kind: 'wrong-value', message: `the doc's regular expression is invalid: ${why}`, ...origin, expected: source }];
  }
  if (re.test(actual)) return [];
  return [{ kind: 'wrong-value', message: `actual output does not match the doc's regular expression /${source}/m`, ...origin, expected: source, actual }];
}
