/**
 * How the runner lets time pass between looks at the cluster: at once on a backend that can move
 * its clock forward (the simulator fires what was due within it), in real time with `realtime` or
 * on a backend that cannot.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { LessonState } from './state.js';

/** True when the cluster's time passes at once here (the run is not `realtime` and the backend can). */
export function timePassesAtOnce(state: Pick<LessonState, 'options' | 'session'>): boolean {
  return !state.options.realtime && state.session.passTime !== undefined;
}

/** Lets `ms` of the cluster's time pass. */
export async function pause(state: Pick<LessonState, 'options' | 'session'>, ms: number): Promise<void> {
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
    private readonly state: Pick<LessonState, 'options' | 'session'>,
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
