import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runPlan } from '../../src/run/run-plan.js';
import type { MatchInput } from '../../src/match/types.js';
import type { RunOptions } from '../../src/run/options.js';
import { FakeBackend, plainMatcher, type FakeEntry } from './fake-backend.js';
import { cmd, manifest, plan } from './plan-builder.js';
import { tempDir } from './helpers.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

function setup(table: FakeEntry[] = [], extra?: ConstructorParameters<typeof FakeBackend>[2]): { backend: FakeBackend; options: RunOptions; dir: string } {
  const t = tempDir();
  cleanups.push(t.remove);
  const backend = new FakeBackend(join(t.dir, 'fake'), table, extra);
  return { backend, dir: t.dir, options: { matcher: plainMatcher, tmpDir: t.dir, settleIntervalMs: 10, gatherFacts: false, handleSignals: false } };
}

describe('runPlan', () => {
  it('should write two examples of one base name, each under its examples path', async () => {
    const { backend, options } = setup();
    const r = await runPlan(
      plan([
        manifest(5, 'app.yaml', 'kind: Deployment', 'application/app.yaml'),
        manifest(20, 'app.yaml', 'kind: HorizontalPodAutoscaler', 'application/hpa/app.yaml'),
        cmd(25, 'cat application/hpa/app.yaml', { expected: 'kind: HorizontalPodAutoscaler' }),
        cmd(30, 'cat application/app.yaml', { expected: 'kind: Deployment' }),
      ]),
      backend,
      options,
    );
    expect(r.steps.filter((s) => s.kind === 'command').map((s) => s.status)).toEqual(['pass', 'pass']);
  });

  it('should run steps in one shell with the lesson environment and nothing of the user kubeconfig', async () => {
    const { backend, options } = setup([{ args: 'get pods', responses: [{ stdout: 'No resources found in default namespace.\n' }] }]);
    const saved = process.env.KUBECONFIG;
    process.env.KUBECONFIG = '/home/someone/.kube/config';
    try {
      const r = await runPlan(
        plan([
          manifest(3, 'web.yaml', 'kind: Pod\n'),
          cmd(10, 'mkdir work && cd work && export STAGE=two'),
          cmd(12, 'echo "$STAGE $(basename "$PWD") $LANG $TZ $COLUMNS $TERM $NO_COLOR"', { expected: 'two work C.UTF-8 UTC 120 dumb 1' }),
          cmd(14, 'cat ../web.yaml', { expected: 'kind: Pod' }),
          cmd(16, 'kubectl get pods', { expected: 'No resources found in default namespace.', cls: 'read-only' }),
          cmd(18, 'test "$KUBECONFIG" != /home/someone/.kube/config && test "$HOME" = "$(dirname "$PWD")"'),
        ]),
        backend,
        options,
      );
      expect(r.error).toBeUndefined();
      expect(r.steps.map((s) => s.status)).toEqual(['pass', 'pass', 'pass', 'pass', 'pass', 'pass']);
      const call = backend.calls()[0]!;
      // The lesson's own copy: the backend's kubeconfig (which diagnostics use) is out of its reach.
      expect(call.kubeconfig).toBe(join(backend.lastWorkDir, '..', '..', 'run', 'kubeconfig'));
      expect(call.kubeconfig).not.toBe(join(backend.lastWorkDir, 'kubeconfig'));
      expect(backend.stopped).toBe(1);
      expect(existsSync(backend.lastWorkDir)).toBe(false);
    } finally {
      if (saved === undefined) delete process.env.KUBECONFIG;
      else process.env.KUBECONFIG = saved;
    }
  });

  it('should report exit status per step with a finding at the doc line', async () => {
    const { backend, options } = setup();
    const r = await runPlan(plan([cmd(5, 'false'), cmd(7, 'true'), cmd(9, 'ls /nonexistent-kdt', { expected: 'x' })]), backend, options);
    expect(r.steps.map((s) => [s.status, s.exitCode])).toEqual([
      ['fail', 1],
      ['pass', 0],
      ['fail', 2],
    ]);
    expect(r.findings.map((f) => [f.ruleId, f.line])).toEqual([
      ['command-failed', 5],
      ['command-failed', 9],
      ['output-mismatch', 11],
    ]);
  });

  it('should retry a read-only step until its output settles and never retry a mutating one', async () => {
    const { backend, options } = setup([
      { args: 'get pods', responses: [{ stdout: 'web 0/1 Pending\n' }, { stdout: 'web 0/1 ContainerCreating\n' }, { stdout: 'web 1/1 Running\n' }] },
      { args: 'apply -f web.yaml', responses: [{ stderr: 'error: boom\n', exitCode: 1 }, { stdout: 'pod/web created\n' }] },
    ]);
    const r = await runPlan(
      plan([
        cmd(3, 'kubectl apply -f web.yaml', { expected: 'pod/web created', cls: 'mutating' }),
        cmd(5, 'kubectl get pods', { expected: 'web 1/1 Running', cls: 'read-only' }),
      ]),
      backend,
      options,
    );
    expect(r.steps[0]).toMatchObject({ status: 'fail', attempts: 1, actual: 'error: boom\n' });
    expect(r.steps[1]).toMatchObject({ status: 'pass', attempts: 3, actual: 'web 1/1 Running\n' });
  });

  it('should not retry a read of local files only, whose output no cluster work changes', async () => {
    const { backend, options } = setup([
      { args: 'kustomize overlays/prod', responses: [{ stderr: 'error: unable to find kustomization\n', exitCode: 1 }, { stdout: 'kind: Deployment\n' }] },
    ]);
    const r = await runPlan(plan([cmd(5, 'kubectl kustomize overlays/prod', { expected: 'kind: Deployment', cls: 'read-only' })]), backend, options);
    expect(r.steps[0]).toMatchObject({ status: 'fail', attempts: 1 });
  });

  it('should give up settling after settleMs and keep the last attempt', async () => {
    const outputs = ['web 0/1 Pending\n', 'web 0/1 ContainerCreating\n', 'web 0/1 CrashLoopBackOff\n'];
    const { backend, options } = setup([{ args: 'get pods', responses: outputs.map((stdout) => ({ stdout })) }]);
    const r = await runPlan(plan([cmd(5, 'kubectl get pods', { expected: 'web 1/1 Running', cls: 'read-only' })]), backend, { ...options, settleMs: 1000 });
    const step = r.steps[0]!;
    expect(step.status).toBe('fail');
    expect(step.attempts).toBe(backend.calls().length);
    expect(step.actual).toBe(outputs[Math.min(step.attempts, 3) - 1]);
  });

  it('should stop settling when the same output repeats while the backend is at rest', async () => {
    const horizons: number[] = [];
    const { backend, options } = setup([{ args: 'get pods', responses: [{ stdout: 'web 0/1 Pending\n' }] }], {
      atRest: (h) => (horizons.push(h), true),
    });
    const r = await runPlan(plan([cmd(5, 'kubectl get pods', { expected: 'web 1/1 Running', cls: 'read-only' })]), backend, { ...options, settleMs: 600_000 });
    expect(r.steps[0]).toMatchObject({ status: 'fail', attempts: 2, settledEarly: true });
    // Asked about the rest of the settle time, not about a fixed horizon (once as the step starts,
    // so that "at rest" after an attempt means nothing was written since the previous one).
    expect(horizons.length).toBeGreaterThan(0);
    for (const h of horizons) expect(h).toBeGreaterThan(500_000);
  });

  it("waits on for lines a container has yet to print only where the output is a container's", async () => {
    const attempts: Record<string, number> = {};
    for (const command of ['kubectl logs web', 'kubectl get nodes']) {
      const args = command.replace('kubectl ', '');
      const { backend, options } = setup([{ args, responses: [{ stdout: 'line 1\n' }] }], {
        atRest: () => true,
        passTime: async () => undefined,
        outputMayGrow: () => true,
      });
      // The real matcher: the doc's second line is a missing line, not a different value.
      const { matcher: _plain, ...real } = options;
      const r = await runPlan(plan([cmd(5, command, { expected: 'line 1\nline 2', cls: 'read-only' })]), backend, { ...real, settleIntervalMs: 250 });
      expect(r.steps[0]!.status).toBe('fail');
      attempts[command] = r.steps[0]!.attempts;
    }
    // The logger's next line may still come; a node listing does not grow by itself.
    expect(attempts['kubectl get nodes']).toBe(2);
    expect(attempts['kubectl logs web']).toBeGreaterThan(2);
  });

  it('should let the time between retries pass on the backend instead of sleeping, unless realtime', async () => {
    const outputs = ['web 0/1 Pending\n', 'web 0/1 ContainerCreating\n', 'web 1/1 Running\n'];
    for (const realtime of [false, true]) {
      const passed: number[] = [];
      const { backend, options } = setup([{ args: 'get pods', responses: outputs.map((stdout) => ({ stdout })) }], {
        passTime: async (ms) => void passed.push(ms),
      });
      const r = await runPlan(plan([cmd(5, 'kubectl get pods', { expected: 'web 1/1 Running', cls: 'read-only' })]), backend, {
        ...options,
        settleIntervalMs: 250,
        realtime,
      });
      expect(r.steps[0]).toMatchObject({ status: 'pass', attempts: 3 });
      // The same schedule as a reader's waits (250 ms doubling), given to the backend to pass.
      expect(passed).toEqual(realtime ? [] : [250, 500]);
    }
  });

  it('should retry a command answered with BadRequest because its container has not started yet', async () => {
    const waiting = 'Error from server (BadRequest): container "pi" in pod "pi-x" is waiting to start: ContainerCreating\n';
    const { backend, options } = setup([{ args: 'logs jobs/pi', responses: [{ stderr: waiting, exitCode: 1 }, { stdout: '3.14\n' }] }]);
    const r = await runPlan(plan([cmd(5, 'kubectl logs jobs/pi', { expected: '3.14', cls: 'read-only' })]), backend, options);
    expect(r.steps[0]).toMatchObject({ status: 'pass', attempts: 2 });
  });

  it('should not retry a read-only step whose server is not there', async () => {
    const refused = 'The connection to the server localhost:8080 was refused - did you specify the right host or port?\n';
    const { backend, options } = setup([{ args: 'get pods', responses: [{ stderr: refused, exitCode: 1 }] }]);
    const r = await runPlan(plan([cmd(5, 'kubectl get pods', { expected: 'web 1/1 Running', cls: 'read-only' })]), backend, { ...options, settleMs: 600_000 });
    expect(r.steps[0]).toMatchObject({ status: 'fail', attempts: 1 });
  });

  it('should stop at once on an object that is not there while the backend is at rest', async () => {
    const notFound = 'Error from server (NotFound): pods "web" not found\n';
    // The page makes pod web (so its absence is the page's problem, not a missing prerequisite).
    const { backend, options } = setup(
      [
        { args: 'run web --image=nginx', responses: [{ stdout: 'pod/web created\n' }] },
        { args: 'get pods web', responses: [{ stderr: notFound, exitCode: 1 }] },
      ],
      { atRest: () => true },
    );
    const steps = [
      cmd(3, 'kubectl run web --image=nginx', { expected: 'pod/web created', cls: 'mutating' }),
      cmd(5, 'kubectl get pods web', { expected: 'web 1/1 Running', cls: 'read-only' }),
    ];
    const r = await runPlan(plan(steps), backend, { ...options, settleMs: 600_000 });
    expect(r.steps[1]).toMatchObject({ status: 'fail', attempts: 1, settledEarly: true });
  });

  it('should keep retrying an object that is not there while the backend is still at work', async () => {
    const notFound = 'Error from server (NotFound): pods "web" not found\n';
    const { backend, options } = setup(
      [{ args: 'get pods web', responses: [{ stderr: notFound, exitCode: 1 }, { stderr: notFound, exitCode: 1 }, { stdout: 'web 1/1 Running\n' }] }],
      {
        atRest: () => false,
      },
    );
    const r = await runPlan(plan([cmd(5, 'kubectl get pods web', { expected: 'web 1/1 Running', cls: 'read-only' })]), backend, {
      ...options,
      settleMs: 600_000,
    });
    expect(r.steps[0]).toMatchObject({ status: 'pass', attempts: 3 });
  });

  it('should stop settling when only volatile parts of the output change (the differences repeat)', async () => {
    const { backend, options } = setup(
      [{ args: 'get pods', responses: [{ stdout: 'web 0/1 Pending 1s\n' }, { stdout: 'web 0/1 Pending 2s\n' }, { stdout: 'web 0/1 Pending 3s\n' }] }],
      {
        atRest: () => true,
      },
    );
    // A matcher that, like the real one, does not report ages.
    const ageless = { ...plainMatcher, matchOutput: (i: MatchInput) => plainMatcher.matchOutput({ ...i, actual: i.actual.replace(/ \d+s$/gm, '') }) };
    const r = await runPlan(plan([cmd(5, 'kubectl get pods', { expected: 'web 1/1 Running', cls: 'read-only' })]), backend, {
      ...options,
      matcher: ageless,
      settleMs: 600_000,
    });
    expect(r.steps[0]).toMatchObject({ status: 'fail', attempts: 2, settledEarly: true, actual: 'web 0/1 Pending 2s\n' });
  });

  it('should keep settling while the output changes, even with the backend at rest', async () => {
    const outputs = ['web 0/1 Pending\n', 'web 0/1 ContainerCreating\n', 'web 1/1 Running\n'];
    const { backend, options } = setup([{ args: 'get pods', responses: outputs.map((stdout) => ({ stdout })) }], { atRest: () => true });
    const r = await runPlan(plan([cmd(5, 'kubectl get pods', { expected: 'web 1/1 Running', cls: 'read-only' })]), backend, { ...options, settleMs: 600_000 });
    expect(r.steps[0]).toMatchObject({ status: 'pass', attempts: 3 });
    expect(r.steps[0]!.settledEarly).toBeUndefined();
  });

  it('should mark unchecked, not fail, a step whose doc output needs a cloud provider the backend lacks', async () => {
    const { backend, options } = setup([
      { args: 'get nodes -o yaml', responses: [{ stdout: 'status:\n  addresses:\n  - address: 172.18.0.2\n    type: InternalIP\n' }] },
      { args: 'get svc web -o yaml', responses: [{ stdout: 'kind: Service\n' }] },
    ]);
    const expected = '    - address: 104.197.41.11\n      type: ExternalIP';
    const r = await runPlan(
      plan([cmd(5, 'kubectl get nodes -o yaml', { expected, mode: 'contains' }), cmd(9, 'kubectl get svc web -o yaml', { expected: 'kind: Pod' })]),
      backend,
      { ...options, settleMs: 0 },
    );
    expect(r.steps[0]).toMatchObject({ status: 'unchecked', differences: [] });
    expect(r.steps[0]!.uncheckedReason).toMatch(/^the doc shows nodes with an ExternalIP, which only a cloud provider gives them/);
    // An ordinary mismatch still fails.
    expect(r.steps[1]!.status).toBe('fail');
  });

  it('should retry any step that failed because its container was not up yet', async () => {
    const { backend, options } = setup([
      {
        args: 'exec envfrom-secret -- sh -c echo $username',
        responses: [{ stderr: 'error: unable to upgrade connection: container not found ("envars-test-container")\n', exitCode: 1 }, { stdout: 'my-app\n' }],
      },
      {
        args: 'delete pod web',
        responses: [{ stderr: 'Error from server (NotFound): pods "web" not found\n', exitCode: 1 }, { stdout: 'pod "web" deleted\n' }],
      },
    ]);
    const r = await runPlan(
      plan([
        cmd(5, "kubectl exec envfrom-secret -- sh -c 'echo $username'", { expected: 'my-app', cls: 'other' }),
        cmd(9, 'kubectl delete pod web', { expected: 'pod "web" deleted', cls: 'mutating' }),
      ]),
      backend,
      options,
    );
    expect(r.steps[0]).toMatchObject({ status: 'pass', attempts: 2 });
    // Any other failure of a mutating step is final (and pod web, which no step of this page
    // creates, is the page's prerequisite: unchecked, not failed).
    expect(r.steps[1]).toMatchObject({ status: 'unchecked', attempts: 1 });
    expect(r.steps[1]!.uncheckedReason).toMatch(/^pod\/web is made by a setup this page does not include/);
  });

  it('should skip steps the plan marks skipped and keep the sandbox when asked', async () => {
    const { backend, options } = setup();
    const r = await runPlan(plan([manifest(2, 'a.yaml', 'x: 1'), cmd(5, 'echo hi', { skip: 'directive' })]), backend, { ...options, keep: true });
    expect(r.steps[1]).toMatchObject({ status: 'skipped', skipReason: 'directive' });
    expect(r.keptDir).toBeDefined();
    expect(readFileSync(join(r.keptDir!, 'home', 'a.yaml'), 'utf8')).toBe('x: 1\n');
  });

  it('should not write a manifest whose name escapes the sandbox', async () => {
    const { backend, options, dir } = setup();
    const r = await runPlan(plan([manifest(2, '../../escape.yaml', 'x: 1')]), backend, options);
    expect(r.steps[0]!.status).toBe('skipped');
    expect(r.steps[0]!.skipReason).toMatch(/outside the sandbox/);
    expect(existsSync(join(dir, 'escape.yaml'))).toBe(false);
  });

  it('should report a backend that cannot start as a tool error', async () => {
    const { options } = setup();
    const r = await runPlan(plan([cmd(1, 'true')]), { name: 'broken', start: async () => Promise.reject(new Error('no docker')) }, options);
    expect(r.error).toEqual({ code: 'ERR_BACKEND_START', message: 'no docker' });
  });
});

describe('runPlan: a skipped alternative', () => {
  const rollout = cmd(5, 'kubectl rollout status deployment/web', { expected: 'deployment "web" successfully rolled out', cls: 'read-only' });
  const edit = (alternative?: string) => ({ ...cmd(3, 'kubectl edit deployment/web', { cls: 'mutating' }), ...(alternative ? { alternative } : {}) });
  const responses = [
    { args: 'set image deployment/web web=nginx:1.16.1', responses: [{ stdout: 'deployment.apps/web image updated\n' }] },
    { args: 'rollout status deployment/web', responses: [{ stdout: 'deployment "web" successfully rolled out\n' }] },
  ];
  const setImage = cmd(1, 'kubectl set image deployment/web web=nginx:1.16.1', { expected: 'deployment.apps/web image updated', cls: 'mutating' });

  it("leaves later steps on the same object to run when an earlier step made the change the page's own way", async () => {
    const { backend, options } = setup(responses);
    const r = await runPlan(plan([setImage, edit('Alternatively, you can edit the Deployment:'), rollout]), backend, options);
    expect(r.steps.map((s) => s.status)).toEqual(['pass', 'skipped', 'pass']);
  });

  it('keeps the change missing without the cue, or when no earlier step made it', async () => {
    const plain = setup(responses);
    expect((await runPlan(plan([setImage, edit(), rollout]), plain.backend, plain.options)).steps.map((s) => s.status)).toEqual(['pass', 'skipped', 'skipped']);
    const first = setup(responses);
    expect((await runPlan(plan([edit('You can instead edit it:'), rollout]), first.backend, first.options)).steps.map((s) => s.status)).toEqual([
      'skipped',
      'skipped',
    ]);
  });
});
