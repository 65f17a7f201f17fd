import { describe, expect, it } from 'vitest';
import { ManualClock, TrackingClock } from '../../../src/backends/sim/clock.js';
import { runSh, testHost } from './helpers.js';

/** Yields to the event loop until `ok()` holds, at most `turns` times; returns whether it held. */
async function until(ok: () => boolean, turns = 200): Promise<boolean> {
  for (let i = 0; i < turns; i++) {
    if (ok()) return true;
    await new Promise((r) => setImmediate(r));
  }
  return ok();
}

describe('sleep in a container', () => {
  it('should show the simulator clock a pending timer while it sleeps, and none after', async () => {
    const clock = new TrackingClock(new ManualClock('2024-01-01T00:00:00Z'));
    const host = { ...testHost(), clock, speed: 1, sleepCapMs: 300 };
    let finished = false;
    const running = runSh('sleep 5; echo done', { host }).then((r) => ((finished = true), r));
    expect(await until(() => clock.dueWithin(1000) || finished)).toBe(true);
    expect(finished).toBe(false);
    expect((await running).stdout).toBe('done\n');
    expect(clock.dueWithin(60_000)).toBe(false);
  });

  it('should withdraw the pending timer when the container is stopped', async () => {
    const clock = new TrackingClock(new ManualClock('2024-01-01T00:00:00Z'));
    const stop = new AbortController();
    const host = { ...testHost(), clock, speed: 1, sleepCapMs: 60_000, signal: stop.signal };
    const running = runSh('sleep 30', { host });
    expect(await until(() => clock.dueWithin(60_000))).toBe(true);
    stop.abort();
    await running;
    expect(clock.dueWithin(60_000)).toBe(false);
  });

  it("should end when the simulator's clock reaches its deadline, before the real time has passed", async () => {
    const manual = new ManualClock('2024-01-01T00:00:00Z');
    const clock = new TrackingClock(manual);
    const host = { ...testHost(), clock, speed: 1, sleepCapMs: 60_000 };
    let finished = false;
    const running = runSh('sleep 30; date +%T', { host }).then((r) => ((finished = true), r));
    expect(await until(() => clock.dueWithin(60_000))).toBe(true);
    manual.advance(29_000);
    expect(await until(() => finished, 20)).toBe(false);
    manual.advance(1_000);
    expect(await until(() => finished)).toBe(true);
    // What the container does next happens at the cluster's time.
    expect((await running).stdout).toBe('00:00:30\n');
  });
});
