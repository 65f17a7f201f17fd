/**
 * Pod names a controller generated on the author's cluster, used by a later command: bound to a
 * live pod of the same owner and shape, or left as the doc wrote them.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commandNamespace, generatedNames, generatedNamesOf, generatedOwner, pickGenerated, pickGeneratedPod } from '../../src/run/generated-names.js';
import { runOnSim } from './helpers.js';

describe('generatedOwner', () => {
  it.each([
    ['my-nginx-2035384211-j5fhi', ['my-nginx'], 'my-nginx'],
    ['my-nginx-cf54cdbf7-vr96x', ['web', 'my-nginx'], 'my-nginx'],
    ['job-wq-2-7r7b2', ['job-wq-2'], 'job-wq-2'],
    ['hello-28471234-x2x5q', ['hello'], 'hello'],
  ])('should read %s as a pod of %j', (name, owners, owner) => {
    expect(generatedOwner(name, owners)).toBe(owner);
  });

  it.each([
    // The prefix is no owner: another app, a typo, a longer name of the same start.
    ['my-apache-2035384211-j5fhi', ['my-nginx']],
    ['my-ngnix-2035384211-j5fhi', ['my-nginx']],
    ['my-nginx-canary-cf54cdbf7-vr96x', ['my-nginx']],
    // Not a generated shape: an old ReplicationController's version suffix, a word.
    ['my-nginx-v4', ['my-nginx']],
    ['my-nginx', ['my-nginx']],
    ['my-nginx-server', ['my-nginx']],
  ])('should not read %s as a pod of %j', (name, owners) => {
    expect(generatedOwner(name, owners)).toBeUndefined();
  });
});

describe('generatedNames', () => {
  it('should find each name with its place, alone or after pod/', () => {
    const command = 'kubectl logs pod/web-7768647bf9-b4b9s && kubectl annotate pods web-7768647bf9-x2x5q a=b';
    expect(generatedNames(command, ['web'])).toEqual([
      { index: 17, name: 'web-7768647bf9-b4b9s', owner: 'web' },
      { index: 63, name: 'web-7768647bf9-x2x5q', owner: 'web' },
    ]);
  });

  it("should leave out the page's own pods by name and names inside paths or other words", () => {
    expect(generatedNames('kubectl delete pod web-b4b9s', ['web'], new Set(['web-b4b9s']))).toEqual([]);
    expect(generatedNames('cat /tmp/web-7768647bf9-b4b9s.yaml', ['web'])).toEqual([]);
    expect(generatedNames('kubectl get pods', [])).toEqual([]);
  });
});

describe('pickGeneratedPod', () => {
  const doc = { index: 0, name: 'my-nginx-2035384211-j5fhi', owner: 'my-nginx' };
  const pods = [
    { name: 'my-nginx-canary-58f8bd6dd7-k4444', terminating: false },
    { name: 'my-nginx-58f8bd6dd7-zzzzz', terminating: true },
    { name: 'my-nginx-58f8bd6dd7-k4444', terminating: false },
    { name: 'my-nginx-58f8bd6dd7-nzn5g', terminating: false },
  ];

  it("should pick a live pod of the owner's shape, one no other doc name took first", () => {
    expect(pickGeneratedPod(doc, pods, new Set())).toBe('my-nginx-58f8bd6dd7-k4444');
    expect(pickGeneratedPod(doc, pods, new Set(['my-nginx-58f8bd6dd7-k4444']))).toBe('my-nginx-58f8bd6dd7-nzn5g');
  });

  it('should pick nothing when the owner has no pod of that shape', () => {
    expect(pickGeneratedPod(doc, pods.slice(0, 2), new Set())).toBeUndefined();
    // A Job's pod (no pod-template hash) is not a Deployment pod's stand-in.
    expect(pickGeneratedPod(doc, [{ name: 'my-nginx-k4444', terminating: false }], new Set())).toBeUndefined();
  });

  it('should read the namespace a command names', () => {
    expect(commandNamespace('kubectl logs web-b4b9s -n shop')).toBe('shop');
    expect(commandNamespace('kubectl logs web-b4b9s')).toBeUndefined();
  });
});

describe('generatedNamesOf', () => {
  const page = new Map([
    ['cronjob', new Set(['hello'])],
    ['deployment', new Set(['web'])],
    ['statefulset', new Set(['db'])],
    ['job', new Set(['hello-manual'])],
  ]);

  it.each([
    // A CronJob's Job: <cronjob>-<scheduled minute> today, seconds on old clusters.
    ['kubectl get pods --selector=job-name=hello-4111706356', 'hello-4111706356', 'job', 'hello'],
    ['kubectl logs job/hello-29944837', 'hello-29944837', 'job', 'hello'],
    // A Deployment's ReplicaSet: <deployment>-<pod-template-hash>.
    ['kubectl describe rs web-7768647bf9', 'web-7768647bf9', 'replicaset', 'web'],
    ['kubectl describe replicasets.apps/web-3800858182', 'web-3800858182', 'replicaset', 'web'],
    // A StatefulSet's ControllerRevision.
    ['kubectl get controllerrevision db-6c7d9b8f5f -o yaml', 'db-6c7d9b8f5f', 'controllerrevision', 'db'],
    // A CronJob's pod is still a pod.
    ['kubectl logs hello-29944837-x2x5q', 'hello-29944837-x2x5q', 'pod', 'hello'],
  ])('should read in %s the %s a %s of %s', (command, name, kind, owner) => {
    expect(generatedNamesOf(command, page)).toEqual([{ index: command.indexOf(name), name, owner, kind }]);
  });

  it("should not read names of another shape, owner or kind, nor the page's own", () => {
    // A ReplicaSet-shaped name after a CronJob, a scheduled name after a Deployment.
    expect(generatedNamesOf('kubectl describe rs hello-7768647bf9', page)).toEqual([]);
    // A digits-only part after a Deployment is an old cluster's numeric pod-template hash, not a scheduled time.
    expect(generatedNamesOf('kubectl get job web-29944837', page).map((g) => g.kind)).toEqual(['replicaset']);
    // No Deployment `helo`; a Job the page names itself.
    expect(generatedNamesOf('kubectl get job helo-29944837 hello-manual', page)).toEqual([]);
    expect(
      generatedNamesOf(
        'kubectl get job hello-29944837',
        new Map([
          ['cronjob', new Set(['hello'])],
          ['job', new Set(['hello-29944837'])],
        ]),
      ),
    ).toEqual([]);
  });
});

describe('pickGenerated', () => {
  it("should pick a live object of the owner's kind and shape, one not taken first", () => {
    const doc = { index: 0, name: 'hello-4111706356', owner: 'hello', kind: 'job' };
    const jobs = [
      { name: 'hello-manual', terminating: false },
      { name: 'hello-29944836', terminating: true },
      { name: 'hello-29944837', terminating: false },
      { name: 'hello-29944838', terminating: false },
    ];
    expect(pickGenerated(doc, jobs, new Set())).toBe('hello-29944837');
    expect(pickGenerated(doc, jobs, new Set(['hello-29944837']))).toBe('hello-29944838');
    expect(pickGenerated(doc, jobs.slice(0, 2), new Set())).toBeUndefined();
  });

  it('should pick a ReplicaSet of the Deployment, not one of a longer-named Deployment', () => {
    const doc = { index: 0, name: 'web-7768647bf9', owner: 'web', kind: 'replicaset' };
    expect(pickGenerated(doc, [{ name: 'web-canary-58f8bd6dd7', terminating: false }], new Set())).toBeUndefined();
    expect(pickGenerated(doc, [{ name: 'web-58f8bd6dd7', terminating: false }], new Set())).toBe('web-58f8bd6dd7');
  });
});

const fixture = (name: string): string => join(import.meta.dirname, '../../fixtures/run/generated-names', name);

describe('a page that uses the pod names its cluster printed (real kubectl against the simulator)', () => {
  it('runs the later commands with this run pods, one pod per shown name', async () => {
    const r = await runOnSim(fixture('shown-then-used.md'), { settleMs: 2000 });
    expect(r.error).toBeUndefined();
    const commands = r.steps.filter((s) => s.kind === 'command');
    const at = (line: number) => commands.find((s) => s.line === line)!;
    // The listing shows three pods of two: that stays the page's defect.
    expect(commands.map((s) => [s.line, s.status])).toEqual([
      [9, 'pass'],
      [19, 'fail'],
      [31, 'pass'],
      [41, 'pass'],
      [47, 'pass'],
    ]);
    const annotated = at(31).rewrites.find((w) => w.from === 'my-nginx-2035384211-j5fhi')?.to;
    const logged = at(41).rewrites.find((w) => w.from === 'my-nginx-2035384211-u2c7e')?.to;
    expect(annotated).toMatch(/^my-nginx-[a-z0-9]+-[a-z0-9]{5}$/);
    expect(logged).toMatch(/^my-nginx-[a-z0-9]+-[a-z0-9]{5}$/);
    expect(logged).not.toBe(annotated);
    expect(at(31).ran).toBe(`kubectl annotate pod ${annotated} description='my frontend running nginx'`);
    // The name stays bound: the later read is of the pod annotated.
    expect(at(47).ran).toContain(annotated);
  });

  it('leaves a name whose prefix is no workload of the page as written, and the step fails', async () => {
    const r = await runOnSim(fixture('prefix-of-nothing.md'), { settleMs: 2000 });
    expect(r.error).toBeUndefined();
    const step = r.steps.find((s) => s.line === 23)!;
    expect(step.status).toBe('fail');
    expect(step.ran).toBe("kubectl annotate pod my-ngnix-2035384211-j5fhi description='my frontend'");
    expect(step.rewrites).toEqual([]);
    expect(step.actual).toContain('pods "my-ngnix-2035384211-j5fhi" not found');
  });

  it("binds a CronJob's Job name the page never showed to this run's Job, so its selector finds the Job's pod", async () => {
    const r = await runOnSim(fixture('cronjob-job-name.md'), { settleMs: 2000 });
    expect(r.error).toBeUndefined();
    const commands = r.steps.filter((s) => s.kind === 'command');
    expect(commands.map((s) => [s.line, s.status])).toEqual([
      [7, 'pass'],
      [17, 'pass'],
      [24, 'pass'],
      [30, 'pass'],
    ]);
    const select = commands.find((s) => s.line === 24)!;
    const job = select.rewrites.find((w) => w.from === 'hello-4111706356')?.to;
    expect(job).toMatch(/^hello-\d{8}$/);
    expect(select.ran).toBe(`pods=$(kubectl get pods --selector=job-name=${job} --output=jsonpath={.items[*].metadata.name})`);
    expect(commands.find((s) => s.line === 30)!.actual).toContain('Hello from the Kubernetes cluster');
  });
});
