import { describe, expect, it } from 'vitest';
import { JumpClock, ManualClock, TrackingClock, markProcessWake, markRetryLoop } from '../../../src/backends/sim/clock.js';

describe('TrackingClock', () => {
  it('knows which timers are due within a horizon, and forgets fired and cleared ones', () => {
    const manual = new ManualClock();
    const clock = new TrackingClock(manual);
    const fired: string[] = [];
    clock.setTimeout(() => fired.push('soon'), 1000);
    const later = clock.setTimeout(() => fired.push('later'), 120_000);
    expect(clock.dueWithin(500)).toBe(false);
    expect(clock.dueWithin(1000)).toBe(true);
    manual.advance(1000);
    expect(fired).toEqual(['soon']);
    expect(clock.dueWithin(30_000)).toBe(false);
    expect(clock.dueWithin(120_000)).toBe(true);
    clock.clearTimeout(later);
    expect(clock.dueWithin(1_000_000)).toBe(false);
    manual.advance(200_000);
    expect(fired).toEqual(['soon']);
  });
});

describe('TrackingClock process wakes', () => {
  it('tells when a sleeping container process wakes, apart from other timers, and forgets fired and cleared ones', () => {
    const manual = new ManualClock();
    const clock = new TrackingClock(manual);
    clock.setTimeout(() => undefined, 5_000);
    const wake = clock.setTimeout(() => undefined, 10_000);
    markProcessWake(clock, wake);
    expect(clock.wakesWithin(9_000)).toBe(false);
    expect(clock.wakesWithin(10_000)).toBe(true);
    manual.advance(10_000);
    expect(clock.wakesWithin(60_000)).toBe(false);
    const later = clock.setTimeout(() => undefined, 1_000);
    markProcessWake(clock, later);
    // A loop's sleep does not keep the cluster from being at rest, yet its output may grow.
    markRetryLoop(clock, later);
    expect(clock.dueWithin(60_000)).toBe(false);
    expect(clock.wakesWithin(60_000)).toBe(true);
    clock.clearTimeout(later);
    expect(clock.wakesWithin(60_000)).toBe(false);
  });
});

describe('TrackingClock loop sleeps and changes to the cluster', () => {
  it("counts a loop's sleep as due only when the cluster changed since the loop went to sleep", () => {
    const manual = new ManualClock();
    const clock = new TrackingClock(manual);
    const first = clock.setTimeout(() => undefined, 2_000);
    markProcessWake(clock, first);
    markRetryLoop(clock, first);
    // Nothing changed since it slept: its next look finds what the last one found.
    expect(clock.dueWithin(30_000)).toBe(false);
    clock.noteChange();
    // A Service it waits for may now resolve: its next look is work still due.
    expect(clock.dueWithin(30_000)).toBe(true);
    expect(clock.dueWithin(1_000)).toBe(false);
    manual.advance(2_000);
    const again = clock.setTimeout(() => undefined, 2_000);
    markProcessWake(clock, again);
    markRetryLoop(clock, again);
    // It looked after the change and slept again: at rest.
    expect(clock.dueWithin(30_000)).toBe(false);
    // A retry loop that is not a process's sleep (a mount retried) does not count, change or not.
    const mount = clock.setTimeout(() => undefined, 1_000);
    markRetryLoop(clock, mount);
    clock.noteChange();
    clock.clearTimeout(again);
    expect(clock.dueWithin(30_000)).toBe(false);
  });
});

describe('JumpClock', () => {
  it('fires timers that a jump makes due, in due order, and re-arms the rest', () => {
    const clock = new JumpClock(new Date('2026-01-01T00:00:00Z'));
    const fired: string[] = [];
    clock.setTimeout(() => fired.push('b'), 120_000);
    clock.setTimeout(() => fired.push('a'), 60_000);
    const c = clock.setTimeout(() => fired.push('c'), 90_000);
    clock.clearTimeout(c);
    clock.setTimeout(() => fired.push('d'), 600_000);
    expect(clock.nextDueMs()).toBeGreaterThan(59_000);
    clock.advance(150_000);
    expect(fired).toEqual(['a', 'b']);
    expect(clock.now().getTime()).toBeGreaterThanOrEqual(Date.parse('2026-01-01T00:02:30Z'));
    expect(clock.nextDueMs()).toBeGreaterThan(440_000);
  });
});

describe('JumpClock.pass', () => {
  it('fires the timers due within the time passed at their own times, including those they set', async () => {
    const clock = new JumpClock(new Date('2026-01-01T00:00:00Z'));
    const start = clock.now().getTime();
    const fired: [string, number][] = [];
    clock.setTimeout(() => {
      fired.push(['pull', clock.now().getTime() - start]);
      clock.setTimeout(() => fired.push(['start', clock.now().getTime() - start]), 250);
    }, 650);
    clock.setTimeout(() => fired.push(['later', clock.now().getTime() - start]), 60_000);
    const moved = await clock.pass(1000);
    expect(fired.map(([name]) => name)).toEqual(['pull', 'start']);
    // Each fired at (or, by the real time the test took, just after) its own due time.
    expect(fired[0]![1]).toBeGreaterThanOrEqual(650);
    expect(fired[1]![1]).toBeGreaterThanOrEqual(900);
    expect(fired[1]![1]).toBeLessThan(60_000);
    expect(moved).toBeGreaterThanOrEqual(900);
    expect(clock.now().getTime() - start).toBeGreaterThanOrEqual(1000);
    expect(clock.nextDueMs()).toBeLessThanOrEqual(59_000);
  });

  it('stops after a bounded number of rounds when a timer re-arms itself at 0 ms', async () => {
    const clock = new JumpClock();
    let n = 0;
    const loop = (): void => {
      n++;
      clock.setTimeout(loop, 0);
    };
    clock.setTimeout(loop, 0);
    await clock.pass(1000, async () => undefined, 50);
    // 50 rounds, and the closing move to the end of the second fires what is due once more.
    expect(n).toBeGreaterThanOrEqual(50);
    expect(n).toBeLessThanOrEqual(51);
  });
});

describe('TrackingClock retry loops', () => {
  it('does not count a retry loop, or work it schedules, as due; other timers still count', () => {
    const manual = new ManualClock();
    const clock = new TrackingClock(manual);
    const seen: boolean[] = [];
    const retry = clock.setTimeout(() => {
      seen.push(clock.inRetryLoop);
      clock.setTimeout(() => seen.push(clock.inRetryLoop), 100);
    }, 1000);
    markRetryLoop(clock, retry);
    expect(clock.dueWithin(30_000)).toBe(false);
    const progress = clock.setTimeout(() => seen.push(clock.inRetryLoop), 2000);
    expect(clock.dueWithin(30_000)).toBe(true);
    clock.clearTimeout(progress);
    manual.advance(1000);
    // The follow-up the loop scheduled belongs to the loop.
    expect(clock.dueWithin(30_000)).toBe(false);
    manual.advance(100);
    expect(seen).toEqual([true, true]);
    expect(clock.inRetryLoop).toBe(false);
  });
});
