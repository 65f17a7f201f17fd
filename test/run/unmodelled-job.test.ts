/** A Job of an image the simulator does not know: real kubectl against the simulator. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runOnSim } from './helpers.js';

describe('a Job whose program is not modelled', () => {
  it('leaves its wait and logs unchecked naming the image, binds the author’s pod name, and checks a Job the simulator runs', async () => {
    const r = await runOnSim(join(import.meta.dirname, '../../fixtures/run/unchecked/worker-job.md'), { settleMs: 4000 });
    expect(r.error).toBeUndefined();
    const commands = r.steps.filter((s) => s.kind === 'command');
    expect(commands.map((s) => [s.line, s.status])).toEqual([
      [23, 'pass'],
      [29, 'unchecked'],
      [39, 'unchecked'],
      [65, 'pass'],
      [66, 'pass'],
      [77, 'pass'],
    ]);
    // Decided before it ran: the wait does not run into the step's time limit.
    expect(commands[1]!.ran ?? null).toBeNull();
    expect(commands[1]!.attempts).toBe(0);
    expect(commands[1]!.uncheckedReason).toMatch(/^Job worker runs image registry\.example\/acme\/worker:1\.0, which the simulator does not know/);
    // The author's pod name is bound to this run's pod of the Job.
    expect(commands[2]!.ran).toMatch(/^kubectl logs pods\/worker-[a-z0-9]{5}$/);
    expect(commands[2]!.ran).not.toContain('worker-7r7b2');
    expect(commands[2]!.uncheckedReason).toContain('image registry.example/acme/worker:1.0');
    expect(commands[5]!.ran).toMatch(/^kubectl logs pods\/once-[a-z0-9]{5}$/);
    expect(commands[5]!.actual?.trim()).toBe('finished');
  });
});
