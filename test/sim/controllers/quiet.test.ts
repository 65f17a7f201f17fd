import { describe, expect, it } from 'vitest';
import { deployment, setup } from './helpers.js';

describe('steady state', () => {
  it('writes nothing once a deployment, its service and a job have settled', () => {
    const { api, type } = setup();
    api.create(api.resolve('deployments', 'apps')!, 'default', deployment('web', 3));
    api.create(type('services'), 'default', {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'web' },
      spec: { clusterIP: '10.96.0.9', selector: { run: 'web' }, ports: [{ port: 80, protocol: 'TCP' }] },
    });
    api.create(api.resolve('jobs', 'batch')!, 'default', {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'once' },
      spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox', command: ['true'] }] } } },
    });
    api.run(5000);
    const before = api.changes.length;
    api.run(60_000, 100);
    expect(api.changes.slice(before).map((c) => `${c.type} ${c.resource.resource}/${c.object.metadata.name}`)).toEqual([]);
  });

  it('a pod deletion reports stopped containers, then removes the pod', () => {
    const { api, type } = setup();
    api.create(type('pods'), 'default', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } });
    api.run(2000);
    const from = api.changes.length;
    api.delete(type('pods'), 'default', 'p');
    api.run(2000);
    const seen = api.changes
      .slice(from)
      .filter((c) => c.resource.resource === 'pods')
      .map((c) => {
        const s = c.object['status'] as any;
        return `${c.type} ${s.phase} ${s.containerStatuses[0].ready} ${Object.keys(s.containerStatuses[0].state)[0]}`;
      });
    // As the kubelet's getPhase: the stopped containers are reported while the phase is still
    // Running (kubectl shows 0/1 Terminating), then the terminal phase, then the pod goes.
    expect(seen).toEqual([
      'MODIFIED Running true running',
      'MODIFIED Running false terminated',
      'MODIFIED Succeeded false terminated',
      'DELETED Succeeded false terminated',
    ]);
  });
});
