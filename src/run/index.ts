/** The runner: runPlan for one lesson, check for many files, reporters and exit codes. */
export { runPlan } from './run-plan.js';
export { check, type CheckOptions } from './check.js';
export { expandInputs } from './inputs.js';
export type { Reporter, CheckReport } from './reporter.js';
export { summarize, exitCodeFor } from './summary.js';
export {
  normalizeRunOptions,
  RUN_DEFAULTS,
  type RunOptions,
  type NormalizedRunOptions,
  type Matcher,
  type StepSelection,
  type StepDecision,
} from './options.js';
export { findHint, HINT_RULES, factsFromList, type HintRule, type HintContext, type ClusterFacts } from './hints/index.js';
export { preflightConfine } from './confine.js';
export type { StepResult, StepStatus, LessonResult, Rewrite, Hint, Summary } from './types.js';
