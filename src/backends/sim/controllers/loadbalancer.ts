import type { Api } from '../api/types.js';
import type { StoreChange } from '../types.js';
import { recordEvent } from './events.js';
import { WorkQueue } from './queue.js';
import { type Json, dig, keyOf, splitKey, typeOf } from './util.js';

/**
 * The service controller of a cloud provider (as cloud-provider-kind does it): LoadBalancer
 * services get `status.loadBalancer.ingress` with an address from 172.18.255.0/24. Without
 * `SimContext.loadBalancer`, nothing answers and EXTERNAL-IP stays `<pending>`, as on plain kind.
 */
export class LoadBalancerController {
  readonly queue: WorkQueue;
  private readonly services;
  private next = 1;

  constructor(private readonly api: Api) {
    this.services = typeOf(api, 'services');
    this.queue = new WorkQueue('service-controller', api.ctx.clock, (key) => this.sync(key));
  }

  /** Enqueues LoadBalancer services. */
  handle(change: StoreChange): void {
    if (change.resource !== this.services || change.type === 'DELETED' || !this.api.ctx.loadBalancer) return;
    if (dig(change.object, 'spec', 'type') === 'LoadBalancer') this.queue.add(keyOf(change.object));
  }

  private sync(key: string): void {
    const { namespace, name } = splitKey(key);
    const svc = this.api.find(this.services, namespace, name);
    if (!svc || dig(svc, 'spec', 'type') !== 'LoadBalancer' || svc.metadata.deletionTimestamp) return;
    if ((dig<Json[]>(svc, 'status', 'loadBalancer', 'ingress') ?? []).length > 0) return;
    const used = new Set(
      this.api.list(this.services, undefined).items.flatMap((s) => (dig<Json[]>(s, 'status', 'loadBalancer', 'ingress') ?? []).map((i) => i['ip'])),
    );
    while (used.has(`172.18.255.${this.next}`)) this.next++;
    const ip = `172.18.255.${this.next++}`;
    recordEvent(this.api, svc, 'Normal', 'EnsuringLoadBalancer', 'Ensuring load balancer', 'service-controller');
    const status = { ...((svc['status'] as Json) ?? {}), loadBalancer: { ingress: [{ ip, ipMode: 'VIP' }] } };
    const updated = this.api.update(this.services, namespace, { ...svc, status }, { subresource: 'status' });
    recordEvent(this.api, updated, 'Normal', 'EnsuredLoadBalancer', 'Ensured load balancer', 'service-controller');
  }
}
