import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { alternativeCue } from '../../src/parse/cue.js';
import { createdIn, recreateFor, type CreatedObject } from '../../src/run/recreate.js';
import { runPlan } from '../../src/run/run-plan.js';
import { FakeBackend, plainMatcher, type FakeEntry } from './fake-backend.js';
import { tempDir } from './helpers.js';
import { cmd, plan } from './plan-builder.js';

const inSection = (step: ReturnType<typeof cmd>, section: string, alternative?: string) => Object.assign(step, { section }, alternative ? { alternative } : {});

describe('alternativeCue', () => {
  it.each([
    ['Alternatively, create the ConfigMap from literal values:', 'Alternatively, create the ConfigMap from literal values:'],
    ['The default key is the file name. You can optionally set the key name. For example:', 'You can optionally set the key name.'],
    [
      'If you want to skip the encoding step, you can create the Secret with kubectl:',
      'If you want to skip the encoding step, you can create the Secret with kubectl:',
    ],
    ['Or use a generator:', 'Or use a generator:'],
  ])('should find the cue in %j', (prose, cue) => {
    expect(alternativeCue(prose)).toBe(cue);
  });

  it.each([['Create the Secret:'], ['Ordinary prose about a Pod. Then create the Service:'], ['You can see the output below:'], [undefined]])(
    'should find none in %j',
    (prose) => {
      expect(alternativeCue(prose)).toBeUndefined();
    },
  );
});

describe('recreateFor', () => {
  const made: CreatedObject[] = [{ kind: 'secret', name: 'creds', line: 10, section: 'Create a Secret' }];
  const exists = 'Error from server (AlreadyExists): secrets "creds" already exists\n';

  it('should remove an object made in another section and run the step again', () => {
    const step = inSection(cmd(40, 'kubectl create secret generic creds --from-literal=a=1 -n team'), 'Use the Secret as environment');
    const r = recreateFor(step, exists, made);
    expect(r?.script).toBe('kubectl delete secrets creds -n team --grace-period=0 --force --ignore-not-found >/dev/null 2>&1');
    expect(r?.note).toMatch(/^secret\/creds \(line 10\) already existed: it was created in another section \("Create a Secret"\)/);
  });

  it('should accept the same section when the prose presents the step as an alternative', () => {
    const step = inSection(cmd(20, 'kubectl create secret generic creds --from-file=a=./a.txt'), 'Create a Secret', 'Alternatively, use a file:');
    expect(recreateFor(step, 'error: failed to create secret secrets "creds" already exists\n', made)?.note).toContain(
      'another way to create it ("Alternatively, use a file:")',
    );
  });

  it.each([
    ['the same section without a cue', inSection(cmd(20, 'kubectl create secret generic creds --from-literal=a=1'), 'Create a Secret'), exists],
    [
      'an object the page never made',
      inSection(cmd(40, 'kubectl create secret generic other --from-literal=a=1'), 'Later'),
      'Error from server (AlreadyExists): secrets "other" already exists\n',
    ],
    [
      'another kind of the same name',
      inSection(cmd(40, 'kubectl create configmap creds --from-literal=a=1'), 'Later'),
      'Error from server (AlreadyExists): configmaps "creds" already exists\n',
    ],
    [
      'a failure besides AlreadyExists',
      inSection(cmd(40, 'kubectl create -f two.yaml'), 'Later'),
      `${exists}error: unable to recognize "two.yaml": no matches for kind "Foo"\n`,
    ],
    ['an apply (not a create)', inSection(cmd(40, 'kubectl apply -f s.yaml'), 'Later'), exists],
  ])('should leave %s failing', (_what, step, output) => {
    expect(recreateFor(step, output, made)).toBeNull();
  });

  it('should read the created objects from kubectl output', () => {
    expect(createdIn('configmap/a created\ndeployment.apps/web created\nservice/web unchanged\n', inSection(cmd(5, 'kubectl apply -f x'), 'S'))).toEqual([
      { kind: 'configmap', name: 'a', line: 5, section: 'S' },
      { kind: 'deployment.apps', name: 'web', line: 5, section: 'S' },
    ]);
  });
});

describe('a page that creates an object again in a later section', () => {
  const cleanups: Array<() => void> = [];
  afterEach(() => {
    while (cleanups.length) cleanups.pop()!();
  });

  it('should check the second creation against a fresh object, and fail a repeat within one section', async () => {
    const t = tempDir();
    cleanups.push(t.remove);
    const table: FakeEntry[] = [
      {
        args: 'create secret generic creds --from-literal=a=1',
        responses: [{ stdout: 'secret/creds created\n' }, { stderr: 'error: failed to create secret secrets "creds" already exists\n', exitCode: 1 }],
      },
      {
        args: 'create secret generic creds --from-literal=a=2',
        responses: [{ stderr: 'error: failed to create secret secrets "creds" already exists\n', exitCode: 1 }, { stdout: 'secret/creds created\n' }],
      },
      { args: 'delete secrets creds --grace-period=0 --force --ignore-not-found', responses: [{}] },
    ];
    const backend = new FakeBackend(join(t.dir, 'fake'), table);
    const steps = [
      inSection(cmd(3, 'kubectl create secret generic creds --from-literal=a=1', { expected: 'secret/creds created' }), 'One'),
      inSection(cmd(9, 'kubectl create secret generic creds --from-literal=a=2', { expected: 'secret/creds created' }), 'Two'),
      inSection(cmd(12, 'kubectl create secret generic creds --from-literal=a=1'), 'Two'),
    ];
    const r = await runPlan(plan(steps), backend, { matcher: plainMatcher, tmpDir: t.dir, settleIntervalMs: 10, gatherFacts: false, handleSignals: false });
    expect(r.steps.map((s) => s.status)).toEqual(['pass', 'pass', 'fail']);
    expect(r.steps[1]!.warnings?.[0]).toMatch(/^secret\/creds \(line 3\) already existed/);
    expect(r.steps[1]!.attempts).toBe(2);
  });
});

describe('a step skipped as interactive', () => {
  it('should excuse the later steps that read what it would have made', async () => {
    const t = tempDir();
    const backend = new FakeBackend(join(t.dir, 'fake'), [
      { args: 'delete pod app app-copy', responses: [{ stderr: 'Error from server (NotFound): pods "app-copy" not found\n', exitCode: 1 }] },
    ]);
    try {
      const steps = [
        cmd(3, 'kubectl debug app -it --copy-to=app-copy --image=busybox -- sh', { cls: 'interactive' }),
        cmd(9, 'kubectl delete pod app app-copy', { expected: 'pod "app" deleted\npod "app-copy" deleted' }),
      ];
      const r = await runPlan(plan(steps), backend, { matcher: plainMatcher, tmpDir: t.dir, settleIntervalMs: 10, gatherFacts: false, handleSignals: false });
      expect(r.steps.map((s) => s.status)).toEqual(['skipped', 'skipped']);
      expect(r.steps[1]!.skipReason).toMatch(/^depends on line 3, which was skipped/);
    } finally {
      t.remove();
    }
  });
});
