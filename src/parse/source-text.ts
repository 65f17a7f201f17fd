import type { Position } from '../diag/position.js';

/** The document split into lines once, for O(1) line look-ups and offset → line/column. */
export interface SourceText {
  text: string;
  /** Offset of the first character of each line (index 0 is line 1). */
  lineStarts: number[];
  /** Line text without its line ending (1-based line). */
  line(n: number): string;
  lineCount: number;
  /** 1-based line and column of an offset. */
  pointAt(offset: number): { line: number; column: number };
}

const EOL = /\r\n|\r|\n/g;

/** Indexes line starts of `text`. Linear in its length. */
export function indexSource(text: string): SourceText {
  const lineStarts = [0];
  const lineEnds: number[] = [];
  for (const m of text.matchAll(EOL)) {
    lineEnds.push(m.index);
    lineStarts.push(m.index + m[0].length);
  }
  lineEnds.push(text.length);
  return {
    text,
    lineStarts,
    lineCount: lineStarts.length,
    line(n: number): string {
      if (n < 1 || n > lineStarts.length) return '';
      return text.slice(lineStarts[n - 1], lineEnds[n - 1]);
    },
    pointAt(offset: number) {
      let lo = 0;
      let hi = lineStarts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (lineStarts[mid]! <= offset) lo = mid;
        else hi = mid - 1;
      }
      return { line: lo + 1, column: offset - lineStarts[lo]! + 1 };
    },
  };
}

/** One line of a block with its place in the doc; `text` has container indentation removed. */
export interface DocLine {
  text: string;
  line: number;
  /** Column of `text[0]` in the doc line. */
  column: number;
}

/** Position spanning from the start of `first` to the end of `last`. */
export function spanOf(first: DocLine, last: DocLine): Position {
  return { line: first.line, column: first.column, endLine: last.line, endColumn: last.column + last.text.length };
}

/** Removes the indentation common to all non-blank lines, moving columns accordingly. */
export function dedent(lines: DocLine[]): DocLine[] {
  let min = Infinity;
  for (const l of lines) {
    if (l.text.trim() === '') continue;
    min = Math.min(min, l.text.length - l.text.trimStart().length);
  }
  if (!Number.isFinite(min) || min === 0) return lines;
  return lines.map((l) => (l.text.trim() === '' ? { ...l, text: '' } : { ...l, text: l.text.slice(min), column: l.column + min }));
}

/** Drops blank lines at both ends. */
export function trimBlankLines(lines: DocLine[]): DocLine[] {
  let start = 0;
  let end = lines.length;
  while (start < end && lines[start]!.text.trim() === '') start++;
  while (end > start && lines[end - 1]!.text.trim() === '') end--;
  return lines.slice(start, end);
}
