import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SimFixture, startFixture } from '../server/helpers.js';

let fx: SimFixture;
const kubectl = async (...args: string[]) => {
  const r = await fx.kubectl(args);
  return { out: r.stdout, err: r.stderr, code: r.exitCode };
};
const create = async (manifest: unknown) => {
  const r = await fx.kubectl(['create', '-f', '-'], { input: JSON.stringify(manifest) });
  return { out: r.stdout, err: r.stderr, code: r.exitCode };
};
const pod = (name: string, spec: Record<string, unknown> = {}) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name },
  spec: { containers: [{ name: 'app', image: 'nginx' }], ...spec },
});
const priorityClass = (name: string, value: number, extra: Record<string, unknown> = {}) => ({
  apiVersion: 'scheduling.k8s.io/v1',
  kind: 'PriorityClass',
  metadata: { name },
  value,
  ...extra,
});

describe('Priority admission behind real kubectl', () => {
  beforeAll(async () => {
    fx = await startFixture();
  });
  afterAll(async () => {
    await fx?.stop();
  });

  it('lists the system classes a fresh cluster has', async () => {
    const r = await kubectl('get', 'priorityclasses', '-o', 'jsonpath={range .items[*]}{.metadata.name}={.value},{.preemptionPolicy} {end}');
    expect(r.out.trim()).toBe('system-cluster-critical=2000000000,PreemptLowerPriority system-node-critical=2000001000,PreemptLowerPriority');
  });

  it('refuses a pod whose priorityClassName names no class', async () => {
    const r = await create(pod('high-priority', { priorityClassName: 'high' }));
    expect(r.code).toBe(1);
    expect(r.err).toBe(
      'Error from server (Forbidden): error when creating "STDIN": pods "high-priority" is forbidden: no PriorityClass with name high was found',
    );
    expect((await kubectl('get', 'pod', 'high-priority')).code).toBe(1);
  });

  it("sets a pod's priority and preemption policy from its class", async () => {
    expect((await create(priorityClass('batch-low', 1000, { preemptionPolicy: 'Never' }))).out).toBe('priorityclass.scheduling.k8s.io/batch-low created');
    expect((await create(pod('batch', { priorityClassName: 'batch-low' }))).out).toBe('pod/batch created');
    const r = await kubectl('get', 'pod', 'batch', '-o', 'jsonpath={.spec.priority} {.spec.preemptionPolicy}');
    expect(r.out).toBe('1000 Never');
    const critical = await create(pod('critical', { priorityClassName: 'system-node-critical' }));
    expect(critical.out).toBe('pod/critical created');
    expect((await kubectl('get', 'pod', 'critical', '-o', 'jsonpath={.spec.priority}')).out).toBe('2000001000');
  });

  it('refuses a priority value the pod sets itself that differs from its class', async () => {
    const r = await create(pod('forced', { priorityClassName: 'batch-low', priority: 5 }));
    expect(r.err).toBe(
      'Error from server (Forbidden): error when creating "STDIN": pods "forced" is forbidden: the integer value of priority (5) must not be provided in pod spec; priority admission controller computed 1000 from the given PriorityClass name',
    );
  });

  it('gives pods without a class the global default, and allows only one default', async () => {
    expect((await kubectl('get', 'pod', 'batch', '-o', 'jsonpath={.spec.priority}')).out).toBe('1000');
    expect((await create(priorityClass('everyday', 500, { globalDefault: true }))).out).toBe('priorityclass.scheduling.k8s.io/everyday created');
    const second = await create(priorityClass('another', 700, { globalDefault: true }));
    expect(second.err).toBe(
      'Error from server (Forbidden): error when creating "STDIN": priorityclasses.scheduling.k8s.io "another" is forbidden: PriorityClass everyday is already marked as default. Only one default can exist',
    );
    expect((await create(pod('plain'))).out).toBe('pod/plain created');
    expect((await kubectl('get', 'pod', 'plain', '-o', 'jsonpath={.spec.priorityClassName} {.spec.priority}')).out).toBe('everyday 500');
  });

  it('reserves system- names for the built-in classes, with their values and no default', async () => {
    expect((await create(priorityClass('system-custom', 1000))).err).toBe(
      `The PriorityClass "system-custom" is invalid: metadata.name: Forbidden: priority class names with 'system-' prefix are reserved for system use only. error: system-custom is not a known system priority class`,
    );
    expect((await create(priorityClass('system-node-critical', 1000))).err).toBe(
      `The PriorityClass "system-node-critical" is invalid: metadata.name: Forbidden: priority class names with 'system-' prefix are reserved for system use only. error: value of system-node-critical PriorityClass must be 2000001000`,
    );
    // The built-in class itself passes validation, and then exists already.
    expect((await create(priorityClass('system-node-critical', 2000001000))).err).toBe(
      'Error from server (AlreadyExists): error when creating "STDIN": priorityclasses.scheduling.k8s.io "system-node-critical" already exists',
    );
  });

  it('keeps values above 1000000000 for the system', async () => {
    expect((await create(priorityClass('too-high', 1000000001))).err).toBe(
      'The PriorityClass "too-high" is invalid: value: Forbidden: maximum allowed value of a user defined priority is 1000000000',
    );
    expect((await create(priorityClass('highest', 1000000000))).out).toBe('priorityclass.scheduling.k8s.io/highest created');
  });

  it('refuses a preemption policy it does not know, and a change of value or policy', async () => {
    expect((await create(priorityClass('odd', 10, { preemptionPolicy: 'Sometimes' }))).err).toBe(
      'The PriorityClass "odd" is invalid: preemptionPolicy: Unsupported value: "Sometimes": supported values: "PreemptLowerPriority", "Never"',
    );
    const replace = async (manifest: unknown) => (await fx.kubectl(['replace', '-f', '-'], { input: JSON.stringify(manifest) })).stderr;
    expect(await replace(priorityClass('batch-low', 2000, { preemptionPolicy: 'Never' }))).toBe(
      'The PriorityClass "batch-low" is invalid: value: Forbidden: may not be changed in an update.',
    );
    expect(await replace(priorityClass('batch-low', 1000, { preemptionPolicy: 'PreemptLowerPriority' }))).toBe(
      'The PriorityClass "batch-low" is invalid: preemptionPolicy: Invalid value: "PreemptLowerPriority": field is immutable',
    );
  });

  it('refuses to delete a built-in class', async () => {
    const r = await kubectl('delete', 'priorityclass', 'system-cluster-critical');
    expect(r.err).toBe(
      'Error from server (Forbidden): priorityclasses.scheduling.k8s.io "system-cluster-critical" is forbidden: this is a system priority class and cannot be deleted',
    );
    expect((await kubectl('get', 'priorityclass', 'system-cluster-critical', '-o', 'name')).out).toBe(
      'priorityclass.scheduling.k8s.io/system-cluster-critical',
    );
  });
});

describe('pod-level resources on a default 1.32 cluster', () => {
  beforeAll(async () => {
    fx = await startFixture();
  });
  afterAll(async () => {
    await fx?.stop();
  });

  it('drops spec.resources of a Pod (PodLevelResources is off) and computes QoS from the containers', async () => {
    const r = await create(pod('pod-level', { resources: { requests: { cpu: '1', memory: '100Mi' }, limits: { cpu: '1', memory: '100Mi' } } }));
    expect(r.out).toBe('pod/pod-level created');
    const got = await kubectl('get', 'pod', 'pod-level', '-o', 'jsonpath={.spec.resources}|{.status.qosClass}');
    expect(got.out).toBe('|BestEffort');
  });

  it('drops it from a pod template too', async () => {
    const deployment = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web' },
      spec: {
        selector: { matchLabels: { app: 'web' } },
        template: { metadata: { labels: { app: 'web' } }, spec: { resources: { limits: { cpu: '1' } }, containers: [{ name: 'web', image: 'nginx' }] } },
      },
    };
    expect((await create(deployment)).out).toBe('deployment.apps/web created');
    expect((await kubectl('get', 'deployment', 'web', '-o', 'jsonpath=[{.spec.template.spec.resources}]')).out).toBe('[]');
  });
});
