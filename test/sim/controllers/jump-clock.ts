import type { Clock } from '../../../src/backends/sim/clock.js';

/**
 * A real-time clock that a test can move forward: `advance(ms)` skips that much time at once and
 * fires every timer that became due, so a CronJob's next minute comes without waiting a minute
 * while kubectl and the kubelet keep running in real time.
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
