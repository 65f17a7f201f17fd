import { canonicalQuantity } from '../admission/quantity.js';
import type { Dict } from '../admission/util.js';
import { AGE_DESCRIPTION, ageColumn, formatSelector, int, items, listWithMore, nameColumn, type Printer, sortedUnique, str, strNum } from './columns.js';

/** Printers for storage, networking, RBAC, policy and autoscaling resources. */

const ACCESS_MODES: [string, string][] = [
  ['ReadWriteOnce', 'RWO'],
  ['ReadOnlyMany', 'ROX'],
  ['ReadWriteMany', 'RWX'],
  ['ReadWriteOncePod', 'RWOP'],
];

/** `RWO,RWX`: access modes in the fixed order `GetAccessModesAsString` uses. */
export function accessModes(modes: unknown): string {
  const list = Array.isArray(modes) ? modes : [];
  return ACCESS_MODES.filter(([m]) => list.includes(m))
    .map(([, s]) => s)
    .join(',');
}

const vac = (name: unknown) => (typeof name === 'string' ? name : '<unset>');

/** PersistentVolumeClaims: Status, Volume, Capacity, Access Modes, StorageClass, VolumeAttributesClass, Age; wide VolumeMode. */
export const pvcPrinter: Printer = {
  columns: [
    nameColumn,
    str('Status', 'Phase represents the current phase of PersistentVolumeClaim.', (o) =>
      o.metadata?.deletionTimestamp ? 'Terminating' : (o.status?.phase ?? ''),
    ),
    str('Volume', 'volumeName is the binding reference to the PersistentVolume backing this claim.', (o) => o.spec?.volumeName ?? ''),
    str('Capacity', 'capacity represents the actual resources of the underlying volume.', (o) =>
      o.spec?.volumeName ? canonicalQuantity(o.status?.capacity?.storage ?? '0') : '',
    ),
    str('Access Modes', 'accessModes contains the desired access modes the volume should have.', (o) =>
      o.spec?.volumeName ? accessModes(o.status?.accessModes) : '',
    ),
    str(
      'StorageClass',
      'storageClassName is the name of the StorageClass required by the claim.',
      (o) => o.spec?.storageClassName ?? o.metadata?.annotations?.['volume.beta.kubernetes.io/storage-class'] ?? '',
    ),
    str('VolumeAttributesClass', 'volumeAttributesClassName may be used to set the VolumeAttributesClass used by this claim.', (o) =>
      vac(o.spec?.volumeAttributesClassName),
    ),
    ageColumn,
    str('VolumeMode', 'volumeMode defines what type of volume is required by the claim.', (o) => o.spec?.volumeMode ?? '<unset>', 1),
  ],
};

/** PersistentVolumes. */
export const pvPrinter: Printer = {
  columns: [
    nameColumn,
    str('Capacity', "capacity is the description of the persistent volume's resources and capacity.", (o) =>
      canonicalQuantity(o.spec?.capacity?.storage ?? '0'),
    ),
    str('Access Modes', 'accessModes contains all ways the volume can be mounted.', (o) => accessModes(o.spec?.accessModes)),
    str(
      'Reclaim Policy',
      'persistentVolumeReclaimPolicy defines what happens to a persistent volume when released from its claim.',
      (o) => o.spec?.persistentVolumeReclaimPolicy ?? '',
    ),
    str('Status', 'phase indicates if a volume is available, bound to a claim, or released by a claim.', (o) =>
      o.metadata?.deletionTimestamp ? 'Terminating' : (o.status?.phase ?? ''),
    ),
    str('Claim', 'claimRef is part of a bi-directional binding between PersistentVolume and PersistentVolumeClaim.', (o) =>
      o.spec?.claimRef ? `${o.spec.claimRef.namespace}/${o.spec.claimRef.name}` : '',
    ),
    str('StorageClass', 'storageClassName is the name of StorageClass to which this persistent volume belongs.', (o) => o.spec?.storageClassName ?? ''),
    str('VolumeAttributesClass', 'Name of VolumeAttributesClass to which this persistent volume belongs.', (o) => vac(o.spec?.volumeAttributesClassName)),
    str('Reason', 'reason is a brief CamelCase string that describes any failure.', (o) => o.status?.reason ?? ''),
    ageColumn,
    str(
      'VolumeMode',
      'volumeMode defines if a volume is intended to be used with a formatted filesystem or to remain in raw block state.',
      (o) => o.spec?.volumeMode ?? '<unset>',
      1,
    ),
  ],
};

/** The Hosts cell of an Ingress: up to three hosts, `*` when none. */
export function ingressHosts(o: Dict): string {
  const rules = items(o.spec?.rules);
  const hosts: string[] = [];
  let more = false;
  for (const rule of rules) {
    if (hosts.length === 3) more = true;
    if (!more && rule.host) hosts.push(rule.host);
  }
  if (!hosts.length) return '*';
  return more ? `${hosts.join(',')} + ${rules.length - 3} more...` : hosts.join(',');
}

/** Ingresses: Class, Hosts, Address, Ports, Age. */
export const ingressPrinter: Printer = {
  columns: [
    nameColumn,
    str('Class', 'The name of the IngressClass resource.', (o) => o.spec?.ingressClassName ?? '<none>'),
    str('Hosts', 'Hosts that incoming requests are matched against before the ingress rule', ingressHosts),
    str('Address', 'Address is a list containing ingress points for the load-balancer', (o) =>
      sortedUnique(
        items(o.status?.loadBalancer?.ingress)
          .map((i) => i.ip || i.hostname)
          .filter(Boolean),
      ).join(','),
    ),
    str('Ports', 'Ports of TLS configurations that open', (o) => (items(o.spec?.tls).length ? '80, 443' : '80')),
    ageColumn,
  ],
};

/** IngressClasses: Controller, Parameters, Age. */
export const ingressClassPrinter: Printer = {
  columns: [
    nameColumn,
    str('Controller', 'Controller that is responsible for handling this class', (o) => o.spec?.controller ?? ''),
    str('Parameters', 'A reference to a resource with additional parameters', (o) => {
      const p = o.spec?.parameters;
      if (!p) return '<none>';
      return `${p.kind}${p.apiGroup ? `.${p.apiGroup}` : ''}/${p.name}`;
    }),
    ageColumn,
  ],
};

/** EndpointSlices: AddressType, Ports, Endpoints, Age. */
export const endpointSlicePrinter: Printer = {
  columns: [
    nameColumn,
    str('AddressType', 'addressType specifies the type of address carried by this EndpointSlice.', (o) => o.addressType ?? ''),
    str('Ports', 'ports specifies the list of network ports exposed by each endpoint in this slice.', (o) =>
      listWithMore(
        items(o.ports).map((p) => (typeof p.port === 'number' ? String(p.port) : p.name ? p.name : '*')),
        3,
        '<unset>',
      ),
    ),
    str('Endpoints', 'endpoints is a list of unique endpoints in this slice.', (o) =>
      listWithMore(
        items(o.endpoints).flatMap((e) => (Array.isArray(e.addresses) ? (e.addresses as string[]) : [])),
        3,
        '<unset>',
      ),
    ),
    ageColumn,
  ],
};

/** NetworkPolicies: Pod-Selector, Age. */
export const networkPolicyPrinter: Printer = {
  columns: [
    nameColumn,
    str('Pod-Selector', 'Selects the pods to which this NetworkPolicy object applies.', (o) => formatSelector(o.spec?.podSelector)),
    ageColumn,
  ],
};

const isDefaultClass = (o: Dict) =>
  o.metadata?.annotations?.['storageclass.kubernetes.io/is-default-class'] === 'true' ||
  o.metadata?.annotations?.['storageclass.beta.kubernetes.io/is-default-class'] === 'true';

/** StorageClasses: Provisioner, ReclaimPolicy, VolumeBindingMode, AllowVolumeExpansion, Age; `(default)` after the name. */
export const storageClassPrinter: Printer = {
  columns: [
    { ...nameColumn, cell: (o) => `${o.metadata?.name ?? ''}${isDefaultClass(o) ? ' (default)' : ''}` },
    str('Provisioner', 'Provisioner indicates the type of the provisioner.', (o) => o.provisioner ?? ''),
    str(
      'ReclaimPolicy',
      'Dynamically provisioned PersistentVolumes of this storage class are created with this reclaimPolicy.',
      (o) => o.reclaimPolicy ?? 'Delete',
    ),
    str(
      'VolumeBindingMode',
      'VolumeBindingMode indicates how PersistentVolumeClaims should be provisioned and bound.',
      (o) => o.volumeBindingMode ?? 'Immediate',
    ),
    {
      name: 'AllowVolumeExpansion',
      type: 'string',
      description: 'AllowVolumeExpansion shows whether the storage class allow volume expand',
      cell: (o) => o.allowVolumeExpansion === true,
    },
    ageColumn,
  ],
};

/** Roles and ClusterRoles: Name, Created At (RFC 3339). */
export const rolePrinter: Printer = {
  columns: [nameColumn, { name: 'Created At', type: 'date', description: AGE_DESCRIPTION, cell: (o) => o.metadata?.creationTimestamp ?? '' }],
};

const subjects =
  (kind: string, withNamespace = false) =>
  (o: Dict) =>
    items(o.subjects)
      .filter((s) => s.kind === kind)
      .map((s) => (withNamespace && s.namespace ? `${s.namespace}/${s.name}` : s.name))
      .join(', ');

/** RoleBindings and ClusterRoleBindings: Role, Age; wide Users, Groups, ServiceAccounts. */
export const roleBindingPrinter: Printer = {
  columns: [
    nameColumn,
    str('Role', 'Role references the role this binding grants.', (o) => `${o.roleRef?.kind ?? ''}/${o.roleRef?.name ?? ''}`),
    ageColumn,
    str('Users', 'Users in the roleBinding', subjects('User'), 1),
    str('Groups', 'Groups in the roleBinding', subjects('Group'), 1),
    str('ServiceAccounts', 'ServiceAccounts in the roleBinding', subjects('ServiceAccount', true), 1),
  ],
};

/** Leases: Holder, Age. */
export const leasePrinter: Printer = {
  columns: [
    nameColumn,
    str('Holder', 'holderIdentity contains the identity of the holder of a current lease.', (o) => o.spec?.holderIdentity ?? ''),
    ageColumn,
  ],
};

/** PodDisruptionBudgets: Min Available, Max Unavailable, Allowed Disruptions, Age. */
export const pdbPrinter: Printer = {
  columns: [
    nameColumn,
    str('Min Available', 'The minimum number of pods that must be available', (o) => (o.spec?.minAvailable != null ? String(o.spec.minAvailable) : 'N/A')),
    str('Max Unavailable', 'The maximum number of pods that may be unavailable', (o) =>
      o.spec?.maxUnavailable != null ? String(o.spec.maxUnavailable) : 'N/A',
    ),
    int('Allowed Disruptions', 'Calculated number of pods that may be disrupted at this time', (o) => o.status?.disruptionsAllowed ?? 0),
    ageColumn,
  ],
};

/** One metric of the Targets cell, as `formatHPAMetrics` writes it. */
function hpaMetric(m: Dict, status: Dict | undefined): string {
  const unknown = '<unknown>';
  switch (m.type) {
    case 'External':
    case 'Object': {
      const key = m.type === 'External' ? 'external' : 'object';
      const target = m[key]?.target ?? {};
      const current = status?.[key]?.current;
      if (target.averageValue != null) return `${current?.averageValue ?? unknown}/${target.averageValue} (avg)`;
      return `${status?.[key] ? current?.value : unknown}/${target.value}`;
    }
    case 'Pods':
      return `${status?.pods ? status.pods.current?.averageValue : unknown}/${m.pods?.target?.averageValue}`;
    case 'Resource':
    case 'ContainerResource': {
      const key = m.type === 'Resource' ? 'resource' : 'containerResource';
      const res = m[key] ?? {};
      const current = status?.[key]?.current;
      if (res.target?.averageValue != null) return `${res.name}: ${status?.[key] ? current?.averageValue : unknown}/${res.target.averageValue}`;
      const now = current?.averageUtilization != null ? `${current.averageUtilization}%` : unknown;
      const target = res.target?.averageUtilization != null ? `${res.target.averageUtilization}%` : '<auto>';
      return `${res.name}: ${now}/${target}`;
    }
    default:
      return '<unknown type>';
  }
}

/** The Targets cell of an autoscaling/v2 HPA (`formatHPAMetrics`): `cpu: 12%/50%`, two at most. */
export function hpaTargets(o: Dict): string {
  let metrics = items(o.spec?.metrics);
  let statuses = items(o.status?.currentMetrics);
  // autoscaling/v1 keeps a single CPU target in its own fields.
  if (!metrics.length && typeof o.spec?.targetCPUUtilizationPercentage === 'number') {
    metrics = [{ type: 'Resource', resource: { name: 'cpu', target: { averageUtilization: o.spec.targetCPUUtilizationPercentage } } }];
    const current = o.status?.currentCPUUtilizationPercentage;
    statuses = typeof current === 'number' ? [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: current } } }] : [];
  }
  if (!metrics.length) return '<none>';
  const list = metrics.map((m, i) => hpaMetric(m, statuses[i]));
  return list.length > 2 ? `${list.slice(0, 2).join(', ')} + ${list.length - 2} more...` : list.join(', ');
}

/** HorizontalPodAutoscalers: Reference, Targets, MinPods, MaxPods, Replicas, Age. */
export const hpaPrinter: Printer = {
  columns: [
    nameColumn,
    str('Reference', 'reference to scaled resource', (o) => `${o.spec?.scaleTargetRef?.kind ?? ''}/${o.spec?.scaleTargetRef?.name ?? ''}`),
    str('Targets', 'the target and current metrics for the autoscaler', hpaTargets),
    str('MinPods', 'minReplicas is the lower limit for the number of replicas to which the autoscaler can scale down.', (o) =>
      o.spec?.minReplicas != null ? String(o.spec.minReplicas) : '<unset>',
    ),
    strNum('MaxPods', 'maxReplicas is the upper limit for the number of pods that can be set by the autoscaler.', (o) => o.spec?.maxReplicas ?? 0),
    strNum('Replicas', 'currentReplicas is current number of replicas of pods managed by this autoscaler.', (o) => o.status?.currentReplicas ?? 0),
    ageColumn,
  ],
};
