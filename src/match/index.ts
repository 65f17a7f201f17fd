export { matchOutput, isTolerated } from './match-output.js';
export { matchExitStatus } from './exit-status.js';
export { applyBindings } from './bindings.js';
export { NORMALIZERS } from './normalizers/index.js';
export type { Normalizer } from './normalizers/index.js';
export type { Binding, Difference, DifferenceKind, MatchInput, MatchResult, MatchStrategy } from './types.js';
