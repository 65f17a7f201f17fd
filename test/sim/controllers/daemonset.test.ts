import { describe, expect, it } from 'vitest';
import { setup } from './helpers.js';

describe('daemonset controller', () => {
  it('runs one pod per schedulable node, skipping the tainted control plane', () => {
    const { api } = setup({ nodes: ['kind-control-plane', 'kind-worker', 'kind-worker2'] });
    const sets = api.resolve('daemonsets', 'apps')!;
    api.create(sets, 'default', {
      apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'fluentd' },
      spec: { selector: { matchLabels: { name: 'fluentd' } }, template: { metadata: { labels: { name: 'fluentd' } }, spec: { containers: [{ name: 'fluentd', image: 'fluentd' }] } } },
    });
    api.run(2000);
    const pods = api.all('pods') as any[];
    expect(pods.map((p) => p.spec.nodeName).sort()).toEqual(['kind-worker', 'kind-worker2']);
    expect(pods.every((p) => p.status.phase === 'Running' && /^fluentd-\w{5}$/.test(p.metadata.name))).toBe(true);
    const ds = api.get(sets, 'default', 'fluentd') as any;
    expect(ds.status).toMatchObject({ currentNumberScheduled: 2, desiredNumberScheduled: 2, numberAvailable: 2, numberMisscheduled: 0, numberReady: 2, updatedNumberScheduled: 2 });
  });
});
