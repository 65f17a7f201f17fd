import type { Dict } from '../admission/util.js';
import { ageColumn, formatLabels, items, nameColumn, type Printer, sortedUnique, str, strNum } from './columns.js';
import { since } from './duration.js';

/** Printers for core/v1 resources. */

/** The External-IP cell of a Service. */
export function serviceExternalIP(svc: Dict): string {
  const spec: Dict = svc.spec ?? {};
  const externalIPs: string[] = Array.isArray(spec.externalIPs) ? spec.externalIPs : [];
  switch (spec.type) {
    case 'ClusterIP':
    case 'NodePort':
      return externalIPs.length ? externalIPs.join(',') : '<none>';
    case 'LoadBalancer': {
      const lb = sortedUnique(
        items(svc.status?.loadBalancer?.ingress)
          .map((i) => i.ip || i.hostname)
          .filter(Boolean) as string[],
      );
      const all = [...lb, ...externalIPs];
      return all.length ? all.join(',') : '<pending>';
    }
    case 'ExternalName':
      return spec.externalName ?? '';
    default:
      return '<unknown>';
  }
}

/** The Port(s) cell: `80/TCP`, `80:31234/TCP,443:30443/TCP`, or `<none>`. */
export function servicePorts(svc: Dict): string {
  const ports = items(svc.spec?.ports).map((p) => (p.nodePort > 0 ? `${p.port}:${p.nodePort}/${p.protocol ?? ''}` : `${p.port}/${p.protocol ?? ''}`));
  return ports.length ? ports.join(',') : '<none>';
}

/** Services: Type, Cluster-IP, External-IP, Port(s), Age; wide Selector. */
export const servicePrinter: Printer = {
  columns: [
    nameColumn,
    str('Type', 'type determines how the Service is exposed.', (o) => o.spec?.type ?? ''),
    str(
      'Cluster-IP',
      'clusterIP is the IP address of the service and is usually assigned randomly.',
      (o) => (o.spec?.clusterIPs?.[0] as string | undefined) || o.spec?.clusterIP || '<none>',
    ),
    str('External-IP', 'externalIPs is a list of IP addresses for which nodes in the cluster will also accept traffic for this service.', serviceExternalIP),
    str('Port(s)', 'The list of ports that are exposed by this service.', servicePorts),
    ageColumn,
    str('Selector', 'Route service traffic to pods with label keys and values matching this selector.', (o) => formatLabels(o.spec?.selector), 1),
  ],
};

/** The Endpoints cell: `ip:port` pairs, three at most, then ` + N more...`; `<none>` without subsets. */
export function formatEndpoints(ep: Dict): string {
  const subsets = items(ep.subsets);
  if (!subsets.length) return '<none>';
  const list: string[] = [];
  for (const ss of subsets) {
    const addresses = items(ss.addresses);
    const ports = items(ss.ports);
    if (!ports.length) list.push(...addresses.map((a) => a.ip as string));
    for (const port of ports) {
      for (const a of addresses) list.push(String(a.ip).includes(':') ? `[${a.ip}]:${port.port}` : `${a.ip}:${port.port}`);
    }
  }
  return list.length > 3 ? `${list.slice(0, 3).join(',')} + ${list.length - 3} more...` : list.join(',');
}

/** Endpoints: Endpoints, Age. */
export const endpointsPrinter: Printer = {
  columns: [nameColumn, str('Endpoints', 'The set of all endpoints is the union of all subsets.', formatEndpoints), ageColumn],
};

const count = (v: unknown) => (v && typeof v === 'object' ? Object.keys(v).length : 0);

/** ConfigMaps: Data, Age. */
export const configMapPrinter: Printer = {
  columns: [nameColumn, strNum('Data', 'Data contains the configuration data.', (o) => count(o.data) + count(o.binaryData)), ageColumn],
};

/** Secrets: Type, Data, Age. */
export const secretPrinter: Printer = {
  columns: [
    nameColumn,
    str('Type', 'Used to facilitate programmatic handling of secret data.', (o) => o.type ?? ''),
    strNum('Data', 'Data contains the secret data.', (o) => count(o.data)),
    ageColumn,
  ],
};

/** ServiceAccounts: Secrets, Age. */
export const serviceAccountPrinter: Printer = {
  columns: [
    nameColumn,
    strNum(
      'Secrets',
      'Secrets is a list of the secrets in the same namespace that pods running using this ServiceAccount are allowed to use.',
      (o) => items(o.secrets).length,
    ),
    ageColumn,
  ],
};

/** Namespaces: Status, Age. */
export const namespacePrinter: Printer = {
  columns: [nameColumn, str('Status', 'The status of the namespace', (o) => o.status?.phase ?? ''), ageColumn],
};

/** The Status cell of a Node: `Ready`, `NotReady`, `Unknown`, plus `SchedulingDisabled`. */
export function nodeStatus(node: Dict): string {
  const ready = items(node.status?.conditions).find((c) => c.type === 'Ready');
  const status = ready ? [ready.status === 'True' ? 'Ready' : 'NotReady'] : ['Unknown'];
  if (node.spec?.unschedulable) status.push('SchedulingDisabled');
  return status.join(',');
}

/** The Roles cell of a Node, from `node-role.kubernetes.io/*` and `kubernetes.io/role` labels. */
export function nodeRoles(node: Dict): string {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries((node.metadata?.labels ?? {}) as Record<string, string>)) {
    if (k.startsWith('node-role.kubernetes.io/')) {
      const role = k.slice('node-role.kubernetes.io/'.length);
      if (role) roles.add(role);
    } else if (k === 'kubernetes.io/role' && v) roles.add(v);
  }
  return roles.size ? [...roles].sort().join(',') : '<none>';
}

const nodeAddress = (type: string) => (o: Dict) => items(o.status?.addresses).find((a) => a.type === type)?.address ?? '<none>';
const nodeInfo = (key: string) => (o: Dict) => o.status?.nodeInfo?.[key] || '<unknown>';

/** Nodes: Status, Roles, Age, Version; wide Internal-IP, External-IP, OS-Image, Kernel-Version, Container-Runtime. */
export const nodePrinter: Printer = {
  columns: [
    nameColumn,
    str('Status', 'The status of the node', nodeStatus),
    str('Roles', 'The roles of the node', nodeRoles),
    ageColumn,
    str('Version', 'Kubelet Version reported by the node.', (o) => o.status?.nodeInfo?.kubeletVersion ?? ''),
    str('Internal-IP', 'List of addresses reachable to the node.', nodeAddress('InternalIP'), 1),
    str('External-IP', 'List of addresses reachable to the node.', nodeAddress('ExternalIP'), 1),
    str('OS-Image', 'OS Image reported by the node from /etc/os-release (e.g. Debian GNU/Linux 7 (wheezy)).', nodeInfo('osImage'), 1),
    str('Kernel-Version', "Kernel Version reported by the node from 'uname -r' (e.g. 3.16.0-0.bpo.4-amd64).", nodeInfo('kernelVersion'), 1),
    str(
      'Container-Runtime',
      'ContainerRuntime Version reported by the node through runtime remote API (e.g. containerd://1.4.2).',
      nodeInfo('containerRuntimeVersion'),
      1,
    ),
  ],
};

/** Event timestamps: core/v1 fields, falling back to events.k8s.io names and eventTime. */
function eventTimes(e: Dict, now: Date): { first: string; last: string; count: number } {
  const firstTs = e.firstTimestamp ?? e.deprecatedFirstTimestamp;
  const lastTs = e.lastTimestamp ?? e.deprecatedLastTimestamp;
  const first = firstTs ? since(firstTs, now) : since(e.eventTime, now);
  let last = lastTs ? since(lastTs, now) : first;
  let count = (e.count ?? e.deprecatedCount ?? 0) as number;
  if (e.series) {
    last = since(e.series.lastObservedTime, now);
    count = e.series.count ?? count;
  } else if (count === 0) count = 1;
  return { first, last, count };
}

function eventObject(e: Dict): string {
  const ref: Dict = e.involvedObject ?? e.regarding ?? {};
  const kind = String(ref.kind ?? '').toLowerCase();
  return ref.name ? `${kind}/${ref.name}` : kind;
}

function eventSource(e: Dict): string {
  const component = e.source?.component || e.reportingController || e.reportingComponent || '';
  const host = e.source?.host || e.reportingInstance || '';
  return host ? `${component}, ${host}` : component;
}

/** Events: Last Seen, Type, Reason, Object, Message; wide Subobject, Source, First Seen, Count, Name. */
export const eventPrinter: Printer = {
  columns: [
    str('Last Seen', 'Deprecated field assuring backward compatibility with core.v1 Event type', (o, c) => eventTimes(o, c.now).last),
    str('Type', 'Type of this event (Normal, Warning), new types could be added in the future.', (o) => o.type ?? ''),
    str(
      'Reason',
      "This should be a short, machine understandable string that gives the reason for the transition into the object's current status.",
      (o) => o.reason ?? '',
    ),
    str('Object', 'The object this Event is about.', eventObject),
    str(
      'Subobject',
      'If referring to a piece of an object instead of an entire object, this string should contain a valid JSON/Go field access statement.',
      (o) => (o.involvedObject ?? o.regarding)?.fieldPath ?? '',
      1,
    ),
    str('Source', 'Name of the controller that emitted this Event.', eventSource, 1),
    str('Message', 'A human-readable description of the status of this operation.', (o) => String(o.message ?? o.note ?? '').trim()),
    str('First Seen', 'Deprecated field assuring backward compatibility with core.v1 Event type', (o, c) => eventTimes(o, c.now).first, 1),
    str('Count', 'Deprecated field assuring backward compatibility with core.v1 Event type', (o, c) => eventTimes(o, c.now).count, 1),
    { ...nameColumn, priority: 1 },
  ],
};
