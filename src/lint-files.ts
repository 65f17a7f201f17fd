import type { Diagnostic } from './diag/diagnostic.js';
import { sortDiagnostics } from './diag/diagnostic.js';
import { lintPlan } from './lint/index.js';
import { loadLesson } from './parse/index.js';
import { buildPlan } from './plan/index.js';
import type { Plan } from './plan/types.js';

export interface LintFileResult {
  path: string;
  plan: Plan;
  /** Parse findings and lint findings, sorted by position. */
  findings: Diagnostic[];
}

/** Loads, plans and lints each file. Tool errors (unreadable file) are thrown as KubedoctestError. */
export async function lintFiles(paths: string[], options: { examplesDir?: string } = {}): Promise<LintFileResult[]> {
  const out: LintFileResult[] = [];
  for (const path of paths) {
    const lesson = await loadLesson(path, options.examplesDir ? { examplesDir: options.examplesDir } : {});
    const plan = buildPlan(lesson);
    out.push({ path, plan, findings: sortDiagnostics([...lesson.findings, ...lintPlan(plan)]) });
  }
  return out;
}
