/** kubedoctest's public API. The CLI is a thin shell over these functions. */
export * from './diag/index.js';
export * from './plan/index.js';
export type { Backend, BackendSession, BackendCapabilities, BackendStartOptions, ExecResult } from './backends/backend.js';
export type { Difference, DifferenceKind, Binding, MatchResult } from './match/types.js';
export type { StepResult, StepStatus, LessonResult, Rewrite, Hint, Summary } from './run/types.js';
