/** A place in a document: 1-based line and column, end inclusive of the last line. */
export interface Position {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** Builds a Position from an mdast/unist position (which is already 1-based). */
export function fromUnist(p: { start: { line: number; column: number }; end: { line: number; column: number } }): Position {
  return { line: p.start.line, column: p.start.column, endLine: p.end.line, endColumn: p.end.column };
}

/** A position covering a single line of text. */
export function lineSpan(line: number, column = 1, length = 0): Position {
  return { line, column, endLine: line, endColumn: column + length };
}
