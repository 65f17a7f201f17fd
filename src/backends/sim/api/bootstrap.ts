import { StatusError } from '../status.js';
import type { KObject } from '../types.js';
import { stamp } from './delete.js';
import { clusterAddons } from './addons.js';
import { SYSTEM_PRIORITY_CLASSES } from '../admission/priority.js';
import { DEFAULT_CLUSTER_ROLE_BINDINGS, DEFAULT_CLUSTER_ROLES } from './default-rbac.js';
import type { Api } from './types.js';

/** The namespaces every cluster starts with. */
export const SYSTEM_NAMESPACES = ['default', 'kube-system', 'kube-public', 'kube-node-lease'] as const;

/** The apiserver's own address in the `kubernetes` endpoints. */
export const APISERVER_IP = '172.18.0.2';

/** kube-apiserver's `--secure-port` on a kind control plane (kubeadm's default). */
export const APISERVER_PORT = 6443;

/** How long before the simulator started its system objects say they were made (a fresh kind cluster is about this old). */
export const BOOTSTRAP_AGE_SECONDS = 60;

/**
 * Creates an object unless it is already there (another writer may have made it first).
 * With `ageSeconds`, the new object's creationTimestamp is set that far back.
 */
export function ensure(api: Api, resource: string, group: string, object: KObject, ageSeconds = 0): void {
  const type = api.resolve(resource, group)!;
  if (api.find(type, object.metadata.namespace, object.metadata.name!)) return;
  try {
    const created = api.create(type, object.metadata.namespace, object);
    if (ageSeconds > 0) {
      const then = stamp(new Date(api.ctx.clock.now().getTime() - ageSeconds * 1000));
      api.store.update(type, { ...created, metadata: { ...created.metadata, creationTimestamp: then } });
    }
  } catch (error) {
    if (!(error instanceof StatusError && error.code === 409)) throw error;
  }
}

/** The per-namespace objects the controller manager makes: the `default` ServiceAccount and `kube-root-ca.crt`. */
export function ensureNamespaceDefaults(api: Api, namespace: string, caPem: string, ageSeconds = 0): void {
  ensure(api, 'serviceaccounts', '', { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace } }, ageSeconds);
  ensure(
    api,
    'configmaps',
    '',
    {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: {
        name: 'kube-root-ca.crt',
        namespace,
        annotations: {
          'kubernetes.io/description':
            'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.',
        },
      },
      data: { 'ca.crt': caPem },
    },
    ageSeconds,
  );
}

/**
 * The state a fresh cluster has: the four system namespaces (each with its defaults), the
 * `kubernetes` service in default with its endpoints and endpointslice, the default ClusterRoles
 * and ClusterRoleBindings. Nodes are the
 * controllers' to make.
 */
export function bootstrap(api: Api, caPem: string): void {
  for (const name of SYSTEM_NAMESPACES) {
    ensure(
      api,
      'namespaces',
      '',
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels: { 'kubernetes.io/metadata.name': name } } },
      BOOTSTRAP_AGE_SECONDS,
    );
    ensureNamespaceDefaults(api, name, caPem, BOOTSTRAP_AGE_SECONDS);
  }
  // The API server's scheduling storage creates the system classes at start; pods of the add-ons name them.
  for (const pc of SYSTEM_PRIORITY_CLASSES) ensure(api, 'priorityclasses', 'scheduling.k8s.io', structuredClone(pc) as KObject, BOOTSTRAP_AGE_SECONDS);
  const labels = { component: 'apiserver', provider: 'kubernetes' };
  ensure(
    api,
    'services',
    '',
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'kubernetes', namespace: 'default', labels },
      spec: {
        type: 'ClusterIP',
        clusterIP: '10.96.0.1',
        clusterIPs: ['10.96.0.1'],
        ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }],
        sessionAffinity: 'None',
        ipFamilies: ['IPv4'],
        ipFamilyPolicy: 'SingleStack',
        internalTrafficPolicy: 'Cluster',
      },
    },
    BOOTSTRAP_AGE_SECONDS,
  );
  ensure(
    api,
    'endpoints',
    '',
    {
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: { name: 'kubernetes', namespace: 'default', labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' } },
      subsets: [{ addresses: [{ ip: APISERVER_IP }], ports: [{ name: 'https', port: 6443, protocol: 'TCP' }] }],
    },
    BOOTSTRAP_AGE_SECONDS,
  );
  ensure(
    api,
    'endpointslices',
    'discovery.k8s.io',
    {
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: { name: 'kubernetes', namespace: 'default', labels: { 'kubernetes.io/service-name': 'kubernetes' } },
      addressType: 'IPv4',
      endpoints: [{ addresses: [APISERVER_IP], conditions: { ready: true } }],
      ports: [{ name: 'https', port: 6443, protocol: 'TCP' }],
    },
    BOOTSTRAP_AGE_SECONDS,
  );
  for (const role of DEFAULT_CLUSTER_ROLES) ensure(api, 'clusterroles', 'rbac.authorization.k8s.io', structuredClone(role), BOOTSTRAP_AGE_SECONDS);
  for (const b of DEFAULT_CLUSTER_ROLE_BINDINGS) ensure(api, 'clusterrolebindings', 'rbac.authorization.k8s.io', structuredClone(b), BOOTSTRAP_AGE_SECONDS);
  for (const addon of clusterAddons(api.ctx.version.gitVersion)) ensure(api, addon.resource, addon.group, addon.object, BOOTSTRAP_AGE_SECONDS);
}

/** Gives every new namespace its defaults, as the controller manager does. Returns an unsubscribe function. */
export function watchNamespaceDefaults(api: Api, caPem: string): () => void {
  return api.subscribe((change) => {
    if (change.type !== 'ADDED' || change.resource.resource !== 'namespaces' || change.resource.group !== '') return;
    const name = change.object.metadata.name!;
    queueMicrotask(() => {
      try {
        const ns = api.find(change.resource, undefined, name);
        if (ns && !ns.metadata.deletionTimestamp) ensureNamespaceDefaults(api, name, caPem);
      } catch {
        // The namespace went away meanwhile.
      }
    });
  });
}

/**
 * Sets the creationTimestamp of every object made so far `seconds` back, so a fresh simulator
 * looks like a cluster created a minute before the lesson (as a kind cluster does): system
 * objects are older than anything the lesson makes.
 */
export function backdateAll(api: Api, seconds = BOOTSTRAP_AGE_SECONDS): void {
  const now = api.ctx.clock.now().getTime();
  const then = stamp(new Date(now - seconds * 1000));
  for (const type of api.types()) {
    for (const o of api.store.list(type, undefined).items) {
      const created = o.metadata.creationTimestamp ? Date.parse(o.metadata.creationTimestamp) : NaN;
      if (!(created > now - seconds * 1000)) continue;
      api.store.update(type, { ...o, metadata: { ...o.metadata, resourceVersion: undefined, creationTimestamp: then } });
    }
  }
}
