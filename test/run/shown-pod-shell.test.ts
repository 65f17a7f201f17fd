import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runOnSim } from './helpers.js';
import { cmd } from './plan-builder.js';
import { prepareCommand } from '../../src/run/rewrite/index.js';
import type { CommandStep } from '../../src/plan/types.js';
import type { RewriteContext } from '../../src/run/rewrite/types.js';

const fixture = (name: string) => join(import.meta.dirname, '../../fixtures/run/shown-pod-shell', name);

describe('lines "from within a pod" in the pod shell the page showed', () => {
  it('should run them in the pod the shown `kubectl run -it … sh` started, and pass matching output', async () => {
    const r = await runOnSim(fixture('pass.md'));
    const steps = r.steps.filter((s) => s.kind === 'command');
    expect(steps.map((s) => [s.line, s.status])).toEqual([
      [8, 'pass'],
      [14, 'pass'],
      [15, 'pass'],
      [19, 'pass'],
      [25, 'pass'],
      [35, 'pass'],
      [49, 'pass'],
    ]);
    // `cat /etc/hostname` printed the shown pod's name: the line ran in it, not on this machine.
    expect(steps.find((s) => s.line === 25)!.actual?.trim()).toBe('probe');
  }, 60_000);

  it('should start that pod when the page did not run its command, and fail output the cluster does not print', async () => {
    const r = await runOnSim(fixture('fail.md'));
    const steps = r.steps.filter((s) => s.kind === 'command');
    expect(steps.map((s) => [s.line, s.status])).toEqual([
      [9, 'skipped'],
      [15, 'pass'],
      [16, 'pass'],
      [22, 'pass'],
      [32, 'fail'],
    ]);
    expect(JSON.stringify(steps.at(-1))).toContain('Welcome to nginx!');
  }, 60_000);
});

describe('a line a cue puts in another pod', () => {
  it('should not run in the pod shell a step opened', () => {
    const step: CommandStep = {
      ...cmd(30, 'wget -O- web'),
      host: { kind: 'pod', source: { by: 'cue', line: 28, text: 'If you have another Pod that consumes this Service, you would see:' } },
    };
    const podShell = { target: 'probe', flags: [], line: 8, removeAfter: true, tty: true };
    const ctx = { steps: [], index: 0, runDir: '/tmp/x', examples: new Map(), capabilities: {}, podShell, watchMs: 30_000 } as unknown as RewriteContext;
    expect(prepareCommand(step, step.command, ctx)).toMatchObject({ action: 'skip', reason: expect.stringContaining("another pod than the reader's shell") });
    const mine = { ...step, host: { ...step.host, source: { by: 'cue' as const, line: 28, text: 'From within a pod:' } } };
    expect(prepareCommand(mine, mine.command, ctx)).toMatchObject({ action: 'run', podTarget: { target: 'probe' } });
  });
});
