import { checkTypography } from '../typography-check.js';
import type { LintRule } from '../types.js';

/** En/em dashes and similar in commands, where `--` or `-` was meant. */
export const typographicDash: LintRule = {
  id: 'typographic-dash',
  severity: 'error',
  description: 'A command contains an en/em dash or Unicode minus where `--` or `-` was meant.',
  check(plan, ctx) {
    return checkTypography('typographic-dash', plan, ctx);
  },
};
