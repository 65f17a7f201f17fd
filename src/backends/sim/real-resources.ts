/**
 * The resource types a Kubernetes 1.32 cluster (kind) serves, as `kubectl api-resources` lists
 * them: names, short names and API group. When kubectl says the server has no such resource type
 * and a real cluster has it, the step cannot be checked on the simulator — it is not the doc's
 * defect.
 */
import { RESOURCE_TYPES } from './registry.js';

/** [plural, group, short names…] of every resource type of a kind 1.32 cluster. */
const REAL_1_32: readonly (readonly string[])[] = [
  ['bindings', ''],
  ['componentstatuses', '', 'cs'],
  ['configmaps', '', 'cm'],
  ['endpoints', '', 'ep'],
  ['events', '', 'ev'],
  ['limitranges', '', 'limits'],
  ['namespaces', '', 'ns'],
  ['nodes', '', 'no'],
  ['persistentvolumeclaims', '', 'pvc'],
  ['persistentvolumes', '', 'pv'],
  ['pods', '', 'po'],
  ['podtemplates', ''],
  ['replicationcontrollers', '', 'rc'],
  ['resourcequotas', '', 'quota'],
  ['secrets', ''],
  ['serviceaccounts', '', 'sa'],
  ['services', '', 'svc'],
  ['mutatingwebhookconfigurations', 'admissionregistration.k8s.io'],
  ['validatingadmissionpolicies', 'admissionregistration.k8s.io'],
  ['validatingadmissionpolicybindings', 'admissionregistration.k8s.io'],
  ['validatingwebhookconfigurations', 'admissionregistration.k8s.io'],
  ['customresourcedefinitions', 'apiextensions.k8s.io', 'crd', 'crds'],
  ['apiservices', 'apiregistration.k8s.io'],
  ['controllerrevisions', 'apps'],
  ['daemonsets', 'apps', 'ds'],
  ['deployments', 'apps', 'deploy'],
  ['replicasets', 'apps', 'rs'],
  ['statefulsets', 'apps', 'sts'],
  ['selfsubjectreviews', 'authentication.k8s.io'],
  ['tokenreviews', 'authentication.k8s.io'],
  ['localsubjectaccessreviews', 'authorization.k8s.io'],
  ['selfsubjectaccessreviews', 'authorization.k8s.io'],
  ['selfsubjectrulesreviews', 'authorization.k8s.io'],
  ['subjectaccessreviews', 'authorization.k8s.io'],
  ['horizontalpodautoscalers', 'autoscaling', 'hpa'],
  ['cronjobs', 'batch', 'cj'],
  ['jobs', 'batch'],
  ['certificatesigningrequests', 'certificates.k8s.io', 'csr'],
  ['leases', 'coordination.k8s.io'],
  ['endpointslices', 'discovery.k8s.io'],
  ['flowschemas', 'flowcontrol.apiserver.k8s.io'],
  ['prioritylevelconfigurations', 'flowcontrol.apiserver.k8s.io'],
  ['ingressclasses', 'networking.k8s.io'],
  ['ingresses', 'networking.k8s.io', 'ing'],
  ['networkpolicies', 'networking.k8s.io', 'netpol'],
  ['runtimeclasses', 'node.k8s.io'],
  ['poddisruptionbudgets', 'policy', 'pdb'],
  ['clusterrolebindings', 'rbac.authorization.k8s.io'],
  ['clusterroles', 'rbac.authorization.k8s.io'],
  ['rolebindings', 'rbac.authorization.k8s.io'],
  ['roles', 'rbac.authorization.k8s.io'],
  ['priorityclasses', 'scheduling.k8s.io', 'pc'],
  ['csidrivers', 'storage.k8s.io'],
  ['csinodes', 'storage.k8s.io'],
  ['csistoragecapacities', 'storage.k8s.io'],
  ['storageclasses', 'storage.k8s.io', 'sc'],
  ['volumeattachments', 'storage.k8s.io'],
];

function singular(plural: string): string {
  if (plural.endsWith('sses')) return plural.slice(0, -2);
  if (plural.endsWith('ies')) return `${plural.slice(0, -3)}y`;
  return plural.replace(/s$/, '');
}

/** Every name kubectl accepts for a real resource type (plural, singular, short, `plural.group`), to its plural. */
const REAL_NAMES = new Map<string, string>();
for (const [plural, group, ...short] of REAL_1_32) {
  for (const n of [plural!, singular(plural!), ...short, ...(group ? [`${plural}.${group}`] : [])]) REAL_NAMES.set(n.toLowerCase(), plural!);
}

const SERVED = new Set(RESOURCE_TYPES.map((t) => t.resource));

/** Why `resource` (as typed) cannot be checked here: a real 1.32 cluster has it and the simulator does not; else undefined. */
export function unservedResource(resource: string): string | undefined {
  const plural = REAL_NAMES.get(resource.toLowerCase());
  if (!plural || SERVED.has(plural)) return undefined;
  return `a Kubernetes 1.32 cluster serves ${plural}; the simulator does not (use --backend kind)`;
}
