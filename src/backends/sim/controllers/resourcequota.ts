import { podQOSClass } from '../admission/pod-plugins.js';
import { sumQuantities } from '../admission/quantity.js';
import type { Api } from '../api/types.js';
import type { KObject, ResourceType, StoreChange } from '../types.js';
import { WorkQueue, type SyncResult } from './queue.js';
import { deepEqual, keyOf, splitKey, tolerate, typeOf } from './util.js';

type Dict = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * The ResourceQuota controller (kube-controller-manager's resourcequota controller with the
 * evaluators of pkg/quota/v1/evaluator/core): a quota's `status.hard` is its `spec.hard`, and
 * `status.used` has, for each resource it limits, what the namespace's objects use. Recomputed
 * whenever an object of the namespace changes; written only on a real difference.
 */

/** Pod resources summed from the containers' requests (`requests.cpu`, and the bare `cpu`) or limits. */
const POD_COMPUTE = /^(?:(requests|limits)\.)?(cpu|memory|ephemeral-storage|hugepages-.+)$|^requests\.(.+\/.+)$/;

/** Object counts by quota resource name (`configmaps`, the legacy names of core types). */
const LEGACY_COUNTS: Readonly<Record<string, { resource: string; group: string }>> = {
  configmaps: { resource: 'configmaps', group: '' },
  secrets: { resource: 'secrets', group: '' },
  services: { resource: 'services', group: '' },
  persistentvolumeclaims: { resource: 'persistentvolumeclaims', group: '' },
  replicationcontrollers: { resource: 'replicationcontrollers', group: '' },
  resourcequotas: { resource: 'resourcequotas', group: '' },
};

/** QuotaV1Pod: a pod counts until it is terminal or its deletion's grace period has passed. */
function podCounts(pod: KObject, now: number): boolean {
  const phase = (pod['status'] as Dict | undefined)?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') return false;
  const deletion = pod.metadata.deletionTimestamp;
  const grace = pod.metadata.deletionGracePeriodSeconds;
  return !(deletion && grace !== undefined && now > Date.parse(deletion) + grace * 1000);
}

/** A pod's requests or limits of one resource (resourcehelper.PodRequests: containers summed, the largest init container, overhead). */
function podAmount(spec: Dict, kind: 'requests' | 'limits', resource: string): unknown[] {
  const of = (c: Dict): unknown => c?.resources?.[kind]?.[resource];
  const main = ((spec.containers ?? []) as Dict[]).map(of).filter((v) => v !== undefined);
  const init = ((spec.initContainers ?? []) as Dict[])
    .filter((c) => c.restartPolicy !== 'Always')
    .map(of)
    .filter((v) => v !== undefined);
  const sidecars = ((spec.initContainers ?? []) as Dict[])
    .filter((c) => c.restartPolicy === 'Always')
    .map(of)
    .filter((v) => v !== undefined);
  const running = [...sidecars, ...main];
  const total = sumQuantities(running);
  const biggestInit = init.reduce<unknown>((a, v) => (a === undefined || compare(v, a) > 0 ? v : a), undefined);
  const values = biggestInit !== undefined && compare(biggestInit, total) > 0 ? [biggestInit] : running;
  const overhead = spec.overhead?.[resource];
  return overhead !== undefined && values.length ? [...values, overhead] : values;
}

function compare(a: unknown, b: unknown): number {
  const diff = sumQuantities([a, `-${String(b)}`]);
  return diff.startsWith('-') ? -1 : diff === '0' ? 0 : 1;
}

/** Whether a pod is in a quota's scopes (pkg/quota/v1/evaluator/core/pods.go podMatchesScopeFunc). */
function podInScopes(pod: KObject, quota: Dict): boolean {
  const spec = (pod['spec'] ?? {}) as Dict;
  const bestEffort = podQOSClass(spec) === 'BestEffort';
  const terminating = spec.activeDeadlineSeconds !== undefined && spec.activeDeadlineSeconds !== null && spec.activeDeadlineSeconds >= 0;
  const scopes: { scopeName: string; operator?: string; values?: string[] }[] = [
    ...((quota.spec?.scopes ?? []) as string[]).map((scopeName) => ({ scopeName, operator: 'Exists' })),
    ...((quota.spec?.scopeSelector?.matchExpressions ?? []) as { scopeName: string; operator?: string; values?: string[] }[]),
  ];
  return scopes.every((s) => {
    switch (s.scopeName) {
      case 'Terminating':
        return terminating;
      case 'NotTerminating':
        return !terminating;
      case 'BestEffort':
        return bestEffort;
      case 'NotBestEffort':
        return !bestEffort;
      case 'PriorityClass': {
        const name = spec.priorityClassName as string | undefined;
        if (s.operator === 'Exists') return !!name;
        if (s.operator === 'DoesNotExist') return !name;
        const listed = (s.values ?? []).includes(name ?? '');
        return s.operator === 'NotIn' ? !listed : listed;
      }
      default:
        return false;
    }
  });
}

/** Whether a quota has scopes, which restrict it to pods. */
const scoped = (quota: Dict): boolean => ((quota.spec?.scopes ?? []) as unknown[]).length > 0 || !!quota.spec?.scopeSelector?.matchExpressions?.length;

export class ResourceQuotaController {
  readonly queue: WorkQueue;
  private readonly quotas: ResourceType;
  private readonly pods: ResourceType;

  constructor(private readonly api: Api) {
    this.quotas = typeOf(api, 'resourcequotas');
    this.pods = typeOf(api, 'pods');
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

  /** What the namespace uses of one resource a quota names, or undefined when no evaluator knows it. */
  private usage(resource: string, namespace: string, quota: Dict): string | undefined {
    const now = this.api.ctx.clock.now().getTime();
    const pods = () => this.api.list(this.pods, namespace).items.filter((p) => podCounts(p, now) && podInScopes(p, quota));
    if (resource === 'pods' || resource === 'count/pods') return sumQuantities(pods().map(() => '1'));
    const compute = POD_COMPUTE.exec(resource);
    if (compute) {
      // The BestEffort scope tracks the pod count only.
      if (((quota.spec?.scopes ?? []) as string[]).includes('BestEffort')) return undefined;
      const kind = compute[1] === 'limits' ? 'limits' : 'requests';
      const name = compute[2] ?? compute[3]!;
      return sumQuantities(pods().flatMap((p) => podAmount((p['spec'] ?? {}) as Dict, kind, name)));
    }
    if (scoped(quota)) return undefined;
    const count = /^count\/([a-z0-9-]+)(?:\.(.+))?$/.exec(resource);
    const target = count ? { resource: count[1]!, group: count[2] ?? '' } : LEGACY_COUNTS[resource];
    if (target) {
      const type = this.api.resolve(target.resource, target.group);
      return type ? sumQuantities(this.api.list(type, namespace).items.map(() => '1')) : undefined;
    }
    const services = () => this.api.list(typeOf(this.api, 'services'), namespace).items.map((s) => (s['spec'] ?? {}) as Dict);
    if (resource === 'services.loadbalancers')
      return sumQuantities(
        services()
          .filter((s) => s.type === 'LoadBalancer')
          .map(() => '1'),
      );
    if (resource === 'services.nodeports')
      return sumQuantities(
        services()
          .filter((s) => s.type === 'NodePort' || (s.type === 'LoadBalancer' && s.allocateLoadBalancerNodePorts !== false))
          .flatMap((s) => ((s.ports ?? []) as unknown[]).map(() => '1')),
      );
    if (resource === 'requests.storage' || /^.+\.storageclass\.storage\.k8s\.io\/(?:requests\.storage|persistentvolumeclaims)$/.test(resource)) {
      const claims = this.api.list(typeOf(this.api, 'persistentvolumeclaims'), namespace).items.map((c) => (c['spec'] ?? {}) as Dict);
      const perClass = /^(.+)\.storageclass\.storage\.k8s\.io\/(.+)$/.exec(resource);
      const chosen = perClass ? claims.filter((c) => c.storageClassName === perClass[1]) : claims;
      if (perClass?.[2] === 'persistentvolumeclaims') return sumQuantities(chosen.map(() => '1'));
      return sumQuantities(chosen.map((c) => c.resources?.requests?.storage).filter((v) => v !== undefined));
    }
    return undefined;
  }
}
