import { expect, test } from 'vitest';
import type { Normalizer } from '../../../src/match/normalizers/index.js';
import { compileTemplate, matchValue } from '../../../src/match/template.js';

/** One case: doc text, actual text, whether they match, and the column/field they are in. */
export type Case = [doc: string, actual: string, matches: boolean, context?: string];

/**
 * Table-driven normalizer test: each case is matched as a whole value; a matching case whose
 * doc and actual differ must have been tolerated by this normalizer.
 */
export function normalizerCases(normalizer: Normalizer, cases: Case[]): void {
  test(`${normalizer.id}: actual patterns have no capturing groups`, () => {
    for (const [doc] of cases) {
      const source = normalizer.actual(doc);
      expect(new RegExp(`${source}|`).exec('')?.length, source).toBe(1);
    }
  });
  test.each(cases)(`${normalizer.id}: %j vs %j → %s (%s)`, (doc, actual, matches, context) => {
    expect(matchValue(doc, actual, context).ok).toBe(matches);
    expect(matchValue(doc, doc, context).ok).toBe(true);
    if (matches && doc !== actual) {
      const ids = compileTemplate(doc, context).slots.map((s) => s.normalizer.id);
      expect(ids).toContain(normalizer.id);
    }
  });
}
