import { describe, expect, it } from 'vitest';
import { startControllers } from '../../../src/backends/sim/controllers/index.js';
import { FakeApi } from './fake-api.js';
import { conds, pod, recordingRuntime, setup } from './helpers.js';

describe('scheduler and kubelet', () => {
  it('schedules, pulls and runs a pod to Ready in about a second', () => {
    const { api, type, runtime } = setup();
    api.create(type('pods'), 'default', pod('nginx', { image: 'nginx' }));
    api.run(100);
    let p = api.get(type('pods'), 'default', 'nginx');
    expect((p['spec'] as any).nodeName).toBe('kind-control-plane');
    expect((p['status'] as any).phase).toBe('Pending');
    expect((p['status'] as any).containerStatuses[0].state).toEqual({ waiting: { reason: 'ContainerCreating' } });
    expect(conds(p)).toEqual(['PodReadyToStartContainers=False', 'Initialized=True', 'Ready=False', 'ContainersReady=False', 'PodScheduled=True']);
    api.run(1000);
    p = api.get(type('pods'), 'default', 'nginx');
    const s = p['status'] as any;
    expect(s.phase).toBe('Running');
    expect(conds(p)).toEqual(['PodReadyToStartContainers=True', 'Initialized=True', 'Ready=True', 'ContainersReady=True', 'PodScheduled=True']);
    expect(s.podIP).toBe('10.244.0.5');
    expect(s.podIPs).toEqual([{ ip: '10.244.0.5' }]);
    expect(s.hostIP).toBe('172.18.0.2');
    expect(s.qosClass).toBe('BestEffort');
    const c = s.containerStatuses[0];
    expect(c.image).toBe('docker.io/library/nginx:latest');
    expect(c.imageID).toMatch(/^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/);
    expect(c.containerID).toMatch(/^containerd:\/\/[0-9a-f]{64}$/);
    expect(c).toMatchObject({ ready: true, started: true, restartCount: 0, lastState: {} });
    expect(c.state.running.startedAt).toBe('2024-01-01T00:00:00Z');
    expect(runtime.started).toEqual(['nginx']);
    const events = api.all('events').map((e: any) => `${e.reason}: ${e.message}`);
    expect(events).toEqual([
      'Scheduled: Successfully assigned default/nginx to kind-control-plane',
      'Pulling: Pulling image "nginx"',
      'Pulled: Successfully pulled image "nginx" in 650ms (650ms including waiting). Image size: 72950530 bytes.',
      'Created: Created container: nginx',
      'Started: Started container nginx',
    ]);
    const started = api.all('events').find((e: any) => e.reason === 'Started') as any;
    expect(started.involvedObject.fieldPath).toBe('spec.containers{nginx}');
    expect(started.source).toEqual({ component: 'kubelet', host: 'kind-control-plane' });
  });

  it('reports ErrImagePull then ImagePullBackOff for an image that cannot be pulled', () => {
    const { api, type } = setup({}, ['nginxx']);
    api.create(type('pods'), 'default', pod('bad', { image: 'nginxx' }));
    api.run(1400);
    let c = (api.get(type('pods'), 'default', 'bad')['status'] as any).containerStatuses[0];
    expect(c.state.waiting.reason).toBe('ErrImagePull');
    expect(c.state.waiting.message).toContain('failed to pull and unpack image "docker.io/library/nginxx:latest"');
    api.run(2000);
    c = (api.get(type('pods'), 'default', 'bad')['status'] as any).containerStatuses[0];
    expect(c.state.waiting.reason).toBe('ImagePullBackOff');
    expect(c.state.waiting.message).toMatch(/^Back-off pulling image "nginxx"/);
    const reasons = api.all('events').map((e: any) => `${e.type} ${e.reason}: ${e.message.slice(0, 40)}`);
    expect(reasons).toContain('Normal BackOff: Back-off pulling image "nginxx"');
    expect(reasons).toContain('Warning Failed: Error: ImagePullBackOff');
  });

  it('runs a busybox command to completion with restartPolicy Never', () => {
    const { api, type } = setup();
    api.create(type('pods'), 'default', pod('hello', { image: 'busybox', command: ['sh', '-c', 'echo hi'] }, { restartPolicy: 'Never' }));
    api.run(3000);
    const s = api.get(type('pods'), 'default', 'hello')['status'] as any;
    expect(s.phase).toBe('Succeeded');
    expect(s.containerStatuses[0].state.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
    expect(conds(api.get(type('pods'), 'default', 'hello'))).toEqual([
      'PodReadyToStartContainers=False',
      'Initialized=True',
      'Ready=False',
      'ContainersReady=False',
      'PodScheduled=True',
    ]);
  });

  it('puts an exiting container with restartPolicy Always into CrashLoopBackOff', () => {
    const { api, type } = setup();
    api.create(type('pods'), 'default', pod('bb', { image: 'busybox' }));
    api.run(3000);
    const s = api.get(type('pods'), 'default', 'bb')['status'] as any;
    expect(s.phase).toBe('Running');
    expect(s.containerStatuses[0].restartCount).toBe(1);
    expect(s.containerStatuses[0].state.waiting.reason).toBe('CrashLoopBackOff');
    expect(s.containerStatuses[0].lastState.terminated.reason).toBe('Completed');
    api.run(12_000);
    expect((api.get(type('pods'), 'default', 'bb')['status'] as any).containerStatuses[0].restartCount).toBe(2);
  });

  it('terminates gracefully: Killing event, then removal and podRemoved', () => {
    const { api, type, runtime } = setup();
    api.create(type('pods'), 'default', pod('nginx', { image: 'nginx' }));
    api.run(1500);
    api.delete(type('pods'), 'default', 'nginx');
    api.run(10);
    expect(api.find(type('pods'), 'default', 'nginx')?.metadata.deletionTimestamp).toBeDefined();
    api.run(1100);
    expect(api.find(type('pods'), 'default', 'nginx')).toBeUndefined();
    expect(runtime.removed).toEqual(['nginx']);
    expect(api.all('events').some((e: any) => e.reason === 'Killing' && e.message === 'Stopping container nginx')).toBe(true);
  });

  it('reports a deleted pod with stopped containers before its terminal phase, as kubectl get -w shows (0/1 Terminating, then Completed)', () => {
    const seen = (restartPolicy: string): string[] => {
      const { api, type } = setup();
      api.create(type('pods'), 'default', pod('p', { image: 'nginx' }, { restartPolicy }));
      api.run(1500);
      const states: string[] = [];
      api.subscribe((c) => {
        const o = c.object as any;
        if (c.resource.resource !== 'pods' || c.type === 'DELETED') return;
        const cs = o.status?.containerStatuses?.[0];
        const state = cs ? Object.keys(cs.state)[0] : '-';
        const entry = `${o.status?.phase} ${cs?.ready ? 1 : 0}/1 ${state}${o.metadata.deletionTimestamp ? ' deleting' : ''}`;
        if (states[states.length - 1] !== entry) states.push(entry);
      });
      api.delete(type('pods'), 'default', 'p');
      api.run(3000);
      expect(api.find(type('pods'), 'default', 'p')).toBeUndefined();
      return states;
    };
    // restartPolicy Always: getPhase still says Running once the containers are stopped.
    expect(seen('Always')).toEqual(['Running 1/1 running deleting', 'Running 0/1 terminated deleting', 'Succeeded 0/1 terminated deleting']);
    // Never: the containers' exit decides the phase at once.
    expect(seen('Never')).toEqual(['Running 1/1 running deleting', 'Succeeded 0/1 terminated deleting']);
  });

  it('spreads pods over worker nodes and keeps the tainted control plane free', () => {
    const { api, type } = setup({ nodes: ['kind-control-plane', 'kind-worker', 'kind-worker2'] });
    for (const n of ['a', 'b', 'c', 'd']) api.create(type('pods'), 'default', pod(n, { image: 'nginx' }));
    api.run(1500);
    const placed = api.all('pods').map((p: any) => `${p.metadata.name}@${p.spec.nodeName}/${p.status.podIP}`);
    expect(placed).toEqual(['a@kind-worker/10.244.1.2', 'b@kind-worker2/10.244.2.2', 'c@kind-worker/10.244.1.3', 'd@kind-worker2/10.244.2.3']);
    expect(api.all('nodes').map((n: any) => n.metadata.name)).toEqual(['kind-control-plane', 'kind-worker', 'kind-worker2']);
  });

  it('runs init containers to completion before the app container', () => {
    const { api, type } = setup();
    api.create(
      type('pods'),
      'default',
      pod('app', { image: 'nginx' }, { initContainers: [{ name: 'init', image: 'busybox', command: ['sh', '-c', 'echo init'] }] }),
    );
    api.run(500);
    let s = api.get(type('pods'), 'default', 'app')['status'] as any;
    expect(s.phase).toBe('Pending');
    expect(s.conditions.find((c: any) => c.type === 'Initialized')).toMatchObject({
      status: 'False',
      reason: 'ContainersNotInitialized',
      message: 'containers with incomplete status: [init]',
    });
    expect(s.containerStatuses[0].state.waiting.reason).toBe('PodInitializing');
    api.run(3000);
    s = api.get(type('pods'), 'default', 'app')['status'] as any;
    expect(s.phase).toBe('Running');
    expect(s.initContainerStatuses[0].state.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
    expect(s.containerStatuses[0].ready).toBe(true);
  });

  it('keeps a native sidecar (init container with restartPolicy Always) running beside the app and counts it as ready', () => {
    const { api, type } = setup();
    const initContainers = [
      { name: 'log', image: 'busybox', restartPolicy: 'Always', command: ['sh', '-c', 'while true; do sleep 10; done'] },
      { name: 'setup', image: 'busybox', command: ['sh', '-c', 'echo setup'] },
    ];
    api.create(type('pods'), 'default', pod('app', { image: 'nginx' }, { initContainers }));
    api.run(500);
    let s = api.get(type('pods'), 'default', 'app')['status'] as any;
    expect(s.phase).toBe('Pending');
    api.run(5000);
    s = api.get(type('pods'), 'default', 'app')['status'] as any;
    expect(s.phase).toBe('Running');
    const [sidecar, setupInit] = s.initContainerStatuses;
    expect(sidecar.state.running).toBeDefined();
    expect(sidecar).toMatchObject({ name: 'log', ready: true, started: true, restartCount: 0 });
    expect(setupInit.state.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
    expect(s.containerStatuses[0].ready).toBe(true);
    expect(conds(api.get(type('pods'), 'default', 'app'))).toEqual([
      'PodReadyToStartContainers=True',
      'Initialized=True',
      'Ready=True',
      'ContainersReady=True',
      'PodScheduled=True',
    ]);
    // A plain init container still runs to completion, before the app container.
    api.create(
      type('pods'),
      'default',
      pod('plain', { image: 'nginx' }, { initContainers: [{ name: 'once', image: 'busybox', command: ['sh', '-c', 'while true; do sleep 10; done'] }] }),
    );
    api.run(5000);
    const plain = api.get(type('pods'), 'default', 'plain')['status'] as any;
    expect(plain.initContainerStatuses[0].state.terminated).toBeDefined();
    expect(plain.initContainerStatuses[0].ready).toBe(true);
  });

  it('takes exit codes from the runtime when it reports process exits', () => {
    const api = new FakeApi();
    const listeners: ((pod: any, container: string, code: number) => void)[] = [];
    const runtime = {
      ...recordingRuntime(),
      onContainerExit: (l: any) => (listeners.push(l), () => undefined),
      podStarted: (p: any) => listeners.forEach((l) => l(p, 'job', 3)),
    };
    startControllers(api, runtime);
    api.create(api.resolve('pods')!, 'default', pod('job', { image: 'busybox', command: ['sh', '-c', 'exit 3'] }, { restartPolicy: 'Never' }));
    api.run(3000);
    const s = api.get(api.resolve('pods')!, 'default', 'job')['status'] as any;
    expect(s.phase).toBe('Failed');
    expect(s.containerStatuses[0].state.terminated).toMatchObject({ exitCode: 3, reason: 'Error' });
  });
});
