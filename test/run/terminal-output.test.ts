import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { simBackend } from '../../src/backends/sim/backend.js';
import { loadLesson } from '../../src/parse/index.js';
import { buildPlan } from '../../src/plan/index.js';
import { runPlan } from '../../src/run/run-plan.js';
import { quietForTerminal } from '../../src/run/rewrite/terminal-output.js';
import { tempDir } from './helpers.js';

describe('quietForTerminal', () => {
  it("turns off curl's progress meter only where its output is the terminal", () => {
    expect(quietForTerminal('curl http://localhost:8080').command).toBe('curl --no-progress-meter http://localhost:8080');
    expect(quietForTerminal('while true; do curl http://a; sleep 10; done').command).toBe('while true; do curl --no-progress-meter http://a; sleep 10; done');
    expect(quietForTerminal('curl http://a && curl http://b').command).toBe('curl --no-progress-meter http://a && curl --no-progress-meter http://b');
    expect(quietForTerminal('sudo curl http://a').command).toBe('sudo curl --no-progress-meter http://a');
    // Piped, redirected, captured, written to a file or already silent: a terminal shows the same.
    for (const same of [
      'curl http://a | grep x',
      'curl http://a > out.html',
      'curl -o out.html http://a',
      'curl -LO http://a/f.tar.gz',
      'curl --output=f http://a',
      'X=$(curl http://a)',
      'curl -s http://a',
      'curl -fsSL http://a',
      'curl --silent http://a',
      'for i in 1 2; do curl http://a; done | sort',
      'kubectl get pods',
    ]) {
      const r = quietForTerminal(same);
      expect(r.command, same).toBe(same);
      expect(r.rewrites, same).toEqual([]);
    }
    expect(quietForTerminal('curl http://a').rewrites[0]).toMatchObject({
      kind: 'interactive',
      from: 'curl http://a',
      to: 'curl --no-progress-meter http://a',
    });
  });
});

describe('curl on the host as a terminal shows it', () => {
  const cleanups: Array<() => void> = [];
  afterEach(() => {
    while (cleanups.length) cleanups.pop()!();
  });

  it('passes a plain curl showing only the body, and still fails a piped curl whose meter the doc leaves out', async () => {
    const t = tempDir();
    cleanups.push(t.remove);
    const plan = buildPlan(await loadLesson(join(import.meta.dirname, '../../fixtures/run/terminal-output/page.md')));
    const r = await runPlan(plan, simBackend(), { tmpDir: t.dir, handleSignals: false, settleMs: 2000 });
    expect(r.error).toBeUndefined();
    const steps = r.steps.filter((s) => s.kind === 'command');
    expect(steps.map((s) => s.status)).toEqual(['pass', 'pass', 'fail']);
    expect(steps[1]!.actual?.trim()).toBe('hello');
    expect(steps[2]!.actual).toMatch(/% Total/);
  });
});
