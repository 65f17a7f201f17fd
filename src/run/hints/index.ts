/** Finds the root-cause hint for a failed step. */
import type { Hint } from '../types.js';
import { HINT_RULES } from './rules.js';
import type { HintContext, HintRule } from './types.js';

export type { ClusterFacts, HintContext, HintRule, K8sObject, EarlierStep, HintDetails } from './types.js';
export { gatherFacts, factsFromList } from './facts.js';
export { HINT_RULES } from './rules.js';

/** The first rule that applies, as a Hint; null when none does. */
export function findHint(ctx: HintContext, rules: HintRule[] = HINT_RULES): Hint | null {
  for (const rule of rules) {
    if (rule.needsFacts && !ctx.facts) continue;
    const details = rule.when(ctx);
    if (!details) continue;
    const hint: Hint = { id: rule.id, message: rule.message(details) };
    const fix = rule.fix?.(details);
    if (fix) hint.fix = fix;
    return hint;
  }
  return null;
}
