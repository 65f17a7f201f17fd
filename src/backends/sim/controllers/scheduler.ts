import type { Api } from '../api/types.js';
import type { KObject, StoreChange } from '../types.js';
import { recordEvent } from './events.js';
import type { NodeInfo } from './nodes.js';
import { WorkQueue } from './queue.js';
import { type NodeRejection, type NodeUsage, failedSchedulingMessage, filterNode, podRequests } from './scheduler-filters.js';
import { type Json, dig, keyOf, splitKey, timestamp, typeOf } from './util.js';

/**
 * The default scheduler: binds pending pods to the feasible node running the fewest pods (ties go
 * to the first node), honouring cordoned nodes, NoSchedule taints, nodeSelector and DaemonSet
 * node affinity, and resource requests against the node's allocatable. A pod that fits nowhere
 * stays Pending with the FailedScheduling event and is tried again when pods or nodes change.
 */
export class Scheduler {
  readonly queue: WorkQueue;
  private readonly pods;
  private readonly nodeType;
  /** Pods that fit nowhere last time, retried when room may have appeared. */
  private readonly unschedulableKeys = new Set<string>();

  constructor(
    private readonly api: Api,
    private readonly nodes: readonly NodeInfo[],
  ) {
    this.pods = typeOf(api, 'pods');
    this.nodeType = typeOf(api, 'nodes');
    this.queue = new WorkQueue('scheduler', api.ctx.clock, (key) => this.sync(key));
  }

  /** Enqueues unbound pods; a change that may free room (a pod gone or finished, a node changed) retries the unschedulable ones. */
  handle(change: StoreChange): void {
    if (change.resource === this.nodeType) return this.retryUnschedulable();
    if (change.resource !== this.pods) return;
    const pod = change.object;
    if (change.type === 'DELETED') {
      this.unschedulableKeys.delete(keyOf(pod));
      if (dig(pod, 'spec', 'nodeName')) this.retryUnschedulable();
      return;
    }
    const phase = dig<string>(pod, 'status', 'phase');
    if (dig(pod, 'spec', 'nodeName') && (phase === 'Succeeded' || phase === 'Failed') && dig(change.old, 'status', 'phase') !== phase)
      this.retryUnschedulable();
    if (!dig(pod, 'spec', 'nodeName') && !pod.metadata.deletionTimestamp) this.queue.add(keyOf(pod));
  }

  private retryUnschedulable(): void {
    for (const key of this.unschedulableKeys) this.queue.add(key);
  }

  /**
   * Usage computed once for a run of syncs in the same turn (a queue drain), kept current with the
   * pods this scheduler binds meanwhile: listing every pod for every pod to schedule made placing
   * 1,000 pods take minutes. Nothing else changes pods within the turn (other controllers and the
   * kubelet act from their own queues and timers); the next turn lists again.
   */
  private cachedUsage: Map<string, NodeUsage> | undefined;

  private usage(): Map<string, NodeUsage> {
    if (!this.cachedUsage) {
      this.cachedUsage = this.listUsage();
      queueMicrotask(() => (this.cachedUsage = undefined));
    }
    return this.cachedUsage;
  }

  /** Counts a pod just bound to `nodeName` in the turn's usage. */
  private countBound(pod: KObject, nodeName: string): void {
    const usage = this.cachedUsage;
    if (!usage) return;
    const u = usage.get(nodeName) ?? { requested: new Map(), pods: 0 };
    u.pods++;
    for (const [k, v] of podRequests(pod)) u.requested.set(k, (u.requested.get(k) ?? 0) + v);
    usage.set(nodeName, u);
  }

  /** What each node has committed to its non-terminal pods. */
  private listUsage(): Map<string, NodeUsage> {
    const out = new Map<string, NodeUsage>();
    for (const p of this.api.list(this.pods, undefined).items) {
      const n = dig<string>(p, 'spec', 'nodeName');
      const phase = dig<string>(p, 'status', 'phase');
      if (!n || phase === 'Succeeded' || phase === 'Failed') continue;
      const u = out.get(n) ?? { requested: new Map(), pods: 0 };
      u.pods++;
      for (const [k, v] of podRequests(p)) u.requested.set(k, (u.requested.get(k) ?? 0) + v);
      out.set(n, u);
    }
    return out;
  }

  private sync(key: string): void {
    const { namespace, name } = splitKey(key);
    const pod = this.api.find(this.pods, namespace, name);
    if (!pod || dig(pod, 'spec', 'nodeName') || pod.metadata.deletionTimestamp) return;
    const schedulerName = dig<string>(pod, 'spec', 'schedulerName') ?? 'default-scheduler';
    if (schedulerName !== 'default-scheduler') return;
    const usage = this.usage();
    const empty: NodeUsage = { requested: new Map(), pods: 0 };
    const rejections: NodeRejection[] = [];
    const feasible: NodeInfo[] = [];
    for (const info of this.nodes) {
      const node = this.api.find(this.nodeType, undefined, info.name);
      if (!node) continue;
      const rejection = filterNode(pod, node, usage.get(info.name) ?? empty);
      if (rejection) rejections.push(rejection);
      else feasible.push(info);
    }
    if (feasible.length === 0) {
      this.unschedulableKeys.add(key);
      return this.unschedulable(pod, failedSchedulingMessage(pod, rejections));
    }
    this.unschedulableKeys.delete(key);
    const load = new Map([...usage].map(([n, u]) => [n, u.pods]));
    const target = feasible.reduce((best, c) => ((load.get(c.name) ?? 0) < (load.get(best.name) ?? 0) ? c : best));
    this.bind(pod, target.name);
    this.countBound(pod, target.name);
    const bound = this.api.find(this.pods, namespace, name) ?? pod;
    recordEvent(this.api, bound, 'Normal', 'Scheduled', `Successfully assigned ${namespace}/${name} to ${target.name}`, 'default-scheduler', undefined, {
      action: 'Binding',
      instance: `default-scheduler-${this.nodes[0]?.name ?? 'kind-control-plane'}`,
    });
  }

  private bind(pod: KObject, nodeName: string): void {
    const bindings = this.api.resolve('bindings', '');
    if (bindings) {
      this.api.create(bindings, pod.metadata.namespace, {
        apiVersion: 'v1',
        kind: 'Binding',
        metadata: { name: pod.metadata.name, namespace: pod.metadata.namespace, uid: pod.metadata.uid },
        target: { apiVersion: 'v1', kind: 'Node', name: nodeName },
      });
      return;
    }
    this.api.update(this.pods, pod.metadata.namespace, { ...pod, spec: { ...(pod['spec'] as Json), nodeName } });
  }

  private unschedulable(pod: KObject, message: string): void {
    const conditions = (dig<Json[]>(pod, 'status', 'conditions') ?? []).filter((c) => c['type'] !== 'PodScheduled');
    const existing = (dig<Json[]>(pod, 'status', 'conditions') ?? []).find((c) => c['type'] === 'PodScheduled');
    if (existing?.['message'] === message) return;
    const condition = {
      lastProbeTime: null,
      lastTransitionTime: timestamp(this.api.ctx.clock.now()),
      message,
      reason: 'Unschedulable',
      status: 'False',
      type: 'PodScheduled',
    };
    const status = { ...((pod['status'] as Json) ?? {}), phase: 'Pending', conditions: [...conditions, condition] };
    const updated = this.api.update(this.pods, pod.metadata.namespace, { ...pod, status }, { subresource: 'status' });
    recordEvent(this.api, updated, 'Warning', 'FailedScheduling', message, 'default-scheduler', undefined, {
      action: 'Scheduling',
      instance: `default-scheduler-${this.nodes[0]?.name ?? 'kind-control-plane'}`,
    });
  }
}
