export { createStore, TOO_OLD } from './memory-store.js';
export type { StoreOptions } from './memory-store.js';
export { compileSelectors, fieldValue, matchFields, matchLabels, parseFieldSelector, parseLabelSelector } from './selectors.js';
export type { FieldRequirement, LabelRequirement } from './selectors.js';
