import type { KObject, ResourceType } from '../types.js';
import { resourceKey, type Dict } from '../admission/util.js';
import { ageColumn, type Column, nameColumn, type Printer } from './columns.js';
import {
  configMapPrinter,
  endpointsPrinter,
  eventPrinter,
  namespacePrinter,
  nodePrinter,
  secretPrinter,
  serviceAccountPrinter,
  servicePrinter,
} from './core.js';
import {
  endpointSlicePrinter,
  hpaPrinter,
  ingressClassPrinter,
  ingressPrinter,
  leasePrinter,
  networkPolicyPrinter,
  pdbPrinter,
  pvcPrinter,
  pvPrinter,
  roleBindingPrinter,
  rolePrinter,
  storageClassPrinter,
} from './other.js';
import { podPrinter } from './pods.js';
import {
  controllerRevisionPrinter,
  createdAtPrinter,
  podTemplatePrinter,
  priorityClassPrinter,
  resourceQuotaPrinter,
  runtimeClassPrinter,
  apiServicePrinter,
} from './cluster.js';
import {
  cronJobPrinter,
  daemonSetPrinter,
  deploymentPrinter,
  jobPrinter,
  replicaSetPrinter,
  replicationControllerPrinter,
  statefulSetPrinter,
} from './workloads.js';

export type { Column, Printer } from './columns.js';
export { humanDuration, since } from './duration.js';

export interface TableOptions {
  now: Date;
  /** `includeObject` query parameter; the default is Metadata. */
  includeObject: 'None' | 'Metadata' | 'Object';
  resourceVersion: string;
}

/** Printers by `resource.group`, as the real server registers them. */
export const PRINTERS: Record<string, Printer> = {
  pods: podPrinter,
  services: servicePrinter,
  endpoints: endpointsPrinter,
  configmaps: configMapPrinter,
  secrets: secretPrinter,
  serviceaccounts: serviceAccountPrinter,
  namespaces: namespacePrinter,
  nodes: nodePrinter,
  events: eventPrinter,
  'events.events.k8s.io': eventPrinter,
  persistentvolumeclaims: pvcPrinter,
  persistentvolumes: pvPrinter,
  replicationcontrollers: replicationControllerPrinter,
  'deployments.apps': deploymentPrinter,
  'replicasets.apps': replicaSetPrinter,
  'statefulsets.apps': statefulSetPrinter,
  'daemonsets.apps': daemonSetPrinter,
  'jobs.batch': jobPrinter,
  'cronjobs.batch': cronJobPrinter,
  'ingresses.networking.k8s.io': ingressPrinter,
  'ingressclasses.networking.k8s.io': ingressClassPrinter,
  'networkpolicies.networking.k8s.io': networkPolicyPrinter,
  'endpointslices.discovery.k8s.io': endpointSlicePrinter,
  'storageclasses.storage.k8s.io': storageClassPrinter,
  'roles.rbac.authorization.k8s.io': rolePrinter,
  'clusterroles.rbac.authorization.k8s.io': rolePrinter,
  'rolebindings.rbac.authorization.k8s.io': roleBindingPrinter,
  'clusterrolebindings.rbac.authorization.k8s.io': roleBindingPrinter,
  'leases.coordination.k8s.io': leasePrinter,
  'poddisruptionbudgets.policy': pdbPrinter,
  'horizontalpodautoscalers.autoscaling': hpaPrinter,
  'customresourcedefinitions.apiextensions.k8s.io': createdAtPrinter,
  limitranges: createdAtPrinter,
  resourcequotas: resourceQuotaPrinter,
  podtemplates: podTemplatePrinter,
  'controllerrevisions.apps': controllerRevisionPrinter,
  'priorityclasses.scheduling.k8s.io': priorityClassPrinter,
  'runtimeclasses.node.k8s.io': runtimeClassPrinter,
  'apiservices.apiregistration.k8s.io': apiServicePrinter,
};

/** Name and Age, for anything without a printer (as for a custom resource without printer columns). */
export const DEFAULT_PRINTER: Printer = { columns: [nameColumn, ageColumn] };

/** The printer for a resource type. */
export function printerFor(type: Pick<ResourceType, 'resource' | 'group'>): Printer {
  return PRINTERS[resourceKey(type)] ?? DEFAULT_PRINTER;
}

function columnDefinition(c: Column): Record<string, unknown> {
  return { name: c.name, type: c.type, format: c.format ?? '', description: c.description, priority: c.priority ?? 0 };
}

function rowObject(type: ResourceType, obj: KObject, mode: TableOptions['includeObject']): Record<string, unknown> | undefined {
  if (mode === 'None') return undefined;
  if (mode === 'Object') {
    return { ...obj, kind: obj.kind || type.kind, apiVersion: obj.apiVersion || (type.group ? `${type.group}/${type.version}` : type.version) };
  }
  return { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: obj.metadata };
}

/** Builds a meta.k8s.io/v1 Table for these objects with the columns a real 1.32 server prints (or `printer`'s). */
export function toTable(type: ResourceType, objects: KObject[], options: TableOptions, printer: Printer = printerFor(type)): Record<string, unknown> {
  const ctx = { now: options.now };
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: { resourceVersion: options.resourceVersion },
    columnDefinitions: printer.columns.map(columnDefinition),
    rows: objects.map((obj) => {
      const row: Record<string, unknown> = { cells: printer.columns.map((c) => c.cell(obj as Dict, ctx)) };
      const conditions = printer.conditions?.(obj as Dict);
      if (conditions) row.conditions = conditions;
      const object = rowObject(type, obj, options.includeObject);
      if (object) row.object = object;
      return row;
    }),
  };
}
