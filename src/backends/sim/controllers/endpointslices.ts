import type { Api } from '../api/types.js';
import type { KObject, ResourceType, StoreChange } from '../types.js';
import { isReady } from './pods.js';
import { WorkQueue } from './queue.js';
import { compareIP, endpointLabels, podRef, resolveTargetPort, selectedPods, serviceSelector } from './service-pods.js';
import { type Json, controllerRef, deepEqual, dig, keyOf, mapSelectorMatches, ownerRefTo, splitKey, timestamp, tolerate, typeOf } from './util.js';

const MANAGED_BY = 'endpointslice.kubernetes.io/managed-by';
const CONTROLLER = 'endpointslice-controller.k8s.io';
const SERVICE_NAME = 'kubernetes.io/service-name';
const TRIGGER = 'endpoints.kubernetes.io/last-change-trigger-time';

/**
 * The EndpointSlice controller: `<service>-xxxxx` slices (addressType IPv4), one per distinct set
 * of resolved ports, with ready/serving/terminating conditions; an empty placeholder slice when no
 * pod matches. Ports always carry `name` (empty when unnamed), as the real controller writes them.
 */
export class EndpointSliceController {
  readonly queue: WorkQueue;
  private readonly services: ResourceType;
  private readonly slices: ResourceType;
  private readonly pods: ResourceType;

  constructor(private readonly api: Api) {
    this.services = typeOf(api, 'services');
    this.slices = typeOf(api, 'endpointslices', 'discovery.k8s.io');
    this.pods = typeOf(api, 'pods');
    this.queue = new WorkQueue('endpointslice-controller', api.ctx.clock, (key) => this.sync(key));
  }

  /** Enqueues changed services, services selecting changed pods, and owners of changed slices. */
  handle(change: StoreChange): void {
    const o = change.object;
    if (change.resource === this.services) return this.queue.add(keyOf(o));
    if (change.resource === this.slices) {
      const svc = o.metadata.labels?.[SERVICE_NAME];
      if (svc && o.metadata.labels?.[MANAGED_BY] === CONTROLLER) this.queue.add(`${o.metadata.namespace}/${svc}`);
      return;
    }
    if (change.resource !== this.pods) return;
    for (const svc of this.api.list(this.services, o.metadata.namespace).items) {
      const sel = serviceSelector(svc);
      if (sel && [o, change.old].some((p) => p && mapSelectorMatches(sel, p.metadata.labels))) this.queue.add(keyOf(svc));
    }
  }

  private sync(key: string): void {
    const { namespace, name } = splitKey(key);
    const svc = this.api.find(this.services, namespace, name);
    const mine = this.api
      .list(this.slices, namespace)
      .items.filter((s) => s.metadata.labels?.[SERVICE_NAME] === name && s.metadata.labels?.[MANAGED_BY] === CONTROLLER);
    if (!svc || !serviceSelector(svc)) {
      for (const s of mine) tolerate(() => this.api.delete(this.slices, namespace, String(s.metadata.name)));
      return;
    }
    const desired = this.desired(svc);
    const labels = { ...endpointLabels(svc), [SERVICE_NAME]: name, [MANAGED_BY]: CONTROLLER };
    const unused = mine.filter((s) => controllerRef(s)?.uid === svc.metadata.uid);
    for (const s of mine) if (!unused.includes(s)) tolerate(() => this.api.delete(this.slices, namespace, String(s.metadata.name)));
    const now = timestamp(this.api.ctx.clock.now());
    for (const want of desired) {
      const match = unused.find((s) => deepEqual(s['ports'] ?? null, want.ports)) ?? unused[0];
      if (match) {
        unused.splice(unused.indexOf(match), 1);
        if (deepEqual(match['endpoints'] ?? null, want.endpoints) && deepEqual(match['ports'] ?? null, want.ports) && deepEqual(match.metadata.labels, labels))
          continue;
        this.api.update(this.slices, namespace, {
          ...match,
          metadata: { ...match.metadata, labels, annotations: { ...(match.metadata.annotations ?? {}), [TRIGGER]: now } },
          endpoints: want.endpoints,
          ports: want.ports,
        });
        continue;
      }
      this.api.create(this.slices, namespace, {
        apiVersion: 'discovery.k8s.io/v1',
        kind: 'EndpointSlice',
        metadata: { generateName: `${name}-`, namespace, labels, annotations: { [TRIGGER]: now }, ownerReferences: [ownerRefTo(svc)] },
        addressType: 'IPv4',
        endpoints: want.endpoints,
        ports: want.ports,
      });
    }
    for (const s of unused) tolerate(() => this.api.delete(this.slices, namespace, String(s.metadata.name)));
  }

  private desired(svc: KObject): { ports: Json[] | null; endpoints: Json[] | null }[] {
    const ports = (dig<Json[]>(svc, 'spec', 'ports') ?? []) as Json[];
    const groups = new Map<string, { ports: Json[] | null; endpoints: Json[] }>();
    const publish = dig(svc, 'spec', 'publishNotReadyAddresses') === true;
    for (const pod of selectedPods(svc, this.api.list(this.pods, svc.metadata.namespace).items)) {
      const epPorts: Json[] = [];
      for (const sp of ports) {
        const port = resolveTargetPort(sp, pod);
        if (port === undefined) continue;
        epPorts.push({ ...(sp['appProtocol'] ? { appProtocol: sp['appProtocol'] } : {}), name: sp['name'] ?? '', port, protocol: sp['protocol'] ?? 'TCP' });
      }
      const terminating = pod.metadata.deletionTimestamp !== undefined;
      const serving = isReady(pod) || publish;
      const endpoint: Json = {
        addresses: [dig(pod, 'status', 'podIP')],
        conditions: { ready: serving && !terminating, serving, terminating },
        ...(dig(pod, 'spec', 'hostname') && dig(pod, 'spec', 'subdomain') === svc.metadata.name ? { hostname: dig(pod, 'spec', 'hostname') } : {}),
        ...(dig(pod, 'spec', 'nodeName') ? { nodeName: dig(pod, 'spec', 'nodeName') } : {}),
        targetRef: podRef(pod),
      };
      const k = JSON.stringify(epPorts);
      const g = groups.get(k) ?? { ports: epPorts, endpoints: [] };
      groups.set(k, g);
      g.endpoints.push(endpoint);
    }
    if (groups.size === 0) return [{ ports: null, endpoints: null }];
    const byIP = (a: Json, b: Json) => compareIP(String((a['addresses'] as string[])[0]), String((b['addresses'] as string[])[0]));
    return [...groups.values()].map((g) => ({ ports: g.ports, endpoints: g.endpoints.sort(byIP) }));
  }
}
