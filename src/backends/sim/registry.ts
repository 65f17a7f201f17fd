import type { ResourceType } from './types.js';

/** Every verb a normal resource serves. */
export const ALL_VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'] as const;
const NO_COLLECTION = ALL_VERBS.filter((v) => v !== 'deletecollection');

type Row = [
  group: string,
  version: string,
  resource: string,
  kind: string,
  namespaced: boolean,
  shortNames: string[],
  subresources: string[],
  extra?: { categories?: string[]; verbs?: string[]; singular?: string },
];

const ALL = { categories: ['all'] };

/**
 * The stored resource types, as the real 1.32 server lists them (preferred groups first).
 * Versions served by conversion (events.k8s.io/v1 events, autoscaling/v1 HPAs) are the
 * server's version aliases.
 */
const ROWS: Row[] = [
  ['', 'v1', 'pods', 'Pod', true, ['po'], ['status', 'exec', 'attach', 'portforward', 'log', 'binding', 'eviction', 'ephemeralcontainers'], ALL],
  ['', 'v1', 'services', 'Service', true, ['svc'], ['status', 'proxy'], ALL],
  ['', 'v1', 'endpoints', 'Endpoints', true, ['ep'], [], { singular: 'endpoints' }],
  ['', 'v1', 'configmaps', 'ConfigMap', true, ['cm'], []],
  ['', 'v1', 'secrets', 'Secret', true, [], []],
  ['', 'v1', 'namespaces', 'Namespace', false, ['ns'], ['status', 'finalize'], { verbs: NO_COLLECTION }],
  ['', 'v1', 'nodes', 'Node', false, ['no'], ['status', 'proxy']],
  ['', 'v1', 'events', 'Event', true, ['ev'], []],
  ['', 'v1', 'serviceaccounts', 'ServiceAccount', true, ['sa'], ['token']],
  ['', 'v1', 'persistentvolumeclaims', 'PersistentVolumeClaim', true, ['pvc'], ['status']],
  ['', 'v1', 'persistentvolumes', 'PersistentVolume', false, ['pv'], ['status']],
  ['', 'v1', 'replicationcontrollers', 'ReplicationController', true, ['rc'], ['status', 'scale'], ALL],
  ['', 'v1', 'resourcequotas', 'ResourceQuota', true, ['quota'], ['status']],
  ['', 'v1', 'limitranges', 'LimitRange', true, ['limits'], []],
  ['', 'v1', 'podtemplates', 'PodTemplate', true, [], []],
  ['apps', 'v1', 'deployments', 'Deployment', true, ['deploy'], ['status', 'scale'], ALL],
  ['apps', 'v1', 'replicasets', 'ReplicaSet', true, ['rs'], ['status', 'scale'], ALL],
  ['apps', 'v1', 'statefulsets', 'StatefulSet', true, ['sts'], ['status', 'scale'], ALL],
  ['apps', 'v1', 'daemonsets', 'DaemonSet', true, ['ds'], ['status'], ALL],
  ['apps', 'v1', 'controllerrevisions', 'ControllerRevision', true, [], []],
  ['autoscaling', 'v2', 'horizontalpodautoscalers', 'HorizontalPodAutoscaler', true, ['hpa'], ['status'], ALL],
  ['batch', 'v1', 'jobs', 'Job', true, [], ['status'], ALL],
  ['batch', 'v1', 'cronjobs', 'CronJob', true, ['cj'], ['status'], ALL],
  ['networking.k8s.io', 'v1', 'ingresses', 'Ingress', true, ['ing'], ['status']],
  ['networking.k8s.io', 'v1', 'ingressclasses', 'IngressClass', false, [], []],
  ['networking.k8s.io', 'v1', 'networkpolicies', 'NetworkPolicy', true, ['netpol'], []],
  ['policy', 'v1', 'poddisruptionbudgets', 'PodDisruptionBudget', true, ['pdb'], ['status']],
  ['rbac.authorization.k8s.io', 'v1', 'roles', 'Role', true, [], []],
  ['rbac.authorization.k8s.io', 'v1', 'rolebindings', 'RoleBinding', true, [], []],
  ['rbac.authorization.k8s.io', 'v1', 'clusterroles', 'ClusterRole', false, [], []],
  ['rbac.authorization.k8s.io', 'v1', 'clusterrolebindings', 'ClusterRoleBinding', false, [], []],
  ['storage.k8s.io', 'v1', 'storageclasses', 'StorageClass', false, ['sc'], []],
  ['apiextensions.k8s.io', 'v1', 'customresourcedefinitions', 'CustomResourceDefinition', false, ['crd', 'crds'], ['status']],
  ['scheduling.k8s.io', 'v1', 'priorityclasses', 'PriorityClass', false, ['pc'], []],
  ['coordination.k8s.io', 'v1', 'leases', 'Lease', true, [], []],
  ['discovery.k8s.io', 'v1', 'endpointslices', 'EndpointSlice', true, [], []],
  ['apiregistration.k8s.io', 'v1', 'apiservices', 'APIService', false, [], ['status']],
];

/** The simulator's resource table. */
export const RESOURCE_TYPES: readonly ResourceType[] = ROWS.map(([group, version, resource, kind, namespaced, shortNames, subresources, extra]) => ({
  group,
  version,
  resource,
  singular: extra?.singular ?? kind.toLowerCase(),
  kind,
  namespaced,
  verbs: [...(extra?.verbs ?? ALL_VERBS)],
  ...(shortNames.length ? { shortNames } : {}),
  ...(extra?.categories ? { categories: extra.categories } : {}),
  ...(subresources.length ? { subresources } : {}),
}));

/** What a subresource answers with, and which verbs it serves (for discovery). */
export function subresourceInfo(type: ResourceType, sub: string): { group: string; version: string; kind: string; verbs: string[] } {
  const same = { group: type.group, version: type.version, kind: type.kind };
  switch (sub) {
    case 'status':
      return { ...same, verbs: ['get', 'patch', 'update'] };
    case 'scale':
      return { group: 'autoscaling', version: 'v1', kind: 'Scale', verbs: ['get', 'patch', 'update'] };
    case 'exec':
      return { group: '', version: 'v1', kind: 'PodExecOptions', verbs: ['create', 'get'] };
    case 'attach':
      return { group: '', version: 'v1', kind: 'PodAttachOptions', verbs: ['create', 'get'] };
    case 'portforward':
      return { group: '', version: 'v1', kind: 'PodPortForwardOptions', verbs: ['create', 'get'] };
    case 'log':
      return { ...same, verbs: ['get'] };
    case 'binding':
      return { group: '', version: 'v1', kind: 'Binding', verbs: ['create'] };
    case 'eviction':
      return { group: 'policy', version: 'v1', kind: 'Eviction', verbs: ['create'] };
    case 'ephemeralcontainers':
      return { ...same, verbs: ['get', 'patch', 'update'] };
    case 'token':
      return { group: 'authentication.k8s.io', version: 'v1', kind: 'TokenRequest', verbs: ['create'] };
    case 'finalize':
      return { ...same, verbs: ['update'] };
    case 'proxy':
      return { group: '', version: 'v1', kind: `${type.kind}ProxyOptions`, verbs: ['create', 'delete', 'get', 'patch', 'update'] };
    default:
      return { ...same, verbs: ['get'] };
  }
}

/** `apps/v1` or `v1`. */
export const groupVersion = (t: { group: string; version: string }): string => (t.group ? `${t.group}/${t.version}` : t.version);

/** The served group-versions in discovery order (core first). */
export function groupVersions(types: readonly ResourceType[] = RESOURCE_TYPES): { group: string; version: string }[] {
  const seen = new Map<string, { group: string; version: string }>();
  for (const t of types) seen.set(groupVersion(t), { group: t.group, version: t.version });
  return [...seen.values()];
}
