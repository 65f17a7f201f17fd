import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SimFixture, startFixture } from '../server/helpers.js';

let fx: SimFixture;
const kubectl = async (...args: string[]) => {
  const r = await fx.kubectl(args);
  return { out: r.stdout, err: r.stderr, code: r.exitCode };
};
const apply = async (manifest: unknown) => (await fx.kubectl(['apply', '-f', '-'], { input: JSON.stringify(manifest) })).stdout;

/** Polls until `check` holds (at most ~20 s), returning the last value. */
async function until<T>(read: () => Promise<T>, check: (v: T) => boolean): Promise<T> {
  let v = await read();
  for (let i = 0; i < 200 && !check(v); i++) {
    await new Promise((r) => setTimeout(r, 100));
    v = await read();
  }
  return v;
}

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
    const running = await until(() => kubectl('get', 'pods', '-n', 'batch-work', '-o', 'jsonpath={.items[*].status.phase} {.items[*].metadata.finalizers}'), (r) => r.out.startsWith('Running'));
    expect(running.out).toBe('Running ["batch.kubernetes.io/job-tracking"]');
    const del = await fx.kubectl(['delete', 'namespace', 'batch-work', '--timeout=30s']);
    expect(del.stdout).toBe('namespace "batch-work" deleted');
    expect(del.exitCode).toBe(0);
    const gone = await until(() => kubectl('get', 'namespace', 'batch-work'), (r) => r.code !== 0);
    expect(gone.err).toBe('Error from server (NotFound): namespaces "batch-work" not found');
  });

  it('releases the pods of a deleted Job so they go away', async () => {
    expect((await kubectl('create', 'job', 'sleeper', '--image=busybox:1.28', '--', 'sleep', '3600')).out).toBe('job.batch/sleeper created');
    await until(() => kubectl('get', 'pods', '-l', 'job-name=sleeper', '-o', 'jsonpath={.items[*].status.phase}'), (r) => r.out === 'Running');
    expect((await kubectl('delete', 'job', 'sleeper')).out).toBe('job.batch "sleeper" deleted');
    const left = await until(() => kubectl('get', 'pods', '-l', 'job-name=sleeper', '-o', 'name'), (r) => r.out === '');
    expect(left.out).toBe('');
  });

  it('defaults a ReplicationController selector and labels from its template, so expose works', async () => {
    const out = await apply({
      apiVersion: 'v1', kind: 'ReplicationController', metadata: { name: 'nginx' },
      spec: { replicas: 2, template: { metadata: { labels: { app: 'nginx' } }, spec: { containers: [{ name: 'nginx', image: 'nginx', ports: [{ containerPort: 80 }] }] } } },
    });
    expect(out).toBe('replicationcontroller/nginx created');
    const rc = JSON.parse((await kubectl('get', 'rc', 'nginx', '-o', 'json')).out);
    expect(rc.spec.selector).toEqual({ app: 'nginx' });
    expect(rc.metadata.labels).toEqual({ app: 'nginx' });
    expect((await kubectl('expose', 'rc', 'nginx', '--port=80', '--target-port=80')).out).toBe('service/nginx exposed');
    expect((await kubectl('get', 'svc', 'nginx', '-o', 'jsonpath={.spec.selector}')).out).toBe('{"app":"nginx"}');
    const ready = await until(() => kubectl('get', 'rc', 'nginx', '-o', 'jsonpath={.status.readyReplicas}'), (r) => r.out === '2');
    expect(ready.out).toBe('2');
  });
});
