import { flagValue, kubectlCall, parseCommandLine } from '../shell/index.js';
import { lineKey } from './lines.js';
import { contextKey } from './normalizers/index.js';
import type { Difference } from './types.js';

/**
 * Namespaces whose objects the cluster's distribution installs (DNS, kube-proxy, CNI, metrics),
 * not the tutorial: their ports, images and counts differ between kind, kubeadm, GKE, minikube …
 */
export const SYSTEM_NAMESPACES: readonly string[] = ['kube-system', 'kube-public', 'kube-node-lease'];

/** Which comparison found a difference: that decides whether a wrong value is a value (a cell, a field) or a whole line. */
export type ValueSource = 'table' | 'lines' | 'structured';

/** Wrong values that are values a distribution sets, by the comparison that found them. */
const IS_VALUE: Record<ValueSource, (d: Difference) => boolean> = {
  // Every wrong value of a table is one cell of a row paired by name.
  table: () => true,
  // A `Key: value` line paired with an actual line about the same key.
  lines: (d) => {
    const key = lineKey(d.expected ?? '');
    return key !== undefined && key.startsWith('field:') && key === lineKey(d.actual ?? '');
  },
  // A scalar under the same key path.
  structured: (d) => d.expected !== undefined && d.actual !== undefined,
};

/** The system namespace a kubectl command in `command` targets, if any. */
export function systemNamespaceOf(command: string | undefined): string | undefined {
  for (const c of parseCommandLine(command ?? '').commands) {
    const call = kubectlCall(c);
    const ns = call && flagValue(call, '-n', '--namespace');
    if (ns !== undefined && SYSTEM_NAMESPACES.includes(ns)) return ns;
  }
  return undefined;
}

const NODE_RESOURCES = new Set(['node', 'nodes', 'no']);
const NODE_VERBS = new Set(['get', 'describe']);

/** A request for a Node object of the API (`curl …/api/v1/nodes/<name>/status` through `kubectl proxy`). */
const NODE_URL = /^(?:https?:\/\/)?[^/\s]+\/api\/v1\/nodes(?:\/|$)/;

/** True when a command in `command` shows the cluster's nodes (`kubectl get nodes`, `describe node x`, `curl …/api/v1/nodes/x`). */
export function showsNodes(command: string | undefined): boolean {
  return parseCommandLine(command ?? '').commands.some((c) => {
    if ((c.name === 'curl' || c.name === 'wget') && c.args.some((w) => NODE_URL.test(w.value))) return true;
    const call = kubectlCall(c);
    if (!call) return false;
    const verb = call.path[0]?.value ?? '';
    const what = call.positionals[0]?.value ?? '';
    return NODE_VERBS.has(verb) && what.split(',').some((r) => NODE_RESOURCES.has(r.split('/')[0] ?? ''));
  });
}

/**
 * Node properties the environment decides (column, `Key:` field or YAML key, compared by
 * {@link contextKey}): roles, versions, addresses, OS, capacity. Labels and taints are not here:
 * a tutorial sets them (`kubectl label nodes … disktype=ssd`).
 */
export const NODE_PROPERTIES: readonly string[] = [
  'status',
  'roles',
  'version',
  'internalip',
  'externalip',
  'osimage',
  'kernelversion',
  'containerruntime',
  'kubeletversion',
  'kubeproxyversion',
  'containerruntimeversion',
  'architecture',
  'operatingsystem',
  'machineid',
  'systemuuid',
  'bootid',
  'podcidr',
  'podcidrs',
  'providerid',
  'cpu',
  'memory',
  'ephemeralstorage',
  'pods',
  'address',
];

/** The column, field or key a wrong value is about. */
function propertyOf(d: Difference, source: ValueSource): string | undefined {
  if (source === 'table') return /, column ([^:]+):/.exec(d.message)?.[1];
  if (source === 'structured')
    return d.path
      ?.split('.')
      .pop()
      ?.replace(/\[\d+\]$/, '');
  return lineKey(d.expected ?? '')?.replace(/^field:/, '');
}

/**
 * Flags the wrong values of output about the cluster's nodes that the environment decides
 * (roles, versions, addresses, OS, capacity; {@link NODE_PROPERTIES}) as such: a tutorial shows
 * the nodes of the cluster it was written on. Labels, taints, missing and extra rows (a doc with
 * three nodes, a cluster with one) still fail.
 */
export function markNodeValues(differences: Difference[], source: ValueSource, command: string | undefined): Difference[] {
  if (!showsNodes(command)) return differences;
  const isProperty = (d: Difference) => {
    const p = propertyOf(d, source);
    return p !== undefined && NODE_PROPERTIES.includes(contextKey(p));
  };
  return differences.map((d) =>
    d.kind === 'wrong-value' && d.stale !== true && IS_VALUE[source](d) && isProperty(d)
      ? { ...d, message: `${d.message} (a property of the cluster's nodes: it differs between clusters)`, environment: true }
      : d,
  );
}

/**
 * Flags the wrong values (table cells, `Key: value` fields, YAML/JSON scalars) of output from a
 * system namespace as set by the cluster's distribution: a tutorial cannot know which ports,
 * images or counts the cluster's add-ons have. Missing and extra lines stay as they are, and so
 * do values already flagged stale (a renamed field is a version difference).
 */
export function markDistributionValues(differences: Difference[], source: ValueSource, namespace: string | undefined): Difference[] {
  if (namespace === undefined) return differences;
  return differences.map((d) =>
    d.kind === 'wrong-value' && d.stale !== true && IS_VALUE[source](d)
      ? {
          ...d,
          message: `${d.message} (a value set by the cluster's distribution in ${namespace}: it differs on this cluster's distribution; the doc's cluster may have installed the add-on differently)`,
          environment: true,
        }
      : d,
  );
}
