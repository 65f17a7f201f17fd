import type { Clock } from '../clock.js';

/** Retry delays for failed syncs: exponential from `baseMs`, capped, given up after `maxRetries`. */
export interface RateLimit {
  baseMs: number;
  maxMs: number;
  maxRetries: number;
}

export const defaultRateLimit: RateLimit = { baseMs: 5, maxMs: 1000, maxRetries: 15 };

/**
 * Result of a sync: nothing, or a delay after which the key must be synced again (for example a
 * pod becoming available after minReadySeconds).
 */
export type SyncResult = void | { requeueAfterMs: number };

/**
 * A de-duplicating work queue of keys, drained on the clock (never inside the caller's stack), so
 * store callbacks only enqueue. A failing sync is retried with rate-limited backoff.
 */
export class WorkQueue {
  private readonly pending = new Set<string>();
  private readonly failures = new Map<string, number>();
  private readonly delayed = new Map<string, unknown>();
  private scheduled: unknown;
  private stopped = false;

  constructor(
    readonly name: string,
    private readonly clock: Clock,
    private readonly sync: (key: string) => SyncResult,
    private readonly limit: RateLimit = defaultRateLimit,
    private readonly onError: (name: string, key: string, error: unknown) => void = () => undefined,
  ) {}

  /** Queues a key for the next drain. */
  add(key: string): void {
    if (this.stopped) return;
    this.pending.add(key);
    if (this.scheduled === undefined) {
      this.scheduled = this.clock.setTimeout(() => this.drain(), 0);
    }
  }

  /** Queues a key after a delay; an earlier pending delay for the key is kept if sooner. */
  addAfter(key: string, ms: number): void {
    if (this.stopped) return;
    if (ms <= 0) return this.add(key);
    const existing = this.delayed.get(key);
    if (existing !== undefined) this.clock.clearTimeout(existing);
    this.delayed.set(
      key,
      this.clock.setTimeout(() => {
        this.delayed.delete(key);
        this.add(key);
      }, ms),
    );
  }

  /** Stops draining and cancels timers. */
  stop(): void {
    this.stopped = true;
    if (this.scheduled !== undefined) this.clock.clearTimeout(this.scheduled);
    for (const t of this.delayed.values()) this.clock.clearTimeout(t);
    this.delayed.clear();
    this.pending.clear();
  }

  private drain(): void {
    this.scheduled = undefined;
    // Keys added while draining are handled in this same drain, in order.
    while (!this.stopped && this.pending.size > 0) {
      const key = this.pending.values().next().value as string;
      this.pending.delete(key);
      try {
        const result = this.sync(key);
        this.failures.delete(key);
        if (result && result.requeueAfterMs >= 0) this.addAfter(key, result.requeueAfterMs);
      } catch (error) {
        const n = (this.failures.get(key) ?? 0) + 1;
        if (n > this.limit.maxRetries) {
          this.failures.delete(key);
          this.onError(this.name, key, error);
          continue;
        }
        this.failures.set(key, n);
        this.addAfter(key, Math.min(this.limit.baseMs * 2 ** (n - 1), this.limit.maxMs));
      }
    }
  }
}
