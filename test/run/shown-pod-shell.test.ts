import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runOnSim } from './helpers.js';

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
