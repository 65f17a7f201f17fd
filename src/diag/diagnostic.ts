import type { Position } from './position.js';

export type Severity = 'error' | 'warning' | 'info';

/** A mechanical fix: replace the text in `range` with `replacement` (or describe it when not mechanical). */
export interface Fix {
  description: string;
  /** Present when the fix is mechanical and `lint --fix` / `--update` may apply it. */
  range?: Position;
  replacement?: string;
}

/**
 * A finding about the tutorial (a doc defect), shaped like vfile-message:
 * position, kebab-case rule id, and optionally what was expected and what was seen.
 * Findings of severity `error` make the CLI exit 1.
 */
export interface Diagnostic {
  ruleId: string;
  severity: Severity;
  /** 1-based doc line. */
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  message: string;
  source: 'kubedoctest';
  /** The id of the step this finding is about, if any. */
  stepId?: string;
  fix?: Fix;
  expected?: string;
  actual?: string;
  url?: string;
}

/** Creates a Diagnostic at a position. */
export function diagnostic(
  ruleId: string,
  severity: Severity,
  position: Pick<Position, 'line' | 'column'> & Partial<Position>,
  message: string,
  extra: Partial<Omit<Diagnostic, 'ruleId' | 'severity' | 'message' | 'source'>> = {},
): Diagnostic {
  const d: Diagnostic = {
    ruleId,
    severity,
    line: position.line,
    column: position.column,
    message,
    source: 'kubedoctest',
  };
  if (position.endLine !== undefined) d.endLine = position.endLine;
  if (position.endColumn !== undefined) d.endColumn = position.endColumn;
  return Object.assign(d, extra);
}

/** Sorts diagnostics by line, then column, then rule id (stable output for every reporter). */
export function sortDiagnostics<T extends Pick<Diagnostic, 'line' | 'column' | 'ruleId'>>(list: T[]): T[] {
  return [...list].sort((a, b) => a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId));
}
