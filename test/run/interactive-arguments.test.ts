/** Interactive steps whose arguments kubectl refuses: kubectl's own answer, not "interactive". */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { simBackend } from '../../src/backends/sim/backend.js';
import { loadLesson } from '../../src/parse/index.js';
import { buildPlan } from '../../src/plan/index.js';
import { runPlan } from '../../src/run/run-plan.js';
import { refusalProbe } from '../../src/run/interactive-arguments.js';
import { firstKubectlCall } from '../../src/shell/index.js';
import { tempDir } from './helpers.js';

const probe = (command: string) => refusalProbe(command, firstKubectlCall(command)!);

describe('refusalProbe', () => {
  it('asks kubectl about the forms it may refuse, without stdin or a terminal', () => {
    expect(probe('kubectl attach -it web bash')).toBe('timeout --foreground 5 kubectl attach web bash </dev/null');
    expect(probe('kubectl attach -i -t a b c -n ns')).toBe('timeout --foreground 5 kubectl attach a b c -n ns </dev/null');
    expect(probe('kubectl attach --tty --stdin')).toBe('timeout --foreground 5 kubectl attach </dev/null');
    expect(probe('kubectl exec -it web bash')).toBe('timeout --foreground 5 kubectl exec web bash </dev/null');
  });

  it('leaves the forms kubectl takes as they are', () => {
    for (const ok of [
      'kubectl attach -it web',
      'kubectl attach -it pod/web -c main',
      'kubectl exec -it web -- bash',
      'kubectl exec -it web',
      'kubectl attach web bash',
    ]) {
      expect(probe(ok), ok).toBeUndefined();
    }
  });
});

describe('an interactive step with arguments kubectl refuses', () => {
  const cleanups: Array<() => void> = [];
  afterEach(() => {
    while (cleanups.length) cleanups.pop()!();
  });

  it("fails with kubectl's message; the accepted form is decided from the pod's spec", async () => {
    const t = tempDir();
    cleanups.push(t.remove);
    const plan = buildPlan(await loadLesson(join(import.meta.dirname, '../../fixtures/run/interactive-arguments/page.md')));
    const r = await runPlan(plan, simBackend(), { tmpDir: t.dir, handleSignals: false, settleMs: 2000 });
    expect(r.error).toBeUndefined();
    const steps = r.steps.filter((s) => s.kind === 'command');
    expect(steps.map((s) => [s.line, s.status])).toEqual([
      [6, 'pass'],
      [12, 'fail'],
      [18, 'skipped'],
      [24, 'fail'],
    ]);
    expect(steps[1]!.actual).toContain('error: the server doesn\'t have a resource type "web"');
    // Accepted: the pod's spec decides, and nginx's main process is no shell.
    expect(steps[2]!.skipReason).toMatch(/main process of container web, the default command of image nginx, which is not a shell/);
    expect(steps[3]!.actual).toContain('exec [POD] [COMMAND] is not supported anymore');
  });
});
