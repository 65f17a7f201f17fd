import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SimFixture, startFixture } from '../server/helpers.js';

let fx: SimFixture;
const kubectl = async (...args: string[]) => (await fx.kubectl(args)).stdout;
const apply = async (manifest: object) => {
  const r = await fx.kubectl(['apply', '-f', '-'], { input: JSON.stringify(manifest) });
  expect(r.exitCode, r.stderr).toBe(0);
};
const statusColumn = async (pod: string) => (await kubectl('get', 'pod', pod, '--no-headers')).trim().split(/\s+/)[2];

/** A pod with one init container running `script` (busybox sh) before an app container. */
const podWithInit = (name: string, script: string, extra: Record<string, unknown> = {}) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name },
  spec: {
    initContainers: [{ name: 'prepare', image: 'busybox:1.28', command: ['sh', '-c', script], ...extra }],
    containers: [{ name: 'app', image: 'busybox:1.28', command: ['sh', '-c', 'echo app started; sleep 3600'] }],
  },
});

describe('init containers run their command against the cluster as it is while they run', () => {
  beforeAll(async () => {
    fx = await startFixture({ controllers: true });
  });
  afterAll(async () => {
    await fx?.stop();
  });

  it('keeps a pod in Init:0/1 while its init container waits for a Service, and lets it start once the Service exists', async () => {
    const wait =
      'until nslookup backend.$(cat /var/run/secrets/kubernetes.io/serviceaccount/namespace).svc.cluster.local; do echo waiting for backend; sleep 2; done';
    await apply(podWithInit('waiter', wait));
    await fx.sim.passTime(30_000);
    expect(await statusColumn('waiter')).toBe('Init:0/1');
    const pod = JSON.parse(await kubectl('get', 'pod', 'waiter', '-o', 'json'));
    expect(pod.status.phase).toBe('Pending');
    expect(pod.status.initContainerStatuses[0].state.running).toBeDefined();
    expect(pod.status.containerStatuses[0].state.waiting.reason).toBe('PodInitializing');
    // What the loop printed so far: busybox 1.28's nslookup failing, then the loop's own line.
    const logs = await kubectl('logs', 'waiter', '-c', 'prepare');
    expect(logs).toContain("nslookup: can't resolve 'backend.default.svc.cluster.local'");
    expect(logs.split('\n').filter((l) => l === 'waiting for backend').length).toBeGreaterThan(3);
    // The app container has not started: the API server says why, as on a real cluster.
    const app = await fx.kubectl(['logs', 'waiter', '-c', 'app']);
    expect(app.exitCode).toBe(1);
    expect(app.stderr).toContain('container "app" in pod "waiter" is waiting to start: PodInitializing');

    await apply({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'backend' }, spec: { ports: [{ port: 80, targetPort: 9376 }] } });
    await fx.sim.passTime(10_000);
    expect(await statusColumn('waiter')).toBe('Running');
    const done = JSON.parse(await kubectl('get', 'pod', 'waiter', '-o', 'json'));
    expect(done.status.initContainerStatuses[0].state.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
    const svcIP = (await kubectl('get', 'service', 'backend', '-o', 'jsonpath={.spec.clusterIP}')).trim();
    expect(await kubectl('logs', 'waiter', '-c', 'prepare')).toContain(`Name:      backend.default.svc.cluster.local\nAddress 1: ${svcIP}`);
    expect(await kubectl('logs', 'waiter', '-c', 'app')).toBe('app started');
  });

  it('restarts an init container that fails, as a fresh instance, until the pod gives up per its restart policy', async () => {
    await apply(podWithInit('failing', 'echo trying; exit 3'));
    await fx.sim.passTime(30_000);
    const pod = JSON.parse(await kubectl('get', 'pod', 'failing', '-o', 'json'));
    const init = pod.status.initContainerStatuses[0];
    expect(init.restartCount).toBeGreaterThan(0);
    expect(init.lastState.terminated).toMatchObject({ exitCode: 3, reason: 'Error' });
    expect(await statusColumn('failing')).toMatch(/^Init:(Error|CrashLoopBackOff)$/);
    expect(await kubectl('logs', 'failing', '-c', 'prepare', '--previous')).toBe('trying');
  });

  it('hands what an init container wrote in a shared volume to the app container', async () => {
    const pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'handover' },
      spec: {
        volumes: [{ name: 'work', emptyDir: {} }],
        initContainers: [
          {
            name: 'prepare',
            image: 'busybox:1.28',
            command: ['sh', '-c', 'echo prepared > /work/state'],
            volumeMounts: [{ name: 'work', mountPath: '/work' }],
          },
        ],
        containers: [
          { name: 'app', image: 'busybox:1.28', command: ['sh', '-c', 'cat /work/state; sleep 3600'], volumeMounts: [{ name: 'work', mountPath: '/work' }] },
        ],
      },
    };
    await apply(pod);
    await fx.sim.passTime(10_000);
    expect(await statusColumn('handover')).toBe('Running');
    expect(await kubectl('logs', 'handover', '-c', 'app')).toBe('prepared');
  });

  it("leaves a program the simulator does not run to the image's rules (the init container completes)", async () => {
    const pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'migrate' },
      spec: {
        initContainers: [{ name: 'migrate', image: 'example.com/acme/migrator:1.0', command: ['migrate', '--up'] }],
        containers: [{ name: 'app', image: 'busybox:1.28', command: ['sh', '-c', 'sleep 3600'] }],
      },
    };
    await apply(pod);
    await fx.sim.passTime(10_000);
    expect(await statusColumn('migrate')).toBe('Running');
  });
});
