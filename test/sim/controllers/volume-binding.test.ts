import { describe, expect, it } from 'vitest';
import { setup } from './helpers.js';

const pv = (name: string, storage: string, extra: Record<string, unknown> = {}) => ({
  apiVersion: 'v1',
  kind: 'PersistentVolume',
  metadata: { name },
  spec: { storageClassName: 'manual', capacity: { storage }, accessModes: ['ReadWriteOnce'], hostPath: { path: `/srv/${name}` }, ...extra },
});
const claim = (name: string, storage: string, extra: Record<string, unknown> = {}) => ({
  apiVersion: 'v1',
  kind: 'PersistentVolumeClaim',
  metadata: { name, namespace: 'default' },
  spec: { storageClassName: 'manual', accessModes: ['ReadWriteOnce'], resources: { requests: { storage } }, ...extra },
});

describe('persistent volume binder (pre-provisioned volumes)', () => {
  it('makes a free volume Available and binds a claim to the smallest volume that fits', () => {
    const { api } = setup();
    const volumes = api.resolve('persistentvolumes')!;
    const claims = api.resolve('persistentvolumeclaims')!;
    api.create(volumes, undefined, pv('big', '10Gi'));
    api.create(volumes, undefined, pv('small', '2Gi'));
    api.create(volumes, undefined, pv('tiny', '500Mi'));
    api.create(volumes, undefined, pv('rox', '5Gi', { accessModes: ['ReadOnlyMany'] }));
    api.run(100);
    expect((api.all('persistentvolumes') as any[]).map((v) => `${v.metadata.name} ${v.status?.phase}`).sort()).toEqual([
      'big Available',
      'rox Available',
      'small Available',
      'tiny Available',
    ]);
    api.create(claims, 'default', claim('c1', '1Gi'));
    api.run(100);
    const c1 = api.get(claims, 'default', 'c1') as any;
    expect(c1.spec.volumeName).toBe('small');
    expect(c1.status).toEqual({ phase: 'Bound', accessModes: ['ReadWriteOnce'], capacity: { storage: '2Gi' } });
    expect(c1.metadata.annotations).toMatchObject({ 'pv.kubernetes.io/bind-completed': 'yes', 'pv.kubernetes.io/bound-by-controller': 'yes' });
    const small = api.get(volumes, undefined, 'small') as any;
    expect(small.status.phase).toBe('Bound');
    expect(small.spec.claimRef).toMatchObject({ kind: 'PersistentVolumeClaim', namespace: 'default', name: 'c1', uid: c1.metadata.uid });
  });

  it('leaves a claim Pending when no volume fits, and binds it when one is created', () => {
    const { api } = setup();
    const volumes = api.resolve('persistentvolumes')!;
    const claims = api.resolve('persistentvolumeclaims')!;
    api.create(volumes, undefined, pv('other-class', '10Gi', { storageClassName: 'fast' }));
    api.create(claims, 'default', claim('c2', '3Gi'));
    api.run(100);
    expect((api.get(claims, 'default', 'c2') as any).status?.phase ?? 'Pending').toBe('Pending');
    api.create(volumes, undefined, pv('later', '3Gi'));
    api.run(100);
    expect((api.get(claims, 'default', 'c2') as any).spec.volumeName).toBe('later');
  });
});
