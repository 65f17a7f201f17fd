/** Time as the simulator sees it; injectable so tests are deterministic. */
export interface Clock {
  now(): Date;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realClock: Clock = {
  now: () => new Date(),
  setTimeout: (fn, ms) => {
    const t = setTimeout(fn, ms);
    t.unref?.();
    return t;
  },
  clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
};

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
  const hex = (n: number) =>
    Array.from({ length: n }, () => Math.floor(next() * 16).toString(16)).join('');
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
  constructor(private readonly inner: Clock) {}
  now(): Date {
    return this.inner.now();
  }
  setTimeout(fn: () => void, ms: number): unknown {
    const due = this.inner.now().getTime() + Math.max(0, ms);
    const box: { handle?: unknown } = {};
    box.handle = this.inner.setTimeout(() => {
      this.pending.delete(box.handle);
      fn();
    }, ms);
    this.pending.set(box.handle, due);
    return box.handle;
  }
  clearTimeout(handle: unknown): void {
    this.pending.delete(handle);
    this.inner.clearTimeout(handle);
  }
  /** True when some timer is due within `ms` from now. */
  dueWithin(ms: number): boolean {
    const limit = this.inner.now().getTime() + ms;
    for (const due of this.pending.values()) if (due <= limit) return true;
    return false;
  }
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
