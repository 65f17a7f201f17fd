import { isElisionLine } from './elisions.js';

/** One line of output with its index in the original text (0-based). */
export interface Line {
  text: string;
  index: number;
}

/** Splits output into lines: CRLF → LF, trailing whitespace trimmed, trailing blank lines dropped. */
export function splitLines(text: string): string[] {
  const lines = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.replace(/\s+$/, ''));
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** The non-blank lines, with their indices. */
export function contentLines(lines: readonly string[]): Line[] {
  return lines.flatMap((text, index) => (text.trim() === '' ? [] : [{ text, index }]));
}

/**
 * True for a line that stands for "more output here": `...`, `....`, `…`, `[...]`,
 * `.... [ lots of output ] ....`, `<snip>`, `# ...` (the shapes are data: ELISION_SHAPES).
 */
export function isElision(line: string): boolean {
  return isElisionLine(line);
}

const ENV = /^([A-Za-z_][A-Za-z0-9_]*)=/;
const FIELD = /^\s*(?:- )?"?([A-Za-z][\w ()./-]*?)"?\s*:(?:\s|$)/;

/**
 * What a line is about, for pairing a missing line with an extra one into a wrong value:
 * the variable of `KEY=value`, the field of `Key: value` (spaces and case ignored).
 */
export function lineKey(line: string): string | undefined {
  const env = ENV.exec(line.trim());
  if (env) return `env:${env[1]}`;
  const field = FIELD.exec(line);
  if (field) return `field:${(field[1] ?? '').toLowerCase().replace(/[^a-z0-9]/g, '')}`;
  return undefined;
}

/** The value part of a keyed line (`80` of `MY_PORT=80`, `ClusterIP` of `Type:  ClusterIP`). */
export function lineValue(line: string): string {
  const t = line.trim();
  const env = ENV.exec(t);
  if (env) return t.slice(env[0].length);
  const field = FIELD.exec(line);
  if (field) return line.slice(field[0].length).trim();
  return t;
}

/** The display name of a keyed line's key (`MY_PORT`, `Target Port`). */
export function lineKeyName(line: string): string | undefined {
  const env = ENV.exec(line.trim());
  if (env) return env[1];
  return FIELD.exec(line)?.[1];
}

/** Column (1-based, relative to the output) of a line's first non-blank character. */
export function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}
