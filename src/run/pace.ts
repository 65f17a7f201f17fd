/**
 * How the runner lets time pass between looks at the cluster: at once on a backend that can move
 * its clock forward (the simulator fires what was due within it), in real time with `realtime` or
 * on a backend that cannot.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Difference, MatchResult } from '../match/types.js';
import type { LessonContext } from './state.js';

/** True when the cluster's time passes at once here (the run is not `realtime` and the backend can). */
export function timePassesAtOnce(state: Pick<LessonContext, 'options' | 'session'>): boolean {
  return !state.options.realtime && state.session.passTime !== undefined;
}

/** Lets `ms` of the cluster's time pass. */
export async function pause(state: Pick<LessonContext, 'options' | 'session'>, ms: number): Promise<void> {
  if (timePassesAtOnce(state)) await state.session.passTime!(ms);
  else await sleep(ms);
}

/**
 * Measures time as the cluster sees it: real time, plus what `pause` let pass at once. A wait
 * bounded by it lasts as long in the cluster's time as it would have in real time.
 */
export class ClusterTime {
  private pausedReal = 0;
  private paused = 0;
  constructor(
    private readonly state: Pick<LessonContext, 'options' | 'session'>,
    private readonly started = Date.now(),
  ) {}
  /** Milliseconds of the cluster's time since `started`. */
  elapsed(): number {
    return Date.now() - this.started - this.pausedReal + this.paused;
  }
  async pause(ms: number): Promise<void> {
    const before = Date.now();
    await pause(this.state, ms);
    this.pausedReal += Date.now() - before;
    this.paused += ms;
  }
}

/**
 * How far the cluster's time may pass on for lines a container has yet to print (a logger that
 * prints every 10 s, read by `kubectl logs` where the doc shows a minute of its lines): past the
 * settle window, up to `windowMs` from the step's start, and only while the output got more lines
 * within the last `quietMs`.
 */
export const OUTPUT_WAIT = { windowMs: 300_000, quietMs: 60_000 } as const;

/**
 * Whether a step should wait on for lines a container has yet to print: every difference is a
 * line the doc shows that is not there yet, the output got more lines lately (or the step has
 * just started), and a container process wakes soon (its loop sleeps between two lines). Waiting
 * then reaches the cluster's time at which the container printed what the doc shows, as a reader
 * who looks a minute later sees it — at once where the cluster's time passes at once, in real
 * time with `realtime`; it never makes a line that differs match.
 */
export class AwaitedOutput {
  /** Most lines an attempt printed so far: the output grows when a later attempt prints more. */
  private most = -1;
  private grewAt = 0;
  constructor(
    private readonly state: Pick<LessonContext, 'options' | 'session'>,
    private readonly clock: ClusterTime,
  ) {}
  /** Called after each attempt with its output and how it matched; true while it is worth waiting on. */
  awaiting(output: string, matched: MatchResult | null): boolean {
    const now = this.clock.elapsed();
    // More lines, not other values in the same lines (a table's AGE column changes every second).
    const lines = output.split('\n').filter((l) => l.trim() !== '').length;
    if (lines > this.most) {
      this.most = lines;
      this.grewAt = now;
    }
    if (!matched || matched.ok || !onlyMissingLines(matched.differences)) return false;
    if (now - this.grewAt > OUTPUT_WAIT.quietMs || now >= OUTPUT_WAIT.windowMs) return false;
    return this.state.session.outputMayGrow?.(OUTPUT_WAIT.quietMs) ?? false;
  }
}

/** True when there are differences and each is a line the doc shows that the output lacks. */
function onlyMissingLines(differences: readonly Difference[]): boolean {
  return differences.length > 0 && differences.every((d) => d.kind === 'missing-line');
}
