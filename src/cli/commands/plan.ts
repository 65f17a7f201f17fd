import { loadLesson } from '../../parse/index.js';
import { buildPlan, planToJson } from '../../plan/index.js';
import type { Plan } from '../../plan/types.js';
import { emit, existingDir, oneOf, writableOutput } from '../output.js';

export interface PlanCommandOptions {
  format: string;
  output?: string;
  examplesDir?: string;
}

/** `kubedoctest plan <file>`: the lesson plan as JSON (the stable contract) or as readable text. */
export async function planCommand(file: string, options: PlanCommandOptions): Promise<number> {
  const format = oneOf(options.format, ['json', 'text'] as const, '--format');
  if (options.output) writableOutput(options.output);
  if (options.examplesDir) existingDir(options.examplesDir, '--examples-dir');
  const lesson = await loadLesson(file, options.examplesDir ? { examplesDir: options.examplesDir } : {});
  const plan = buildPlan(lesson);
  const text =
    format === 'json'
      ? JSON.stringify(planToJson([plan]), null, 2) + '\n'
      : formatPlanText(plan);
  await emit(text, options.output);
  return 0;
}

/** One line per step: doc line, kind/class, command or manifest, and what output is expected. */
export function formatPlanText(plan: Plan): string {
  const lines = [`${plan.path}: ${plan.steps.length} steps`];
  for (const s of plan.steps) {
    if (s.kind === 'manifest') {
      lines.push(`${String(s.line).padStart(5)}  manifest     ${s.file ?? '(unnamed)'}${s.content === null ? ' (missing)' : ''}`);
      continue;
    }
    const where = s.host.kind === 'local' ? '' : ` [${s.host.kind}]`;
    const skip = s.skip ? ` (skip: ${s.skip})` : '';
    lines.push(`${String(s.line).padStart(5)}  ${s.class.padEnd(11)}  ${s.command.split('\n')[0]}${where}${skip}`);
    if (s.expected)
      lines.push(`       expects ${s.expected.mode} output at line ${s.expected.position.line} (${s.expected.form}, ${s.expected.text.split('\n').length} lines)`);
  }
  return lines.join('\n') + '\n';
}
