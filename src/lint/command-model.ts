import type { CommandStep } from '../plan/types.js';
import type { Position } from '../diag/position.js';
import { offsetToLineColumn, parseCommandLine, type SimpleCommand } from '../shell/index.js';

export { hasFlag, parseKubectl, type KubectlCall, type SimpleCommand } from '../shell/index.js';

/** All simple commands of a command step, in order (also those in loops and `$( … )`). */
export function simpleCommands(step: CommandStep): SimpleCommand[] {
  return parseCommandLine(step.command).commands;
}

/**
 * The doc position of a span of a command's text. The first line is placed from the step's
 * column; later lines of a multi-line command keep their in-command column (list indentation
 * may shift them; fixes re-find their text on the line).
 */
export function spanPosition(step: CommandStep, start: number, end: number): Position {
  const a = offsetToLineColumn(step.command, start);
  const b = offsetToLineColumn(step.command, end);
  const col = (lc: { line: number; column: number }): number => (lc.line === 0 ? step.position.column + lc.column : lc.column + 1);
  return { line: step.line + a.line, column: col(a), endLine: step.line + b.line, endColumn: col(b) };
}

/** True for a URL argument (files fetched from the network need no local source). */
export function isUrl(value: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(value);
}
