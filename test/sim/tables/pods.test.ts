import { describe, expect, it } from 'vitest';
import type { KObject, ResourceType } from '../../../src/backends/sim/types.js';
import { toTable } from '../../../src/backends/sim/tables/index.js';

const PODS: ResourceType = { group: '', version: 'v1', resource: 'pods', singular: 'pod', kind: 'Pod', namespaced: true, verbs: [] };
const NOW = new Date('2024-01-01T00:10:00Z');

type Dict = Record<string, unknown>;

const pod = (status: Dict, spec: Dict = {}, meta: Dict = {}): KObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'web', namespace: 'default', uid: 'u1', creationTimestamp: '2024-01-01T00:00:00Z', ...meta },
  spec: { containers: [{ name: 'app', image: 'nginx' }], nodeName: 'kind-control-plane', ...spec },
  status,
});

const running = { running: { startedAt: '2024-01-01T00:00:05Z' } };
const ready = (c: Dict = {}) => ({ name: 'app', ready: true, started: true, restartCount: 0, state: running, ...c });
const waiting = (reason: string, c: Dict = {}) => ({ name: 'app', ready: false, started: false, restartCount: 0, state: { waiting: { reason } }, ...c });
const scheduled = { type: 'PodScheduled', status: 'True' };

const cells = (o: KObject) => (toTable(PODS, [o], { now: NOW, includeObject: 'None', resourceVersion: '1' }).rows as { cells: unknown[] }[])[0]!.cells;

describe('pod Status column', () => {
  it.each<[string, KObject, string, string, string]>([
    ['Pending, not scheduled', pod({ phase: 'Pending' }, { nodeName: undefined }), '0/1', 'Pending', '0'],
    [
      'ContainerCreating',
      pod({ phase: 'Pending', conditions: [scheduled], containerStatuses: [waiting('ContainerCreating')] }),
      '0/1',
      'ContainerCreating',
      '0',
    ],
    ['Running', pod({ phase: 'Running', containerStatuses: [ready()] }), '1/1', 'Running', '0'],
    ['Running, not ready', pod({ phase: 'Running', containerStatuses: [ready({ ready: false })] }), '0/1', 'Running', '0'],
    ['ErrImagePull', pod({ phase: 'Pending', containerStatuses: [waiting('ErrImagePull')] }), '0/1', 'ErrImagePull', '0'],
    ['ImagePullBackOff', pod({ phase: 'Pending', containerStatuses: [waiting('ImagePullBackOff')] }), '0/1', 'ImagePullBackOff', '0'],
    [
      'CrashLoopBackOff',
      pod({
        phase: 'Running',
        containerStatuses: [
          waiting('CrashLoopBackOff', { restartCount: 4, lastState: { terminated: { exitCode: 1, reason: 'Error', finishedAt: '2024-01-01T00:09:15Z' } } }),
        ],
      }),
      '0/1',
      'CrashLoopBackOff',
      '4 (45s ago)',
    ],
    [
      'Completed',
      pod({
        phase: 'Succeeded',
        containerStatuses: [{ name: 'app', ready: false, restartCount: 0, state: { terminated: { exitCode: 0, reason: 'Completed' } } }],
      }),
      '0/1',
      'Completed',
      '0',
    ],
    [
      'Error',
      pod({ phase: 'Failed', containerStatuses: [{ name: 'app', ready: false, restartCount: 0, state: { terminated: { exitCode: 1, reason: 'Error' } } }] }),
      '0/1',
      'Error',
      '0',
    ],
    [
      'OOMKilled',
      pod({ phase: 'Running', containerStatuses: [{ name: 'app', restartCount: 1, state: { terminated: { exitCode: 137, reason: 'OOMKilled' } } }] }),
      '0/1',
      'OOMKilled',
      '1',
    ],
    [
      'ExitCode without reason',
      pod({ phase: 'Failed', containerStatuses: [{ name: 'app', state: { terminated: { exitCode: 3 } } }] }),
      '0/1',
      'ExitCode:3',
      '0',
    ],
    [
      'Signal without reason',
      pod({ phase: 'Failed', containerStatuses: [{ name: 'app', state: { terminated: { exitCode: 0, signal: 9 } } }] }),
      '0/1',
      'Signal:9',
      '0',
    ],
    ['Terminating', pod({ phase: 'Running', containerStatuses: [ready()] }, {}, { deletionTimestamp: '2024-01-01T00:09:59Z' }), '1/1', 'Terminating', '0'],
    [
      'Terminating but already Succeeded',
      pod({ phase: 'Succeeded', containerStatuses: [] }, {}, { deletionTimestamp: '2024-01-01T00:09:59Z' }),
      '0/1',
      'Succeeded',
      '0',
    ],
    ['Evicted', pod({ phase: 'Failed', reason: 'Evicted', message: 'The node was low on resource: memory.' }), '0/1', 'Evicted', '0'],
    [
      'Init:0/1',
      pod(
        {
          phase: 'Pending',
          initContainerStatuses: [{ name: 'init', state: { waiting: { reason: 'PodInitializing' } } }],
          containerStatuses: [waiting('PodInitializing')],
        },
        { initContainers: [{ name: 'init', image: 'busybox' }] },
      ),
      '0/1',
      'Init:0/1',
      '0',
    ],
    [
      'Init:CrashLoopBackOff',
      pod(
        { phase: 'Pending', initContainerStatuses: [{ name: 'init', restartCount: 2, state: { waiting: { reason: 'CrashLoopBackOff' } } }] },
        { initContainers: [{ name: 'init', image: 'busybox' }] },
      ),
      '0/1',
      'Init:CrashLoopBackOff',
      '2',
    ],
    [
      'Init:Error',
      pod(
        { phase: 'Pending', initContainerStatuses: [{ name: 'init', state: { terminated: { exitCode: 1, reason: 'Error' } } }] },
        { initContainers: [{ name: 'init', image: 'busybox' }] },
      ),
      '0/1',
      'Init:Error',
      '0',
    ],
    [
      'PodInitializing after init',
      pod(
        {
          phase: 'Pending',
          initContainerStatuses: [{ name: 'init', state: { terminated: { exitCode: 0, reason: 'Completed' } } }],
          containerStatuses: [waiting('PodInitializing')],
        },
        { initContainers: [{ name: 'init', image: 'busybox' }] },
      ),
      '0/1',
      'PodInitializing',
      '0',
    ],
    [
      'SchedulingGated',
      pod({ phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated' }] }),
      '0/1',
      'SchedulingGated',
      '0',
    ],
    [
      'sidecar counts toward Ready',
      pod(
        {
          phase: 'Running',
          conditions: [{ type: 'Initialized', status: 'True' }],
          initContainerStatuses: [{ name: 'proxy', ready: true, started: true, restartCount: 0, state: running }],
          containerStatuses: [ready()],
        },
        { initContainers: [{ name: 'proxy', image: 'envoy', restartPolicy: 'Always' }] },
      ),
      '2/2',
      'Running',
      '0',
    ],
    [
      'one of two done, one running: back to Running',
      pod(
        {
          phase: 'Running',
          conditions: [{ type: 'Ready', status: 'True' }],
          containerStatuses: [ready(), { name: 'job', ready: false, state: { terminated: { exitCode: 0, reason: 'Completed' } } }],
        },
        { containers: [{ name: 'app' }, { name: 'job' }] },
      ),
      '1/2',
      'Running',
      '0',
    ],
    [
      'one of two done, pod not ready: NotReady',
      pod(
        { phase: 'Running', containerStatuses: [ready(), { name: 'job', ready: false, state: { terminated: { exitCode: 0, reason: 'Completed' } } }] },
        { containers: [{ name: 'app' }, { name: 'job' }] },
      ),
      '1/2',
      'NotReady',
      '0',
    ],
  ])('%s', (_name, object, readyCell, status, restarts) => {
    const [name, r, s, rs, age] = cells(object);
    expect([name, r, s, rs, age]).toEqual(['web', readyCell, status, restarts, '10m']);
  });

  it('counts restarts with the age of the last one', () => {
    const o = pod({
      phase: 'Running',
      containerStatuses: [ready({ restartCount: 1, lastState: { terminated: { exitCode: 1, finishedAt: '2024-01-01T00:09:55Z' } } })],
    });
    expect(cells(o)[3]).toBe('1 (5s ago)');
  });
});

describe('pod Table', () => {
  it('is the golden Table for a running pod', () => {
    const o = pod({ phase: 'Running', podIP: '10.244.0.5', podIPs: [{ ip: '10.244.0.5' }], containerStatuses: [ready()] });
    expect(toTable(PODS, [o], { now: NOW, includeObject: 'Metadata', resourceVersion: '1009' })).toEqual({
      kind: 'Table',
      apiVersion: 'meta.k8s.io/v1',
      metadata: { resourceVersion: '1009' },
      columnDefinitions: [
        { name: 'Name', type: 'string', format: 'name', description: expect.stringMatching(/^Name must be unique within a namespace/), priority: 0 },
        { name: 'Ready', type: 'string', format: '', description: 'The aggregate readiness state of this pod for accepting traffic.', priority: 0 },
        { name: 'Status', type: 'string', format: '', description: 'The aggregate status of the containers in this pod.', priority: 0 },
        {
          name: 'Restarts',
          type: 'string',
          format: '',
          description: expect.stringMatching(/^The number of times the containers in this pod have been restarted/),
          priority: 0,
        },
        { name: 'Age', type: 'string', format: '', description: expect.stringMatching(/^CreationTimestamp/), priority: 0 },
        { name: 'IP', type: 'string', format: '', description: expect.any(String), priority: 1 },
        { name: 'Node', type: 'string', format: '', description: expect.any(String), priority: 1 },
        { name: 'Nominated Node', type: 'string', format: '', description: expect.any(String), priority: 1 },
        { name: 'Readiness Gates', type: 'string', format: '', description: expect.any(String), priority: 1 },
      ],
      rows: [
        {
          cells: ['web', '1/1', 'Running', '0', '10m', '10.244.0.5', 'kind-control-plane', '<none>', '<none>'],
          object: { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: o.metadata },
        },
      ],
    });
  });

  it('is the golden Table row for a pending pod', () => {
    const o = pod({ phase: 'Pending' }, { nodeName: undefined, readinessGates: [{ conditionType: 'example.com/ready' }] });
    const table = toTable(PODS, [o], { now: NOW, includeObject: 'None', resourceVersion: '2' });
    expect(table.rows).toEqual([{ cells: ['web', '0/1', 'Pending', '0', '10m', '<none>', '<none>', '<none>', '0/1'] }]);
  });

  it.each([
    ['Succeeded', { type: 'Completed', status: 'True', reason: 'Succeeded', message: 'The pod has completed successfully.' }],
    ['Failed', { type: 'Completed', status: 'True', reason: 'Failed', message: 'The pod failed.' }],
  ])('marks %s rows with a Completed condition', (phase, condition) => {
    const table = toTable(PODS, [pod({ phase })], { now: NOW, includeObject: 'None', resourceVersion: '2' });
    expect((table.rows as Dict[])[0]!.conditions).toEqual([condition]);
  });

  it('carries the full object with kind and apiVersion for includeObject=Object', () => {
    const o = pod({ phase: 'Running' });
    const { kind: _k, apiVersion: _a, ...bare } = o;
    const table = toTable(PODS, [bare as KObject], { now: NOW, includeObject: 'Object', resourceVersion: '2' });
    expect((table.rows as Dict[])[0]!.object).toEqual(o);
  });

  it('prints a readiness gate count', () => {
    const o = pod(
      {
        phase: 'Running',
        conditions: [
          { type: 'a', status: 'True' },
          { type: 'b', status: 'False' },
        ],
      },
      { readinessGates: [{ conditionType: 'a' }, { conditionType: 'b' }] },
    );
    expect(cells(o)[8]).toBe('1/2');
  });
});
