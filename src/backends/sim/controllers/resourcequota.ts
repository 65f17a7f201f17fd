import { evaluatorForName, sumUsage } from '../admission/quota-evaluators.js';
import type { Api } from '../api/types.js';
import type { KObject, ResourceType, StoreChange } from '../types.js';
import { WorkQueue, type SyncResult } from './queue.js';
import { deepEqual, keyOf, splitKey, tolerate, typeOf } from './util.js';

type Dict = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * The ResourceQuota controller (kube-controller-manager's resourcequota controller with the
 * evaluators of pkg/quota/v1/evaluator/core): a quota's `status.hard` is its `spec.hard`, and
 * `status.used` has, for each resource it limits, what the namespace's objects use. Recomputed
 * whenever an object of the namespace changes; written only on a real difference. What each
 * resource counts is the evaluators' table (admission/quota-evaluators.ts), shared with quota admission.
 */
export class ResourceQuotaController {
  readonly queue: WorkQueue;
  private readonly quotas: ResourceType;

  constructor(private readonly api: Api) {
    this.quotas = typeOf(api, 'resourcequotas');
    this.queue = new WorkQueue('resourcequota-controller', api.ctx.clock, (key) => this.sync(key));
  }

  /** Enqueues a changed quota, and every quota of the namespace an object changed in. */
  handle(change: StoreChange): void {
    const ns = change.object.metadata.namespace;
    if (!ns) return;
    if (change.resource === this.quotas) {
      if (change.type !== 'DELETED') this.queue.add(keyOf(change.object));
      return;
    }
    if (change.resource.resource === 'events' || change.resource.resource === 'leases') return;
    for (const q of this.api.list(this.quotas, ns).items) this.queue.add(keyOf(q));
  }

  private sync(key: string): SyncResult {
    const { namespace, name } = splitKey(key);
    const quota = this.api.find(this.quotas, namespace, name) as (KObject & Dict) | undefined;
    if (!quota || quota.metadata.deletionTimestamp) return;
    const hard = { ...((quota['spec'] as Dict | undefined)?.hard ?? {}) } as Record<string, string>;
    const used: Record<string, string> = {};
    for (const resource of Object.keys(hard)) {
      const value = this.usage(resource, namespace ?? 'default', quota);
      if (value !== undefined) used[resource] = value;
    }
    const status = { hard, used };
    if (deepEqual(quota['status'], status)) return;
    tolerate(() => this.api.update(this.quotas, namespace, { ...quota, status }, { subresource: 'status' }));
  }

  /** What the namespace uses of one resource a quota names, or undefined when no evaluator measures it. */
  private usage(resource: string, namespace: string, quota: Dict): string | undefined {
    const evaluator = evaluatorForName(resource);
    const type = evaluator && this.api.resolve(evaluator.resource, evaluator.group);
    if (!evaluator || !type) return undefined;
    const objects = this.api.list(type, namespace).items as Dict[];
    return sumUsage(evaluator, objects, quota, [resource], this.api.ctx.clock.now().getTime())[resource];
  }
}
