import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

describe('--realtime', () => {
  it('is offered by check and walk, saying what it changes', async () => {
    for (const command of ['check', 'walk']) {
      const r = await runCli([command, '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/--realtime\s+let waits \(retries, kubectl wait, watches\)\s+take\s+real\s+time/);
    }
  });
});
