import type { LessonResult, StepResult } from '../run/types.js';
import { closingLine, formatStep, type CheckReportLike } from './check-text.js';
import type { Colors } from './colors.js';

export interface TerminalReporterOptions {
  colors: Colors;
  verbose?: boolean;
  /** Show a live `step k/n: command` line (only on a TTY). */
  progress?: boolean;
}

interface Writable {
  write(chunk: string): unknown;
  isTTY?: boolean;
}

/**
 * Streams results as they come: the lesson path, one line per step (details for failures),
 * findings, and the closing `N passed, N failed, N skipped` line. Hook names follow the runner's
 * reporter interface; every hook is optional.
 */
export function createTerminalReporter(stream: Writable, options: TerminalReporterOptions) {
  const c = options.colors;
  const live = Boolean(options.progress && stream.isTTY);
  let liveShown = false;
  const clearLive = () => {
    if (liveShown) stream.write('\r\x1b[2K');
    liveShown = false;
  };
  return {
    onLessonStart(path: string): void {
      clearLive();
      stream.write(`${c.bold(path)}\n`);
    },
    onStepStart(step: { line: number; command?: string; kind: string }, index: number, total: number): void {
      if (!live) return;
      clearLive();
      const what = (step.command ?? step.kind).split('\n')[0]!.slice(0, 70);
      stream.write(c.dim(`  step ${index + 1}/${total}: ${what}`));
      liveShown = true;
    },
    onStepResult(result: StepResult): void {
      clearLive();
      stream.write(formatStep(result, c, options.verbose) + '\n');
    },
    onLessonEnd(lesson: LessonResult): void {
      clearLive();
      for (const f of lesson.findings) {
        if (f.stepId && lesson.steps.some((s) => s.stepId === f.stepId && s.status === 'fail')) continue;
        const mark = f.severity === 'error' ? c.red('•') : f.severity === 'warning' ? c.yellow('•') : c.dim('•');
        stream.write(`  ${mark} ${c.dim(String(f.line).padStart(4))}  ${f.message} ${c.dim(`(${f.ruleId})`)}\n`);
      }
      if (lesson.error) stream.write(`  ${c.red(`${lesson.error.code}: ${lesson.error.message}`)}\n`);
      for (const w of lesson.warnings ?? []) stream.write(`  ${c.yellow(`note: ${w}`)}\n`);
      if (lesson.leaks?.length) stream.write(`  ${c.yellow(`left outside the lesson namespace: ${lesson.leaks.join(', ')}`)}\n`);
      stream.write(c.dim(`  ${lesson.backend}, ${(lesson.durationMs / 1000).toFixed(1)}s\n`));
    },
    onRunEnd(report: CheckReportLike): void {
      clearLive();
      stream.write(closingLine(report.summary) + '\n');
    },
  };
}
