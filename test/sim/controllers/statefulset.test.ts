import { describe, expect, it } from 'vitest';
import { setup } from './helpers.js';

const web = (replicas: number, extra: Record<string, unknown> = {}) => ({
  apiVersion: 'apps/v1',
  kind: 'StatefulSet',
  metadata: { name: 'web', namespace: 'default' },
  spec: {
    serviceName: 'nginx',
    replicas,
    selector: { matchLabels: { app: 'nginx' } },
    template: {
      metadata: { labels: { app: 'nginx' } },
      spec: { containers: [{ name: 'nginx', image: 'registry.k8s.io/nginx-slim:0.24', volumeMounts: [{ name: 'www', mountPath: '/usr/share/nginx/html' }] }] },
    },
    volumeClaimTemplates: [
      { metadata: { name: 'www' }, spec: { accessModes: ['ReadWriteOnce'], storageClassName: 'standard', resources: { requests: { storage: '1Gi' } } } },
    ],
    ...extra,
  },
});

describe('statefulset controller', () => {
  it('creates pods in order, each after the previous is ready, with bound claims', () => {
    const { api } = setup();
    const sets = api.resolve('statefulsets', 'apps')!;
    api.create(sets, 'default', web(2));
    api.run(500);
    expect(api.all('pods').map((p) => p.metadata.name)).toEqual(['web-0']);
    api.run(3000);
    const pods = api.all('pods') as any[];
    expect(pods.map((p) => `${p.metadata.name} ${p.status.phase} ${p.spec.hostname}.${p.spec.subdomain}`)).toEqual([
      'web-0 Running web-0.nginx',
      'web-1 Running web-1.nginx',
    ]);
    expect(pods[0].metadata.labels).toMatchObject({ app: 'nginx', 'apps.kubernetes.io/pod-index': '0', 'statefulset.kubernetes.io/pod-name': 'web-0' });
    expect(pods[0].spec.volumes).toEqual([{ name: 'www', persistentVolumeClaim: { claimName: 'www-web-0' } }]);
    const pvcs = api.all('persistentvolumeclaims') as any[];
    expect(pvcs.map((c) => `${c.metadata.name} ${c.status?.phase} ${c.spec.volumeName?.startsWith('pvc-')}`)).toEqual([
      'www-web-0 Bound true',
      'www-web-1 Bound true',
    ]);
    const sts = api.get(sets, 'default', 'web') as any;
    expect(sts.status).toMatchObject({ replicas: 2, readyReplicas: 2, availableReplicas: 2, currentReplicas: 2, updatedReplicas: 2 });
    expect(sts.status.currentRevision).toBe(sts.status.updateRevision);
    const events = api
      .all('events')
      .filter((e: any) => e.involvedObject.kind === 'StatefulSet')
      .map((e: any) => e.message);
    expect(events).toEqual([
      'create Claim www-web-0 Pod web-0 in StatefulSet web success',
      'create Pod web-0 in StatefulSet web successful',
      'create Claim www-web-1 Pod web-1 in StatefulSet web success',
      'create Pod web-1 in StatefulSet web successful',
    ]);
  });

  it('scales down from the highest ordinal and rolls updates from the top', () => {
    const { api } = setup();
    const sets = api.resolve('statefulsets', 'apps')!;
    api.create(sets, 'default', web(3));
    api.run(6000);
    api.patch(sets, 'default', 'web', 'merge', { spec: { replicas: 1 } });
    api.run(5000);
    expect(api.all('pods').map((p) => p.metadata.name)).toEqual(['web-0']);
    api.patch(sets, 'default', 'web', 'merge', { spec: { replicas: 2 } });
    api.run(4000);
    const before = (api.get(sets, 'default', 'web') as any).status.updateRevision;
    const s = api.get(sets, 'default', 'web') as any;
    s.spec.template.spec.containers[0].image = 'registry.k8s.io/nginx-slim:0.21';
    api.update(sets, 'default', s);
    api.run(10_000);
    const after = api.get(sets, 'default', 'web') as any;
    expect(after.status.updateRevision).not.toBe(before);
    expect(after.status.currentRevision).toBe(after.status.updateRevision);
    expect((api.all('pods') as any[]).map((p) => p.spec.containers[0].image)).toEqual(['registry.k8s.io/nginx-slim:0.21', 'registry.k8s.io/nginx-slim:0.21']);
    expect(api.all('controllerrevisions', 'apps')).toHaveLength(2);
  });
});
