import type { Diagnostic } from '../diag/diagnostic.js';
import type { BackendDiagnostics } from '../backends/backend.js';
import type { Binding, Difference } from '../match/types.js';

/** A difference an excuse explains, and the excuse. */
export interface ExcusedDifference extends Difference {
  /** Why it does not count: `pod zk-0 cannot become Ready in the simulator: …`, `depends on line 12, which was skipped: …`. */
  excuse: string;
}

/**
 * - `pass`, `fail`: the doc was checked against what the backend really models;
 * - `skipped`: not run (a directive, a line for another machine, an illustrative template, or it
 *   needs what an earlier skipped step would have made);
 * - `unchecked`: its outcome depends on something the backend does not model (the reason names it);
 *   never a failure, never a pass;
 * - `error`: the tool could not finish the step (timeout, shell died).
 */
export type StepStatus = 'pass' | 'fail' | 'skipped' | 'unchecked' | 'error';

/** A change the runner made to a command before running it, shown in every report. */
export interface Rewrite {
  kind: 'binding' | 'interactive' | 'placeholder' | 'path' | 'edit' | 'file';
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
  /** Retrying stopped before the settle time: the output repeated while the cluster was at rest. */
  settledEarly?: boolean;
  exitCode: number | null;
  expected: string | null;
  /** Output of the last attempt: stdout and stderr interleaved as in a terminal. */
  actual: string | null;
  diff?: string;
  differences: Difference[];
  bindings: Binding[];
  rewrites: Rewrite[];
  hint?: Hint;
  skipReason?: string;
  /** Why the step's outcome cannot be checked on this backend (status `unchecked`): the capability it lacks. */
  uncheckedReason?: string;
  /** Events, describe and logs of the pods involved, gathered after a failure. */
  diagnostics?: BackendDiagnostics;
  /** Error message for status=error (timeout, shell died). */
  error?: string;
  /** Non-fatal notes (a rewrite that could not be derived, state lost after a restart, …). */
  warnings?: string[];
  /**
   * Differences of a failed step that an excuse explains (a pod the simulator cannot make Ready, a
   * skipped step), each with the excuse: shown beside the failure, not part of it.
   */
  excused?: ExcusedDifference[];
  /**
   * True when the step ran only to rebuild cluster/shell state for a later selected step
   * (`grep`, `fromLine`); such steps are left out of the summary unless they did not pass.
   */
  replay?: boolean;
  /** `known` when the step's failure is listed in the baseline (`check --baseline`). */
  baseline?: 'known';
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
  /** Where the sandbox was kept (`keep` option). */
  keptDir?: string;
  /** What the lesson left outside its namespace (backend leak check). */
  leaks?: string[];
  /** What the backend approximated (e.g. an image the simulator does not know). */
  warnings?: string[];
  /** True when the result was taken from `--cache-dir` instead of running the lesson. */
  cached?: boolean;
  /** Set when a baseline was applied (`check --baseline`). */
  baseline?: LessonBaseline;
}

/** A baseline entry: a known failure, keyed by page and step fingerprint. */
export interface BaselineEntry {
  /** The page, as a slash-separated path relative to where `check` runs. */
  page: string;
  /** Hash of the normalized command and expected output (steps), or of rule id and message (findings). */
  fingerprint: string;
  /** `step` for a failed step, else the rule id of a finding not tied to a step. */
  kind: string;
  /** For people reading the file: the step's command (or the finding's message) and its line then. */
  command: string;
  line: number;
}

/** What a baseline says about one lesson. */
export interface LessonBaseline {
  /** Indices into `findings` of error findings that the baseline lists (their steps' failures or the findings themselves). */
  knownFindings: number[];
  /** Entries of this page that did not fail this time: fixed, remove them from the baseline. */
  fixed: BaselineEntry[];
}

/** Counts for the closing line (command steps only; replayed passes are not counted). */
export interface Summary {
  passed: number;
  failed: number;
  skipped: number;
  unchecked: number;
  errors: number;
}
