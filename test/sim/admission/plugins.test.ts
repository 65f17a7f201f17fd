import { describe, expect, it } from 'vitest';
import type { ResourceType } from '../../../src/backends/sim/types.js';
import { setup, TYPES } from './fixtures.js';

const cluster = (group: string, resource: string, kind: string): ResourceType => ({ group, version: 'v1', resource, singular: kind.toLowerCase(), kind, namespaced: false, verbs: [] });
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
    store.create(STORAGE_CLASSES, { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'standard', annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } } });
    store.create(STORAGE_CLASSES, { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'slow' } });
    expect((create(TYPES.pvcs, pvc()).spec as Record<string, unknown>).storageClassName).toBe('standard');
  });

  it.each([
    [{ storageClassName: '' }, ''],
    [{ storageClassName: 'slow' }, 'slow'],
  ])('keeps an explicit class %j', (spec, expected) => {
    const { create, store } = setup();
    store.create(STORAGE_CLASSES, { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'standard', annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } } });
    expect((create(TYPES.pvcs, pvc(spec)).spec as Record<string, unknown>).storageClassName).toBe(expected);
  });

  it('leaves the class unset when there is no default', () => {
    const { create } = setup();
    expect((create(TYPES.pvcs, pvc()).spec as Record<string, unknown>).storageClassName).toBeUndefined();
  });

  it('gives an Ingress without a class the default IngressClass', () => {
    const { create, store } = setup();
    store.create(INGRESS_CLASSES, { apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', metadata: { name: 'nginx', annotations: { 'ingressclass.kubernetes.io/is-default-class': 'true' } }, spec: { controller: 'k8s.io/ingress-nginx' } });
    const ing = create(TYPES.ingresses, { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'i' }, spec: { defaultBackend: { service: { name: 's', port: { number: 80 } } } } });
    expect((ing.spec as Record<string, unknown>).ingressClassName).toBe('nginx');
  });
});
