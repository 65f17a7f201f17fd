import type { Api } from '../api/types.js';
import type { KObject, StoreChange } from '../types.js';
import { pinnedNode } from './daemonset.js';
import { recordEvent } from './events.js';
import type { NodeInfo } from './nodes.js';
import { WorkQueue } from './queue.js';
import { type Json, dig, keyOf, splitKey, timestamp, typeOf } from './util.js';

function tolerates(pod: KObject, taint: Json): boolean {
  const tolerations = (dig<Json[]>(pod, 'spec', 'tolerations') ?? []) as Json[];
  return tolerations.some((t) => {
    if (t['effect'] && t['effect'] !== taint['effect']) return false;
    if (t['operator'] === 'Exists') return !t['key'] || t['key'] === taint['key'];
    return t['key'] === taint['key'] && (t['value'] ?? '') === (taint['value'] ?? '');
  });
}

/**
 * The default scheduler: binds pending pods to the feasible node running the fewest pods (ties go
 * to the first node), honouring nodeSelector, spec.nodeName and NoSchedule taints.
 */
export class Scheduler {
  readonly queue: WorkQueue;
  private readonly pods;
  private readonly nodeType;

  constructor(private readonly api: Api, private readonly nodes: readonly NodeInfo[]) {
    this.pods = typeOf(api, 'pods');
    this.nodeType = typeOf(api, 'nodes');
    this.queue = new WorkQueue('scheduler', api.ctx.clock, (key) => this.sync(key));
  }

  /** Enqueues unbound pods. */
  handle(change: StoreChange): void {
    if (change.resource !== this.pods || change.type === 'DELETED') return;
    const pod = change.object;
    if (!dig(pod, 'spec', 'nodeName') && !pod.metadata.deletionTimestamp) this.queue.add(keyOf(pod));
  }

  private sync(key: string): void {
    const { namespace, name } = splitKey(key);
    const pod = this.api.find(this.pods, namespace, name);
    if (!pod || dig(pod, 'spec', 'nodeName') || pod.metadata.deletionTimestamp) return;
    const schedulerName = dig<string>(pod, 'spec', 'schedulerName') ?? 'default-scheduler';
    if (schedulerName !== 'default-scheduler') return;
    const selector = dig<Record<string, string>>(pod, 'spec', 'nodeSelector') ?? {};
    const candidates = this.nodes.map((n) => ({ info: n, node: this.api.find(this.nodeType, undefined, n.name) }));
    const pinned = pinnedNode(pod);
    const feasible = candidates.filter(({ info, node }) => {
      if (!node || (pinned !== undefined && info.name !== pinned)) return false;
      const labels = node.metadata.labels ?? {};
      if (!Object.entries(selector).every(([k, v]) => labels[k] === v)) return false;
      const taints = (dig<Json[]>(node, 'spec', 'taints') ?? []).filter((t) => t['effect'] === 'NoSchedule' || t['effect'] === 'NoExecute');
      return taints.every((t) => tolerates(pod, t));
    });
    if (feasible.length === 0) return this.unschedulable(pod, candidates.length, selector);
    const load = new Map<string, number>();
    for (const p of this.api.list(this.pods, undefined).items) {
      const n = dig<string>(p, 'spec', 'nodeName');
      const phase = dig<string>(p, 'status', 'phase');
      if (n && phase !== 'Succeeded' && phase !== 'Failed') load.set(n, (load.get(n) ?? 0) + 1);
    }
    const target = feasible.reduce((best, c) => ((load.get(c.info.name) ?? 0) < (load.get(best.info.name) ?? 0) ? c : best));
    this.bind(pod, target.info.name);
    const bound = this.api.find(this.pods, namespace, name) ?? pod;
    recordEvent(this.api, bound, 'Normal', 'Scheduled', `Successfully assigned ${namespace}/${name} to ${target.info.name}`, 'default-scheduler', undefined, {
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

  private unschedulable(pod: KObject, total: number, selector: Record<string, string>): void {
    const why = Object.keys(selector).length
      ? `${total} node(s) didn't match Pod's node affinity/selector`
      : `${total} node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }`;
    const message = `0/${total} nodes are available: ${why}. preemption: 0/${total} nodes are available: ${total} Preemption is not helpful for scheduling.`;
    const conditions = (dig<Json[]>(pod, 'status', 'conditions') ?? []).filter((c) => c['type'] !== 'PodScheduled');
    const existing = (dig<Json[]>(pod, 'status', 'conditions') ?? []).find((c) => c['type'] === 'PodScheduled');
    if (existing?.['message'] === message) return;
    const condition = { lastProbeTime: null, lastTransitionTime: timestamp(this.api.ctx.clock.now()), message, reason: 'Unschedulable', status: 'False', type: 'PodScheduled' };
    const status = { ...((pod['status'] as Json) ?? {}), phase: 'Pending', conditions: [...conditions, condition] };
    const updated = this.api.update(this.pods, pod.metadata.namespace, { ...pod, status }, { subresource: 'status' });
    recordEvent(this.api, updated, 'Warning', 'FailedScheduling', message, 'default-scheduler', undefined, {
      action: 'Scheduling',
      instance: `default-scheduler-${this.nodes[0]?.name ?? 'kind-control-plane'}`,
    });
  }
}
