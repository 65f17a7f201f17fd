import { isBareCommand } from './infer.js';
import { matchPrompt } from './line-kinds.js';
import type { DocLine } from './source-text.js';
import type { Unit } from './units.js';

/**
 * In text that lost its fences, a shell comment (`#  Create public key …`) reads as a level-1
 * heading. A level-1 heading on the line right before or after a command line is such a
 * comment: it is dropped, so it neither names a section nor separates a command from its output.
 */
export function dropCommentHeadings(units: Unit[], podNames: ReadonlySet<string>): Unit[] {
  const isCommand = (l: DocLine | undefined): boolean => l !== undefined && (isBareCommand(l.text) || matchPrompt(l.text, true, podNames) !== undefined);
  const byStart = new Map<number, DocLine>();
  const byEnd = new Map<number, DocLine>();
  for (const u of units) {
    if (u.type !== 'prose') continue;
    byStart.set(u.line, u.lines[0]!);
    byEnd.set(u.lines[u.lines.length - 1]!.line, u.lines[u.lines.length - 1]!);
  }
  return units.filter((u) => !(u.type === 'heading' && u.depth === 1 && (isCommand(byStart.get(u.line + 1)) || isCommand(byEnd.get(u.line - 1)))));
}
