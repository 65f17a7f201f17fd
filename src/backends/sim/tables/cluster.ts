import type { Dict } from '../admission/util.js';
import { AGE_DESCRIPTION, ageColumn, formatLabels, int, items, nameColumn, type Column, type Printer, str, strNum } from './columns.js';

/** Printers for cluster plumbing: CRDs, ControllerRevisions, PodTemplates, PriorityClasses, LimitRanges, RuntimeClasses. */

const createdAt: Column = { name: 'Created At', type: 'date', description: AGE_DESCRIPTION, cell: (o) => o.metadata?.creationTimestamp ?? '' };

/** Name and Created At (RFC 3339): CRDs and LimitRanges print this way. */
export const createdAtPrinter: Printer = { columns: [nameColumn, createdAt] };

/** The Controller cell: `daemonset.apps/fluentd`, from the controller owner reference. */
export function controllerName(o: Dict): string {
  const ref = items(o.metadata?.ownerReferences).find((r) => r.controller === true);
  if (!ref) return '<none>';
  const apiVersion = String(ref.apiVersion ?? '');
  const group = apiVersion.includes('/') ? apiVersion.split('/')[0] : '';
  return `${String(ref.kind).toLowerCase()}${group ? `.${group}` : ''}/${ref.name}`;
}

/** ControllerRevisions: Controller, Revision, Age. */
export const controllerRevisionPrinter: Printer = {
  columns: [
    nameColumn,
    str('Controller', 'Controller of the object', controllerName),
    strNum('Revision', 'Revision indicates the revision of the state represented by Data.', (o) => o.revision ?? 0),
    ageColumn,
  ],
};

/** PodTemplates: Containers, Images, Pod Labels. */
export const podTemplatePrinter: Printer = {
  columns: [
    nameColumn,
    str('Containers', 'Names of each container in the template.', (o) =>
      items(o.template?.spec?.containers)
        .map((c) => c.name)
        .join(','),
    ),
    str('Images', 'Images referenced by each container in the template.', (o) =>
      items(o.template?.spec?.containers)
        .map((c) => c.image)
        .join(','),
    ),
    str('Pod Labels', 'The labels for the pod template.', (o) => formatLabels(o.template?.metadata?.labels)),
  ],
};

/** PriorityClasses: Value, Global-Default, Age, PreemptionPolicy. */
export const priorityClassPrinter: Printer = {
  columns: [
    nameColumn,
    int('Value', 'The value of this priority class.', (o) => o.value ?? 0),
    {
      name: 'Global-Default',
      type: 'boolean',
      description:
        'globalDefault specifies whether this PriorityClass should be considered as the default priority for pods that do not have any priority class.',
      cell: (o) => o.globalDefault === true,
    },
    ageColumn,
    str('PreemptionPolicy', 'preemptionPolicy is the Policy for preempting pods with lower priority.', (o) => o.preemptionPolicy ?? ''),
  ],
};

/** RuntimeClasses: Handler, Age. */
export const runtimeClassPrinter: Printer = {
  columns: [
    nameColumn,
    str('Handler', 'handler specifies the underlying runtime and configuration that the CRI implementation will use.', (o) => o.handler ?? ''),
    ageColumn,
  ],
};

function quotaColumn(o: Dict, limits: boolean): string {
  const hard = (o.status?.hard ?? {}) as Record<string, string>;
  const used = (o.status?.used ?? {}) as Record<string, string>;
  return Object.keys(hard)
    .sort()
    .filter((r) => (r.split('.').length > 1 && r.split('.')[0] === 'limits') === limits)
    .map((r) => `${r}: ${used[r] ?? '0'}/${hard[r]}`)
    .join(', ');
}

/** ResourceQuotas: Request, Limit (`resource: used/hard`), Age. */
export const resourceQuotaPrinter: Printer = {
  columns: [
    nameColumn,
    str('Request', 'Request represents a minimum amount of cpu/memory that a container may consume.', (o) => quotaColumn(o, false)),
    str('Limit', 'Limits control the maximum amount of cpu/memory that a container may use independent of contention on the node.', (o) =>
      quotaColumn(o, true),
    ),
    ageColumn,
  ],
};

/** APIServices (kube-aggregator's table): Service (`Local` or namespace/name), Available (`False (Reason)` when not), Age. */
export const apiServicePrinter: Printer = {
  columns: [
    nameColumn,
    str('Service', 'The reference to the service that hosts this API endpoint.', (o) =>
      o.spec?.service ? `${o.spec.service.namespace}/${o.spec.service.name}` : 'Local',
    ),
    str('Available', 'Whether this service is available.', (o) => {
      const c = items(o.status?.conditions).find((x: Dict) => x.type === 'Available');
      if (!c) return 'Unknown';
      return c.status === 'True' ? 'True' : `${c.status} (${c.reason})`;
    }),
    ageColumn,
  ],
};
