import type { Api } from '../api/types.js';
import type { KObject, ResourceType, StoreChange } from '../types.js';
import { recordEvent } from './events.js';
import { availableIn, deletionOrder, isActive, isReady } from './pods.js';
import { type SyncResult, WorkQueue } from './queue.js';
import {
  adopt,
  type Json,
  type LabelSelector,
  controllerRef,
  dig,
  keyOf,
  mapSelectorMatches,
  ownerRefTo,
  selectorMatches,
  splitKey,
  tolerate,
  typeOf,
  writeStatus,
} from './util.js';

/**
 * The ReplicaSet controller (and, with a map selector, the ReplicationController manager): keeps
 * `spec.replicas` active pods named `<owner>-xxxxx`, adopts matching orphans, deletes surplus pods
 * (unready and newest first) and reports status counts.
 */
export class ReplicaSetController {
  readonly queue: WorkQueue;
  private readonly pods: ResourceType;

  constructor(
    private readonly api: Api,
    private readonly type: ResourceType,
    private readonly component: string,
  ) {
    this.pods = typeOf(api, 'pods');
    this.queue = new WorkQueue(component, api.ctx.clock, (key) => this.sync(key));
  }

  private matches(owner: KObject, labels: Record<string, string> | undefined): boolean {
    const sel = dig(owner, 'spec', 'selector');
    return this.type.kind === 'ReplicationController'
      ? mapSelectorMatches((sel as Record<string, string>) ?? dig(owner, 'spec', 'template', 'metadata', 'labels'), labels)
      : selectorMatches(sel as LabelSelector, labels);
  }

  /** Enqueues owners of changed pods and changed owners. */
  handle(change: StoreChange): void {
    if (change.resource === this.type) return this.queue.add(keyOf(change.object));
    if (change.resource !== this.pods) return;
    for (const pod of [change.object, change.old]) {
      if (!pod) continue;
      const ref = controllerRef(pod);
      if (ref?.kind === this.type.kind) this.queue.add(`${pod.metadata.namespace}/${ref.name}`);
      else if (!ref && change.type !== 'DELETED') {
        for (const owner of this.api.list(this.type, pod.metadata.namespace).items) {
          if (this.matches(owner, pod.metadata.labels)) this.queue.add(keyOf(owner));
        }
      }
    }
  }

  private sync(key: string): SyncResult {
    const { namespace, name } = splitKey(key);
    const owner = this.api.find(this.type, namespace, name);
    if (!owner) return;
    const all = this.api.list(this.pods, namespace).items;
    let owned = all.filter((p) => controllerRef(p)?.uid === owner.metadata.uid);
    if (!owner.metadata.deletionTimestamp) {
      for (const orphan of all.filter((p) => !controllerRef(p) && isActive(p) && this.matches(owner, p.metadata.labels))) {
        const adopted = adopt(this.api, this.pods, orphan, owner);
        if (adopted) owned.push(adopted);
      }
    }
    owned = owned.filter((p) => this.matches(owner, p.metadata.labels) || controllerRef(p));
    const active = owned.filter(isActive);
    const want = Number(dig(owner, 'spec', 'replicas') ?? 1);
    if (!owner.metadata.deletionTimestamp) {
      if (active.length < want) {
        for (let i = active.length; i < want; i++) {
          const pod = this.api.create(this.pods, namespace, this.podFor(owner));
          active.push(pod);
          recordEvent(this.api, owner, 'Normal', 'SuccessfulCreate', `Created pod: ${pod.metadata.name}`, this.component);
        }
      } else if (active.length > want) {
        const victims = deletionOrder(active).slice(0, active.length - want);
        for (const pod of victims) {
          tolerate(() => this.api.delete(this.pods, namespace, String(pod.metadata.name)));
          recordEvent(this.api, owner, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`, this.component);
        }
        const gone = new Set(victims.map((v) => v.metadata.uid));
        active.splice(0, active.length, ...active.filter((p) => !gone.has(p.metadata.uid)));
      }
    }
    return this.writeStatus(owner, active);
  }

  private podFor(owner: KObject): KObject {
    const template = (dig<Json>(owner, 'spec', 'template') ?? {}) as Json;
    const meta = (template['metadata'] as Json) ?? {};
    return {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        generateName: `${owner.metadata.name}-`,
        namespace: owner.metadata.namespace,
        ...(meta['labels'] ? { labels: structuredClone(meta['labels']) as Record<string, string> } : {}),
        ...(meta['annotations'] ? { annotations: structuredClone(meta['annotations']) as Record<string, string> } : {}),
        ...(meta['finalizers'] ? { finalizers: structuredClone(meta['finalizers']) as string[] } : {}),
        ownerReferences: [ownerRefTo(owner)],
      },
      spec: structuredClone(template['spec'] ?? {}),
    };
  }

  private writeStatus(owner: KObject, active: KObject[]): SyncResult {
    const minReady = Number(dig(owner, 'spec', 'minReadySeconds') ?? 0);
    const now = this.api.ctx.clock.now();
    const templateLabels = dig<Record<string, string>>(owner, 'spec', 'template', 'metadata', 'labels') ?? {};
    const waits = active.map((p) => availableIn(p, minReady, now));
    const old = (owner['status'] as Json) ?? {};
    const status: Json = {
      ...(old['conditions'] ? { conditions: old['conditions'] } : {}),
      replicas: active.length,
      fullyLabeledReplicas: active.filter((p) => Object.entries(templateLabels).every(([k, v]) => p.metadata.labels?.[k] === v)).length,
      readyReplicas: active.filter(isReady).length,
      availableReplicas: waits.filter((w) => w === 0).length,
      observedGeneration: owner.metadata.generation ?? 1,
    };
    writeStatus(this.api, this.type, owner, status, ['readyReplicas', 'availableReplicas', 'fullyLabeledReplicas']);
    const pending = waits.filter((w) => w > 0 && Number.isFinite(w));
    return pending.length ? { requeueAfterMs: Math.min(...pending) + 1 } : undefined;
  }
}
