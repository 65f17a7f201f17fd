/**
 * Run options: what callers may pass, and the one normalized shape the runner uses.
 * Defaults are applied here once; nothing downstream re-checks them.
 */
import { tmpdir } from 'node:os';
import type { Diagnostic } from '../diag/diagnostic.js';
import { KubedoctestError } from '../diag/errors.js';
import type { Binding, Difference, MatchInput, MatchResult } from '../match/types.js';
import type { CommandStep, Step } from '../plan/types.js';
import type { StepResult } from './types.js';

/** The matcher functions the runner needs (the real matcher by default; injectable for tests). */
export interface Matcher {
  matchOutput(input: MatchInput): MatchResult;
  /** The command with doc values replaced by bound actual ones. */
  applyBindings(command: string, bindings: Binding[]): string;
  /** The exit-status difference, or null; the runner's own rule when absent. */
  matchExitStatus?(expectedSuccess: boolean, exitCode: number, line: number): Difference | null;
}

/** Which steps of a lesson to report; earlier state-changing steps still run (see docs/running.md). */
export interface StepSelection {
  /** Only commands containing this text. */
  grep?: string;
  /** Only steps at or after this doc line. */
  fromLine?: number;
  /** Only steps at or before this doc line. */
  toLine?: number;
}

/**
 * The defaults of the time options: the one source for `RunOptions`, the CLI's `--timeout`,
 * `--lesson-timeout` and `--settle`, and docs/running.md.
 */
export const RUN_DEFAULTS = {
  stepTimeoutMs: 60_000,
  lessonTimeoutMs: 20 * 60_000,
  settleMs: 30_000,
  settleIntervalMs: 250,
} as const;

/** Options of `runPlan`. All optional. */
export interface RunOptions {
  /** Per-step time limit; a step's own `timeoutMs` wins. Default `RUN_DEFAULTS.stepTimeoutMs` (60 s). */
  stepTimeoutMs?: number;
  /** Whole-lesson time limit. Default `RUN_DEFAULTS.lessonTimeoutMs` (20 min). */
  lessonTimeoutMs?: number;
  /** How long a read-only step with expected output is retried until it matches. Default `RUN_DEFAULTS.settleMs` (30 s). */
  settleMs?: number;
  /** First retry delay; doubles up to 2 s. Default `RUN_DEFAULTS.settleIntervalMs` (250 ms). */
  settleIntervalMs?: number;
  /**
   * Wait between retries in real time, as a reader would. Default false: a backend that can
   * (the simulator) lets that time pass at once, so a lesson takes as long as its commands.
   */
  realtime?: boolean;
  /** Keep the sandbox dir after the run (its path is in `LessonResult.keptDir`). */
  keep?: boolean;
  /** Run the lesson shell under bubblewrap (see docs/running.md). */
  confine?: boolean;
  /** Extra environment for the lesson shell. */
  env?: Record<string, string>;
  /** Kubernetes minor version passed to the backend. */
  k8sVersion?: string;
  /** Aborts the lesson: steps stop, processes are killed, the backend is stopped. */
  signal?: AbortSignal;
  /** Clean up and re-raise on SIGINT/SIGTERM of this process. Default true. */
  handleSignals?: boolean;
  /** Gather cluster facts (`kubectl get … -o json`) after a failed step for hints. Default true. */
  gatherFacts?: boolean;
  /** Lint findings of the plan, so hints can point at them. */
  lintFindings?: Diagnostic[];
  select?: StepSelection;
  /** Parent dir for sandboxes. Default os.tmpdir(). */
  tmpDir?: string;
  /**
   * A folder with local copies of files the doc links to but does not show (a linked
   * repository's Makefile or default.conf). Without it, steps that need such a file are skipped.
   */
  filesDir?: string;
  matcher?: Matcher;
  onStepStart?(step: Step, index: number, total: number): void;
  /**
   * Asked before each command step runs (interactive walk-through): run it (optionally as an
   * edited command), skip it, or quit the lesson (remaining steps are skipped).
   */
  beforeStep?(step: CommandStep, index: number, total: number): Promise<StepDecision>;
  onStepResult?(result: StepResult, step: Step): void;
  /** Progress lines (backend start, kept dirs). */
  log?(message: string): void;
}

/** What a reader chose before a step: run it (as written or edited), skip it, or stop. */
export type StepDecision = { action: 'run'; command?: string } | { action: 'skip' } | { action: 'quit' };

/** RunOptions with every default applied. */
export interface NormalizedRunOptions {
  stepTimeoutMs: number;
  lessonTimeoutMs: number;
  settleMs: number;
  settleIntervalMs: number;
  realtime: boolean;
  keep: boolean;
  confine: boolean;
  env: Record<string, string>;
  k8sVersion: string | undefined;
  signal: AbortSignal | undefined;
  handleSignals: boolean;
  gatherFacts: boolean;
  lintFindings: Diagnostic[];
  select: StepSelection | undefined;
  tmpDir: string;
  filesDir: string | undefined;
  matcher: Matcher | undefined;
  onStepStart: (step: Step, index: number, total: number) => void;
  beforeStep: ((step: CommandStep, index: number, total: number) => Promise<StepDecision>) | undefined;
  onStepResult: (result: StepResult, step: Step) => void;
  log: (message: string) => void;
}

const noop = (): void => {};

function positive(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value <= 0) {
    throw new KubedoctestError('ERR_INVALID_OPTION', `${name} must be a positive number of milliseconds, got ${value}`, {
      hint: `pass a value like ${fallback}`,
    });
  }
  return value;
}

/** Applies defaults and validates once. Throws ERR_INVALID_OPTION for a bad value. */
export function normalizeRunOptions(options: RunOptions = {}): NormalizedRunOptions {
  const o: RunOptions = Object.assign(Object.create(null) as RunOptions, options);
  return {
    stepTimeoutMs: positive('stepTimeoutMs', o.stepTimeoutMs, RUN_DEFAULTS.stepTimeoutMs),
    lessonTimeoutMs: positive('lessonTimeoutMs', o.lessonTimeoutMs, RUN_DEFAULTS.lessonTimeoutMs),
    settleMs: o.settleMs === 0 ? 0 : positive('settleMs', o.settleMs, RUN_DEFAULTS.settleMs),
    settleIntervalMs: positive('settleIntervalMs', o.settleIntervalMs, RUN_DEFAULTS.settleIntervalMs),
    realtime: o.realtime ?? false,
    keep: o.keep ?? false,
    confine: o.confine ?? false,
    env: { ...(o.env ?? {}) },
    k8sVersion: o.k8sVersion,
    signal: o.signal,
    handleSignals: o.handleSignals ?? true,
    gatherFacts: o.gatherFacts ?? true,
    lintFindings: o.lintFindings ?? [],
    select: o.select,
    tmpDir: o.tmpDir ?? tmpdir(),
    filesDir: o.filesDir,
    matcher: o.matcher,
    onStepStart: o.onStepStart ?? noop,
    beforeStep: o.beforeStep,
    onStepResult: o.onStepResult ?? noop,
    log: o.log ?? noop,
  };
}

/** The step's own time limit, else the run's. */
export function stepTimeout(step: CommandStep, options: NormalizedRunOptions): number {
  return step.timeoutMs ?? options.stepTimeoutMs;
}

/** Loads the real matcher (src/match). */
export async function loadMatcher(options: NormalizedRunOptions): Promise<Matcher> {
  if (options.matcher) return options.matcher;
  const m = await import('../match/index.js');
  return {
    matchOutput: m.matchOutput,
    applyBindings: (command, bindings) => m.applyBindings(command, bindings).command,
    matchExitStatus: m.matchExitStatus,
  };
}
