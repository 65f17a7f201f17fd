import { COMMAND_PREFIXES } from './data/prefixes.js';
import type { Enclosure, Redirect, ShellWord, SimpleCommand, Terminator } from './types.js';

const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*\+?=/;

/** True for a `VAR=value` word as written (the name is never quoted). */
export function isAssignment(word: ShellWord): boolean {
  return ASSIGNMENT.test(word.raw);
}

/** Where the program is in a simple command's words. */
export interface ProgramParts {
  assignments: ShellWord[];
  prefixes: ShellWord[];
  program: ShellWord | undefined;
  args: ShellWord[];
}

/**
 * Finds the program among a simple command's words: leading `VAR=value` words are assignments,
 * then every prefix of {@link COMMAND_PREFIXES} with its options and operands is skipped.
 * A prefix with nothing after it is the program itself (`time`, `env`).
 */
export function locateProgram(words: readonly ShellWord[]): ProgramParts {
  const assignments: ShellWord[] = [];
  const prefixes: ShellWord[] = [];
  let i = 0;
  while (i < words.length && isAssignment(words[i]!)) assignments.push(words[i++]!);
  for (;;) {
    const rule = i < words.length - 1 ? COMMAND_PREFIXES[words[i]!.value] : undefined;
    if (!rule) break;
    let j = i + 1;
    // Options, then operands (`timeout -s KILL 10`), then assignments (`env A=1`).
    while (j < words.length - 1 && /^-./.test(words[j]!.value) && words[j]!.value !== '--') {
      j += rule.valueOptions?.includes(words[j]!.value) ? 2 : 1;
    }
    if (words[j]?.value === '--') j++;
    j += rule.operands ?? 0;
    const own = words.slice(i, Math.min(j, words.length));
    while (rule.assignments && j < words.length && isAssignment(words[j]!)) assignments.push(words[j++]!);
    if (j >= words.length) break;
    prefixes.push(...own);
    i = j;
  }
  return { assignments, prefixes, program: words[i], args: words.slice(i + 1) };
}

/** `/usr/bin/kubectl` → `kubectl`; words that are not paths (`service/my-nginx`) stay as written. */
export function programName(word: ShellWord | undefined): string {
  if (!word) return '';
  const value = word.value;
  if (!/^[./~]/.test(value)) return value;
  const slash = value.lastIndexOf('/');
  return slash >= 0 && slash < value.length - 1 ? value.slice(slash + 1) : value;
}

/**
 * A simple command from its words as written (assignments, prefixes, program, arguments): the
 * one place that decides which word is the program, for the parser and the tolerant splitter.
 */
export function simpleCommand(
  written: readonly ShellWord[],
  rest: { redirects: Redirect[]; terminator: Terminator; background: boolean; inside: Enclosure[]; start: number; end: number },
  words: readonly ShellWord[] = written,
): SimpleCommand {
  const parts = locateProgram(written);
  return { words: words.filter((w) => !parts.assignments.includes(w)), ...parts, name: programName(parts.program), ...rest };
}
