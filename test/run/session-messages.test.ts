/** kubectl's own lines around an interactive session, as kubectl 1.32 prints them. */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { simBackend } from '../../src/backends/sim/backend.js';
import { loadLesson } from '../../src/parse/index.js';
import { buildPlan } from '../../src/plan/index.js';
import { runPlan } from '../../src/run/run-plan.js';
import { tempDir } from './helpers.js';
import { sessionFacts, sessionMessageDifferences } from '../../src/run/session-messages.js';

const diffs = (command: string, shown: string[]) => sessionMessageDifferences(command, shown.join('\n'), 10).map((d) => [d.line, d.kind, d.actual]);

describe('sessionFacts', () => {
  it('reads the pod, container and session flags', () => {
    expect(sessionFacts('kubectl run -it --rm tmp --image=busybox --restart=Never -- sh')).toEqual({
      verb: 'run',
      pod: 'tmp',
      container: 'tmp',
      stdin: true,
      tty: true,
      quiet: false,
      remove: true,
    });
    expect(sessionFacts('kubectl attach -it web -c main')).toMatchObject({ verb: 'attach', pod: 'web', container: 'main' });
    expect(sessionFacts('kubectl get pods')).toBeUndefined();
  });
});

describe('sessionMessageDifferences', () => {
  it("passes the lines kubectl run -it --rm prints, and leaves the session's own lines alone", () => {
    expect(
      diffs('kubectl run -it --rm tmp --image=busybox --restart=Never -- sh', [
        "If you don't see a command prompt, try pressing enter.",
        '/ # hostname',
        'tmp',
        '/ # exit',
        "Session ended, resume using 'kubectl attach tmp -c tmp -i -t' command when the pod is running",
        'pod "tmp" deleted',
      ]),
    ).toEqual([]);
  });

  it('fails a line in another wording, for another pod, or one kubectl does not print', () => {
    expect(
      diffs('kubectl run -it --rm tmp --image=busybox -- sh', [
        'Waiting for pod default/tmp to be running, status is Pending, pod ready: false',
        "If you don't see a command prompt, try pressing enter.",
        "Session ended, resume using 'kubectl attach tmp -c tmp -n default -i -t' command",
        'pod "other" deleted',
      ]),
    ).toEqual([
      [10, 'missing-line', undefined],
      [12, 'wrong-value', "Session ended, resume using 'kubectl attach tmp -c tmp -i -t' command when the pod is running"],
      [13, 'wrong-value', 'pod "tmp" deleted'],
    ]);
  });

  it('knows which commands print which lines', () => {
    const hint = ["If you don't see a command prompt, try pressing enter."];
    // kubectl exec prints no hint (exec.go); --quiet silences it (attach.go).
    expect(diffs('kubectl exec -it web -- sh', hint)).toEqual([[10, 'missing-line', undefined]]);
    expect(diffs('kubectl run -it -q tmp --image=busybox -- sh', hint)).toEqual([[10, 'missing-line', undefined]]);
    expect(diffs('kubectl attach -it web', hint)).toEqual([]);
    // Old kubectl's wording of the hint: kubectl 1.32 words it otherwise.
    expect(diffs('kubectl run -i --tty tmp --image=busybox --rm', ['Hit enter for command prompt'])).toEqual([
      [10, 'wrong-value', "If you don't see a command prompt, try pressing enter."],
    ]);
    // No --rm: nothing is deleted.
    expect(diffs('kubectl run -it tmp --image=busybox -- sh', ['pod "tmp" deleted'])).toEqual([[10, 'missing-line', undefined]]);
    // attach without -c: the container is the pod's default, any name in kubectl's wording.
    expect(diffs('kubectl attach -it web', ["Session ended, resume using 'kubectl attach web -c app -i -t' command when the pod is running"])).toEqual([]);
  });
});

describe('a page showing kubectl session lines, run against the simulator', () => {
  const cleanups: Array<() => void> = [];
  afterEach(() => {
    while (cleanups.length) cleanups.pop()!();
  });

  it('passes the line kubectl run -it prints, fails the one kubectl exec -it does not print, and still opens that shell', async () => {
    const t = tempDir();
    cleanups.push(t.remove);
    const plan = buildPlan(await loadLesson(join(import.meta.dirname, '../../fixtures/run/session-messages/page.md')));
    const r = await runPlan(plan, simBackend(), { tmpDir: t.dir, handleSignals: false, settleMs: 2000 });
    expect(r.error).toBeUndefined();
    const steps = r.steps.filter((s) => s.kind === 'command');
    expect(steps.map((s) => [s.line, s.status])).toEqual([
      [6, 'pass'],
      [19, 'pass'],
      [25, 'fail'],
      [38, 'pass'],
    ]);
    expect(steps[2]!.differences.map((d) => [d.line, d.kind])).toEqual([[31, 'missing-line']]);
    // The session did open (only kubectl's wording is wrong): the line typed in it runs in the pod.
    expect(steps[3]!.ran).toContain('kubectl exec');
  });
});
