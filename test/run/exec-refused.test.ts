/** A doc that shows `kubectl exec -it … -- sh` refused by the container runtime: real kubectl against the simulator. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runOnSim } from './helpers.js';

describe('a shell the page shows refused', () => {
  it('passes when the exec fails as shown, and opens no pod shell for the lines after it', async () => {
    const r = await runOnSim(join(import.meta.dirname, '../../fixtures/run/exec-refused/page.md'), { settleMs: 4000 });
    expect(r.error).toBeUndefined();
    const commands = r.steps.filter((s) => s.kind === 'command');
    expect(commands.map((s) => [s.line, s.status])).toEqual([
      [6, 'pass'],
      [12, 'pass'],
      [18, 'pass'],
      [28, 'skipped'],
    ]);
    expect(commands[2]!.exitCode).not.toBe(0);
    expect(commands[3]!.skipReason).toBe('typed in the shell opened at line 18, which this run did not open');
  });
});
