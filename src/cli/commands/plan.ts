import { buildPlan, describeContext, describeSession, describeSource, loadLesson, type Plan, planToJson } from '../../index.js';
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
  const text = format === 'json' ? JSON.stringify(planToJson([plan]), null, 2) + '\n' : formatPlanText(plan);
  await emit(text, options.output);
  return 0;
}

/**
 * One line per step: doc line, kind/class, command or manifest; then where a command runs and
 * what decided it, the session it opens, and what output is expected.
 */
export function formatPlanText(plan: Plan): string {
  const lines = [`${plan.path}: ${count(plan.steps.length, 'step')}`];
  for (const s of plan.steps) {
    if (s.kind === 'manifest') {
      lines.push(
        `${String(s.line).padStart(5)}  manifest     ${s.file ?? '(unnamed)'}${s.content === null ? ' (missing)' : ''}${s.partial ? ' (lines to add to it)' : ''}`,
      );
      continue;
    }
    const skip = s.skip ? ` (skip: ${s.skip})` : '';
    lines.push(`${String(s.line).padStart(5)}  ${s.class.padEnd(11)}  ${s.command.split('\n')[0]}${skip}`);
    const notes = [`context: ${describeContext(s.host)} (${describeSource(s.host.source)})`];
    if (s.opensSession) notes.push(`opens a session in ${describeSession(s.opensSession)}`);
    if (s.closesSession) notes.push('ends the session');
    if (s.concurrent) notes.push(`keeps running in another terminal (line ${s.concurrent.line})`);
    if (s.stoppedAt) notes.push(`stopped at line ${s.stoppedAt.line}`);
    if (s.showsOutputOf) notes.push(`shows the output of line ${s.showsOutputOf.line}, not run again`);
    if (s.placeholders?.length) notes.push(`placeholders ${s.placeholders.join(', ')}`);
    lines.push(`       ${notes.join('; ')}`);
    if (s.expected) {
      const e = s.expected;
      const extra = [e.form, count(e.text.split('\n').length, 'line')];
      if (e.covers?.length) extra.push(`with the output of ${e.covers.join(', ')}`);
      if (e.mayCover?.length) extra.push(`alone or with the output of ${e.mayCover.join(', ')}`);
      if (e.file !== undefined) extra.push(`content of file ${e.file}`);
      if (e.log) extra.push(e.log.target ? `log of container ${e.log.container ?? ''} of ${e.log.target}` : `a container's log: ${e.log.unknown ?? ''}`);
      lines.push(`       expects ${e.mode} output at line ${e.position.line} (${extra.join(', ')})`);
    }
  }
  return lines.join('\n') + '\n';
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
