import { ManualClock, seededIds } from '../../../src/backends/sim/clock.js';
import type { KObject, ResourceType, SimContext, Store } from '../../../src/backends/sim/types.js';
import { createAdmission, type Admission } from '../../../src/backends/sim/admission/index.js';
import { alreadyExists, notFound } from '../../../src/backends/sim/status.js';

/** Resource types as discovery lists them, for tests. */
const t = (group: string, version: string, resource: string, kind: string, namespaced = true): ResourceType => ({
  group,
  version,
  resource,
  singular: kind.toLowerCase(),
  kind,
  namespaced,
  verbs: ['create', 'get', 'list', 'update', 'delete'],
});

export const TYPES = {
  pods: t('', 'v1', 'pods', 'Pod'),
  services: t('', 'v1', 'services', 'Service'),
  secrets: t('', 'v1', 'secrets', 'Secret'),
  configmaps: t('', 'v1', 'configmaps', 'ConfigMap'),
  namespaces: t('', 'v1', 'namespaces', 'Namespace', false),
  serviceaccounts: t('', 'v1', 'serviceaccounts', 'ServiceAccount'),
  pvcs: t('', 'v1', 'persistentvolumeclaims', 'PersistentVolumeClaim'),
  endpoints: t('', 'v1', 'endpoints', 'Endpoints'),
  nodes: t('', 'v1', 'nodes', 'Node', false),
  events: t('', 'v1', 'events', 'Event'),
  deployments: t('apps', 'v1', 'deployments', 'Deployment'),
  replicasets: t('apps', 'v1', 'replicasets', 'ReplicaSet'),
  statefulsets: t('apps', 'v1', 'statefulsets', 'StatefulSet'),
  daemonsets: t('apps', 'v1', 'daemonsets', 'DaemonSet'),
  jobs: t('batch', 'v1', 'jobs', 'Job'),
  cronjobs: t('batch', 'v1', 'cronjobs', 'CronJob'),
  ingresses: t('networking.k8s.io', 'v1', 'ingresses', 'Ingress'),
  endpointslices: t('discovery.k8s.io', 'v1', 'endpointslices', 'EndpointSlice'),
  widgets: t('example.com', 'v1', 'widgets', 'Widget'),
  clusterroles: t('rbac.authorization.k8s.io', 'v1', 'clusterroles', 'ClusterRole', false),
  storageclasses: t('storage.k8s.io', 'v1', 'storageclasses', 'StorageClass', false),
  hpas: t('autoscaling', 'v2', 'horizontalpodautoscalers', 'HorizontalPodAutoscaler'),
} as const;

/** A minimal in-memory Store (no watches) for admission tests. */
export class MemoryStore implements Store {
  private readonly objects = new Map<string, KObject>();
  private rv = 1;
  private key(type: ResourceType, ns: string | undefined, name: string): string {
    return `${type.group}/${type.resource}/${type.namespaced ? (ns ?? '') : ''}/${name}`;
  }
  get(type: ResourceType, ns: string | undefined, name: string): KObject | undefined {
    return this.objects.get(this.key(type, ns, name));
  }
  list(type: ResourceType, ns: string | undefined): { items: KObject[]; resourceVersion: string } {
    const prefix = `${type.group}/${type.resource}/${ns !== undefined && type.namespaced ? `${ns}/` : ''}`;
    const items = [...this.objects.entries()].filter(([k]) => k.startsWith(prefix)).map(([, v]) => v);
    return { items, resourceVersion: String(this.rv) };
  }
  create(type: ResourceType, object: KObject): KObject {
    const k = this.key(type, object.metadata.namespace, object.metadata.name ?? '');
    if (this.objects.has(k)) throw alreadyExists(type.resource, type.group, object.metadata.name ?? '');
    const stored = { ...object, metadata: { ...object.metadata, resourceVersion: String(++this.rv) } };
    this.objects.set(k, stored);
    return stored;
  }
  update(type: ResourceType, object: KObject): KObject {
    const k = this.key(type, object.metadata.namespace, object.metadata.name ?? '');
    if (!this.objects.has(k)) throw notFound(type.resource, type.group, object.metadata.name ?? '');
    const stored = { ...object, metadata: { ...object.metadata, resourceVersion: String(++this.rv) } };
    this.objects.set(k, stored);
    return stored;
  }
  remove(type: ResourceType, ns: string | undefined, name: string): KObject | undefined {
    const k = this.key(type, ns, name);
    const old = this.objects.get(k);
    this.objects.delete(k);
    return old;
  }
  watch(): () => void {
    return () => undefined;
  }
  subscribe(): () => void {
    return () => undefined;
  }
  resourceVersion(): string {
    return String(this.rv);
  }
}

/** A deterministic simulator context. */
export function testContext(seed = 7): SimContext & { clock: ManualClock } {
  return {
    clock: new ManualClock('2024-01-01T00:00:00Z'),
    ids: seededIds(seed),
    speed: 1,
    version: { major: '1', minor: '32', gitVersion: 'v1.32.4' },
    nodes: ['kind-control-plane'],
    loadBalancer: false,
  };
}

/** Admission over a fresh store, plus helpers that admit and store in one step. */
export function setup(seed = 7) {
  const store = new MemoryStore();
  const ctx = testContext(seed);
  const admission: Admission = createAdmission(store, ctx);
  const create = (type: ResourceType, object: Record<string, unknown>): KObject => {
    const admitted = admission.admit('create', type, object as KObject, undefined, {});
    return store.create(type, admitted);
  };
  const update = (type: ResourceType, object: Record<string, unknown>, options = {}): KObject => {
    const o = object as KObject;
    const old = store.get(type, o.metadata.namespace ?? (type.namespaced ? 'default' : undefined), o.metadata.name ?? '');
    const admitted = admission.admit('update', type, o, old, options);
    return store.update(type, admitted);
  };
  return { store, ctx, admission, create, update };
}

/** The message of the StatusError `fn` throws. */
export function errorOf(fn: () => unknown): { message: string; code: number; reason: string } {
  try {
    fn();
  } catch (e) {
    const s = (e as { status?: { message: string; code: number; reason: string } }).status;
    if (s) return { message: s.message, code: s.code, reason: s.reason };
    throw e;
  }
  throw new Error('expected a StatusError');
}

/** A minimal nginx container. */
export const nginx = (image = 'nginx') => ({ name: 'nginx', image });

/** A Deployment manifest as tutorials write it. */
export function deployment(name = 'web', labels: Record<string, string> = { app: name }, extra: Record<string, unknown> = {}) {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name },
    spec: { selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [nginx()] } }, ...extra },
  };
}
