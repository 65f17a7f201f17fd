import type { CommandLine } from './types.js';

/** Converts an offset in a command to a 0-based line and column within that command. */
export function offsetToLineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 0;
  let lineStart = 0;
  for (let j = 0; j < offset && j < text.length; j++) {
    if (text[j] === '\n') {
      line++;
      lineStart = j + 1;
    }
  }
  return { line, column: offset - lineStart };
}

/**
 * Spans of a command's text that are data, not shell syntax: quoted text (quotes included) and
 * heredoc bodies (with the newline before and after). Characters strictly inside are the author's.
 */
export function dataRanges(line: CommandLine): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const c of line.commands) {
    for (const w of [...c.words, ...c.assignments, ...c.redirects.map((r) => r.target)]) {
      for (const [a, b] of w.quoted) ranges.push([w.start + a, w.start + b]);
    }
    for (const r of c.redirects) if (r.heredoc) ranges.push([r.heredoc.start - 1, r.heredoc.end + 1]);
  }
  return ranges;
}

/** Quotes a string for POSIX sh (left bare when it needs no quoting). */
export function shQuote(value: string): string {
  return /^[A-Za-z0-9_./:=@%+,-]+$/.test(value) ? value : `'${value.replaceAll("'", `'\\''`)}'`;
}

/**
 * Quotes a word the doc wrote for the reader's shell to expand (`$POD_NAME`, `${NODE}-x`): a word
 * of plain characters and variable references goes in double quotes, so the variable still expands
 * and an empty or spaced value stays one word; anything else is quoted as data (`shQuote`).
 */
export function shQuoteExpanding(value: string): string {
  if (!/\$/.test(value)) return shQuote(value);
  return /^(?:[A-Za-z0-9_./:=@%+,-]|\$[A-Za-z_][A-Za-z0-9_]*|\$\{[A-Za-z_][A-Za-z0-9_]*\})+$/.test(value) ? `"${value}"` : shQuote(value);
}
