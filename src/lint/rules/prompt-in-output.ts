import { diagnostic, type Diagnostic } from '../../diag/diagnostic.js';
import { spanPosition } from '../command-model.js';
import { matchOutputPattern } from '../data/output-patterns.js';
import type { LintRule } from '../types.js';

/** A "command" that is really output shown with a prompt (`$ service/my-nginx exposed`). */
export const promptInOutput: LintRule = {
  id: 'prompt-in-output',
  severity: 'error',
  description: 'Output shown with a `$ ` prompt as if it were a command (`$ service/my-nginx exposed`).',
  check(_plan, ctx) {
    const out: Diagnostic[] = [];
    ctx.commands.forEach((step, index) => {
      const firstLine = step.command.split('\n')[0]!;
      const kind = matchOutputPattern(firstLine);
      if (!kind) return;
      const previous = ctx.commands[index - 1];
      const of = previous && previous.line < step.line ? ` of \`${previous.command.split('\n')[0]}\` (line ${previous.line})` : '';
      const text = spanPosition(step, 0, firstLine.length);
      const docLine = ctx.sourceLines?.[step.line - 1];
      const prompted = docLine === undefined || docLine.includes(`$ ${firstLine}`);
      // The prompt sits just before the command text; fixes re-find `$ …` on the line if not.
      const range = { ...text, column: Math.max(1, text.column - 2) };
      const message = prompted
        ? `\`${firstLine}\` is output${of} (${kind}), not a command; drop the prompt so it reads as output`
        : `\`${firstLine}\` is output${of} (${kind}) inside a command block; move it to an output block`;
      out.push(
        diagnostic(this.id, 'error', text, message, {
          stepId: step.id,
          actual: prompted ? `$ ${firstLine}` : firstLine,
          expected: firstLine,
          fix: prompted
            ? { description: 'remove the prompt so the line is shown as output', range, replacement: firstLine }
            : { description: 'move the line into the output block that follows the command' },
        }),
      );
    });
    return out;
  },
};
