/** Two terminals: a step the page keeps running while the next steps act. */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runPlan } from '../../src/run/run-plan.js';
import type { CommandStep } from '../../src/plan/types.js';
import { FakeBackend, plainMatcher } from './fake-backend.js';
import { cmd, plan } from './plan-builder.js';
import { tempDir } from './helpers.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

function setup() {
  const t = tempDir();
  cleanups.push(t.remove);
  const backend = new FakeBackend(join(t.dir, 'fake'), []);
  return { backend, options: { matcher: plainMatcher, tmpDir: t.dir, settleIntervalMs: 10, settleMs: 1500, gatherFacts: false, handleSignals: false } };
}

function inAnotherTerminal(step: CommandStep): CommandStep {
  return { ...step, concurrent: { cue: 'In another terminal, watch for it', line: step.line - 1 }, section: 'Watch' };
}

describe('a step kept running in another terminal', () => {
  it('runs in the background while the next steps act, and is judged on what it printed meanwhile', async () => {
    const { backend, options } = setup();
    const events: string[] = [];
    const watch = inAnotherTerminal(cmd(5, 'while [ ! -f go ]; do sleep 0.05; done; echo ready; sleep 60', { expected: 'ready' }));
    const act = { ...cmd(9, 'touch go'), section: 'Watch' };
    const r = await runPlan(plan([watch, act]), backend, { ...options, onStepResult: (res) => void events.push(`${res.line} ${res.status}`) });
    expect(r.error).toBeUndefined();
    // Doc order in the result, whatever order they finished in.
    expect(r.steps.map((s) => [s.line, s.status])).toEqual([
      [5, 'pass'],
      [9, 'pass'],
    ]);
    expect(events).toEqual(['9 pass', '5 pass']);
    expect(r.steps[0]!.actual).toBe('ready\n');
    expect(r.steps[0]!.rewrites[0]!.reason).toMatch(/another terminal \(line 4: "In another terminal, watch for it"\)/);
    // Stopped by the runner once its line appeared, not after its own 60 s.
    expect(r.steps[0]!.durationMs).toBeLessThan(30_000);
  });

  it('fails when the lines the page shows never appear, at the end of its section', async () => {
    const { backend, options } = setup();
    const watch = inAnotherTerminal(cmd(5, 'echo started; sleep 60', { expected: 'started\nfinished' }));
    const act = { ...cmd(9, 'true'), section: 'Watch' };
    const next = { ...cmd(12, 'echo later', { expected: 'later' }), section: 'Next' };
    const r = await runPlan(plan([watch, act, next]), backend, options);
    expect(r.steps.map((s) => [s.line, s.status])).toEqual([
      [5, 'fail'],
      [9, 'pass'],
      [12, 'pass'],
    ]);
    expect(r.steps[0]!.actual).toBe('started\n');
    expect(r.findings.some((f) => f.severity === 'error' && f.line >= 5 && f.line <= 7)).toBe(true);
  });

  it('lets the next step run only once the other terminal shows the command is up, also for `cmd &`', async () => {
    const { backend, options } = setup();
    // A server that takes a moment before it is up and says so (a proxy, a port-forward).
    const server = inAnotherTerminal(cmd(5, 'sleep 0.5; touch up; echo Serving; sleep 60 &'));
    const client = { ...cmd(9, 'test -f up && echo reached', { expected: 'reached' }), section: 'Watch' };
    const r = await runPlan(plan([server, client]), backend, options);
    expect(r.steps.map((s) => [s.line, s.status])).toEqual([
      [5, 'pass'],
      [9, 'pass'],
    ]);
    expect(r.steps[0]!.actual).toBe('Serving\n');
  });

  it('is unchecked, not failed, when the backend says it cannot model what the step reaches', async () => {
    const t = tempDir();
    cleanups.push(t.remove);
    const backend = new FakeBackend(join(t.dir, 'fake'), [], {
      cannotCheck: (command) => (/\bstore-read\b/.test(command) ? 'store-read selects a pod the backend cannot run' : undefined),
    });
    const options = { matcher: plainMatcher, tmpDir: t.dir, settleIntervalMs: 10, settleMs: 1500, gatherFacts: false, handleSignals: false };
    const loop = inAnotherTerminal(cmd(5, 'echo "querying store-read"; sleep 60', { expected: 'row 1\nrow 2' }));
    const other = inAnotherTerminal(cmd(7, 'echo "querying web"; sleep 60', { expected: 'row 1' }));
    const act = { ...cmd(9, 'true'), section: 'Watch' };
    const r = await runPlan(plan([loop, other, act]), backend, options);
    expect(r.steps.map((s) => [s.line, s.status])).toEqual([
      [5, 'unchecked'],
      [7, 'fail'],
      [9, 'pass'],
    ]);
    expect(r.steps[0]!.uncheckedReason).toBe('store-read selects a pod the backend cannot run');
    expect(r.steps[0]!.differences).toEqual([]);
  });

  it('is stopped where the page says to stop it (Ctrl+C), before the next step of its section', async () => {
    const { backend, options } = setup();
    const events: string[] = [];
    const watch = {
      ...inAnotherTerminal(cmd(5, 'echo started; sleep 60', { expected: 'started\nfinished' })),
      stoppedAt: { cue: 'Press Ctrl+C to stop the watch.', line: 10 },
    };
    const act = { ...cmd(9, 'true'), section: 'Watch' };
    const after = { ...cmd(12, 'echo after', { expected: 'after' }), section: 'Watch' };
    const r = await runPlan(plan([watch, act, after]), backend, { ...options, onStepResult: (res) => void events.push(`${res.line} ${res.status}`) });
    expect(events).toEqual(['9 pass', '5 fail', '12 pass']);
    expect(r.steps[0]!.rewrites[0]!.reason).toMatch(/when the page says to stop it \(line 10\)/);
  });
});

describe('an endless loop whose output the page does not show', () => {
  it('runs in the background while the next steps act, and passes when stopped at the end of its section', async () => {
    const { backend, options } = setup();
    const events: string[] = [];
    const loop = { ...cmd(5, 'while true; do echo hit >> hits; sleep 0.05; done'), section: 'Load' };
    const check = { ...cmd(9, 'test -s hits && echo loaded', { expected: 'loaded' }), section: 'Load' };
    const next = { ...cmd(12, 'echo later', { expected: 'later' }), section: 'Next' };
    const r = await runPlan(plan([loop, check, next]), backend, { ...options, onStepResult: (res) => void events.push(`${res.line} ${res.status}`) });
    expect(r.error).toBeUndefined();
    expect(events).toEqual(['9 pass', '5 pass', '12 pass']);
    expect(r.steps[0]!.status).toBe('pass');
    expect(r.steps[0]!.rewrites[0]!.reason).toMatch(
      /^an endless `while true` loop never ends by itself and the page shows no output for it; it runs in the background/,
    );
  });

  it('runs in the foreground when the page shows its output and says nothing of another terminal', async () => {
    const { backend, options } = setup();
    const loop = { ...cmd(5, 'while true; do echo hit; sleep 0.05; done', { expected: 'hit' }), section: 'Load' };
    const r = await runPlan(plan([loop]), backend, options);
    expect(r.steps[0]!.rewrites.some((w) => /runs in the background/.test(w.reason))).toBe(false);
    expect(r.steps[0]!.status).toBe('pass');
  });
});
