/**
 * What a reader's terminal shows of programs that print differently when their output is not a
 * terminal. The runner reads a step's output through a pipe; a reader sees it on a terminal.
 * curl prints its progress meter (to stderr) only when the body does not go to the terminal, so
 * a plain `curl URL` shows just the body there; run through a pipe it adds the meter. For such a
 * program whose standard output is the terminal as the doc writes the line, the runner adds the
 * program's own switch that turns off just that (errors are still printed).
 */
import { parseCommandLine, redirectedFiles, type SimpleCommand } from '../../shell/index.js';
import type { Rewrite } from '../types.js';

/** Programs whose output on a terminal differs from their output into a pipe, and how to quiet the difference. */
export const TERMINAL_QUIET: Readonly<Record<string, { add: string; already: readonly RegExp[]; output: readonly RegExp[]; why: string }>> = {
  curl: {
    // curl ≥ 7.67: hides the progress meter and keeps error messages.
    add: '--no-progress-meter',
    // -s/--silent, or any short-flag cluster holding s; -# and --progress-bar draw a bar on a terminal too.
    already: [/^--(?:silent|no-progress-meter|progress-bar)$/, /^-[a-zA-Z#]*[s#][a-zA-Z#]*$/],
    // The body written to a file: the meter then shows on a terminal as well.
    output: [/^--(?:output|remote-name|remote-name-all|output-dir)(?:=|$)/, /^-[a-zA-Z]*[oO][a-zA-Z]*$/],
    why: "curl prints its progress meter only when its output is not a terminal; in a reader's terminal the line shows no meter",
  },
};

/** True when the command's standard output is the terminal, as the doc writes it. */
function stdoutIsTerminal(sc: SimpleCommand, text: string): boolean {
  if (sc.terminator === '|' || sc.terminator === '|&') return false;
  if (sc.inside.some((e) => e === '$(' || e === '<(')) return false;
  if (redirectedFiles(sc, { stdoutOnly: true }).length > 0) return false;
  // A loop or group whose output is piped or redirected as a whole.
  if (sc.inside.length && /\b(?:done|fi|esac)\s*(?:\||>)|[})]\s*(?:\||>)/.test(text.slice(sc.end))) return false;
  return true;
}

/** Adds the quieting switch to each such program whose output is the terminal. */
export function quietForTerminal(command: string): { command: string; rewrites: Rewrite[] } {
  const parsed = parseCommandLine(command);
  const edits: { at: number; add: string; why: string }[] = [];
  for (const sc of parsed.commands) {
    const rule = TERMINAL_QUIET[sc.name];
    if (!rule || !sc.program) continue;
    const args = sc.args.map((a) => a.value);
    if (args.some((a) => rule.already.some((r) => r.test(a)) || rule.output.some((r) => r.test(a)))) continue;
    if (!stdoutIsTerminal(sc, command)) continue;
    edits.push({ at: sc.program.end, add: rule.add, why: rule.why });
  }
  if (edits.length === 0) return { command, rewrites: [] };
  let out = command;
  for (const e of [...edits].sort((a, b) => b.at - a.at)) out = `${out.slice(0, e.at)} ${e.add}${out.slice(e.at)}`;
  return { command: out, rewrites: [{ kind: 'interactive', from: command, to: out, reason: edits[0]!.why }] };
}
