import type { ProbeSettings } from './kubelet-probes.js';
import type { ContainerRun, PodRun } from './kubelet-status.js';
import type { PodLifecycleTimings } from './stages/pod-lifecycle.js';
import type { BackOff, PodStage, StageEdge, StageEvent } from './stages/pod-stages.js';
import type { Json } from './util.js';

/** Where a pod is in the table: the container a stage is about (by index) and what it carries to the next. */
export interface StageCursor {
  /** The container's index in `PodRun.containers` (init containers first). */
  i: number;
  /** Go on to the next container once this one runs (false for a restart or a retried pull). */
  chain: boolean;
  exitCode?: number;
  /** The terminated reason when it is not Completed or Error (OOMKilled). */
  reason?: string;
  /** Why a volume or a pull failed, in the kubelet's words. */
  detail?: string;
  /** The container instance (its restart count) a side line was started for. */
  gen?: number;
  /** The round of a periodic stage (resync). */
  round?: number;
  /** The terminated state a restart keeps as lastState. */
  terminated?: Json;
  /** A probe's own terminationGracePeriodSeconds, for a container it kills. */
  graceSeconds?: number;
  /** The containers (indexes) a deleted pod is stopping. */
  stopping?: number[];
  /** The phase a deleted pod ends in. */
  phase?: 'Succeeded' | 'Failed';
  /** The probe a probe worker's stages are about, and how long its worker has run (simulated ms). */
  probe?: ProbeSettings;
  probeElapsedMs?: number;
}

/** What the engine moves through the table: the kubelet's record of a pod. */
export interface StageRun extends PodRun {
  /** Containers are stopped: report that, then remove the pod. */
  stopped: boolean;
}

/** Values for the `${name}` placeholders of a stage's messages. */
export type StageValues = Record<string, string | number>;

/** Leaves a stage by one of its row's outcomes; `amount` is the `given` delay or the `backOff` failure count. */
export type Go = (outcome: string, at: StageCursor, amount?: number) => void;

/** The part of a stage that is not data. */
export interface StageHandler<R> {
  /** Values for the row's messages, or false when the stage no longer applies (the pod is going, the container restarted). */
  enter?(run: R, at: StageCursor, waitedMs: number): StageValues | false;
  /** What the stage keeps of the container as it was, before the row's writes (a stage that applies). */
  before?(run: R, at: StageCursor): void;
  /** What the stage does once its row's writes are done, leaving by `go`, in order. */
  act?(run: R, at: StageCursor, go: Go, values: StageValues): void;
}

/** What the engine needs from the kubelet. */
export interface StageHost<R> {
  timings: PodLifecycleTimings;
  /** Runs `fn` after `ms` of simulated time (cancelled with the pod), then syncs the pod. */
  after(run: R, ms: number, fn: () => void, retry: boolean): void;
  event(run: R, c: ContainerRun | undefined, type: StageEvent['type'], reason: string, message: string): void;
  /** Sets up the pod sandbox (its IP) if it is not up yet. */
  sandbox(run: R): void;
}

/** A back-off after `failures` failures: the initial delay doubling with each, up to the cap. */
export function backOffMs(timings: PodLifecycleTimings, b: BackOff, failures: number): number {
  return Math.min(timings[b.initial] * 2 ** Math.max(0, failures - 1), timings[b.max]);
}

/** `${name}` placeholders filled from `values`; a missing one is a mistake in the table or its handler. */
export function fillMessage(stage: string, template: string, values: StageValues): string {
  return template.replace(/\$\{(\w+)\}/g, (_, key: string) => {
    const v = values[key];
    if (v === undefined) throw new Error(`pod stage "${stage}": no value for \${${key}} in "${template}"`);
    return String(v);
  });
}

/**
 * Moves pods through a stage table on the host's clock: entering a stage records its events, sets
 * the waiting state, phase or removal its row declares, then runs its handler, which leaves by the
 * row's outcomes; each outcome's wait decides when the next stage is entered.
 */
export class StageEngine<R extends StageRun> {
  private readonly rows = new Map<string, PodStage>();

  constructor(
    rows: readonly PodStage[],
    private readonly handlers: Readonly<Partial<Record<string, StageHandler<R>>>>,
    private readonly host: StageHost<R>,
  ) {
    for (const row of rows) this.rows.set(row.name, row);
  }

  /** Enters stage `name` now; `waitedMs`: how long the pod waited for it (simulated ms). */
  enter(run: R, name: string, at: StageCursor, waitedMs = 0): void {
    const row = this.row(name);
    const handler = this.handlers[name];
    const found = handler?.enter ? handler.enter(run, at, waitedMs) : {};
    if (found === false) return;
    handler?.before?.(run, at);
    const c = row.scope === 'container' ? run.containers[at.i] : undefined;
    const values: StageValues = { ...(c ? { container: c.name, image: c.image } : {}), ...found };
    if (row.sandbox) this.host.sandbox(run);
    if (!row.eventsPerContainer) this.record(run, row.name, c, values);
    if (c && (row.state || row.waiting)) {
      if (row.waiting) c.waiting = { message: fillMessage(row.name, row.waiting.message, values), reason: row.waiting.reason };
      c.stage = row;
    }
    if (c && row.keepsLastState) c.lastState = { terminated: at.terminated };
    if (c && row.restarts) c.restartCount++;
    if (row.phase) run.finished = row.phase;
    if (row.removes) run.stopped = true;
    const outcomes = Object.keys(row.next);
    // A stage that is only data (no handler) goes on by its one way out.
    if (handler?.act) handler.act(run, at, (outcome, next, amount) => this.go(run, row, outcome, next, amount), values);
    else if (outcomes.length === 1) this.go(run, row, outcomes[0]!, at);
  }

  /** Records the events of stage `name` (about container `c`, when there is one). */
  record(run: R, name: string, c: ContainerRun | undefined, values: StageValues): void {
    const all = { ...(c ? { container: c.name, image: c.image } : {}), ...values };
    for (const e of this.row(name).events ?? []) this.host.event(run, c, e.type, e.reason, fillMessage(name, e.message, all));
  }

  /** The delay of outcome `outcome` of stage `name` in simulated ms, or undefined for `now`; `amount` as for `Go`. */
  waitMs(name: string, outcome: string, amount?: number): number | undefined {
    const edge = this.edge(this.row(name), outcome);
    const w = edge.wait;
    if ('now' in w) return undefined;
    if ('timing' in w) return this.host.timings[w.timing];
    if ('ms' in w) return w.ms;
    if (amount === undefined) throw new Error(`the edge to pod stage "${edge.to}" waits ${'given' in w ? `for ${w.given}` : 'a back-off'}: pass it`);
    return 'given' in w ? amount : backOffMs(this.host.timings, w.backOff, amount);
  }

  private go(run: R, from: PodStage, outcome: string, at: StageCursor, amount?: number): void {
    const edge = this.edge(from, outcome);
    const ms = this.waitMs(from.name, outcome, amount);
    if (ms === undefined) this.enter(run, edge.to, at);
    else this.host.after(run, ms, () => this.enter(run, edge.to, at, ms), edge.retry === true && ms > 0);
  }

  private edge(from: PodStage, outcome: string): StageEdge {
    const edge = from.next[outcome];
    if (!edge) throw new Error(`pod stage "${from.name}" has no outcome "${outcome}"`);
    return edge;
  }

  /** The row of stage `name`. */
  row(name: string): PodStage {
    const row = this.rows.get(name);
    if (!row) throw new Error(`pod stage "${name}" is not in the stage table`);
    return row;
  }
}
