/**
 * Two terminals. When the page keeps a long-running step going "in another terminal" (a
 * `kubectl get --watch`, `logs -f`, a `while true` loop) while the next steps act, the step is
 * started in the background before those actions, its output collected while they run, and it is
 * compared once the lines the page shows have appeared, or when its section ends (after a last
 * wait), when the page says to stop it (Ctrl+C), or at the end of the lesson. Stopping it is the
 * runner's doing, not a failure: only the output is judged, and a step with no output shown passes.
 * An endless loop with no output shown is such a step too, whatever the prose says: a reader
 * leaves it running (a load generator) and goes on. A line typed in a pod's shell runs there,
 * with `kubectl exec -i`.
 *
 * The background job belongs to the lesson shell, and the lesson shell stops it (`kill` of the job
 * it started): the runner signals no process by a number it read from the sandbox.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { CommandStep } from '../plan/types.js';
import { internal } from './internal.js';
import { match } from './step/compare.js';
import { baseResult, markUnchecked } from './outcome.js';
import { ClusterTime } from './pace.js';
import { neverEnds, shQuote } from '../shell/index.js';
import type { LessonProgress } from './state.js';
import type { StepResult } from './types.js';
import { cannotCheck } from './unchecked.js';

/** A step running in the background, in its own "terminal". */
export interface Concurrent {
  step: CommandStep;
  /** The result, filled in when the step is finished; its place in the lesson's steps is kept. */
  result: StepResult;
  /** The lesson-shell variable holding the job's process id. */
  job: string;
  /** Where its output goes (in the runner's own directory). */
  log: string;
  started: number;
}

/** An endless loop the page shows no output for: a reader leaves it running and goes on. */
function endlessWithoutOutput(step: CommandStep): boolean {
  return step.expected === null && neverEnds(step.command)?.kind === 'loop';
}

/**
 * True when the step should run in its own terminal: the page says so (or it is an endless loop
 * with no output shown), and it runs on this machine or in a pod's shell.
 */
export function runsConcurrently(step: CommandStep): boolean {
  if (step.skip) return false;
  const where = step.host.kind === 'local' || (step.host.kind === 'pod' && step.host.client === undefined);
  return where && (step.concurrent !== undefined || endlessWithoutOutput(step));
}

/** Why the step runs in the background, for its rewrite. */
function concurrentReason(step: CommandStep): string {
  const endless = neverEnds(step.command);
  const stops = step.stoppedAt ? `, when the page says to stop it (line ${step.stoppedAt.line})` : '';
  const why = step.concurrent
    ? `the page keeps it running in another terminal (line ${step.concurrent.line}: "${step.concurrent.cue}")`
    : `${endless?.what ?? 'it'} never ends by itself and the page shows no output for it`;
  const stop = step.expected ? `once its lines have appeared, at the end of its section${stops}` : `at the end of its section${stops}`;
  const pod = step.host.kind === 'pod' ? ` in the pod shell opened at line ${step.host.source.line ?? '?'} (with \`kubectl exec -i\`)` : '';
  return `${why}; it runs in the background${pod} while the next steps run, and is stopped ${stop}`;
}

/**
 * Starts the step in the background of the lesson shell. `prepared` is what it runs as when that
 * is not the page's line (a line of a pod's shell: `kubectl exec -i … -- sh -c LINE`).
 */
export async function startConcurrent(
  state: LessonProgress,
  step: CommandStep,
  index: number,
  prepared?: { command: string; rewrites: StepResult['rewrites'] },
): Promise<Concurrent> {
  // `cmd &` as the doc writes it: the runner backgrounds it itself (and then sees it run).
  let command = prepared?.command ?? step.command.trim().replace(/\s*(?<!&)&$/, '');
  if (!prepared && state.bindings.length) command = state.matcher.applyBindings(command, state.bindings);
  const job = `__kdt_job_${index}`;
  const log = `${state.sandbox.run}/concurrent-${index}.log`;
  const result = baseResult(step);
  result.ran = command;
  result.rewrites.push(...(prepared?.rewrites ?? []), { kind: 'interactive', from: step.command, to: `${command} &`, reason: concurrentReason(step) });
  await internal(state, `( ${command}\n) >${shQuote(log)} 2>&1 </dev/null & ${job}=$!`);
  const c = { step, result, job, log, started: Date.now() };
  await firstOutput(state, c, START_WAIT_MS);
  return c;
}

/**
 * How long a step started in another terminal may take to print its first line (a proxy's
 * "Starting to serve on …", a watch's first rows) before the next step runs: a reader types the
 * next command only once the other terminal shows the command is up.
 */
const START_WAIT_MS = 3000;

/** Waits until the background step has printed something, or `waitMs` passed, or it ended. */
async function firstOutput(state: LessonProgress, c: Concurrent, waitMs: number): Promise<void> {
  // A wait for the other terminal's process to start, in real time (the cluster's time is not involved).
  const until = Date.now() + waitMs;
  while (Date.now() < until && !state.options.signal?.aborted) {
    const r = await internal(state, `[ -s ${shQuote(c.log)} ] && echo printed; kill -0 "$${c.job}" 2>/dev/null || echo ended`);
    if (r.includes('printed') || r.includes('ended')) return;
    await sleep(50);
  }
}

async function output(state: LessonProgress, c: Concurrent): Promise<string> {
  return internal(state, `cat ${shQuote(c.log)} 2>/dev/null`);
}

function matches(state: LessonProgress, c: Concurrent, actual: string): boolean {
  return c.step.expected !== null && match(state, c.step, actual, c.step.command).ok;
}

/** True once the output the page shows has appeared. */
export async function hasShown(state: LessonProgress, c: Concurrent): Promise<boolean> {
  return matches(state, c, await output(state, c));
}

/**
 * Ends the step: waits up to `waitMs` for the page's lines, stops the job, and judges what it
 * printed. The result object is the one already placed among the lesson's steps.
 */
export async function finishConcurrent(state: LessonProgress, c: Concurrent, waitMs: number): Promise<StepResult> {
  // The wait is in the cluster's time, which the simulator may let pass at once.
  const clock = new ClusterTime(state);
  let actual = await output(state, c);
  while (!matches(state, c, actual) && c.step.expected && clock.elapsed() < waitMs && !state.options.signal?.aborted) {
    await clock.pause(Math.min(500, Math.max(50, waitMs - clock.elapsed())));
    actual = await output(state, c);
  }
  await internal(state, `kill -TERM "$${c.job}" 2>/dev/null; wait "$${c.job}" 2>/dev/null; unset ${c.job}`);
  actual = await output(state, c);
  const r = c.result;
  r.durationMs = Date.now() - c.started;
  return judgeOutput(state, c.step, actual, r);
}

/**
 * Judges `actual` as the output of `step` into `r`: a step run in the background, or one that
 * shows such a step's output. The output is kept for later lines that read it.
 */
export function judgeOutput(state: LessonProgress, step: CommandStep, actual: string, r: StepResult): StepResult {
  r.attempts = 1;
  r.actual = actual;
  const e = step.expected;
  if (e) {
    const m = match(state, step, actual, step.command);
    r.status = m.ok ? 'pass' : 'fail';
    r.differences = m.differences;
    if (!m.ok && m.diff) r.diff = m.diff;
    r.bindings = m.bindings;
    if (m.ok) state.bindings.push(...m.bindings.map((b) => ({ ...b, line: e.position.line })));
    // What the backend cannot model decides this step as it does one run in the foreground.
    const cannot = m.ok
      ? undefined
      : cannotCheck({ command: step.command, output: actual, expected: e.text, onHost: step.host.kind === 'local' }, state.session);
    if (cannot) markUnchecked(r, cannot.reason);
  }
  state.outputs.set(step.id, actual);
  return r;
}

/**
 * What the background step has printed so far, once `step`'s lines have appeared in it or
 * `waitMs` of the cluster's time passed: `step` shows that output ("Examine the output of the
 * `kubectl get` command in the first terminal"). The background step keeps running.
 */
export async function shownSoFar(state: LessonProgress, c: Concurrent, step: CommandStep, waitMs: number): Promise<string> {
  const clock = new ClusterTime(state);
  const shown = (actual: string) => step.expected !== null && match(state, step, actual, step.command).ok;
  let actual = await output(state, c);
  while (!shown(actual) && clock.elapsed() < waitMs && !state.options.signal?.aborted) {
    await clock.pause(Math.min(500, Math.max(50, waitMs - clock.elapsed())));
    actual = await output(state, c);
  }
  return actual;
}
