import { describe, expect, it } from 'vitest';
import { ManualClock, TrackingClock } from '../../../src/backends/sim/clock.js';

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
