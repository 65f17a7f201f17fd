import type { Api } from '../api/types.js';
import type { KObject, ResourceType, StoreChange } from '../types.js';
import {
  DESIRED_REPLICAS,
  REVISION,
  TEMPLATE_HASH,
  equalIgnoreHash,
  getCondition,
  isRolling,
  maxSurge,
  maxUnavailable,
  newCondition,
  replicasOf,
  revisionOf,
  setCondition,
  setNewRSAnnotations,
  setReplicasAnnotations,
  statusCount,
} from './deployment-util.js';
import { activeOrLatest, isSaturated, proportionalScale } from './deployment-scale.js';
import { calculateStatus, deploymentComplete, rolloutStatus } from './deployment-status.js';
import { recordEvent } from './events.js';
import { computeHash } from './hash.js';
import { type SyncResult, WorkQueue } from './queue.js';
import { type Json, clone, controllerRef, deepEqual, dig, keyOf, ownerRefTo, splitKey, timestamp, tolerate, typeOf, ownerKey } from './util.js';

const COMPONENT = 'deployment-controller';
const byCreation = (a: KObject, b: KObject) =>
  String(a.metadata.creationTimestamp).localeCompare(String(b.metadata.creationTimestamp)) || String(a.metadata.name).localeCompare(String(b.metadata.name));
const sum = (rss: KObject[], f: (rs: KObject) => number) => rss.reduce((s, rs) => s + f(rs), 0);

/**
 * The Deployment controller: one ReplicaSet per pod template (`<name>-<pod-template-hash>`),
 * revisions, RollingUpdate (maxSurge / maxUnavailable) and Recreate rollouts, scaling, history
 * cleanup, and status with the Available and Progressing conditions.
 */
export class DeploymentController {
  readonly queue: WorkQueue;
  private readonly deployments: ResourceType;
  private readonly replicasets: ResourceType;
  private readonly pods: ResourceType;

  constructor(private readonly api: Api) {
    this.deployments = typeOf(api, 'deployments', 'apps');
    this.replicasets = typeOf(api, 'replicasets', 'apps');
    this.pods = typeOf(api, 'pods');
    this.queue = new WorkQueue(COMPONENT, api.ctx.clock, (key) => this.sync(key));
  }

  /** Enqueues changed deployments and the owners of changed ReplicaSets (and of deleted pods, for Recreate). */
  handle(change: StoreChange): void {
    const o = change.object;
    if (change.resource === this.deployments) return this.queue.add(keyOf(o));
    if (change.resource === this.replicasets) {
      const owner = ownerKey(o, 'Deployment');
      if (owner) this.queue.add(owner);
      return;
    }
    if (change.resource === this.pods && change.type === 'DELETED') {
      const ref = controllerRef(o);
      if (ref?.kind !== 'ReplicaSet') return;
      const rs = this.api.find(this.replicasets, o.metadata.namespace, ref.name);
      const dref = rs && controllerRef(rs);
      if (dref?.kind === 'Deployment') this.queue.add(`${o.metadata.namespace}/${dref.name}`);
    }
  }

  private now(): string {
    return timestamp(this.api.ctx.clock.now());
  }

  private sync(key: string): SyncResult {
    const { namespace, name } = splitKey(key);
    const d = this.api.find(this.deployments, namespace, name);
    if (!d) return;
    const rsList = this.api.list(this.replicasets, namespace).items.filter((rs) => controllerRef(rs)?.uid === d.metadata.uid);
    if (d.metadata.deletionTimestamp) return this.syncStatus(d, rsList, this.findNew(d, rsList));
    if (dig(d, 'spec', 'paused') || this.isScalingEvent(d, rsList)) return this.syncScale(d, rsList);
    return dig(d, 'spec', 'strategy', 'type') === 'Recreate' ? this.recreate(d, rsList) : this.rolling(d, rsList);
  }

  private findNew(d: KObject, rsList: KObject[]): KObject | undefined {
    return rsList.filter((rs) => equalIgnoreHash(dig(rs, 'spec', 'template'), dig(d, 'spec', 'template'))).sort(byCreation)[0];
  }

  private isScalingEvent(d: KObject, rsList: KObject[]): boolean {
    if (!this.findNew(d, rsList)) return false;
    return rsList.some(
      (rs) =>
        replicasOf(rs) > 0 && rs.metadata.annotations?.[DESIRED_REPLICAS] !== undefined && rs.metadata.annotations[DESIRED_REPLICAS] !== String(replicasOf(d)),
    );
  }

  /** getAllReplicaSetsAndSyncRevision: finds (or creates) the new ReplicaSet and moves revisions. */
  private newAndOld(d: KObject, rsList: KObject[], create: boolean): { d: KObject; newRS?: KObject; old: KObject[] } {
    const found = this.findNew(d, rsList);
    const old = rsList.filter((rs) => rs !== found);
    const newRevision = Math.max(0, ...old.map(revisionOf)) + 1;
    if (found) {
      let rs = found;
      const copy = clone(found);
      const minReady = dig(d, 'spec', 'minReadySeconds');
      const annotationsChanged = setNewRSAnnotations(d, copy, newRevision, true);
      if (annotationsChanged || dig(copy, 'spec', 'minReadySeconds') !== minReady) {
        (copy['spec'] as Json)['minReadySeconds'] = minReady;
        rs = this.api.update(this.replicasets, d.metadata.namespace, copy);
      }
      const dd = this.setRevision(d, rs.metadata.annotations?.[REVISION] ?? String(newRevision));
      const status = clone((dd['status'] as Json) ?? {});
      if (!getCondition(status, 'Progressing')) {
        setCondition(status, newCondition('Progressing', 'True', 'FoundNewReplicaSet', `Found new replica set "${rs.metadata.name}"`, this.now()));
        return { d: this.writeStatus(dd, status), newRS: rs, old };
      }
      return { d: dd, newRS: rs, old };
    }
    if (!create) return { d, old };
    const collisionCount = dig<number>(d, 'status', 'collisionCount');
    const template = clone((dig<Json>(d, 'spec', 'template') ?? {}) as Json);
    const hash = computeHash(template, collisionCount);
    const tmeta = ((template['metadata'] as Json) ??= {});
    tmeta['labels'] = { ...((tmeta['labels'] as Record<string, string>) ?? {}), [TEMPLATE_HASH]: hash };
    const selector = clone((dig<Json>(d, 'spec', 'selector') ?? {}) as Json);
    selector['matchLabels'] = { ...((selector['matchLabels'] as Record<string, string>) ?? {}), [TEMPLATE_HASH]: hash };
    const rs: KObject = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name: `${d.metadata.name}-${hash}`,
        namespace: d.metadata.namespace,
        labels: tmeta['labels'] as Record<string, string>,
        ownerReferences: [ownerRefTo(d)],
      },
      spec: { replicas: 0, minReadySeconds: dig(d, 'spec', 'minReadySeconds'), selector, template },
    };
    const replicas = this.newRSReplicas(d, [...old, rs], rs);
    (rs['spec'] as Json)['replicas'] = replicas;
    setNewRSAnnotations(d, rs, newRevision, false);
    let created: KObject;
    try {
      created = this.api.create(this.replicasets, d.metadata.namespace, rs);
    } catch (e) {
      if ((e as { code?: number }).code !== 409) throw e;
      const existing = this.api.find(this.replicasets, d.metadata.namespace, String(rs.metadata.name));
      if (existing && controllerRef(existing)?.uid === d.metadata.uid && equalIgnoreHash(dig(existing, 'spec', 'template'), dig(d, 'spec', 'template'))) {
        return { d, newRS: existing, old };
      }
      const status = { ...((d['status'] as Json) ?? {}), collisionCount: (collisionCount ?? 0) + 1 };
      this.writeStatus(d, status);
      throw new Error(`hash collision for ReplicaSet ${rs.metadata.name}`, { cause: e });
    }
    if (replicas > 0) {
      recordEvent(this.api, d, 'Normal', 'ScalingReplicaSet', `Scaled up replica set ${created.metadata.name} from 0 to ${replicas}`, COMPONENT);
    }
    const dd = this.setRevision(d, String(newRevision));
    const status = clone((dd['status'] as Json) ?? {});
    setCondition(status, newCondition('Progressing', 'True', 'NewReplicaSetCreated', `Created new replica set "${created.metadata.name}"`, this.now()));
    return { d: this.writeStatus(dd, status), newRS: created, old };
  }

  private setRevision(d: KObject, revision: string): KObject {
    if (d.metadata.annotations?.[REVISION] === revision) return d;
    const next = clone(d);
    next.metadata.annotations = { ...(next.metadata.annotations ?? {}), [REVISION]: revision };
    return this.api.update(this.deployments, d.metadata.namespace, next);
  }

  private writeStatus(d: KObject, status: Json): KObject {
    if (deepEqual(d['status'] ?? {}, status)) return d;
    return this.api.update(this.deployments, d.metadata.namespace, { ...d, status }, { subresource: 'status' });
  }

  private newRSReplicas(d: KObject, all: KObject[], newRS: KObject): number {
    if (dig(d, 'spec', 'strategy', 'type') === 'Recreate') return replicasOf(d);
    const current = sum(all, replicasOf);
    const maxTotal = replicasOf(d) + maxSurge(d);
    if (current >= maxTotal) return replicasOf(newRS);
    return replicasOf(newRS) + Math.min(maxTotal - current, replicasOf(d) - replicasOf(newRS));
  }

  /** Scales a ReplicaSet (and refreshes its replica annotations); records ScalingReplicaSet. */
  private scale(d: KObject, rs: KObject, to: number, operation?: 'up' | 'down'): KObject {
    const from = replicasOf(rs);
    const copy = clone(rs);
    const annotations = setReplicasAnnotations(copy, replicasOf(d), replicasOf(d) + maxSurge(d));
    if (from === to && !annotations) return rs;
    (copy['spec'] as Json)['replicas'] = to;
    const updated = this.api.update(this.replicasets, rs.metadata.namespace, copy);
    if (from !== to) {
      recordEvent(
        this.api,
        d,
        'Normal',
        'ScalingReplicaSet',
        `Scaled ${operation ?? (to > from ? 'up' : 'down')} replica set ${rs.metadata.name} from ${from} to ${to}`,
        COMPONENT,
      );
    }
    Object.assign(rs, updated);
    return updated;
  }

  private rolling(d0: KObject, rsList: KObject[]): SyncResult {
    const { d, newRS, old } = this.newAndOld(d0, rsList, true);
    if (!newRS) return;
    const all = [...old, newRS];
    const want = replicasOf(d);
    if (replicasOf(newRS) !== want) {
      const to = replicasOf(newRS) > want ? want : this.newRSReplicas(d, all, newRS);
      if (to !== replicasOf(newRS)) {
        this.scale(d, newRS, to);
        return this.syncRollout(d, all, newRS);
      }
    }
    if (
      this.scaleDownOld(
        d,
        all,
        old.filter((rs) => replicasOf(rs) > 0),
        newRS,
      ) > 0
    )
      return this.syncRollout(d, all, newRS);
    if (deploymentComplete(d, (d['status'] as Json) ?? {})) this.cleanup(d, old);
    return this.syncRollout(d, all, newRS);
  }

  private scaleDownOld(d: KObject, all: KObject[], old: KObject[], newRS: KObject): number {
    if (sum(old, replicasOf) === 0) return 0;
    const minAvailable = replicasOf(d) - maxUnavailable(d);
    const newUnavailable = replicasOf(newRS) - statusCount(newRS, 'availableReplicas');
    const maxScaledDown = sum(all, replicasOf) - minAvailable - newUnavailable;
    if (maxScaledDown <= 0) return 0;
    let cleaned = 0;
    for (const rs of [...old].sort(byCreation)) {
      if (cleaned >= maxScaledDown) break;
      const unhealthy = replicasOf(rs) - statusCount(rs, 'availableReplicas');
      if (replicasOf(rs) === 0 || unhealthy <= 0) continue;
      const n = Math.min(maxScaledDown - cleaned, unhealthy);
      this.scale(d, rs, replicasOf(rs) - n);
      cleaned += n;
    }
    const available = sum(all, (rs) => statusCount(rs, 'availableReplicas'));
    let scaled = 0;
    if (available > minAvailable) {
      const total = available - minAvailable;
      for (const rs of [...old].sort(byCreation)) {
        if (scaled >= total) break;
        if (replicasOf(rs) === 0) continue;
        const n = Math.min(replicasOf(rs), total - scaled);
        this.scale(d, rs, replicasOf(rs) - n);
        scaled += n;
      }
    }
    return cleaned + scaled;
  }

  private recreate(d0: KObject, rsList: KObject[]): SyncResult {
    let { d, newRS, old } = this.newAndOld(d0, rsList, false);
    let scaledDown = false;
    for (const rs of old)
      if (replicasOf(rs) > 0) {
        this.scale(d, rs, 0);
        scaledDown = true;
      }
    const all = newRS ? [...old, newRS] : old;
    if (scaledDown) return this.syncRollout(d, all, newRS);
    const oldUids = new Set(old.map((rs) => rs.metadata.uid));
    const oldPods = this.api.list(this.pods, d.metadata.namespace).items.filter((p) => {
      const phase = dig(p, 'status', 'phase');
      return oldUids.has(controllerRef(p)?.uid ?? '') && phase !== 'Succeeded' && phase !== 'Failed';
    });
    if (sum(old, (rs) => statusCount(rs, 'replicas')) > 0 || oldPods.length > 0) return this.syncRollout(d, all, newRS);
    if (!newRS) ({ d, newRS, old } = this.newAndOld(d, rsList, true));
    if (!newRS) return;
    this.scale(d, newRS, replicasOf(d));
    if (deploymentComplete(d, (d['status'] as Json) ?? {})) this.cleanup(d, old);
    return this.syncRollout(d, [...old, newRS], newRS);
  }

  /** sync + scale: a scaling event, or any change to a paused Deployment, resizes ReplicaSets without a rollout. */
  private syncScale(d0: KObject, rsList: KObject[]): SyncResult {
    const { d, newRS, old } = this.newAndOld(d0, rsList, false);
    const all = newRS ? [...old, newRS] : [...old];
    const want = replicasOf(d);
    const only = activeOrLatest(newRS, old);
    if (only) {
      if (replicasOf(only) !== want) this.scale(d, only, want);
    } else if (isSaturated(d, newRS)) {
      for (const rs of old) if (replicasOf(rs) > 0) this.scale(d, rs, 0);
    } else if (isRolling(d)) {
      const spread = proportionalScale(d, newRS, old);
      for (const { rs, size } of spread?.sizes ?? []) this.scale(d, rs, size, spread!.operation);
    }
    if (dig(d, 'spec', 'paused')) this.cleanup(d, old);
    return this.syncStatus(d, all, newRS);
  }

  private cleanup(d: KObject, old: KObject[]): void {
    const limit = Number(dig(d, 'spec', 'revisionHistoryLimit') ?? 10);
    const cleanable = old
      .filter(
        (rs) =>
          replicasOf(rs) === 0 &&
          statusCount(rs, 'replicas') === 0 &&
          !rs.metadata.deletionTimestamp &&
          (dig(rs, 'status', 'observedGeneration') ?? rs.metadata.generation) === rs.metadata.generation,
      )
      .sort((a, b) => revisionOf(a) - revisionOf(b) || byCreation(a, b));
    for (const rs of cleanable.slice(0, Math.max(0, cleanable.length - limit))) {
      tolerate(() => this.api.delete(this.replicasets, rs.metadata.namespace, String(rs.metadata.name)));
    }
  }

  private syncStatus(d: KObject, all: KObject[], newRS: KObject | undefined): SyncResult {
    this.writeStatus(d, calculateStatus(d, all, newRS, this.now()));
  }

  private syncRollout(d: KObject, all: KObject[], newRS: KObject | undefined): SyncResult {
    const { status, requeueAfterMs } = rolloutStatus(d, all, newRS, this.api.ctx.clock.now());
    this.writeStatus(d, status);
    return requeueAfterMs !== undefined ? { requeueAfterMs } : undefined;
  }
}
