import type { TypographicChar } from '../data/typography.js';
import { checkTypography } from '../typography-check.js';
import type { LintRule } from '../types.js';

/** The rule for one kind of character of the typography table, each found with a mechanical fix. */
function typographyRule(id: TypographicChar['rule'], description: string): LintRule {
  return { id, severity: 'error', description, check: (plan, ctx) => checkTypography(id, plan, ctx) };
}

/** En/em dashes and similar in commands, where `--` or `-` was meant. */
export const typographicDash = typographyRule('typographic-dash', 'A command contains an en/em dash or Unicode minus where `--` or `-` was meant.');

/** Curly quotes in commands, where straight quotes were meant. */
export const smartQuote = typographyRule('smart-quote', 'A command contains curly quotes (“ ” ‘ ’) where straight quotes were meant.');
