import { readFile } from 'node:fs/promises';
import { buildPlan, colorDiff, type Colors, colorsFor, type CommandStep, type LessonResult, loadLesson, runPlan, type Step, type StepDecision, type StepResult } from '../../index.js';
import { backendFactory, type CheckCommandOptions } from './check.js';
import { existingDir, parseDuration } from '../output.js';
import { editLine, readKey } from '../prompt.js';

export interface WalkCommandOptions {
  backend: string;
  auto?: boolean;
  pause: string;
  timeout: string;
  lessonTimeout: string;
  settle: string;
  realtime?: boolean;
  examplesDir?: string;
  filesDir?: string;
  k8sVersion?: string;
  loadBalancer?: boolean;
  metricsServer?: boolean;
  context?: string;
  allowContext?: string;
}

/** Up to `max` lines of prose just above a doc line (fences, comments and shortcodes left out). */
export function proseBefore(lines: string[], line: number, after: number, max = 3): string[] {
  let inFence = false;
  const prose: string[] = [];
  for (let i = after; i < line - 1 && i < lines.length; i++) {
    const l = lines[i]!;
    if (/^\s*(```|~~~)/.test(l)) {
      inFence = !inFence;
      continue;
    }
    if (inFence || /^\s*(<!--|\{\{[<%])/.test(l) || l.trim() === '') continue;
    prose.push(l.trim());
  }
  return prose.slice(-max);
}

function showResult(r: StepResult, c: Colors): string {
  const out: string[] = [];
  for (const w of r.rewrites) out.push(c.dim(`  rewritten: ${w.from} → `) + c.cyan(w.to) + c.dim(` (${w.reason})`));
  if (r.status === 'skipped') return [...out, c.dim(`  skipped: ${r.skipReason ?? ''}`)].join('\n');
  if (r.actual) out.push(r.actual.replace(/\n$/, '').split('\n').map((l) => `  ${l}`).join('\n'));
  const mark = r.status === 'pass' ? c.green('✓ matches the doc') : r.expected === null && r.status !== 'fail' ? c.green('✓ done') : c.red(`✗ ${r.status === 'error' ? r.error : 'differs from the doc'}`);
  out.push(`  ${mark}`);
  if (r.status === 'fail' && r.diff) out.push(colorDiff(r.diff, c).split('\n').map((l) => `    ${l}`).join('\n'));
  if (r.hint) out.push(`  ${c.bold('hint')} ${r.hint.message}${r.hint.fix ? `\n  ${c.bold('fix')}  ${r.hint.fix}` : ''}`);
  return out.join('\n');
}

/**
 * `kubedoctest walk <file>`: a lesson step by step on a fresh backend — the prose, the command,
 * Enter runs it, the real output against the doc's. `e` edits, `s` skips, `q` quits and cleans up.
 */
export async function walkCommand(file: string, o: WalkCommandOptions): Promise<number> {
  const c = colorsFor(process.stdout);
  const pause = parseDuration(o.pause, '--pause');
  const factory = backendFactory(o.backend, o as unknown as CheckCommandOptions);
  if (o.examplesDir) existingDir(o.examplesDir, '--examples-dir');
  const source = (await readFile(file, 'utf8')).split(/\r?\n/);
  const plan = buildPlan(await loadLesson(file, o.examplesDir ? { examplesDir: o.examplesDir } : {}));
  const commands = plan.steps.filter((s): s is CommandStep => s.kind === 'command').length;
  const w = (s: string) => process.stdout.write(s + '\n');
  w(c.bold(`${plan.title ?? file}`) + c.dim(` — ${commands} commands on --backend ${o.backend}. Enter runs, e edits, s skips, q quits.`));
  let lastLine = 0;
  const beforeStep = async (step: CommandStep, index: number, total: number): Promise<StepDecision> => {
    w('');
    if (step.section) w(c.bold(`## ${step.section}`));
    for (const p of proseBefore(source, step.line, lastLine)) w(c.dim(p));
    lastLine = step.position.endLine;
    w(`${c.dim(`[${index + 1}/${total}] line ${step.line}`)}\n${c.yellow('$')} ${step.command}`);
    if (step.skip) return { action: 'run' };
    if (o.auto) {
      await new Promise((r) => setTimeout(r, pause));
      return { action: 'run' };
    }
    process.stdout.write(c.dim('[Enter] run  [e] edit  [s] skip  [q] quit '));
    const key = await readKey();
    w('');
    if (key === 'edit') return { action: 'run', command: await editLine(step.command) };
    return key === 'run' ? { action: 'run' } : { action: key };
  };
  const result: LessonResult = await runPlan(plan, factory(), {
    beforeStep,
    onStepResult: (r: StepResult, step: Step) => {
      if (step.kind === 'command') w(showResult(r, c));
    },
    stepTimeoutMs: parseDuration(o.timeout, '--timeout'),
    lessonTimeoutMs: parseDuration(o.lessonTimeout, '--lesson-timeout'),
    settleMs: parseDuration(o.settle, '--settle'),
    realtime: Boolean(o.realtime),
    ...(o.filesDir ? { filesDir: existingDir(o.filesDir, '--files-dir') } : {}),
    log: (m) => w(c.dim(m)),
  });
  const count = (s: string) => result.steps.filter((r) => r.status === s).length;
  w('');
  w(`${count('pass')} passed, ${count('fail') + count('error')} failed, ${count('skipped')} skipped`);
  if (result.error) w(c.red(`${result.error.code}: ${result.error.message}`));
  return result.error && result.error.code !== 'ERR_INTERRUPTED' ? 2 : count('fail') + count('error') > 0 ? 1 : 0;
}
