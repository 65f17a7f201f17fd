export * from './types.js';
export { buildPlan } from './build-plan.js';
export { classifyCommand, classifyStep, readsOnlyLocalFiles, type CommandClassification } from './classify.js';
export { planToJson, type JsonReport, type JsonStep, type JsonFinding } from './json.js';
