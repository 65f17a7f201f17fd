/** An empty listing after a skipped template create: it depends on that create only for the kinds the template makes. Real kubectl against the simulator. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runOnSim } from './helpers.js';

describe('an empty listing after a template the runner cannot fill', () => {
  it("is checked, not skipped, when it lists another kind than the template's", async () => {
    const r = await runOnSim(join(import.meta.dirname, '../../fixtures/run/empty-list/template-kinds.md'), { settleMs: 2000 });
    expect(r.error).toBeUndefined();
    const commands = r.steps.filter((s) => s.kind === 'command');
    expect(commands.map((s) => [s.line, s.status])).toEqual([
      [15, 'skipped'],
      [21, 'pass'],
      [27, 'pass'],
    ]);
    expect(commands[0]!.skipReason).toMatch(/is a template/);
    expect(commands[2]!.actual).toMatch(/No resources found in production namespace/);
  }, 60_000);
});
