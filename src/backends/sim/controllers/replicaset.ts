import type { Api } from '../api/types.js';
import { StatusError } from '../status.js';
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
  timestamp,
  tolerate,
  typeOf,
  writeStatus,
} from './util.js';

/**
 * calculateStatus's ReplicaFailure condition: set (reason FailedCreate, the server's refusal as
 * message) when pods could not be created and none is set yet; removed once creating works again.
 */
function replicaFailure(status: Json, refused: StatusError | undefined, now: string): void {
  const conditions = (status['conditions'] as Json[] | undefined) ?? [];
  const current = conditions.find((c) => c['type'] === 'ReplicaFailure');
  if (refused && !current) {
    status['conditions'] = [
      ...conditions,
      { type: 'ReplicaFailure', status: 'True', lastTransitionTime: now, reason: 'FailedCreate', message: refused.message },
    ];
  } else if (!refused && current) {
    const rest = conditions.filter((c) => c !== current);
    if (rest.length) status['conditions'] = rest;
    else delete status['conditions'];
  }
}

/**
 * The ReplicaSet controller (and, with a map selector, the ReplicationController manager): keeps
 * `spec.replicas` active pods named `<owner>-xxxxx`, adopts matching orphans, deletes surplus pods
 * (unready and newest first) and reports status counts.
 */
export class ReplicaSetController {
  readonly queue: WorkQueue;
  private readonly pods: ResourceType;
  /** Syncs in a row that could not create a pod, per ReplicaSet: the retry backoff. */
  private readonly failures = new Map<string, number>();

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
    let refused: StatusError | undefined;
    if (!owner.metadata.deletionTimestamp) {
      if (active.length < want) {
        refused = this.createPods(owner, namespace, want - active.length, active);
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
    const result = this.writeStatus(owner, active, refused);
    if (!refused) {
      this.failures.delete(key);
      return result;
    }
    // The real controller returns the error and its queue retries with exponential backoff (5ms doubling, up to 1000s).
    const failures = (this.failures.get(key) ?? 0) + 1;
    this.failures.set(key, failures);
    return { requeueAfterMs: Math.min(5 * 2 ** (failures - 1), 1_000_000) };
  }

  /**
   * slowStartBatch: creates `count` pods in batches of 1, 2, 4, …, stopping after a batch in which
   * a create was refused. Each refusal is a FailedCreate event; returns the first refusal.
   */
  private createPods(owner: KObject, namespace: string | undefined, count: number, active: KObject[]): StatusError | undefined {
    let remaining = count;
    for (let batch = Math.min(remaining, 1); batch > 0; batch = Math.min(2 * batch, remaining)) {
      let refused: StatusError | undefined;
      for (let i = 0; i < batch; i++) {
        try {
          const pod = this.api.create(this.pods, namespace, this.podFor(owner));
          active.push(pod);
          recordEvent(this.api, owner, 'Normal', 'SuccessfulCreate', `Created pod: ${pod.metadata.name}`, this.component);
        } catch (error) {
          if (!(error instanceof StatusError)) throw error;
          // A terminating namespace is no failure of the ReplicaSet's: no event, no condition.
          if (error.status.details?.causes?.some((c) => c.reason === 'NamespaceTerminating')) continue;
          recordEvent(this.api, owner, 'Warning', 'FailedCreate', `Error creating: ${error.message}`, this.component);
          refused ??= error;
        }
      }
      remaining -= batch;
      if (refused) return refused;
    }
    return undefined;
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

  private writeStatus(owner: KObject, active: KObject[], refused?: StatusError): SyncResult {
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
    replicaFailure(status, refused, timestamp(now));
    writeStatus(this.api, this.type, owner, status, ['readyReplicas', 'availableReplicas', 'fullyLabeledReplicas']);
    const pending = waits.filter((w) => w > 0 && Number.isFinite(w));
    return pending.length ? { requeueAfterMs: Math.min(...pending) + 1 } : undefined;
  }
}
