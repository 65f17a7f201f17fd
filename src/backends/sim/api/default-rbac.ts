import type { KObject } from '../types.js';

/**
 * The default RBAC objects of a kind cluster (the apiserver's bootstrap policy, plus kubeadm's
 * `kubeadm:cluster-admins` binding), as data. The user-facing roles are complete in name,
 * labels and aggregation; their rule lists are abridged to the resources the simulator serves.
 * The simulator does not authorize requests, so the rules are for `get`/`describe` only.
 */

const BOOTSTRAP = { 'kubernetes.io/bootstrapping': 'rbac-defaults' };
const AUTOUPDATE = { 'rbac.authorization.kubernetes.io/autoupdate': 'true' };
const READ = ['get', 'list', 'watch'];
const WRITE = ['create', 'delete', 'deletecollection', 'patch', 'update'];

type Rule = { apiGroups?: string[]; resources?: string[]; nonResourceURLs?: string[]; verbs: string[] };

const rule = (apiGroups: string[], resources: string[], verbs: string[]): Rule => ({ apiGroups, resources, verbs });

/** What `view` allows (system:aggregate-to-view). */
const VIEW_RULES: Rule[] = [
  rule(
    [''],
    [
      'configmaps',
      'endpoints',
      'persistentvolumeclaims',
      'persistentvolumeclaims/status',
      'pods',
      'replicationcontrollers',
      'replicationcontrollers/scale',
      'serviceaccounts',
      'services',
      'services/status',
    ],
    READ,
  ),
  rule(
    [''],
    [
      'bindings',
      'events',
      'limitranges',
      'namespaces/status',
      'pods/log',
      'pods/status',
      'replicationcontrollers/status',
      'resourcequotas',
      'resourcequotas/status',
    ],
    READ,
  ),
  rule([''], ['namespaces'], READ),
  rule(['discovery.k8s.io'], ['endpointslices'], READ),
  rule(
    ['apps'],
    [
      'controllerrevisions',
      'daemonsets',
      'daemonsets/status',
      'deployments',
      'deployments/scale',
      'deployments/status',
      'replicasets',
      'replicasets/scale',
      'replicasets/status',
      'statefulsets',
      'statefulsets/scale',
      'statefulsets/status',
    ],
    READ,
  ),
  rule(['autoscaling'], ['horizontalpodautoscalers', 'horizontalpodautoscalers/status'], READ),
  rule(['batch'], ['cronjobs', 'cronjobs/status', 'jobs', 'jobs/status'], READ),
  rule(['policy'], ['poddisruptionbudgets', 'poddisruptionbudgets/status'], READ),
  rule(['networking.k8s.io'], ['ingresses', 'ingresses/status', 'networkpolicies'], READ),
];

/** What `edit` adds (system:aggregate-to-edit). */
const EDIT_RULES: Rule[] = [
  rule([''], ['pods/attach', 'pods/exec', 'pods/portforward', 'pods/proxy', 'secrets', 'services/proxy'], READ),
  rule([''], ['serviceaccounts'], ['impersonate']),
  rule([''], ['pods', 'pods/attach', 'pods/exec', 'pods/portforward', 'pods/proxy'], WRITE),
  rule([''], ['pods/eviction'], ['create']),
  rule(
    [''],
    [
      'configmaps',
      'events',
      'persistentvolumeclaims',
      'replicationcontrollers',
      'replicationcontrollers/scale',
      'secrets',
      'serviceaccounts',
      'services',
      'services/proxy',
    ],
    WRITE,
  ),
  rule([''], ['serviceaccounts/token'], ['create']),
  rule(
    ['apps'],
    ['daemonsets', 'deployments', 'deployments/rollback', 'deployments/scale', 'replicasets', 'replicasets/scale', 'statefulsets', 'statefulsets/scale'],
    WRITE,
  ),
  rule(['autoscaling'], ['horizontalpodautoscalers'], WRITE),
  rule(['batch'], ['cronjobs', 'jobs'], WRITE),
  rule(['policy'], ['poddisruptionbudgets'], WRITE),
  rule(['networking.k8s.io'], ['ingresses', 'networkpolicies'], WRITE),
  rule(['coordination.k8s.io'], ['leases'], [...READ, ...WRITE]),
];

/** What `admin` adds (system:aggregate-to-admin). */
const ADMIN_RULES: Rule[] = [
  rule(['authorization.k8s.io'], ['localsubjectaccessreviews'], ['create']),
  rule(['rbac.authorization.k8s.io'], ['rolebindings', 'roles'], [...WRITE, ...READ]),
];

const clusterRole = (name: string, rules: Rule[], extra: { labels?: Record<string, string>; aggregateTo?: string } = {}): KObject => ({
  apiVersion: 'rbac.authorization.k8s.io/v1',
  kind: 'ClusterRole',
  metadata: { name, labels: { ...BOOTSTRAP, ...extra.labels }, annotations: AUTOUPDATE },
  ...(extra.aggregateTo
    ? { aggregationRule: { clusterRoleSelectors: [{ matchLabels: { [`rbac.authorization.k8s.io/aggregate-to-${extra.aggregateTo}`]: 'true' } }] } }
    : {}),
  rules,
});

const binding = (name: string, role: string, groups: string[]): KObject => ({
  apiVersion: 'rbac.authorization.k8s.io/v1',
  kind: 'ClusterRoleBinding',
  metadata: { name, labels: BOOTSTRAP, annotations: AUTOUPDATE },
  roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: role },
  subjects: groups.map((g) => ({ apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: g })),
});

const HEALTH = ['/healthz', '/livez', '/readyz', '/version', '/version/'];

/** ClusterRoles every cluster has. */
export const DEFAULT_CLUSTER_ROLES: readonly KObject[] = [
  clusterRole('cluster-admin', [rule(['*'], ['*'], ['*']), { nonResourceURLs: ['*'], verbs: ['*'] }]),
  // Aggregated roles hold the union of what their aggregate-to roles say.
  clusterRole('admin', [...VIEW_RULES, ...EDIT_RULES, ...ADMIN_RULES], { aggregateTo: 'admin' }),
  clusterRole('edit', [...VIEW_RULES, ...EDIT_RULES], { labels: { 'rbac.authorization.k8s.io/aggregate-to-admin': 'true' }, aggregateTo: 'edit' }),
  clusterRole('view', VIEW_RULES, { labels: { 'rbac.authorization.k8s.io/aggregate-to-edit': 'true' }, aggregateTo: 'view' }),
  clusterRole('system:aggregate-to-admin', ADMIN_RULES, { labels: { 'rbac.authorization.k8s.io/aggregate-to-admin': 'true' } }),
  clusterRole('system:aggregate-to-edit', EDIT_RULES, { labels: { 'rbac.authorization.k8s.io/aggregate-to-edit': 'true' } }),
  clusterRole('system:aggregate-to-view', VIEW_RULES, { labels: { 'rbac.authorization.k8s.io/aggregate-to-view': 'true' } }),
  clusterRole('system:basic-user', [
    rule(['authorization.k8s.io'], ['selfsubjectaccessreviews', 'selfsubjectrulesreviews'], ['create']),
    rule(['authentication.k8s.io'], ['selfsubjectreviews'], ['create']),
  ]),
  clusterRole('system:discovery', [
    {
      nonResourceURLs: ['/api', '/api/*', '/apis', '/apis/*', '/healthz', '/livez', '/openapi', '/openapi/*', '/readyz', '/version', '/version/'],
      verbs: ['get'],
    },
  ]),
  clusterRole('system:public-info-viewer', [{ nonResourceURLs: HEALTH, verbs: ['get'] }]),
  // kubeadm's CoreDNS addon (so kind's): what CoreDNS reads to answer for the cluster; no labels.
  {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRole',
    metadata: { name: 'system:coredns' },
    rules: [rule([''], ['endpoints', 'services', 'pods', 'namespaces'], ['list', 'watch']), rule(['discovery.k8s.io'], ['endpointslices'], ['list', 'watch'])],
  },
];

/** ClusterRoleBindings every kind cluster has. */
export const DEFAULT_CLUSTER_ROLE_BINDINGS: readonly KObject[] = [
  binding('cluster-admin', 'cluster-admin', ['system:masters']),
  binding('system:basic-user', 'system:basic-user', ['system:authenticated']),
  binding('system:discovery', 'system:discovery', ['system:authenticated']),
  binding('system:public-info-viewer', 'system:public-info-viewer', ['system:authenticated', 'system:unauthenticated']),
  // kubeadm (so kind) binds its admin group, whose member the kubeconfig's user is.
  { ...binding('kubeadm:cluster-admins', 'cluster-admin', ['kubeadm:cluster-admins']), metadata: { name: 'kubeadm:cluster-admins' } },
  {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRoleBinding',
    metadata: { name: 'system:coredns' },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'system:coredns' },
    subjects: [{ kind: 'ServiceAccount', name: 'coredns', namespace: 'kube-system' }],
  },
];
