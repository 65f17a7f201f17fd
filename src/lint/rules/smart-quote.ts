import { checkTypography } from '../typography-check.js';
import type { LintRule } from '../types.js';

/** Curly quotes in commands, where straight quotes were meant. */
export const smartQuote: LintRule = {
  id: 'smart-quote',
  severity: 'error',
  description: 'A command contains curly quotes (“ ” ‘ ’) where straight quotes were meant.',
  check(plan, ctx) {
    return checkTypography('smart-quote', plan, ctx);
  },
};
