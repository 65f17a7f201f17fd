import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SimFixture, startFixture } from '../server/helpers.js';
import { until } from './until.js';

let fx: SimFixture;
const kubectl = async (...args: string[]) => {
  const r = await fx.kubectl(args);
  return { out: r.stdout, err: r.stderr, code: r.exitCode };
};
const apply = async (manifest: unknown) => (await fx.kubectl(['apply', '-f', '-'], { input: JSON.stringify(manifest) })).stdout;

describe('workload controllers behind real kubectl', () => {
  beforeAll(async () => {
    fx = await startFixture({ controllers: true, speed: 4 });
  });
  afterAll(async () => {
    await fx?.stop();
  });

  it('finishes deleting a namespace that holds a running Job: its pods lose the job-tracking finalizer', async () => {
    expect((await kubectl('create', 'namespace', 'batch-work')).out).toBe('namespace/batch-work created');
    expect((await kubectl('create', 'job', 'pi', '-n', 'batch-work', '--image=busybox:1.28', '--', 'sleep', '3600')).out).toBe('job.batch/pi created');
    const running = await until(
      () => kubectl('get', 'pods', '-n', 'batch-work', '-o', 'jsonpath={.items[*].status.phase} {.items[*].metadata.finalizers}'),
      (r) => r.out.startsWith('Running'),
    );
    expect(running.out).toBe('Running ["batch.kubernetes.io/job-tracking"]');
    const del = await fx.kubectl(['delete', 'namespace', 'batch-work', '--timeout=30s']);
    expect(del.stdout).toBe('namespace "batch-work" deleted');
    expect(del.exitCode).toBe(0);
    const gone = await until(
      () => kubectl('get', 'namespace', 'batch-work'),
      (r) => r.code !== 0,
    );
    expect(gone.err).toBe('Error from server (NotFound): namespaces "batch-work" not found');
  });

  it('releases the pods of a deleted Job so they go away', async () => {
    expect((await kubectl('create', 'job', 'sleeper', '--image=busybox:1.28', '--', 'sleep', '3600')).out).toBe('job.batch/sleeper created');
    await until(
      () => kubectl('get', 'pods', '-l', 'job-name=sleeper', '-o', 'jsonpath={.items[*].status.phase}'),
      (r) => r.out === 'Running',
    );
    expect((await kubectl('delete', 'job', 'sleeper')).out).toBe('job.batch "sleeper" deleted');
    const left = await until(
      () => kubectl('get', 'pods', '-l', 'job-name=sleeper', '-o', 'name'),
      (r) => r.out === '',
    );
    expect(left.out).toBe('');
  });

  it('defaults a ReplicationController selector and labels from its template, so expose works', async () => {
    const out = await apply({
      apiVersion: 'v1',
      kind: 'ReplicationController',
      metadata: { name: 'nginx' },
      spec: {
        replicas: 2,
        template: { metadata: { labels: { app: 'nginx' } }, spec: { containers: [{ name: 'nginx', image: 'nginx', ports: [{ containerPort: 80 }] }] } },
      },
    });
    expect(out).toBe('replicationcontroller/nginx created');
    const rc = JSON.parse((await kubectl('get', 'rc', 'nginx', '-o', 'json')).out);
    expect(rc.spec.selector).toEqual({ app: 'nginx' });
    expect(rc.metadata.labels).toEqual({ app: 'nginx' });
    expect((await kubectl('expose', 'rc', 'nginx', '--port=80', '--target-port=80')).out).toBe('service/nginx exposed');
    expect((await kubectl('get', 'svc', 'nginx', '-o', 'jsonpath={.spec.selector}')).out).toBe('{"app":"nginx"}');
    const ready = await until(
      () => kubectl('get', 'rc', 'nginx', '-o', 'jsonpath={.status.readyReplicas}'),
      (r) => r.out === '2',
    );
    expect(ready.out).toBe('2');
  });

  it('keeps a pod that asks for more CPU than the node has Pending, with the scheduler saying why', async () => {
    const pod = (name: string, requests: Record<string, string>) => ({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name },
      spec: { containers: [{ name: 'app', image: 'nginx', resources: { requests } }] },
    });
    expect(await apply(pod('cpu-demo', { cpu: '100' }))).toBe('pod/cpu-demo created');
    const cond = await until(
      () => kubectl('get', 'pod', 'cpu-demo', '-o', 'jsonpath={.status.conditions[0].reason}'),
      (r) => r.out === 'Unschedulable',
    );
    expect(cond.out).toBe('Unschedulable');
    const message = '0/1 nodes are available: 1 Insufficient cpu. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod..';
    expect((await kubectl('get', 'pod', 'cpu-demo', '-o', 'jsonpath={.status.phase} {.spec.nodeName} {.status.conditions[0].message}')).out).toBe(
      `Pending  ${message}`,
    );
    const d = await kubectl('describe', 'pod', 'cpu-demo');
    expect(d.out).toMatch(/Node:\s+<none>/);
    expect(d.out).toContain(`Warning  FailedScheduling  `);
    expect(d.out).toContain(`default-scheduler  ${message}`);
    expect((await kubectl('get', 'pod', 'cpu-demo')).out).toMatch(/cpu-demo\s+0\/1\s+Pending\s+0\s+/);

    expect(await apply(pod('mem-demo', { memory: '1000Gi', cpu: '200' }))).toBe('pod/mem-demo created');
    const mem = await until(
      () => kubectl('get', 'pod', 'mem-demo', '-o', 'jsonpath={.status.conditions[0].message}'),
      (r) => r.out !== '',
    );
    expect(mem.out).toBe(
      '0/1 nodes are available: 1 Insufficient cpu, 1 Insufficient memory. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod..',
    );

    // Requests add up: two pods of 5 CPUs do not both fit on an 8-CPU node.
    expect(await apply(pod('half-a', { cpu: '5' }))).toBe('pod/half-a created');
    await until(
      () => kubectl('get', 'pod', 'half-a', '-o', 'jsonpath={.spec.nodeName}'),
      (r) => r.out === 'kind-control-plane',
    );
    expect(await apply(pod('half-b', { cpu: '5' }))).toBe('pod/half-b created');
    const b = await until(
      () => kubectl('get', 'pod', 'half-b', '-o', 'jsonpath={.status.conditions[0].reason}'),
      (r) => r.out === 'Unschedulable',
    );
    expect(b.out).toBe('Unschedulable');
    // Room appears when the first goes: the waiting pod is scheduled.
    await kubectl('delete', 'pod', 'half-a', '--wait=false');
    const bound = await until(
      () => kubectl('get', 'pod', 'half-b', '-o', 'jsonpath={.spec.nodeName}'),
      (r) => r.out === 'kind-control-plane',
    );
    expect(bound.out).toBe('kind-control-plane');
  });

  it('leaves pods unscheduled on a cordoned node', async () => {
    expect((await kubectl('cordon', 'kind-control-plane')).out).toBe('node/kind-control-plane cordoned');
    expect((await kubectl('run', 'cordoned', '--image=nginx')).out).toBe('pod/cordoned created');
    const msg = await until(
      () => kubectl('get', 'pod', 'cordoned', '-o', 'jsonpath={.status.conditions[0].message}'),
      (r) => r.out !== '',
    );
    expect(msg.out).toBe(
      '0/1 nodes are available: 1 node(s) were unschedulable. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling..',
    );
    expect((await kubectl('uncordon', 'kind-control-plane')).out).toBe('node/kind-control-plane uncordoned');
    const bound = await until(
      () => kubectl('get', 'pod', 'cordoned', '-o', 'jsonpath={.spec.nodeName}'),
      (r) => r.out === 'kind-control-plane',
    );
    expect(bound.out).toBe('kind-control-plane');
  });
});
