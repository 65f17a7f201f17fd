import type { Diagnostic, Severity } from '../diag/diagnostic.js';
import type { Plan } from '../plan/types.js';
import type { LintContext } from './context.js';

/** One static check over a lesson plan. Rules are pure: same plan, same findings. */
export interface LintRule {
  /** Kebab-case rule id, also the `ruleId` of its findings. */
  id: string;
  /** Default severity of its findings (a rule may lower it for a milder case). */
  severity: Severity;
  /** One line for docs and `--help`. */
  description: string;
  check(plan: Plan, ctx: LintContext): Diagnostic[];
}

/** Options for {@link lintPlan}. */
export interface LintOptions {
  /** Run only these rule ids (default: all). */
  rules?: string[];
  /**
   * The Markdown the plan was parsed from. Some rules read the prose around a step
   * (a linked repository that provides `default.conf`); when absent, `plan.path` is read if it exists.
   */
  source?: string;
}
