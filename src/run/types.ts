import type { Diagnostic } from '../diag/diagnostic.js';
import type { Binding, Difference } from '../match/types.js';

export type StepStatus = 'pass' | 'fail' | 'skipped' | 'error';

/** A change the runner made to a command before running it, shown in every report. */
export interface Rewrite {
  kind: 'binding' | 'interactive' | 'placeholder' | 'path';
  from: string;
  to: string;
  reason: string;
}

/** A root-cause hint for a failed step. */
export interface Hint {
  id: string;
  message: string;
  fix?: string;
}

/** One shape for pass, mismatch, error and skip. */
export interface StepResult {
  stepId: string;
  line: number;
  kind: 'command' | 'manifest';
  command?: string;
  /** The command as really run, after rewrites. */
  ran?: string;
  status: StepStatus;
  attempts: number;
  exitCode: number | null;
  expected: string | null;
  actual: string | null;
  diff?: string;
  differences: Difference[];
  bindings: Binding[];
  rewrites: Rewrite[];
  hint?: Hint;
  skipReason?: string;
  /** Error message for status=error (timeout, shell died). */
  error?: string;
  durationMs: number;
}

/** The result of running one lesson. */
export interface LessonResult {
  path: string;
  backend: string;
  steps: StepResult[];
  /** Lint findings and run findings (output-mismatch, …), all with doc lines. */
  findings: Diagnostic[];
  durationMs: number;
  /** Tool/environment error that stopped the lesson, if any. */
  error?: { code: string; message: string };
}

/** Counts for the closing line. */
export interface Summary {
  passed: number;
  failed: number;
  skipped: number;
  errors: number;
}
