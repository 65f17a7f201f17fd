import type { Api } from '../api/types.js';
import type { KObject, ResourceType, StoreChange } from '../types.js';
import { WorkQueue } from './queue.js';
import { compareIP, countsReady, endpointLabels, podRef, resolveTargetPort, selectedPods, serviceSelector } from './service-pods.js';
import { type Json, deepEqual, dig, keyOf, mapSelectorMatches, splitKey, timestamp, tolerate, typeOf } from './util.js';

const TRIGGER = 'endpoints.kubernetes.io/last-change-trigger-time';

/**
 * The Endpoints controller: for every service with a selector, an Endpoints object of the same
 * name with ready `addresses` and `notReadyAddresses`, grouped into subsets by port set.
 */
export class EndpointsController {
  readonly queue: WorkQueue;
  private readonly services: ResourceType;
  private readonly endpoints: ResourceType;
  private readonly pods: ResourceType;

  constructor(private readonly api: Api) {
    this.services = typeOf(api, 'services');
    this.endpoints = typeOf(api, 'endpoints');
    this.pods = typeOf(api, 'pods');
    this.queue = new WorkQueue('endpoint-controller', api.ctx.clock, (key) => this.sync(key));
  }

  /** Enqueues changed services and the services selecting changed pods. */
  handle(change: StoreChange): void {
    if (change.resource === this.services) return this.queue.add(keyOf(change.object));
    if (change.resource === this.endpoints && change.type === 'DELETED') return this.queue.add(keyOf(change.object));
    if (change.resource !== this.pods) return;
    const ns = change.object.metadata.namespace;
    for (const svc of this.api.list(this.services, ns).items) {
      const sel = serviceSelector(svc);
      if (sel && [change.object, change.old].some((p) => p && mapSelectorMatches(sel, p.metadata.labels))) this.queue.add(keyOf(svc));
    }
  }

  private sync(key: string): void {
    const { namespace, name } = splitKey(key);
    const svc = this.api.find(this.services, namespace, name);
    const existing = this.api.find(this.endpoints, namespace, name);
    if (!svc) {
      if (existing && existing.metadata.labels?.['endpoints.kubernetes.io/managed-by'] !== 'none')
        tolerate(() => this.api.delete(this.endpoints, namespace, name));
      return;
    }
    if (!serviceSelector(svc)) return;
    const subsets = this.subsets(svc);
    const labels = endpointLabels(svc);
    if (existing && deepEqual(existing['subsets'] ?? [], subsets) && deepEqual(existing.metadata.labels ?? {}, labels)) return;
    const now = timestamp(this.api.ctx.clock.now());
    const desired: KObject = {
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: {
        ...(existing?.metadata ?? { name, namespace }),
        labels: Object.keys(labels).length ? labels : undefined,
        annotations: { ...(existing?.metadata.annotations ?? {}), [TRIGGER]: now },
      },
      ...(subsets.length ? { subsets } : {}),
    };
    if (!desired.metadata.labels) delete desired.metadata.labels;
    if (existing) this.api.update(this.endpoints, namespace, desired);
    else this.api.create(this.endpoints, namespace, desired);
  }

  private subsets(svc: KObject): Json[] {
    const ports = (dig<Json[]>(svc, 'spec', 'ports') ?? []) as Json[];
    const groups = new Map<string, { ports: Json[]; addresses: Json[]; notReady: Json[] }>();
    const pods = selectedPods(svc, this.api.list(this.pods, svc.metadata.namespace).items).filter(
      (p) => !p.metadata.deletionTimestamp || dig(svc, 'spec', 'publishNotReadyAddresses') === true,
    );
    for (const pod of pods) {
      const epPorts: Json[] = [];
      for (const sp of ports) {
        const port = resolveTargetPort(sp, pod);
        if (port === undefined) continue;
        epPorts.push({
          ...(sp['name'] ? { name: sp['name'] } : {}),
          port,
          protocol: sp['protocol'] ?? 'TCP',
          ...(sp['appProtocol'] ? { appProtocol: sp['appProtocol'] } : {}),
        });
      }
      if (ports.length > 0 && epPorts.length === 0) continue;
      const address: Json = {
        ...(dig(pod, 'spec', 'hostname') && dig(pod, 'spec', 'subdomain') === svc.metadata.name ? { hostname: dig(pod, 'spec', 'hostname') } : {}),
        ip: dig(pod, 'status', 'podIP'),
        ...(dig(pod, 'spec', 'nodeName') ? { nodeName: dig(pod, 'spec', 'nodeName') } : {}),
        targetRef: podRef(pod),
      };
      const k = JSON.stringify(epPorts);
      const g = groups.get(k) ?? { ports: epPorts, addresses: [], notReady: [] };
      groups.set(k, g);
      (countsReady(svc, pod) ? g.addresses : g.notReady).push(address);
    }
    const byIP = (a: Json, b: Json) => compareIP(String(a['ip']), String(b['ip']));
    return [...groups.values()].map((g) => ({
      ...(g.addresses.length ? { addresses: g.addresses.sort(byIP) } : {}),
      ...(g.notReady.length ? { notReadyAddresses: g.notReady.sort(byIP) } : {}),
      ...(g.ports.length ? { ports: g.ports } : {}),
    }));
  }
}
