/**
 * Which shell variables a command line leaves set in the shell that runs it: bare assignments
 * (`URL=http://x`) and the declaring builtins' arguments (`export TOKEN=…`, `declare -x A`,
 * `readonly B=1`), each marked exported or not and valued or not. Not what a subshell sets
 * (`( A=1 )`, `$(A=1)`, a pipeline's parts, a background job, a function's body), nor a
 * program's environment (`A=1 cmd`, `env A=1 cmd`), nor a program's own arguments (`make A=1`).
 */
import type { CommandLine, Enclosure, SimpleCommand } from './types.js';
import { parseCommandLine } from './parse.js';

/** Builtins whose `NAME[=value]` arguments set shell variables. */
export const DECLARING_BUILTINS: ReadonlySet<string> = new Set(['export', 'readonly', 'declare', 'typeset', 'local']);

/** Constructs that run their commands in the same shell: what they set stays set after them. */
const SAME_SHELL: ReadonlySet<Enclosure> = new Set<Enclosure>(['{', 'if', 'for', 'while', 'until', 'case', 'select', 'time']);

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A variable a command line leaves set. */
export interface SetVariable {
  /** True when it is exported (`export`, `declare -x`): programs started later see it. */
  exported: boolean;
  /** True when the line gives it a value (`A=1`, `export A=1`), false for `export A` alone. */
  valued: boolean;
}

/** True when the command runs in a subshell of the line's shell: inside `( … )`, `$( … )`, a function, a pipeline or `&`; `previous` is the command before it at its level. */
function inSubshell(c: SimpleCommand, previous: SimpleCommand | undefined): boolean {
  if (c.inside.some((e) => !SAME_SHELL.has(e))) return true;
  // Every part of a pipeline runs in its own subshell (bash without `lastpipe`), as does a background job.
  if (c.background || c.terminator === '|' || c.terminator === '|&') return true;
  return previous !== undefined && (previous.terminator === '|' || previous.terminator === '|&');
}

/** The `-x` of `declare -x`/`typeset -rx`; `export -n` takes the export away. */
function exportsBy(c: SimpleCommand): boolean {
  if (c.name === 'export') return !c.args.some((a) => /^-\w*n/.test(a.value));
  return c.args.some((a) => /^-\w*x/.test(a.value));
}

/** The variables a command line leaves set in its own shell, by name, in the order first set. */
export function variablesSet(line: string | CommandLine): Map<string, SetVariable> {
  const parsed = typeof line === 'string' ? parseCommandLine(line) : line;
  const out = new Map<string, SetVariable>();
  const set = (name: string, exported: boolean, valued: boolean): void => {
    const before = out.get(name);
    out.set(name, { exported: exported || (before?.exported ?? false), valued: valued || (before?.valued ?? false) });
  };
  // The command before each one at its own level: `a | b` puts b in a pipeline whatever `a` holds (`echo $(x) | b`).
  const last = new Map<string, SimpleCommand>();
  for (const c of parsed.commands) {
    const level = c.inside.join(' ');
    const sub = inSubshell(c, last.get(level));
    last.set(level, c);
    if (sub) continue;
    if (!c.program) {
      for (const a of c.assignments) set(a.value.slice(0, a.value.indexOf('=')), false, true);
      continue;
    }
    // `sudo export A=1` runs no builtin of this shell.
    if (c.prefixes.length > 0 || !DECLARING_BUILTINS.has(c.name)) continue;
    // `declare -f NAME` names a function, not a variable.
    if (c.args.some((a) => /^-\w*[fF]/.test(a.value))) continue;
    const exported = exportsBy(c);
    for (const a of c.args) {
      const eq = a.value.indexOf('=');
      const name = eq >= 0 ? a.value.slice(0, eq) : a.value;
      if (NAME.test(name)) set(name, exported, eq >= 0);
    }
  }
  return out;
}
