/**
 * An output block that goes on with the next command the reader types in the same shell and its
 * answer (`nslookup web-0.nginx`'s answer, then `nslookup web-1.nginx` on a line of its own
 * without a prompt, then its answer). Kept conservative: only a line that parses as a command of
 * the program the step itself runs, at the block's own indentation, after a blank line.
 */
import type { CommandStep } from '../plan/types.js';
import { parseCommandLine } from '../shell/index.js';
import { looksLikeCommand, programOf } from './line-kinds.js';
import type { DocLine } from './source-text.js';

/** A command found inside an output block, and the lines after it up to the next one. */
export interface RepeatedCommand {
  command: DocLine;
  output: DocLine[];
}

const indentOf = (text: string) => text.length - text.trimStart().length;

/** True when `line` is the step's program run again, written as the reader types it. */
function isRepeat(lines: readonly DocLine[], i: number, step: CommandStep, indent: number): boolean {
  const line = lines[i]!;
  if (i === 0 || lines[i - 1]!.text.trim() !== '' || indentOf(line.text) !== indent) return false;
  if (!looksLikeCommand(line.text) || programOf(line.text) !== step.program) return false;
  const parsed = parseCommandLine(line.text.trim());
  return !parsed.tolerant && parsed.commands.length === 1;
}

/**
 * Splits an output block at lines that run the step's program again: the lines before the first
 * are the step's output; each such line is a command of its own with the lines after it as its
 * output. Returns the block unchanged (and no commands) when there is none.
 */
export function splitRepeatedCommands(lines: readonly DocLine[], step: CommandStep): { own: DocLine[]; next: RepeatedCommand[] } {
  const content = lines.filter((l) => l.text.trim() !== '');
  if (content.length === 0) return { own: [...lines], next: [] };
  const indent = Math.min(...content.map((l) => indentOf(l.text)));
  const at = lines.map((_, i) => i).filter((i) => isRepeat(lines, i, step, indent));
  if (at.length === 0) return { own: [...lines], next: [] };
  const next = at.map((i, k) => ({ command: lines[i]!, output: lines.slice(i + 1, at[k + 1] ?? lines.length) }));
  return { own: lines.slice(0, at[0]), next };
}
