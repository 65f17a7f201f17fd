import { describe, expect, it } from 'vitest';
import type { ResourceType } from '../../../src/backends/sim/types.js';
import { errorOf, setup, TYPES } from './fixtures.js';

const cluster = (group: string, resource: string, kind: string): ResourceType => ({
  group,
  version: 'v1',
  resource,
  singular: kind.toLowerCase(),
  kind,
  namespaced: false,
  verbs: [],
});
const STORAGE_CLASSES = cluster('storage.k8s.io', 'storageclasses', 'StorageClass');
const INGRESS_CLASSES = cluster('networking.k8s.io', 'ingressclasses', 'IngressClass');

const pvc = (spec: Record<string, unknown> = {}) => ({
  apiVersion: 'v1',
  kind: 'PersistentVolumeClaim',
  metadata: { name: 'data' },
  spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, ...spec },
});

describe('default class plugins', () => {
  it('gives a PVC without a class the default StorageClass', () => {
    const { create, store } = setup();
    store.create(STORAGE_CLASSES, {
      apiVersion: 'storage.k8s.io/v1',
      kind: 'StorageClass',
      metadata: { name: 'standard', annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } },
    });
    store.create(STORAGE_CLASSES, { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'slow' } });
    expect((create(TYPES.pvcs, pvc()).spec as Record<string, unknown>).storageClassName).toBe('standard');
  });

  it.each([
    [{ storageClassName: '' }, ''],
    [{ storageClassName: 'slow' }, 'slow'],
  ])('keeps an explicit class %j', (spec, expected) => {
    const { create, store } = setup();
    store.create(STORAGE_CLASSES, {
      apiVersion: 'storage.k8s.io/v1',
      kind: 'StorageClass',
      metadata: { name: 'standard', annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } },
    });
    expect((create(TYPES.pvcs, pvc(spec)).spec as Record<string, unknown>).storageClassName).toBe(expected);
  });

  it('leaves the class unset when there is no default', () => {
    const { create } = setup();
    expect((create(TYPES.pvcs, pvc()).spec as Record<string, unknown>).storageClassName).toBeUndefined();
  });

  it('gives an Ingress without a class the default IngressClass', () => {
    const { create, store } = setup();
    store.create(INGRESS_CLASSES, {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'IngressClass',
      metadata: { name: 'nginx', annotations: { 'ingressclass.kubernetes.io/is-default-class': 'true' } },
      spec: { controller: 'k8s.io/ingress-nginx' },
    });
    const ing = create(TYPES.ingresses, {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { name: 'i' },
      spec: { defaultBackend: { service: { name: 's', port: { number: 80 } } } },
    });
    expect((ing.spec as Record<string, unknown>).ingressClassName).toBe('nginx');
  });
});

const LIMIT_RANGES: ResourceType = {
  group: '',
  version: 'v1',
  resource: 'limitranges',
  singular: 'limitrange',
  kind: 'LimitRange',
  namespaced: true,
  verbs: [],
};

describe('LimitRanger', () => {
  const limitRange = (item: Record<string, unknown>) => ({
    apiVersion: 'v1',
    kind: 'LimitRange',
    metadata: { name: 'mem-limit-range' },
    spec: { limits: [{ type: 'Container', ...item }] },
  });
  const pod = (resources?: Record<string, unknown>) => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'default-mem-demo' },
    spec: { containers: [{ name: 'default-mem-demo-ctr', image: 'nginx', ...(resources ? { resources } : {}) }] },
  });

  it('defaults the LimitRange itself: default from max, defaultRequest from default', () => {
    const { create } = setup();
    const lr = create(LIMIT_RANGES, limitRange({ max: { memory: '1Gi' }, min: { memory: '500Mi' } }));
    expect((lr.spec as { limits: unknown[] }).limits[0]).toEqual({
      type: 'Container',
      max: { memory: '1Gi' },
      min: { memory: '500Mi' },
      default: { memory: '1Gi' },
      defaultRequest: { memory: '1Gi' },
    });
  });

  it('gives containers default requests and limits and says so in an annotation', () => {
    const { create } = setup();
    create(LIMIT_RANGES, limitRange({ default: { memory: '512Mi' }, defaultRequest: { memory: '256Mi' } }));
    const p = create(TYPES.pods, pod());
    expect((p.spec as { containers: { resources: unknown }[] }).containers[0]!.resources).toEqual({
      limits: { memory: '512Mi' },
      requests: { memory: '256Mi' },
    });
    expect(p.metadata.annotations).toEqual({
      'kubernetes.io/limit-ranger':
        'LimitRanger plugin set: memory request for container default-mem-demo-ctr; memory limit for container default-mem-demo-ctr',
    });
    expect((p.status as { qosClass: string }).qosClass).toBe('Burstable');
  });

  it('forbids a container above the maximum', () => {
    const { create, admission } = setup();
    create(LIMIT_RANGES, limitRange({ max: { memory: '1Gi' }, min: { memory: '500Mi' } }));
    const err = errorOf(() =>
      admission.admit('create', TYPES.pods, pod({ limits: { memory: '1.5Gi' }, requests: { memory: '800Mi' } }) as never, undefined, {}),
    );
    expect(err).toEqual({
      message: 'pods "default-mem-demo" is forbidden: maximum memory usage per Container is 1Gi, but limit is 1536Mi.',
      code: 403,
      reason: 'Forbidden',
    });
  });

  it('forbids a request below the minimum', () => {
    const { create, admission } = setup();
    create(LIMIT_RANGES, limitRange({ max: { memory: '1Gi' }, min: { memory: '500Mi' } }));
    const err = errorOf(() =>
      admission.admit('create', TYPES.pods, pod({ limits: { memory: '800Mi' }, requests: { memory: '100Mi' } }) as never, undefined, {}),
    );
    expect(err.message).toBe('pods "default-mem-demo" is forbidden: minimum memory usage per Container is 500Mi, but request is 100Mi.');
  });
});

describe('ServiceAccount plugin', () => {
  it('forbids pods naming a ServiceAccount that does not exist, naming the generateName prefix', () => {
    const { admission } = setup();
    const p = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { generateName: 'web-5c94f75b5d-' },
      spec: { serviceAccountName: 'builder', containers: [{ name: 'c', image: 'nginx' }] },
    };
    expect(errorOf(() => admission.admit('create', TYPES.pods, p as never, undefined, {}))).toEqual({
      message: 'pods "web-5c94f75b5d-" is forbidden: error looking up service account default/builder: serviceaccount "builder" not found',
      code: 403,
      reason: 'Forbidden',
    });
  });

  it("gives a pod that names no pull secrets its ServiceAccount's imagePullSecrets, and keeps a pod's own", () => {
    const { create } = setup();
    create(TYPES.serviceaccounts, {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: { name: 'puller', namespace: 'default' },
      imagePullSecrets: [{ name: 'regcred' }, { name: 'mirror' }],
    });
    const pod = (name: string, extra: Record<string, unknown> = {}) => ({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name, namespace: 'default' },
      spec: { serviceAccountName: 'puller', containers: [{ name: 'c', image: 'nginx' }], ...extra },
    });
    expect((create(TYPES.pods, pod('a')) as any).spec.imagePullSecrets).toEqual([{ name: 'regcred' }, { name: 'mirror' }]);
    expect((create(TYPES.pods, pod('b', { imagePullSecrets: [{ name: 'own' }] })) as any).spec.imagePullSecrets).toEqual([{ name: 'own' }]);
    const plain = create(TYPES.pods, { ...pod('c'), spec: { containers: [{ name: 'c', image: 'nginx' }] } }) as any;
    expect(plain.spec.imagePullSecrets).toBeUndefined();
  });
});
