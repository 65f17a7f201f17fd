import { diagnostic, type Diagnostic } from '../diag/diagnostic.js';
import type { Plan } from '../plan/types.js';
import { spanPosition } from './command-model.js';
import { dataRanges, parseCommandLine } from '../shell/index.js';
import type { LintContext } from './context.js';
import { TYPOGRAPHIC_CHARS, type TypographicChar } from './data/typography.js';

/** Finds the characters of one typographic rule in every command, with a mechanical fix. */
export function checkTypography(ruleId: TypographicChar['rule'], _plan: Plan, ctx: LintContext): Diagnostic[] {
  const table = new Map(TYPOGRAPHIC_CHARS.filter((t) => t.rule === ruleId).map((t) => [t.char, t]));
  const out: Diagnostic[] = [];
  for (const step of ctx.commands) {
    const text = step.command;
    const data = dataRanges(parseCommandLine(text));
    for (let i = 0; i < text.length; i++) {
      const entry = table.get(text[i]!);
      if (!entry || data.some(([a, b]) => i > a && i < b - 1)) continue;
      // `it’s`: an apostrophe between letters is prose, not a quote.
      if (entry.char === '\u2019' && /\p{L}/u.test(text[i - 1] ?? '') && /\p{L}/u.test(text[i + 1] ?? '')) continue;
      const replacement = entry.replacement === 'dash-flag' ? dashFor(text, i) : entry.replacement;
      const range = spanPosition(step, i, i + 1);
      const shown = replacement === '--' || replacement === '-' ? replacement : `${replacement}`;
      out.push(
        diagnostic(ruleId, 'error', range, `${entry.name} (${entry.char}) in a command where \`${shown}\` was meant; the shell passes it through literally`, {
          stepId: step.id,
          actual: entry.char,
          expected: replacement,
          fix: { description: `replace ${entry.name} with \`${replacement}\``, range, replacement },
        }),
      );
    }
  }
  return out;
}

/**
 * `–o wide` was `-o wide`; `–namespace x` and a lone `–` were `--`; next to a hyphen (`–-image`,
 * `-–image`) the pair was `--`, so the en dash stands for one hyphen.
 */
function dashFor(text: string, i: number): string {
  if (text[i + 1] === '-' || text[i - 1] === '-') return '-';
  const after = text.slice(i + 1);
  return /^[A-Za-z](?![A-Za-z0-9-])/.test(after) ? '-' : '--';
}
