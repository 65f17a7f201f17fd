/**
 * The README is the front door: every `npx kubedoctest check …` example in it runs as written (the
 * built CLI stands in for npx) and ends the way the README says.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { whyNotRunnable } from '../helpers/connect-page.js';

const readme = readFileSync('README.md', 'utf8');
const examples = [...new Set([...readme.matchAll(/npx kubedoctest (check [^\n`]+)/g)].map((m) => m[1]!.trim()))];

/** What the README says each example does: the file it checks → its exit code. */
const OUTCOME: Record<string, number> = {
  'docs/examples/env-vars-fail.md': 1, // "This example fails on purpose"
  'fixtures/corpus/docs/tutorials/services/connect-applications-service.md': 1, // "fails at exactly three outputs"
  'fixtures/run/connect-applications/corrected-k8s-1.32.md': 0, // "it passes end to end"
};

describe('README examples', () => {
  it('names every check example it runs', () => {
    expect(examples.length).toBeGreaterThanOrEqual(3);
    for (const e of examples) expect(Object.keys(OUTCOME)).toContain(e.split(/\s+/)[1]);
  });

  for (const example of examples) {
    it(`kubedoctest ${example}`, async (ctx) => {
      if (example.includes('connect-applications')) {
        const why = whyNotRunnable();
        if (why) ctx.skip(why);
      }
      const args = example.split(/\s+/);
      const r = await runCli(args, { timeout: 300_000 });
      expect(r.stderr).not.toMatch(/ERR_/);
      expect(r.code, r.stdout.slice(-3000)).toBe(OUTCOME[args[1]!]);
      expect(r.stdout).toMatch(/\d+ passed, \d+ failed, \d+ skipped, \d+ unchecked \(checked \d+ of \d+ steps?\)/);
    }, 320_000);
  }
});
