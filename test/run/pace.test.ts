import { describe, expect, it } from 'vitest';
import { AwaitedOutput, ClusterTime, OUTPUT_WAIT } from '../../src/run/pace.js';
import type { MatchResult } from '../../src/match/types.js';
import type { LessonState } from '../../src/run/state.js';

/** A lesson whose backend lets time pass at once and says whether a container wakes soon. */
function lesson(opts: { realtime?: boolean; wakes?: boolean } = {}) {
  const passed: number[] = [];
  const state = {
    options: { realtime: opts.realtime ?? false },
    session: {
      passTime: async (ms: number) => void passed.push(ms),
      outputMayGrow: () => opts.wakes ?? true,
    },
  } as unknown as Pick<LessonState, 'options' | 'session'>;
  const clock = new ClusterTime(state);
  return { awaited: new AwaitedOutput(state, clock), clock, passed };
}

const missing = (n: number): MatchResult =>
  ({
    ok: false,
    differences: Array.from({ length: n }, (_, i) => ({ kind: 'missing-line', message: 'missing', line: 10 + i, column: 1 })),
  }) as unknown as MatchResult;
const wrong: MatchResult = { ok: false, differences: [{ kind: 'wrong-value', message: 'doc red, actual blue', line: 3, column: 1 }] } as unknown as MatchResult;

describe('AwaitedOutput', () => {
  it('waits on while only lines are missing, the output grows and a container wakes soon', async () => {
    const { awaited, clock } = lesson();
    expect(awaited.awaiting('a\n', missing(3))).toBe(true);
    await clock.pause(OUTPUT_WAIT.quietMs - 1000);
    expect(awaited.awaiting('a\nb\n', missing(2))).toBe(true);
    await clock.pause(OUTPUT_WAIT.quietMs - 1000);
    expect(awaited.awaiting('a\nb\nc\n', missing(1))).toBe(true);
  });

  it('stops once the output has not got more lines for a while: other values in the same lines do not count', async () => {
    const { awaited, clock } = lesson();
    expect(awaited.awaiting('web 1/1 Running 3s\n', missing(1))).toBe(true);
    await clock.pause(OUTPUT_WAIT.quietMs + 1000);
    expect(awaited.awaiting('web 1/1 Running 64s\n', missing(1))).toBe(false);
  });

  it('stops at the bound from the step start, however the output grows', async () => {
    const { awaited, clock } = lesson();
    let out = '';
    for (let t = 0; t < OUTPUT_WAIT.windowMs; t += 10_000) {
      out += 'line\n';
      expect(awaited.awaiting(out, missing(1))).toBe(true);
      await clock.pause(10_000);
    }
    expect(awaited.awaiting(out + 'line\n', missing(1))).toBe(false);
  });

  it.each([
    ['a line differs', lesson(), wrong],
    ['the output matched', lesson(), { ok: true, differences: [] } as unknown as MatchResult],
    ['nothing was compared', lesson(), null],
    ['no container wakes soon', lesson({ wakes: false }), missing(1)],
  ])('does not wait when %s', (_what, l, matched) => {
    expect(l.awaited.awaiting('a\n', matched)).toBe(false);
  });

  it('waits with realtime too, as a reader does (the pauses are then slept)', () => {
    expect(lesson({ realtime: true }).awaited.awaiting('a\n', missing(1))).toBe(true);
  });
});
