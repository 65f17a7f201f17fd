import type { Diagnostic } from '../diag/diagnostic.js';

interface Edit {
  start: number;
  end: number;
  replacement: string;
}

/**
 * Applies the mechanical fixes (those with a range and a replacement) of `diagnostics` to the
 * Markdown `source`, keeping every other byte. A fix is applied only where the text it
 * replaces (`diagnostic.actual`, else the range's text) is found on the reported line, so a
 * stale or shifted position never edits the wrong text. Overlapping fixes: the first wins.
 */
export function applyFixes(source: string, diagnostics: readonly Diagnostic[]): string {
  const lineStarts = [0];
  for (let i = 0; i < source.length; i++) if (source[i] === '\n') lineStarts.push(i + 1);
  const edits: Edit[] = [];
  for (const d of diagnostics) {
    const fix = d.fix;
    if (!fix?.range || fix.replacement === undefined) continue;
    const edit = locate(source, lineStarts, d, fix.range, fix.replacement);
    if (edit) edits.push(edit);
  }
  edits.sort((a, b) => a.start - b.start || a.end - b.end);
  const kept: Edit[] = [];
  for (const e of edits) {
    const last = kept[kept.length - 1];
    if (last && e.start < last.end) continue;
    if (last && e.start === last.start && e.end === last.end) continue;
    kept.push(e);
  }
  let out = source;
  for (const e of kept.reverse()) out = out.slice(0, e.start) + e.replacement + out.slice(e.end);
  return out;
}

function locate(
  source: string,
  lineStarts: number[],
  d: Diagnostic,
  range: { line: number; column: number; endLine: number; endColumn: number },
  replacement: string,
): Edit | undefined {
  const offset = (line: number, column: number): number | undefined => {
    const start = lineStarts[line - 1];
    return start === undefined ? undefined : start + column - 1;
  };
  const start = offset(range.line, range.column);
  const end = offset(range.endLine, range.endColumn);
  const expected = d.actual ?? (start !== undefined && end !== undefined ? source.slice(start, end) : undefined);
  if (!expected) return undefined;
  const fits = (at: number): boolean => source.startsWith(expected, at) && bounded(source, at, expected);
  if (start !== undefined && fits(start)) return { start, end: start + expected.length, replacement };
  // The column may be off (list indentation, a prompt): find the text on the reported line.
  const lineStart = lineStarts[range.line - 1];
  if (lineStart === undefined) return undefined;
  const lineEnd = lineStarts[range.line] ?? source.length;
  const lineText = source.slice(lineStart, lineEnd);
  let best: number | undefined;
  for (let i = lineText.indexOf(expected); i !== -1; i = lineText.indexOf(expected, i + 1)) {
    if (!fits(lineStart + i)) continue;
    if (best === undefined || Math.abs(i + 1 - range.column) < Math.abs(best + 1 - range.column)) best = i;
  }
  return best === undefined ? undefined : { start: lineStart + best, end: lineStart + best + expected.length, replacement };
}

/** A word is only replaced whole: `ubectl` must not match inside `kubectl`. */
function bounded(source: string, at: number, text: string): boolean {
  const word = /[\w-]/;
  if (word.test(text[0]!) && at > 0 && word.test(source[at - 1]!)) return false;
  const after = source[at + text.length];
  return !(word.test(text[text.length - 1]!) && after !== undefined && word.test(after));
}
