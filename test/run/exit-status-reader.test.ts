import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { exitStatusNotReproduced, printsExitStatusOnly, withExitStatus } from '../../src/run/exit-status-reader.js';
import { runPlan } from '../../src/run/run-plan.js';
import { FakeBackend, plainMatcher } from './fake-backend.js';
import { tempDir } from './helpers.js';
import { cmd, plan } from './plan-builder.js';

describe('printsExitStatusOnly', () => {
  it.each([['echo $?'], ['echo "$?"'], ['printf \'%s\\n\' "$?"'], ['echo ${?}']])('should read %s as printing the exit status', (c) => {
    expect(printsExitStatusOnly(c)).toBe(true);
  });
  it.each([['echo $HOME'], ['kubectl get pods; echo $?'], ['test $? -eq 0 && echo ok'], ['echo done']])('should not read %s so', (c) => {
    expect(printsExitStatusOnly(c)).toBe(false);
  });
});

describe('exitStatusNotReproduced', () => {
  it('should name the line whose exit status already differs, or that did not run', () => {
    expect(exitStatusNotReproduced('echo $?', { line: 7, status: 'fail', exitDiffers: true, exitCode: 0 })).toBe(
      'prints the exit status of line 7, whose outcome this run did not reproduce: its exit status already differs from the page (reported there)',
    );
    expect(exitStatusNotReproduced('echo $?', { line: 7, status: 'skipped', exitDiffers: false, exitCode: null })).toMatch(/line 7, .*: it did not run$/);
  });
  it('should leave the line checked when the command before ended as the page shows', () => {
    expect(exitStatusNotReproduced('echo $?', { line: 7, status: 'pass', exitDiffers: false, exitCode: 0 })).toBeNull();
    expect(exitStatusNotReproduced('echo $?', { line: 7, status: 'fail', exitDiffers: false, exitCode: 1 })).toBeNull();
    expect(exitStatusNotReproduced('echo $HOME', { line: 7, status: 'fail', exitDiffers: true, exitCode: 0 })).toBeNull();
  });
});

describe('withExitStatus', () => {
  it('should hand a non-zero status over to the line that prints it', () => {
    expect(withExitStatus('echo $?', { line: 7, status: 'pass', exitDiffers: false, exitCode: 1 })?.command).toBe('(exit 1); echo $?');
    expect(withExitStatus('echo $?', { line: 7, status: 'pass', exitDiffers: false, exitCode: 0 })).toBeNull();
    expect(withExitStatus('echo hi', { line: 7, status: 'pass', exitDiffers: false, exitCode: 1 })).toBeNull();
  });
});

describe('echo $? after a command', () => {
  const cleanups: Array<() => void> = [];
  afterEach(() => {
    while (cleanups.length) cleanups.pop()!();
  });

  async function run(answer: { stdout?: string; stderr?: string; exitCode?: number }, shown: string, status: string) {
    const t = tempDir();
    cleanups.push(t.remove);
    const backend = new FakeBackend(join(t.dir, 'fake'), [{ args: 'delete pod web', responses: [answer] }]);
    const steps = [cmd(3, 'kubectl delete pod web', { expected: shown, mode: 'similar' }), cmd(9, 'echo $?', { expected: status })];
    return runPlan(plan(steps), backend, { matcher: plainMatcher, tmpDir: t.dir, settleMs: 0, gatherFacts: false, handleSignals: false });
  }

  it('should be unchecked when the command before did not fail as the page shows', async () => {
    const r = await run({ stdout: 'pod "web" deleted\n' }, 'Error from server (NotFound): pods "web" not found', '1');
    expect(r.steps.map((s) => s.status)).toEqual(['fail', 'unchecked']);
    expect(r.steps[1]!.uncheckedReason).toMatch(/^prints the exit status of line 3/);
  });

  it('should print the status of the failure the page shows, though each line runs in a shell of its own', async () => {
    const r = await run(
      { stderr: 'Error from server (NotFound): pods "web" not found\n', exitCode: 1 },
      'Error from server (NotFound): pods "web" not found',
      '1',
    );
    expect(r.steps.map((s) => s.status)).toEqual(['pass', 'pass']);
    expect(r.steps[1]!.actual).toBe('1\n');
  });

  it('should still fail when the command ended as the page shows but the page prints another status', async () => {
    const r = await run(
      { stderr: 'Error from server (NotFound): pods "web" not found\n', exitCode: 1 },
      'Error from server (NotFound): pods "web" not found',
      '0',
    );
    expect(r.steps.map((s) => s.status)).toEqual(['pass', 'fail']);
  });
});

describe("a failure the server gives for the step's own request", () => {
  it('is not excused by a skipped step that would have made an object of the same name', async () => {
    const t = tempDir();
    try {
      const backend = new FakeBackend(join(t.dir, 'fake'), [
        {
          args: 'create -f robot-pod.yaml',
          responses: [
            {
              stderr:
                'Error from server (Forbidden): error when creating "robot-pod.yaml": pods "web" is forbidden: error looking up service account default/robot: serviceaccount "robot" not found\n',
              exitCode: 1,
            },
          ],
        },
        { args: 'get pod web', responses: [{ stderr: 'Error from server (NotFound): pods "web" not found\n', exitCode: 1 }] },
      ]);
      const run = Object.assign(cmd(3, 'kubectl run web --image=<registry>/nginx', { skip: 'the doc leaves <registry> for the reader to fill in' }), {
        placeholders: ['<registry>'],
      });
      const steps = [
        run,
        cmd(7, 'kubectl create -f robot-pod.yaml', { expected: 'pod/web created' }),
        cmd(11, 'kubectl get pod web', { expected: 'NAME READY\nweb 1/1' }),
      ];
      const r = await runPlan(plan(steps), backend, { matcher: plainMatcher, tmpDir: t.dir, settleMs: 0, gatherFacts: false, handleSignals: false });
      expect(r.steps.map((s) => s.status)).toEqual(['skipped', 'fail', 'skipped']);
    } finally {
      t.remove();
    }
  });
});
