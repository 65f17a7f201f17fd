/** What the stages of a command step hand each other. */
import type { MatchResult } from '../../match/types.js';
import { type Prepared } from '../rewrite/index.js';
import type { Rewrite, StepResult } from '../types.js';

export type Run = Extract<Prepared, { action: 'run' }>;

export interface Attempt {
  output: string;
  exitCode: number | null;
  error?: string;
  /** A bounded step ran until its bound, not stopped earlier on the doc's lines. */
  boundReached?: boolean;
  /** Something the result should say about how the step ran (it ended its own shell). */
  note?: string;
}

/** A step ready to run: its command after bindings and rewrites, how it runs, and what was noted on the way. */
export interface ReadyStep {
  command: string;
  prepared: Run;
  /** Runs on the reader's machine: not in a pod, not on a node. */
  onLocalHost: boolean;
  rewrites: Rewrite[];
  warnings: string[];
}

/** What the attempts of a step came to. */
export interface Attempted {
  result: StepResult;
  attempt: Attempt;
  matched: MatchResult | null;
}
