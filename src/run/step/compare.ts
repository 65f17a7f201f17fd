/** A step's output compared with what the doc shows: the output itself, with its block's earlier outputs, or a file it wrote. */
import type { CommandStep } from '../../plan/types.js';
import type { MatchResult } from '../../match/types.js';
import { asReaderSees, podExec } from '../rewrite/index.js';
import { shQuote } from '../../shell/index.js';
import { internal } from '../internal.js';
import type { LessonContext, LessonProgress } from '../state.js';
import type { Run } from './types.js';

/** Compares a step's output with the doc's, with the page's bindings so far. */
export function match(state: LessonProgress, step: CommandStep, actual: string, command: string): MatchResult {
  const e = step.expected!;
  // The page's earlier bindings: a value the cluster assigned must stay the same value later on.
  return state.matcher.matchOutput({
    expected: e.text,
    actual,
    mode: e.mode,
    line: e.position.line,
    column: e.position.column,
    command,
    bindings: state.bindings,
    ...(e.optionalRows ? { optionalRows: e.optionalRows } : {}),
  });
}

/**
 * What the doc's output block shows of this step: its output; with the outputs of the earlier
 * commands of its block before it when the block shows them together (`covers`); or the content of
 * the file the command wrote when the doc shows that file (`expected.file`).
 */
export async function shown(state: LessonProgress, step: CommandStep, prepared: Run, output: string): Promise<string> {
  const e = step.expected!;
  if (e.file) return readWritten(state, step, prepared, e.file);
  if (!e.covers?.length) return output;
  return e.covers.map((id) => state.outputs.get(id) ?? '').join('') + output;
}

/**
 * Compares what the doc shows with what the step gave. When the block's earlier commands may be
 * shown too (`mayCover`), both readings are compared: this step's output alone, and the outputs
 * of those commands that ran, then this one, as a reader pasting the fence sees them. The first
 * that fits wins; when neither does, the one with fewer differences is reported.
 */
export async function matchShown(state: LessonProgress, step: CommandStep, prepared: Run, raw: string, command: string): Promise<MatchResult> {
  const output = asReaderSees(raw, prepared.rewrites);
  const alone = match(state, step, await shown(state, step, prepared, output), command);
  const before = (step.expected!.mayCover ?? []).filter((id) => state.outputs.has(id));
  if (alone.ok || step.expected!.file || before.length === 0) return alone;
  const together = match(state, step, before.map((id) => state.outputs.get(id)!).join('') + output, command);
  return together.ok || together.differences.length < alone.differences.length ? together : alone;
}

/** The content of a file a step wrote, read where the step ran (this machine, its pod, its node). */
async function readWritten(state: LessonContext, step: CommandStep, prepared: Run, file: string): Promise<string> {
  // `~/x` and `$HOME/x` as the reader's shell expands them; anything else quoted as written.
  const path = /^~\//.test(file) ? `"$HOME"/${shQuote(file.slice(2))}` : /^\$HOME\//.test(file) ? `"$HOME"/${shQuote(file.slice(6))}` : shQuote(file);
  const cat = `cat -- ${path} 2>&1`;
  if (prepared.onNode) {
    const nodeExec = state.session.nodeExec?.bind(state.session);
    if (!nodeExec) return '';
    const r = await nodeExec(cat, { timeoutMs: 30_000, ...(prepared.onNode.name ? { node: prepared.onNode.name } : {}) });
    return r.stdout + r.stderr;
  }
  if (step.host.kind === 'pod' && prepared.podTarget) {
    const pod = prepared.podTarget;
    return internal(state, `${podExec(pod)} ${shQuote(`${pod.cwd ? `cd ${shQuote(pod.cwd)} 2>/dev/null; ` : ''}${cat}`)}`);
  }
  return internal(state, cat);
}
