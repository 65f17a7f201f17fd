import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { alternativeCue } from '../../src/parse/cue.js';
import { changedBefore, createdIn, recreateFor, type CreatedObject } from '../../src/run/recreate.js';
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

  const deployment: CreatedObject[] = [{ kind: 'deployment', name: 'web', line: 10, section: 'Create a Deployment' }];
  const immutable =
    'The Deployment "web" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app.kubernetes.io/name":"web"}}: field is immutable\n';
  it('should know the objects kubectl autoscale and expose made', () => {
    const step = inSection(cmd(5, 'kubectl autoscale deployment web --min=1 --max=3'), 'Autoscale');
    expect(createdIn('horizontalpodautoscaler.autoscaling/web autoscaled\n', step)).toEqual([
      { kind: 'horizontalpodautoscaler.autoscaling', name: 'web', line: 5, section: 'Autoscale' },
    ]);
    expect(createdIn('service/web exposed\n', step).map((o) => o.kind)).toEqual(['service']);
    const hpa = createdIn('horizontalpodautoscaler.autoscaling/web autoscaled\n', step);
    const again = inSection(cmd(40, 'kubectl create -f hpa.yaml'), 'Creating the autoscaler declaratively');
    expect(
      recreateFor(again, 'Error from server (AlreadyExists): error when creating "hpa.yaml": horizontalpodautoscalers.autoscaling "web" already exists\n', hpa)
        ?.script,
    ).toContain('kubectl delete horizontalpodautoscalers.autoscaling web');
  });

  it('should run a self-contained section again that makes the object afresh', () => {
    expect(recreateFor(inSection(cmd(40, 'kubectl apply -f web.yaml'), 'Run it with a Service'), immutable, deployment)?.note).toContain(
      'existed with another spec',
    );
  });

  it.each([['Updating the Deployment'], ['Scaling the application by increasing the replica count'], ['Upgrade to the new image']])(
    'should leave an apply refused in a section that changes the object (%s) failing',
    (section) => {
      expect(recreateFor(inSection(cmd(40, 'kubectl apply -f web-update.yaml'), section), immutable, deployment)).toBeNull();
    },
  );

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

describe('changedBefore', () => {
  const alt = (line: number, command: string, section = 'Update', alternative = 'or use the following command:') =>
    inSection(cmd(line, command), section, alternative);
  const ran = (line: number, command: string, ok = true, expected?: string, section = 'Update') => ({
    step: inSection(cmd(line, command, expected ? { expected } : {}), section),
    ok,
    output: `out ${line}\n`,
  });

  it('should find the same change to the same object made just before in the section', () => {
    const earlier = [ran(3, 'kubectl apply -f web.yaml'), ran(5, 'kubectl set image deployment.v1.apps/web web=nginx:1.16.1')];
    expect(changedBefore(alt(9, 'kubectl set image deployment/web web=nginx:1.16.1'), 'kubectl set image deployment/web web=nginx:1.16.1', earlier)).toEqual({
      line: 5,
      output: 'out 5\n',
      showedOutput: false,
    });
    const undo = [ran(5, 'kubectl rollout undo deployment/web', true, 'deployment.apps/web rolled back')];
    const step = alt(9, 'kubectl rollout undo deployment/web --to-revision=2', 'Update', 'Alternatively, you can rollback to a specific revision:');
    expect(changedBefore(step, step.command, undo)).toMatchObject({ line: 5, showedOutput: true });
  });

  it.each([
    [
      'without an alternative cue',
      inSection(cmd(9, 'kubectl scale deployment web --replicas=3'), 'Update'),
      [ran(5, 'kubectl scale deployment/web --replicas=3')],
    ],
    [
      'in another section',
      alt(9, 'kubectl scale deployment web --replicas=3'),
      [ran(5, 'kubectl scale deployment/web --replicas=3', true, undefined, 'Other')],
    ],
    ['after a failed first way', alt(9, 'kubectl scale deployment web --replicas=3'), [ran(5, 'kubectl scale deployment/web --replicas=3', false)]],
    ['on another object', alt(9, 'kubectl scale deployment api --replicas=3'), [ran(5, 'kubectl scale deployment/web --replicas=3')]],
    [
      'when another change to the object came in between',
      alt(9, 'kubectl set image deployment/web web=nginx:2'),
      [ran(4, 'kubectl set image deployment/web web=nginx:2'), ran(6, 'kubectl rollout undo deployment/web')],
    ],
    ['for another kind of change', alt(9, 'kubectl set resources deployment/web --limits=cpu=200m'), [ran(5, 'kubectl set image deployment/web web=nginx:2')]],
    ['for a create', alt(9, 'kubectl create deployment web --image=nginx'), [ran(5, 'kubectl create deployment web --image=nginx')]],
  ])('should find nothing %s', (_what, step, earlier) => {
    expect(changedBefore(step, step.command, earlier)).toBeNull();
  });
});

describe('a change the page offers two ways of making', () => {
  it('should run the first way only and compare the output shown after both with it', async () => {
    const t = tempDir();
    try {
      const backend = new FakeBackend(join(t.dir, 'fake'), [
        { args: 'set image deployment.v1.apps/web web=nginx:2', responses: [{ stdout: 'deployment.apps/web image updated\n' }] },
        { args: 'set image deployment/web web=nginx:2', responses: [{ stdout: '' }] },
        { args: 'rollout undo deployment/web', responses: [{ stdout: 'deployment.apps/web rolled back\n' }] },
        {
          args: 'rollout undo deployment/web --to-revision=2',
          responses: [{ stderr: 'error: unable to find specified revision 2 in history\n', exitCode: 1 }],
        },
      ]);
      const steps = [
        inSection(cmd(3, 'kubectl set image deployment.v1.apps/web web=nginx:2'), 'Update'),
        inSection(
          cmd(7, 'kubectl set image deployment/web web=nginx:2', { expected: 'deployment.apps/web image updated' }),
          'Update',
          'or use the following command:',
        ),
        inSection(cmd(12, 'kubectl rollout undo deployment/web', { expected: 'deployment.apps/web rolled back' }), 'Roll back'),
        inSection(
          cmd(18, 'kubectl rollout undo deployment/web --to-revision=2', { expected: 'deployment.apps/web rolled back' }),
          'Roll back',
          'Alternatively, you can rollback to a specific revision by specifying it with --to-revision:',
        ),
      ];
      const r = await runPlan(plan(steps), backend, { matcher: plainMatcher, tmpDir: t.dir, settleIntervalMs: 10, gatherFacts: false, handleSignals: false });
      expect(r.steps.map((s) => s.status)).toEqual(['pass', 'pass', 'pass', 'skipped']);
      expect(r.steps[1]!.actual).toBe('deployment.apps/web image updated\n');
      expect(r.steps[3]!.skipReason).toMatch(/^another way to do what line 12 already did/);
      const calls = backend.calls().map((c) => c.args);
      expect(calls).not.toContain('set image deployment/web web=nginx:2');
      expect(calls).not.toContain('rollout undo deployment/web --to-revision=2');
    } finally {
      t.remove();
    }
  });

  it('should still fail when the output shown after both ways is not what the first way printed', async () => {
    const t = tempDir();
    try {
      const backend = new FakeBackend(join(t.dir, 'fake'), [
        { args: 'set image deployment/web web=nginx:2', responses: [{ stdout: 'deployment.apps/web image updated\n' }] },
      ]);
      const steps = [
        inSection(cmd(3, 'kubectl set image deployment/web web=nginx:2'), 'Update'),
        inSection(cmd(7, 'kubectl set image deploy/web web=nginx:2', { expected: 'deployment.extensions/web image updated' }), 'Update', 'Or run:'),
      ];
      const r = await runPlan(plan(steps), backend, { matcher: plainMatcher, tmpDir: t.dir, settleIntervalMs: 10, gatherFacts: false, handleSignals: false });
      expect(r.steps.map((s) => s.status)).toEqual(['pass', 'fail']);
    } finally {
      t.remove();
    }
  });
});

describe('recreateFor: part of a step already made, or made with another spec', () => {
  const made: CreatedObject[] = [
    { kind: 'configmap', name: 'special-config', line: 10, section: 'One ConfigMap' },
    { kind: 'pod', name: 'nginx', line: 20, section: 'Required affinity' },
  ];

  it('should remove the existing object and the one the step made beside it, then run it again', () => {
    const step = inSection(cmd(40, 'kubectl create -f configmaps.yaml'), 'Several ConfigMaps');
    const out =
      'configmap/env-config created\nError from server (AlreadyExists): error when creating "configmaps.yaml": configmaps "special-config" already exists\n';
    const r = recreateFor(step, out, made);
    expect(r?.script).toBe(
      'kubectl delete configmaps special-config --grace-period=0 --force --ignore-not-found >/dev/null 2>&1; ' +
        'kubectl delete configmap env-config --grace-period=0 --force --ignore-not-found >/dev/null 2>&1',
    );
    expect(r?.note).toContain('with configmap/env-config, which this step had made beside it,');
  });

  it('should re-create a pod a later section applies again with another spec', () => {
    const step = inSection(cmd(50, 'kubectl apply -f pod-preferred.yaml'), 'Preferred affinity');
    const out =
      'The Pod "nginx" is invalid: spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.tolerations`\n' +
      '  core.PodSpec{\n-   Affinity: &core.Affinity{…},\n+   Affinity: &core.Affinity{…},\n  }\n';
    const r = recreateFor(step, out, made);
    expect(r?.script).toBe('kubectl delete pod nginx --grace-period=0 --force --ignore-not-found >/dev/null 2>&1');
    expect(r?.note).toMatch(
      /^pod\/nginx \(line 20\) existed with another spec, which cannot change: it was created in another section \("Required affinity"\)/,
    );
  });

  it.each([
    [
      'the same section without a cue',
      inSection(cmd(25, 'kubectl apply -f pod-preferred.yaml'), 'Required affinity'),
      'The Pod "nginx" is invalid: spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`\n',
    ],
    [
      'another error beside the conflict',
      inSection(cmd(40, 'kubectl create -f configmaps.yaml'), 'Several ConfigMaps'),
      'Error from server (AlreadyExists): error when creating "configmaps.yaml": configmaps "special-config" already exists\nerror: unable to recognize "configmaps.yaml": no matches for kind "Foo"\n',
    ],
    [
      'an invalid manifest (not a change of an immutable field)',
      inSection(cmd(50, 'kubectl apply -f pod-preferred.yaml'), 'Preferred affinity'),
      'The Pod "nginx" is invalid: spec.containers[0].image: Required value\n',
    ],
  ])('should leave %s failing', (_what, step, output) => {
    expect(recreateFor(step, output, made)).toBeNull();
  });
});
