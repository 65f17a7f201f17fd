import { describe, expect, it } from 'vitest';
import { pod, setup } from './helpers.js';

const message = (api: ReturnType<typeof setup>['api'], name: string) =>
  ((api.get(api.resolve('pods')!, 'default', name) as any).status.conditions ?? []).find((c: any) => c.type === 'PodScheduled')?.message;

describe('scheduler', () => {
  it('counts each node once per reason, sorted, and says which nodes preemption cannot help', () => {
    const { api } = setup({ nodes: ['kind-control-plane', 'kind-worker', 'kind-worker2'] });
    const pods = api.resolve('pods')!;
    api.create(pods, 'default', pod('big', { image: 'nginx', resources: { requests: { cpu: '6', memory: '20Gi' } } }));
    api.run(500);
    expect(message(api, 'big')).toBe(
      '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient memory. ' +
        'preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod..',
    );
    const events = api.all('events').filter((e: any) => e.reason === 'FailedScheduling');
    expect(events).toHaveLength(1);
  });

  it('fits requests against what the node already runs and honours preemptionPolicy Never', () => {
    const { api } = setup({ nodes: ['kind-control-plane', 'kind-worker'] });
    const pods = api.resolve('pods')!;
    api.create(pods, 'default', pod('a', { image: 'nginx', resources: { requests: { cpu: '7500m' } } }));
    api.run(2000);
    expect((api.get(pods, 'default', 'a') as any).spec.nodeName).toBe('kind-worker');
    api.create(pods, 'default', pod('b', { image: 'nginx', resources: { limits: { cpu: '1' } } }, { preemptionPolicy: 'Never' }));
    api.run(500);
    expect((api.get(pods, 'default', 'b') as any).spec.nodeName).toBeUndefined();
    expect(message(api, 'b')).toBe(
      '0/2 nodes are available: 1 Insufficient cpu, 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }. preemption: not eligible due to preemptionPolicy=Never..',
    );
  });

  it('honours required node affinity and schedules once a node gets the label', () => {
    const { api } = setup();
    const pods = api.resolve('pods')!;
    const nodes = api.resolve('nodes')!;
    const affinity = {
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'disktype', operator: 'In', values: ['ssd'] }] }] },
      },
    };
    api.create(pods, 'default', pod('with-node-affinity', { image: 'nginx' }, { affinity }));
    api.run(500);
    expect(message(api, 'with-node-affinity')).toBe(
      "0/1 nodes are available: 1 node(s) didn't match Pod's node affinity/selector. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling..",
    );
    api.patch(nodes, undefined, 'kind-control-plane', 'merge', { metadata: { labels: { disktype: 'ssd' } } });
    api.run(500);
    expect((api.get(pods, 'default', 'with-node-affinity') as any).spec.nodeName).toBe('kind-control-plane');
  });
});
