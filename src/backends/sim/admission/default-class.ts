import type { KObject, ResourceType, Store } from '../types.js';
import { type Dict, ensureDict } from './util.js';

/**
 * The DefaultStorageClass and DefaultIngressClass admission plugins: a new PVC or Ingress that
 * names no class gets the cluster's default one (the newest, when several are marked default).
 */

const clusterType = (group: string, resource: string, kind: string): ResourceType => ({
  group,
  version: 'v1',
  resource,
  singular: kind.toLowerCase(),
  kind,
  namespaced: false,
  verbs: [],
});

const STORAGE_CLASSES = clusterType('storage.k8s.io', 'storageclasses', 'StorageClass');
const INGRESS_CLASSES = clusterType('networking.k8s.io', 'ingressclasses', 'IngressClass');

function defaultClass(store: Store, type: ResourceType, annotations: string[]): string | undefined {
  let items: KObject[];
  try {
    items = store.list(type, undefined).items;
  } catch {
    return undefined;
  }
  const defaults = items.filter((c) => annotations.some((a) => c.metadata.annotations?.[a] === 'true'));
  defaults.sort(
    (a, b) =>
      String(b.metadata.creationTimestamp ?? '').localeCompare(String(a.metadata.creationTimestamp ?? '')) ||
      String(a.metadata.name).localeCompare(String(b.metadata.name)),
  );
  return defaults[0]?.metadata.name;
}

/** Fills spec.storageClassName / spec.ingressClassName of a new object from the default class. */
export function applyDefaultClass(store: Store, key: string, obj: Dict): void {
  if (key === 'persistentvolumeclaims') {
    const spec = ensureDict(obj, 'spec');
    if (spec.storageClassName !== undefined || obj.metadata?.annotations?.['volume.beta.kubernetes.io/storage-class'] !== undefined) return;
    const name = defaultClass(store, STORAGE_CLASSES, ['storageclass.kubernetes.io/is-default-class', 'storageclass.beta.kubernetes.io/is-default-class']);
    if (name) spec.storageClassName = name;
  } else if (key === 'ingresses.networking.k8s.io') {
    const spec = ensureDict(obj, 'spec');
    if (spec.ingressClassName != null || obj.metadata?.annotations?.['kubernetes.io/ingress.class'] !== undefined) return;
    const name = defaultClass(store, INGRESS_CLASSES, ['ingressclass.kubernetes.io/is-default-class']);
    if (name) spec.ingressClassName = name;
  }
}
