/** Requests through `kubectl proxy` under a heading naming a Node, and pages announcing no output: real kubectl against the simulator. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runOnSim } from './helpers.js';

const fixtures = join(import.meta.dirname, '../../fixtures/run/node-resource');

describe('a Node changed through kubectl proxy', () => {
  it('sends the PATCH from where the proxy runs, and takes grep finding nothing as the announced empty output', async () => {
    const r = await runOnSim(join(fixtures, 'proxy-patch.md'), { settleMs: 4000 });
    expect(r.error).toBeUndefined();
    const commands = r.steps.filter((s) => s.kind === 'command');
    expect(commands.map((s) => [s.line, s.status])).toEqual([
      [6, 'pass'],
      [14, 'pass'],
      [20, 'pass'],
      [26, 'pass'],
      [38, 'pass'],
      [44, 'pass'],
    ]);
    // The PATCH reached the API server: the capacity it added is what the next step reads.
    expect(commands[3]!.actual?.trim()).toBe('3');
    expect(commands[5]).toMatchObject({ exitCode: 1, actual: '' });
  });

  it('still fails a step announced as printing nothing when grep finds the line', async () => {
    const r = await runOnSim(join(fixtures, 'still-there.md'), { settleMs: 4000 });
    expect(r.error).toBeUndefined();
    expect(r.steps.map((s) => [s.line, s.status])).toEqual([
      [6, 'pass'],
      [10, 'pass'],
      [16, 'fail'],
      [24, 'pass'],
    ]);
    expect(r.steps[2]!.differences[0]).toMatchObject({ kind: 'extra-line' });
  });
});
