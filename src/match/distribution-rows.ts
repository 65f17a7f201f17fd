/**
 * Objects a cluster's distribution installs outside the system namespaces, which a tutorial
 * written on another distribution does not show: kind's local-path storage provisioner (its
 * namespace, Deployment, pods, configuration) and its default StorageClass `standard`. An extra
 * table row of one of them is the distribution, not the doc's defect. A missing row, and extra
 * rows of anything else (kube-node-lease, which every cluster has), still fail.
 */
import { flagValue, kubectlCall, parseCommandLine } from '../shell/index.js';

/** One object a distribution installs; `children` also covers the ReplicaSets and pods a Deployment makes. */
export interface InstalledObject {
  distribution: string;
  /** The kind, as kubectl's singular resource name (`namespace`, `deployment`, `storageclass`). */
  resource: string;
  /** Its namespace; none for cluster-scoped objects. */
  namespace?: string;
  name: string;
  /** What it is, for the message. */
  what: string;
}

/**
 * kind v0.27's objects outside kube-system, as its node image creates them (the simulator's
 * kind-system stage: `kindAddons()` and `ensureStandardStorageClass()`; a test keeps them equal).
 */
export const INSTALLED_OBJECTS: readonly InstalledObject[] = [
  { distribution: 'kind', resource: 'namespace', name: 'local-path-storage', what: "the namespace of kind's local-path storage provisioner" },
  {
    distribution: 'kind',
    resource: 'deployment',
    namespace: 'local-path-storage',
    name: 'local-path-provisioner',
    what: "kind's local-path storage provisioner",
  },
  {
    distribution: 'kind',
    resource: 'serviceaccount',
    namespace: 'local-path-storage',
    name: 'local-path-provisioner-service-account',
    what: "the service account of kind's local-path storage provisioner",
  },
  {
    distribution: 'kind',
    resource: 'configmap',
    namespace: 'local-path-storage',
    name: 'local-path-config',
    what: "the configuration of kind's local-path storage provisioner",
  },
  { distribution: 'kind', resource: 'storageclass', name: 'standard', what: "kind's default StorageClass (local-path)" },
];

/**
 * Columns that say which distribution made an installed object (a StorageClass's PROVISIONER): a
 * doc row of the same object with another value there is the doc's distribution's own object, and
 * its other settings are that distribution's too. With the same value, the row is compared.
 */
export const DISTRIBUTION_COLUMNS: readonly string[] = ['PROVISIONER'];

/** kubectl's names of the resources above (short names, plurals, `kind.group` forms). */
const RESOURCE_ALIASES: Readonly<Record<string, string>> = {
  ns: 'namespace',
  namespace: 'namespace',
  namespaces: 'namespace',
  deploy: 'deployment',
  deployment: 'deployment',
  deployments: 'deployment',
  'deployment.apps': 'deployment',
  'deployments.apps': 'deployment',
  rs: 'replicaset',
  replicaset: 'replicaset',
  replicasets: 'replicaset',
  'replicaset.apps': 'replicaset',
  'replicasets.apps': 'replicaset',
  po: 'pod',
  pod: 'pod',
  pods: 'pod',
  sa: 'serviceaccount',
  serviceaccount: 'serviceaccount',
  serviceaccounts: 'serviceaccount',
  cm: 'configmap',
  configmap: 'configmap',
  configmaps: 'configmap',
  sc: 'storageclass',
  storageclass: 'storageclass',
  storageclasses: 'storageclass',
  'storageclass.storage.k8s.io': 'storageclass',
  'storageclasses.storage.k8s.io': 'storageclass',
};

/** What a Deployment's children add to its name: `-<pod-template-hash>` (ReplicaSet) and `-<5>` (pod). */
const CHILD: Readonly<Record<string, RegExp>> = {
  replicaset: /^-[a-z0-9]{6,10}$/,
  pod: /^-[a-z0-9]{6,10}-[a-z0-9]{5}$/,
};

function resourceOf(word: string): string | undefined {
  return RESOURCE_ALIASES[word.toLowerCase()];
}

/** The installed object a row of kind `resource` in `namespace` named `name` is, or undefined. */
function installedObject(resource: string, namespace: string | undefined, name: string): InstalledObject | undefined {
  return INSTALLED_OBJECTS.find((o) => {
    if (o.namespace !== undefined && o.namespace !== namespace) return false;
    if (o.resource === resource) return o.name === name;
    const child = CHILD[resource];
    return o.resource === 'deployment' && child !== undefined && name.startsWith(`${o.name}`) && child.test(name.slice(o.name.length));
  });
}

/** A table row: its cells by column name (`NAMESPACE`, `NAME`, …). */
export type RowCells = Readonly<Record<string, string>>;

/**
 * For `kubectl get` commands: a function telling whether an actual table row is an object a
 * distribution installs (the reason) or not (undefined). The row's kind comes from a `kind/name`
 * NAME or the command's one resource; its namespace from a NAMESPACE column or `-n`.
 */
export function installedRowsOf(command: string | undefined): ((row: RowCells) => string | undefined) | undefined {
  const call = parseCommandLine(command ?? '')
    .commands.map(kubectlCall)
    .find((c) => c !== undefined && c !== null && c.path[0]?.value === 'get');
  if (!call) return undefined;
  const listed = (call.positionals[0]?.value ?? '').split(',');
  const only = listed.length === 1 ? resourceOf(listed[0]!.split('/')[0]!) : undefined;
  const ns = flagValue(call, '-n', '--namespace');
  return (row) => {
    const cell = (row['NAME'] ?? '').replace(/\s+\(default\)$/, '');
    const slash = cell.indexOf('/');
    const resource = slash > 0 ? resourceOf(cell.slice(0, slash)) : only;
    if (!resource) return undefined;
    const namespace = row['NAMESPACE'] ?? ns;
    const o = installedObject(resource, namespace, slash > 0 ? cell.slice(slash + 1) : cell);
    return o ? `${o.what}: installed by ${o.distribution}, the distribution of this cluster; the doc's cluster may have another` : undefined;
  };
}
