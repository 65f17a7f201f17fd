import { describe, expect, it } from 'vitest';
import { JumpClock, ManualClock, TrackingClock } from '../../../src/backends/sim/clock.js';

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
