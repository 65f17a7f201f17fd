import { describe, expect, it } from 'vitest';
import { setup } from './helpers.js';

describe('daemonset controller', () => {
  it('runs one pod per schedulable node, skipping the tainted control plane', () => {
    const { api } = setup({ nodes: ['kind-control-plane', 'kind-worker', 'kind-worker2'] });
    const sets = api.resolve('daemonsets', 'apps')!;
    api.create(sets, 'default', {
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: { name: 'fluentd' },
      spec: {
        selector: { matchLabels: { name: 'fluentd' } },
        template: { metadata: { labels: { name: 'fluentd' } }, spec: { containers: [{ name: 'fluentd', image: 'fluentd' }] } },
      },
    });
    api.run(2000);
    const pods = api.all('pods') as any[];
    expect(pods.map((p) => p.spec.nodeName).sort()).toEqual(['kind-worker', 'kind-worker2']);
    expect(pods.every((p) => p.status.phase === 'Running' && /^fluentd-\w{5}$/.test(p.metadata.name))).toBe(true);
    const ds = api.get(sets, 'default', 'fluentd') as any;
    expect(ds.status).toMatchObject({
      currentNumberScheduled: 2,
      desiredNumberScheduled: 2,
      numberAvailable: 2,
      numberMisscheduled: 0,
      numberReady: 2,
      updatedNumberScheduled: 2,
    });
  });
});

describe('daemonset rolling update', () => {
  it('replaces pods one node at a time (maxUnavailable 1) and records revisions', () => {
    const { api } = setup({ nodes: ['kind-control-plane', 'kind-worker', 'kind-worker2', 'kind-worker3'] });
    const sets = api.resolve('daemonsets', 'apps')!;
    api.create(sets, 'default', {
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: { name: 'agent' },
      spec: {
        selector: { matchLabels: { name: 'agent' } },
        updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1 } },
        template: { metadata: { labels: { name: 'agent' } }, spec: { containers: [{ name: 'agent', image: 'agent:1' }] } },
      },
    });
    api.run(3000);
    expect(api.all('pods').map((p: any) => p.spec.containers[0].image)).toEqual(['agent:1', 'agent:1', 'agent:1']);
    const ds = api.get(sets, 'default', 'agent') as any;
    ds.spec.template.spec.containers[0].image = 'agent:2';
    api.update(sets, 'default', ds);
    let mostDown = 0;
    for (let t = 0; t < 15_000; t += 50) {
      api.run(50);
      const live = api
        .all('pods')
        .filter((p: any) => !p.metadata.deletionTimestamp && p.status?.conditions?.some((c: any) => c.type === 'Ready' && c.status === 'True'));
      mostDown = Math.max(mostDown, 3 - live.length);
    }
    expect(mostDown).toBe(1);
    expect(api.all('pods').map((p: any) => p.spec.containers[0].image)).toEqual(['agent:2', 'agent:2', 'agent:2']);
    const revisions = api.all('controllerrevisions', 'apps') as any[];
    expect(revisions.map((r) => r.revision).sort()).toEqual([1, 2]);
    expect(revisions.every((r) => r.metadata.name.startsWith('agent-') && r.data.spec.template.$patch === 'replace')).toBe(true);
  });
});
