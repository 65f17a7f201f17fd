/**
 * kubedoctest's public API: `parse → plan → lint → run (backend) → match → report`.
 * The CLI is a thin shell over these functions.
 *
 * ```js
 * import { check, simBackend } from 'kubedoctest';
 * const report = await check(['docs/tutorial.md'], { createBackend: () => simBackend() });
 * ```
 */
export * from './diag/index.js';
export * from './plan/index.js';
export { describeContext, describeSession, describeSource } from './plan/describe-context.js';
export { parseMarkdown, loadLesson, type ParseOptions, type LoadOptions } from './parse/index.js';
export { lintPlan, lintRules, applyFixes, type LintRule, type LintOptions } from './lint/index.js';
export { lintFiles, type LintFileResult } from './lint-files.js';
export { matchOutput, matchExitStatus, applyBindings, NORMALIZERS } from './match/index.js';
export type { Difference, DifferenceKind, Binding, MatchInput, MatchResult } from './match/types.js';
export {
  runPlan,
  check,
  expandInputs,
  exitCodeFor,
  summarize,
  RUN_DEFAULTS,
  type CheckOptions,
  type CheckReport,
  type Reporter,
  type RunOptions,
  type StepDecision,
} from './run/index.js';
export { decideConfine, type ConfineDecision } from './run/confine.js';
export type { StepResult, StepStatus, LessonResult, Rewrite, Hint, Summary } from './run/types.js';
export type { Backend, BackendSession, BackendCapabilities, BackendStartOptions, ExecResult } from './backends/backend.js';
export { simBackend } from './backends/sim/backend.js';
export { startSim } from './backends/sim/index.js';
export { kindBackend, type KindBackendOptions } from './backends/kind/backend.js';
export { contextBackend, type ContextBackendOptions } from './backends/context/backend.js';
export { updateDoc, updatePatch } from './update/update.js';
export * from './report/index.js';
export * from './site/index.js';
export { VERSION } from './version.js';
