/** Time as the simulator sees it; injectable so tests are deterministic. */
export interface Clock {
  now(): Date;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** A manual clock for tests: time moves only when `advance` is called. */
export class ManualClock implements Clock {
  private current: number;
  private timers: { at: number; fn: () => void; id: number }[] = [];
  private nextId = 1;
  constructor(start: Date | string = '2024-01-01T00:00:00Z') {
    this.current = new Date(start).getTime();
  }
  now(): Date {
    return new Date(this.current);
  }
  setTimeout(fn: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.timers.push({ at: this.current + Math.max(0, ms), fn, id });
    return id;
  }
  clearTimeout(handle: unknown): void {
    this.timers = this.timers.filter((t) => t.id !== handle);
  }
  /** Moves time forward, firing due timers in order. */
  advance(ms: number): void {
    const target = this.current + ms;
    for (;;) {
      this.timers.sort((a, b) => a.at - b.at || a.id - b.id);
      const next = this.timers[0];
      if (!next || next.at > target) break;
      this.timers.shift();
      this.current = next.at;
      next.fn();
    }
    this.current = target;
  }
}

/** Random names and ids; injectable so tests are deterministic. */
export interface IdSource {
  /** A UUID v4 string. */
  uid(): string;
  /** A random integer in [0, n). */
  int(n: number): number;
}

export const randomIds: IdSource = {
  uid: () => crypto.randomUUID(),
  int: (n) => Math.floor(Math.random() * n),
};

/** A seeded generator (mulberry32) for tests and reproducible runs. */
export function seededIds(seed = 1): IdSource {
  let s = seed >>> 0;
  const next = (): number => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const hex = (n: number) => Array.from({ length: n }, () => Math.floor(next() * 16).toString(16)).join('');
  return {
    uid: () => `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[Math.floor(next() * 4)]}${hex(3)}-${hex(12)}`,
    int: (n) => Math.floor(next() * n),
  };
}

/**
 * A clock that remembers the timers it has pending, so the simulator can tell whether the cluster
 * will change by itself soon (a controller's delayed work, a kubelet stage) or has come to rest.
 */
export class TrackingClock implements Clock {
  private readonly pending = new Map<unknown, number>();
  /** Pending timers of retry loops that cannot change the outcome (see `retryLoop`). */
  private readonly retries = new Set<unknown>();
  /**
   * Pending timers of sleeping container processes (see `processWake`), each with the count of
   * changes to the cluster (see `noteChange`) when the process went to sleep.
   */
  private readonly wakes = new Map<unknown, number>();
  /** How many times the cluster changed (see `noteChange`). */
  private changes = 0;
  /** > 0 while a retry loop's timer (or work it scheduled) runs. */
  private inRetry = 0;
  constructor(readonly inner: Clock) {}
  now(): Date {
    return this.inner.now();
  }
  setTimeout(fn: () => void, ms: number): unknown {
    const due = this.inner.now().getTime() + Math.max(0, ms);
    const box: { handle?: unknown } = {};
    box.handle = this.inner.setTimeout(() => {
      this.pending.delete(box.handle);
      this.wakes.delete(box.handle);
      const retry = this.retries.delete(box.handle);
      if (retry) this.inRetry++;
      try {
        fn();
      } finally {
        if (retry) this.inRetry--;
      }
    }, ms);
    this.pending.set(box.handle, due);
    // Work a retry loop schedules belongs to the loop.
    if (this.inRetry > 0) this.retries.add(box.handle);
    return box.handle;
  }
  clearTimeout(handle: unknown): void {
    this.pending.delete(handle);
    this.retries.delete(handle);
    this.wakes.delete(handle);
    this.inner.clearTimeout(handle);
  }
  /**
   * Marks a pending timer as a retry loop that cannot change the outcome by itself (a mount retried
   * for a ConfigMap nobody creates, a pull of an image that does not exist, a crash-looping
   * container's restart): such timers, and the work they schedule, do not keep the cluster from
   * being at rest.
   */
  retryLoop(handle: unknown): void {
    if (this.pending.has(handle)) this.retries.add(handle);
  }
  /**
   * Marks a pending timer as the end of a container process's sleep: when it fires, the process
   * goes on and may print more (a logger's next line), whether or not the cluster's objects change.
   */
  processWake(handle: unknown): void {
    if (this.pending.has(handle)) this.wakes.set(handle, this.changes);
  }
  /**
   * Notes that the cluster changed (an object written, not by a retry loop): a loop that went to
   * sleep before it looks again when it wakes, and may find what it waits for (a Service that now
   * resolves) and end, moving its pod on (an init container's exit).
   */
  noteChange(): void {
    this.changes++;
  }
  /** True when a sleeping container process wakes within `ms` from now (its output may still grow). */
  wakesWithin(ms: number): boolean {
    const limit = this.inner.now().getTime() + ms;
    for (const handle of this.wakes.keys()) if ((this.pending.get(handle) ?? Infinity) <= limit) return true;
    return false;
  }
  /** True while a retry loop's timer, or work it scheduled, runs (its writes are not progress). */
  get inRetryLoop(): boolean {
    return this.inRetry > 0;
  }
  /**
   * True when some timer is due within `ms` from now other than a retry loop's that has nothing new
   * to find: a loop's sleep counts when the cluster changed since the loop went to sleep, so its
   * next look is work still due; once it looked and slept again, it no longer counts.
   */
  dueWithin(ms: number): boolean {
    const limit = this.inner.now().getTime() + ms;
    for (const [handle, due] of this.pending) if (due <= limit && (!this.retries.has(handle) || this.changedSince(handle))) return true;
    return false;
  }
  /** True when `handle` is a process's sleep and the cluster changed since the process went to sleep. */
  private changedSince(handle: unknown): boolean {
    const since = this.wakes.get(handle);
    return since !== undefined && since < this.changes;
  }
}

/** Marks a timer of `clock` as a retry loop (see `TrackingClock.retryLoop`); a no-op on other clocks. */
export function markRetryLoop(clock: Clock, handle: unknown): void {
  if (clock instanceof TrackingClock) clock.retryLoop(handle);
}

/** Marks a timer of `clock` as the end of a container process's sleep (see `TrackingClock.processWake`); a no-op on other clocks. */
export function markProcessWake(clock: Clock, handle: unknown): void {
  if (clock instanceof TrackingClock) clock.processWake(handle);
}

/**
 * Real time that can be moved forward: `advance(ms)` skips that much time at once and fires every
 * timer that became due (in due order), re-arming the others, so a CronJob's next minute comes
 * without waiting a minute while kubectl and the kubelet keep running in real time. `nextDueMs()`
 * says how far away the earliest pending timer is, for a caller that skips to it.
 */
export class JumpClock implements Clock {
  private offset = 0;
  private nextId = 1;
  private readonly timers = new Map<number, { due: number; fn: () => void; real: NodeJS.Timeout }>();

  constructor(start?: Date) {
    if (start) this.offset = start.getTime() - Date.now();
  }

  now(): Date {
    return new Date(Date.now() + this.offset);
  }

  setTimeout(fn: () => void, ms: number): unknown {
    const id = this.nextId++;
    const due = this.now().getTime() + Math.max(0, ms);
    this.timers.set(id, { due, fn, real: this.arm(id, Math.max(0, ms)) });
    return id;
  }

  clearTimeout(handle: unknown): void {
    const t = this.timers.get(handle as number);
    if (t) clearTimeout(t.real);
    this.timers.delete(handle as number);
  }

  /** Milliseconds until the earliest pending timer, or undefined when none is pending. */
  nextDueMs(): number | undefined {
    let min: number | undefined;
    for (const t of this.timers.values()) min = min === undefined ? t.due : Math.min(min, t.due);
    return min === undefined ? undefined : Math.max(0, min - this.now().getTime());
  }

  /** Moves time forward; timers now due fire at once (in due order), the others are re-armed. */
  advance(ms: number): void {
    this.offset += ms;
    const now = this.now().getTime();
    const entries = [...this.timers.entries()].sort((a, b) => a[1].due - b[1].due);
    for (const [id, t] of entries) {
      clearTimeout(t.real);
      if (t.due <= now) {
        this.timers.delete(id);
        t.fn();
      } else t.real = this.arm(id, t.due - now);
    }
  }

  /**
   * Lets `ms` of time pass at once, as if it had gone by: every timer due within it fires at its own
   * time, in due order, including timers that the fired ones set; between two, `settle` lets the
   * work they started (promise chains, I/O) run. At most `maxFires` rounds, so a timer loop that
   * re-arms itself at 0 ms cannot hold the caller. Returns how far the clock was moved ahead of
   * real time.
   */
  async pass(ms: number, settle: () => Promise<void> = () => new Promise((r) => setImmediate(r)), maxFires = 10_000): Promise<number> {
    const before = this.offset;
    const target = this.now().getTime() + Math.max(0, ms);
    for (let i = 0; i < maxFires; i++) {
      let next: number | undefined;
      for (const t of this.timers.values()) next = next === undefined ? t.due : Math.min(next, t.due);
      if (next === undefined || next > target) break;
      this.advance(Math.max(0, next - this.now().getTime()));
      await settle();
    }
    const now = this.now().getTime();
    if (target > now) this.advance(target - now);
    return this.offset - before;
  }

  private arm(id: number, ms: number): NodeJS.Timeout {
    const real = setTimeout(() => {
      const t = this.timers.get(id);
      if (!t) return;
      this.timers.delete(id);
      t.fn();
    }, ms);
    real.unref();
    return real;
  }
}
