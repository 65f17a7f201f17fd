/**
 * Command lines that never end by design: an endless loop (`while true; do …; done`, also inside
 * the `sh -c` script a line hands a pod) or a command that runs until stopped (`kubectl
 * port-forward`, `tail -f`, a watch). The tables are `data/never-ending.ts`.
 */
import { ENDLESS_CONDITIONS, LOOP_EXITS, NEVER_ENDING_COMMANDS, SCRIPT_SHELLS, type NeverEndingCommand } from './data/never-ending.js';
import { kubectlCall } from './kubectl.js';
import { parseCommandLine } from './parse.js';
import type { CommandLine, ShellLoop, SimpleCommand } from './types.js';

/** Why a command line never ends: an endless loop, or a command that runs until stopped. */
export interface NeverEnds {
  kind: 'loop' | 'command';
  /** What runs until stopped, for reasons shown to the user. */
  what: string;
}

/** True when the loop's condition never changes and nothing in its body leaves it. */
export function isEndlessLoop(loop: ShellLoop): boolean {
  if (loop.body.some((c) => LOOP_EXITS.has(c.name))) return false;
  if (loop.kind === 'for') return loop.noCondition === true;
  const last = loop.condition[loop.condition.length - 1];
  if (!last || loop.condition.some((c) => c.terminator === '|')) return false;
  const args = last.args.map((a) => a.value);
  return ENDLESS_CONDITIONS[loop.kind].some((r) => r.program === last.name && (r.args === undefined || r.args.join(' ') === args.join(' ')));
}

/** Whether a loop never ends, said plainly. */
function loopText(loop: ShellLoop, line: CommandLine): string {
  if (loop.kind === 'for') return 'an endless `for ((;;))` loop';
  const condition = line.text.slice(loop.condition[0]!.start, loop.condition[loop.condition.length - 1]!.end);
  return `an endless \`${loop.kind} ${condition}\` loop`;
}

function flagGiven(c: SimpleCommand, row: NeverEndingCommand, names: readonly string[]): boolean {
  const k = kubectlCall(c);
  if (k) return names.some((n) => (k.flags.get(n) ?? []).some((f) => f.value === true || f.value === 'true'));
  const words = c.args.map((a) => a.value);
  if (names.some((n) => words.includes(n) || words.some((w) => w.startsWith(`${n}=`)))) return true;
  const letters = row.shortLetters;
  return letters !== undefined && words.some((w) => /^-[A-Za-z0-9]+$/.test(w) && [...letters].some((l) => w.includes(l)));
}

function subcommand(c: SimpleCommand): string | undefined {
  const k = kubectlCall(c);
  if (k) return k.path[0]?.value;
  return c.args.find((a) => !a.value.startsWith('-'))?.value;
}

/** The row of `NEVER_ENDING_COMMANDS` a simple command is (a `watch` prefix counts as `watch`). */
function neverEndingRow(c: SimpleCommand): NeverEndingCommand | undefined {
  if (c.prefixes.some((p) => p.value === 'watch')) return NEVER_ENDING_COMMANDS.find((r) => r.program === 'watch');
  return NEVER_ENDING_COMMANDS.find(
    (r) =>
      r.program === c.name &&
      (r.sub === undefined || r.sub.includes(subcommand(c) ?? '')) &&
      (r.flags === undefined || flagGiven(c, r, r.flags)) &&
      (r.unless === undefined || !flagGiven(c, r, r.unless)),
  );
}

/** The `-c` script of a shell a command runs (`sh -c '…'`, `kubectl exec … -- bash -ic '…'`), if any. */
function shellScript(c: SimpleCommand): string | undefined {
  const words = c.args.map((a) => a.value);
  const k = kubectlCall(c);
  const run = k ? (k.afterDashDash ?? []).map((w) => w.value) : [c.name, ...words];
  const shell = run.findIndex((w) => SCRIPT_SHELLS.has(w.split('/').pop() ?? ''));
  if (shell < 0) return undefined;
  // `-c`, also among other short options (`bash -ic '…'`, `sh -xc '…'`).
  const dashC = run.findIndex((w, i) => i > shell && /^-[a-z]*c[a-z]*$/.test(w));
  return dashC > 0 ? run[dashC + 1] : undefined;
}

/**
 * Why the command line never ends, or undefined when it may. A line whose never-ending part runs
 * in the background (`kubectl proxy &`) or inside `$( … )` still ends; so does one whose endless
 * loop has a `break`.
 */
export function neverEnds(text: string, depth = 0): NeverEnds | undefined {
  const line = parseCommandLine(text);
  const foreground = (c: SimpleCommand): boolean => !c.background && !c.inside.includes('$(') && !c.inside.includes('<(');
  for (const loop of line.loops) {
    const all = [...loop.condition, ...loop.body];
    if (isEndlessLoop(loop) && (all.length === 0 || all.every(foreground))) return { kind: 'loop', what: loopText(loop, line) };
  }
  for (const c of line.commands) {
    if (!foreground(c)) continue;
    const row = neverEndingRow(c);
    if (row) return { kind: 'command', what: row.what };
    const script = depth < 2 ? shellScript(c) : undefined;
    const inner = script === undefined ? undefined : neverEnds(script, depth + 1);
    if (inner) return inner;
  }
  return undefined;
}
