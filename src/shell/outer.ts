/** The commands a line runs itself, as every stage that asks "what does this line run?" reads them. */
import { parseCommandLine } from './parse.js';
import type { CommandLine, SimpleCommand } from './types.js';

/**
 * The simple commands of a line outside `$(…)` and `<(…)` (those only compute a value for
 * another command), in source order; loops, lists, pipelines and subshells count. Also bare
 * assignments (no program).
 */
export function outerCommands(line: string | CommandLine): SimpleCommand[] {
  const parsed = typeof line === 'string' ? parseCommandLine(line) : line;
  return parsed.commands.filter((c) => !c.inside.includes('$(') && !c.inside.includes('<('));
}

/** The program and arguments of a simple command as plain values (`[]` for a bare assignment). */
export function commandWords(c: SimpleCommand): string[] {
  return c.program ? [c.program.value, ...c.args.map((a) => a.value)] : [];
}
