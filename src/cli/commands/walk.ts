import { readFile } from 'node:fs/promises';
import {
  buildPlan,
  closingLine,
  colorDiff,
  exitCodeFor,
  renderShortcodes,
  summarize,
  type Colors,
  colorsFor,
  type CommandStep,
  type LessonResult,
  loadLesson,
  runPlan,
  type Step,
  type StepDecision,
  type StepResult,
} from '../../index.js';
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

/** Doc lines that belong to steps (commands, manifests, the outputs they claim): never shown as prose. */
export function stepLines(steps: Step[]): Set<number> {
  const covered = new Set<number>();
  const cover = (from: number, to: number) => {
    for (let l = from; l <= to; l++) covered.add(l);
  };
  for (const s of steps) {
    cover(s.position.line, s.position.endLine);
    if (s.kind === 'command' && s.expected) cover(s.expected.position.line, s.expected.position.endLine);
  }
  return covered;
}

/**
 * The paragraph just above a doc line, whole, after line `after` (the previous step's end):
 * fences, comments, step lines and headings left out, shortcodes shown as their text. A
 * paragraph longer than `max` lines keeps its start and ends with `…`.
 */
export function proseBefore(lines: string[], line: number, after: number, covered: Set<number>, max = 8): string[] {
  let inFence = false;
  let paragraph: string[] = [];
  let last: string[] = [];
  // Fences are followed from the top, since `after` may be inside one (a command's own block).
  for (let i = 0; i < line - 1 && i < lines.length; i++) {
    const l = lines[i]!;
    if (/^\s*(```|~~~)/.test(l)) {
      inFence = !inFence;
      if (paragraph.length) last = paragraph;
      paragraph = [];
      continue;
    }
    if (i < after) continue;
    const text = renderShortcodes(l).trim();
    if (inFence || covered.has(i + 1) || /^\s*(<!--|#)/.test(l) || text === '') {
      if (paragraph.length) last = paragraph;
      paragraph = [];
      continue;
    }
    paragraph.push(text);
  }
  const shown = paragraph.length ? paragraph : last;
  return shown.length > max ? [...shown.slice(0, max - 1), `${shown[max - 1]} …`] : shown;
}

function showResult(r: StepResult, c: Colors): string {
  const out: string[] = [];
  for (const w of r.rewrites) out.push(c.dim(`  rewritten: ${w.from} → `) + c.cyan(w.to) + c.dim(` (${w.reason})`));
  if (r.status === 'skipped') return [...out, c.dim(`  skipped: ${r.skipReason ?? ''}`)].join('\n');
  if (r.actual)
    out.push(
      r.actual
        .replace(/\n$/, '')
        .split('\n')
        .map((l) => `  ${l}`)
        .join('\n'),
    );
  const mark =
    r.status === 'pass'
      ? c.green('✓ matches the doc')
      : r.expected === null && r.status !== 'fail'
        ? c.green('✓ done')
        : c.red(`✗ ${r.status === 'error' ? r.error : 'differs from the doc'}`);
  out.push(`  ${mark}`);
  if (r.status === 'fail' && r.diff)
    out.push(
      colorDiff(r.diff, c)
        .split('\n')
        .map((l) => `    ${l}`)
        .join('\n'),
    );
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
  const commands = plan.steps.filter((s): s is CommandStep => s.kind === 'command');
  const covered = stepLines(plan.steps);
  const w = (s: string) => process.stdout.write(s + '\n');
  w(c.bold(`${plan.title ?? file}`) + c.dim(` — ${commands.length} commands on --backend ${o.backend}. Enter runs, e edits, s skips, q quits.`));
  let lastLine = 0;
  let lastSection: string | undefined;
  /** The section heading once per section, then the prose just above the step. */
  const context = (step: Step): void => {
    w('');
    if (step.section && step.section !== lastSection) w(c.bold(`## ${renderShortcodes(step.section)}`));
    lastSection = step.section;
    for (const p of proseBefore(source, step.line, lastLine, covered)) w(c.dim(p));
    lastLine = step.position.endLine;
  };
  const onStepStart = (step: Step): void => {
    if (step.kind !== 'manifest') return;
    context(step);
    w(c.dim(`manifest ${step.file ?? '(unnamed)'}`));
    // As the doc shows it: YAML indentation is meaning.
    if (step.content)
      w(
        step.content
          .replace(/\n$/, '')
          .split('\n')
          .map((l) => `  ${l}`)
          .join('\n'),
      );
  };
  const beforeStep = async (step: CommandStep): Promise<StepDecision> => {
    context(step);
    w(`${c.dim(`[${commands.indexOf(step) + 1}/${commands.length}] line ${step.line}`)}\n${c.yellow('$')} ${step.command}`);
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
    onStepStart,
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
  w('');
  w(closingLine(summarize([result])));
  if (result.error) w(c.red(`${result.error.code}: ${result.error.message}`));
  // An interrupted walk (q, Ctrl-C) is the reader's choice, not a tool error.
  return exitCodeFor({ lessons: [result.error?.code === 'ERR_INTERRUPTED' ? { ...result, error: undefined } : result] });
}
