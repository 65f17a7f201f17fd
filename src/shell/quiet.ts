/**
 * Whether a command line prints nothing when it works (assignments, `cd`, `mkdir`, `export A=1`,
 * output sent to a file): one answer for parse's two questions, "is this block the output of the
 * command before it?" and "is this assignment line another line of the reader's shell?".
 */
import { QUIET_COMMANDS } from './data/builtins.js';
import { outerCommands } from './outer.js';
import { redirectedFiles } from './redirects.js';
import type { SimpleCommand } from './types.js';

/**
 * The file a command line writes its output to (`> f`, `>> f`, `| tee f`, `-o yaml > f`), as
 * written; undefined for heredocs (their content is in the command), `2>` and `/dev/null`.
 */
export function stdoutFile(text: string): string | undefined {
  if (/<<-?\s*['"]?\w+/.test(text)) return undefined;
  const last = outerCommands(text).at(-1);
  if (!last) return undefined;
  if (last.program?.value === 'tee') return last.args.find((w) => !w.value.startsWith('-'))?.value;
  // The last redirection of standard output wins (`cmd > a > b` writes b).
  const file = redirectedFiles(last, { stdoutOnly: true }).pop()?.value;
  return file === '/dev/null' ? undefined : file;
}

/** True for a simple command that prints nothing when it works (a bare assignment, `cd`, `export A=1`). */
export function isQuietCommand(c: SimpleCommand): boolean {
  if (!c.program) return true;
  const quiet = QUIET_COMMANDS[c.program.value];
  if (quiet === 'with-arguments') return c.args.length > 0;
  // `cd -` prints the folder it goes back to.
  if (c.program.value === 'cd') return c.args[0]?.value !== '-';
  return quiet === 'always';
}

/** True when a command line prints nothing when it works: its output goes to a file, or every command of it is quiet. */
export function printsNothing(text: string): boolean {
  if (stdoutFile(text) !== undefined) return true;
  return outerCommands(text).every(isQuietCommand);
}
