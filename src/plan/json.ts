import type { Diagnostic } from '../diag/diagnostic.js';
import type { Plan, Step } from './types.js';

/** A finding as it appears in the JSON report (version 1). */
export interface JsonFinding {
  ruleId: string;
  severity: Diagnostic['severity'];
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  message: string;
  stepId?: string;
  fix?: Diagnostic['fix'];
}

/** A step as it appears in the JSON report: every step has `command` and `expected` (null for manifests). */
export type JsonStep = Step & { command: string | null; expected: unknown };

/** The JSON report, version 1 (see docs/json-report.md). */
export interface JsonReport {
  version: 1;
  files: Array<{ path: string; title?: string; steps: JsonStep[]; findings: JsonFinding[] }>;
}

/**
 * Builds the version 1 JSON report for plans. `findingsByPath` gives the findings to
 * report for each path (e.g. parse + lint findings); a plan without an entry reports
 * its own parse findings.
 */
export function planToJson(plans: Plan[], findingsByPath?: Record<string, Diagnostic[]> | Map<string, Diagnostic[]>): JsonReport {
  const lookup = (path: string): Diagnostic[] | undefined => (findingsByPath instanceof Map ? findingsByPath.get(path) : findingsByPath?.[path]);
  return {
    version: 1,
    files: plans.map((plan) => {
      const file: JsonReport['files'][number] = {
        path: plan.path,
        steps: plan.steps.map(toJsonStep),
        findings: (lookup(plan.path) ?? plan.findings).map(toJsonFinding),
      };
      if (plan.title !== undefined) file.title = plan.title;
      return file;
    }),
  };
}

function toJsonStep(step: Step): JsonStep {
  if (step.kind === 'command') return { ...step };
  const { id, line, kind, ...rest } = step;
  return { id, line, kind, command: null, expected: null, ...rest } as JsonStep;
}

function toJsonFinding(d: Diagnostic): JsonFinding {
  const f: JsonFinding = { ruleId: d.ruleId, severity: d.severity, line: d.line, column: d.column, message: d.message };
  if (d.endLine !== undefined) f.endLine = d.endLine;
  if (d.endColumn !== undefined) f.endColumn = d.endColumn;
  if (d.stepId !== undefined) f.stepId = d.stepId;
  if (d.fix !== undefined) f.fix = d.fix;
  return f;
}
