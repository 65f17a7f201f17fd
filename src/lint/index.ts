import { KubedoctestError } from '../diag/errors.js';
import { sortDiagnostics, type Diagnostic } from '../diag/diagnostic.js';
import type { Plan } from '../plan/types.js';
import { createContext } from './context.js';
import { lintRules } from './registry.js';
import type { LintOptions } from './types.js';

export { lintRules } from './registry.js';
export { applyFixes } from './fix.js';
export type { LintRule, LintOptions } from './types.js';

/**
 * Lints a lesson plan without touching a cluster: every rule (or `options.rules`) over the
 * plan, findings sorted by line, column and rule id.
 */
export function lintPlan(plan: Plan, options: LintOptions = {}): Diagnostic[] {
  const selected = options.rules;
  if (selected) {
    const unknown = selected.filter((id) => !lintRules.some((r) => r.id === id));
    if (unknown.length > 0) {
      throw new KubedoctestError('ERR_INVALID_OPTION', `unknown lint rule ${unknown.map((u) => `"${u}"`).join(', ')}`, {
        hint: `known rules: ${lintRules.map((r) => r.id).join(', ')}`,
      });
    }
  }
  const ctx = createContext(plan, options.source);
  const rules = selected ? lintRules.filter((r) => selected.includes(r.id)) : lintRules;
  return sortDiagnostics(rules.flatMap((rule) => rule.check(plan, ctx)));
}
