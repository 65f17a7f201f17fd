import type { Api } from '../api/types.js';
import type { KObject, ResourceType, StoreChange } from '../types.js';
import { recordEvent } from './events.js';
import { computeHash } from './hash.js';
import type { NodeInfo } from './nodes.js';
import { isReady } from './pods.js';
import { currentRevision, truncateHistory } from './revisions.js';
import { WorkQueue } from './queue.js';
import { type Json, clone, controllerRef, dig, keyOf, ownerRefTo, splitKey, tolerate, typeOf, ownerKey, writeStatus } from './util.js';

const COMPONENT = 'daemonset-controller';
const REVISION_LABEL = 'controller-revision-hash';

/** The tolerations the DaemonSet controller adds to every daemon pod. */
const DAEMON_TOLERATIONS: Json[] = [
  { effect: 'NoExecute', key: 'node.kubernetes.io/not-ready', operator: 'Exists' },
  { effect: 'NoExecute', key: 'node.kubernetes.io/unreachable', operator: 'Exists' },
  { effect: 'NoSchedule', key: 'node.kubernetes.io/disk-pressure', operator: 'Exists' },
  { effect: 'NoSchedule', key: 'node.kubernetes.io/memory-pressure', operator: 'Exists' },
  { effect: 'NoSchedule', key: 'node.kubernetes.io/pid-pressure', operator: 'Exists' },
  { effect: 'NoSchedule', key: 'node.kubernetes.io/unschedulable', operator: 'Exists' },
];

/** The node a daemon pod is pinned to through its required node affinity. */
export function pinnedNode(pod: KObject): string | undefined {
  const terms = dig<Json[]>(pod, 'spec', 'affinity', 'nodeAffinity', 'requiredDuringSchedulingIgnoredDuringExecution', 'nodeSelectorTerms') ?? [];
  for (const t of terms) {
    for (const f of (t['matchFields'] as Json[]) ?? []) {
      if (f['key'] === 'metadata.name' && f['operator'] === 'In') return (f['values'] as string[])?.[0];
    }
  }
  return undefined;
}

/**
 * The DaemonSet controller: one pod per node that matches the nodeSelector and whose taints the
 * pod tolerates, pinned with a `metadata.name` node affinity for the scheduler to honour.
 */
export class DaemonSetController {
  readonly queue: WorkQueue;
  private readonly sets: ResourceType;
  private readonly pods: ResourceType;
  private readonly nodeType: ResourceType;
  private readonly revisions: ResourceType | undefined;

  constructor(
    private readonly api: Api,
    private readonly nodes: readonly NodeInfo[],
  ) {
    this.sets = typeOf(api, 'daemonsets', 'apps');
    this.pods = typeOf(api, 'pods');
    this.nodeType = typeOf(api, 'nodes');
    this.revisions = api.resolve('controllerrevisions', 'apps');
    this.queue = new WorkQueue(COMPONENT, api.ctx.clock, (key) => this.sync(key));
  }

  /** Enqueues changed DaemonSets and the owners of changed pods. */
  handle(change: StoreChange): void {
    const o = change.object;
    if (change.resource === this.sets) return this.queue.add(keyOf(o));
    const owner = change.resource === this.pods ? ownerKey(o, 'DaemonSet') : undefined;
    if (owner) this.queue.add(owner);
  }

  private eligible(ds: KObject, nodeName: string): boolean {
    const node = this.api.find(this.nodeType, undefined, nodeName);
    if (!node) return false;
    const selector = dig<Record<string, string>>(ds, 'spec', 'template', 'spec', 'nodeSelector') ?? {};
    if (!Object.entries(selector).every(([k, v]) => node.metadata.labels?.[k] === v)) return false;
    const tolerations = (dig<Json[]>(ds, 'spec', 'template', 'spec', 'tolerations') ?? []) as Json[];
    return (dig<Json[]>(node, 'spec', 'taints') ?? []).every(
      (taint) =>
        taint['effect'] === 'PreferNoSchedule' ||
        tolerations.some(
          (t) =>
            (t['operator'] === 'Exists' && (!t['key'] || t['key'] === taint['key'])) ||
            (t['key'] === taint['key'] && (t['value'] ?? '') === (taint['value'] ?? '')),
        ),
    );
  }

  private sync(key: string): void {
    const { namespace, name } = splitKey(key);
    const ds = this.api.find(this.sets, namespace, name);
    if (!ds || ds.metadata.deletionTimestamp) return;
    const hash = computeHash(dig(ds, 'spec', 'template'), dig<number>(ds, 'status', 'collisionCount') ?? 0);
    const cur = this.revisions ? this.history(ds, hash) : undefined;
    const curHash = cur?.metadata.labels?.[REVISION_LABEL] ?? hash;
    const owned = this.api.list(this.pods, namespace).items.filter((p) => controllerRef(p)?.uid === ds.metadata.uid);
    const wanted = this.nodes.map((n) => n.name).filter((n) => this.eligible(ds, n));
    const live = owned.filter((p) => !p.metadata.deletionTimestamp && !['Failed', 'Succeeded'].includes(String(dig(p, 'status', 'phase'))));
    for (const node of wanted) {
      if (!live.some((p) => pinnedNode(p) === node)) this.createPod(ds, node, curHash);
    }
    for (const p of live) if (!wanted.includes(pinnedNode(p) ?? '')) this.deletePod(ds, p);
    if (dig(ds, 'spec', 'updateStrategy', 'type') !== 'OnDelete') this.rollingUpdate(ds, owned, live, wanted, curHash);
    if (cur && this.revisions) {
      const inUse = new Set(live.map((p) => `${ds.metadata.name}-${p.metadata.labels?.[REVISION_LABEL]}`));
      truncateHistory(this.api, this.revisions, ds, String(cur.metadata.name), inUse, Number(dig(ds, 'spec', 'revisionHistoryLimit') ?? 10));
    }
    const scheduled = live.filter((p) => wanted.includes(pinnedNode(p) ?? ''));
    const ready = scheduled.filter(isReady).length;
    const status: Json = {
      currentNumberScheduled: scheduled.length,
      desiredNumberScheduled: wanted.length,
      numberAvailable: ready,
      numberMisscheduled: live.length - scheduled.length,
      numberReady: ready,
      numberUnavailable: Math.max(0, wanted.length - ready),
      observedGeneration: ds.metadata.generation,
      updatedNumberScheduled: scheduled.filter((p) => p.metadata.labels?.[REVISION_LABEL] === curHash).length,
    };
    writeStatus(this.api, this.sets, ds, status, ['numberAvailable', 'numberUnavailable', 'updatedNumberScheduled']);
  }

  /**
   * RollingUpdate: stale pods go while fewer than maxUnavailable of the desired nodes are without
   * an available pod (`rollingUpdate` in daemon/update.go, surge 0).
   */
  private rollingUpdate(ds: KObject, owned: KObject[], live: KObject[], wanted: string[], hash: string): void {
    const maxUnavailable = scaledValue(dig(ds, 'spec', 'updateStrategy', 'rollingUpdate', 'maxUnavailable') ?? 1, wanted.length);
    const onNode = (n: string) => owned.filter((p) => pinnedNode(p) === n);
    let unavailable = wanted.filter((n) => !onNode(n).some((p) => !p.metadata.deletionTimestamp && isReady(p))).length;
    for (const node of wanted) {
      if (unavailable >= Math.max(1, maxUnavailable)) break;
      const stale = live.filter((p) => pinnedNode(p) === node && p.metadata.labels?.[REVISION_LABEL] !== hash);
      if (!stale.length || !stale.every(isReady)) continue;
      for (const p of stale) this.deletePod(ds, p);
      unavailable++;
    }
  }

  /** The current ControllerRevision, renumbered when an old template comes back (`constructHistory`). */
  private history(ds: KObject, hash: string): KObject | undefined {
    return currentRevision(this.api, this.revisions!, ds, {
      name: `${ds.metadata.name}-${hash}`,
      labels: { ...(dig<Record<string, string>>(ds, 'spec', 'template', 'metadata', 'labels') ?? {}), [REVISION_LABEL]: hash },
      ...(ds.metadata.annotations ? { annotations: { ...ds.metadata.annotations } } : {}),
    });
  }

  private createPod(ds: KObject, node: string, hash: string): void {
    const template = clone((dig<Json>(ds, 'spec', 'template') ?? {}) as Json);
    const meta = (template['metadata'] as Json) ?? {};
    const spec = (template['spec'] as Json) ?? {};
    const tolerations = ((spec['tolerations'] as Json[]) ?? []).slice();
    for (const t of DAEMON_TOLERATIONS) if (!tolerations.some((x) => x['key'] === t['key'] && x['effect'] === t['effect'])) tolerations.push(t);
    spec['tolerations'] = tolerations;
    spec['affinity'] = {
      ...((spec['affinity'] as Json) ?? {}),
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [node] }] }] },
      },
    };
    const pod = this.api.create(this.pods, ds.metadata.namespace, {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        generateName: `${ds.metadata.name}-`,
        namespace: ds.metadata.namespace,
        labels: {
          ...((meta['labels'] as Record<string, string>) ?? {}),
          [REVISION_LABEL]: hash,
          'pod-template-generation': String(ds.metadata.generation ?? 1),
        },
        ...(meta['annotations'] ? { annotations: meta['annotations'] as Record<string, string> } : {}),
        ownerReferences: [ownerRefTo(ds)],
      },
      spec,
    });
    recordEvent(this.api, ds, 'Normal', 'SuccessfulCreate', `Created pod: ${pod.metadata.name}`, COMPONENT);
  }

  private deletePod(ds: KObject, pod: KObject): void {
    tolerate(() => this.api.delete(this.pods, ds.metadata.namespace, String(pod.metadata.name)));
    recordEvent(this.api, ds, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`, COMPONENT);
  }
}

/** intstr.GetScaledValueFromIntOrPercent rounding up, as maxUnavailable is read. */
function scaledValue(value: unknown, total: number): number {
  const m = /^(\d+)%$/.exec(String(value));
  return m ? Math.ceil((Number(m[1]) * total) / 100) : Number(value);
}
