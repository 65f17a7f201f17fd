import type { Api } from '../api/types.js';
import { StatusError } from '../status.js';
import type { KObject, ResourceType, StoreChange } from '../types.js';
import { recordEvent } from './events.js';
import { computeHash } from './hash.js';
import { isReady } from './pods.js';
import { currentRevision, truncateHistory } from './revisions.js';
import { type SyncResult, WorkQueue } from './queue.js';
import {
  adopt,
  type Json,
  type LabelSelector,
  clone,
  controllerRef,
  dig,
  keyOf,
  ownerKey,
  ownerRefTo,
  selectorMatches,
  splitKey,
  tolerate,
  typeOf,
  writeStatus,
} from './util.js';

const COMPONENT = 'statefulset-controller';
const REVISION_LABEL = 'controller-revision-hash';

/**
 * The StatefulSet controller: pods `<name>-<ordinal>` with stable hostnames, created in order
 * (OrderedReady waits for each to be Running and Ready; Parallel does not), claims from
 * volumeClaimTemplates, scale-down from the highest ordinal, RollingUpdate from the highest ordinal
 * down to the partition, ControllerRevisions and status.
 */
export class StatefulSetController {
  readonly queue: WorkQueue;
  private readonly sets: ResourceType;
  private readonly pods: ResourceType;

  constructor(private readonly api: Api) {
    this.sets = typeOf(api, 'statefulsets', 'apps');
    this.pods = typeOf(api, 'pods');
    this.queue = new WorkQueue(COMPONENT, api.ctx.clock, (key) => this.sync(key));
  }

  /** Enqueues changed StatefulSets, the owners of changed pods, and the sets an orphan pod could belong to. */
  handle(change: StoreChange): void {
    const o = change.object;
    if (change.resource === this.sets) return this.queue.add(keyOf(o));
    if (change.resource !== this.pods) return;
    const owner = ownerKey(o, 'StatefulSet');
    if (owner) return this.queue.add(owner);
    if (controllerRef(o) || change.type === 'DELETED') return;
    for (const set of this.api.list(this.sets, o.metadata.namespace).items) {
      if (selectorMatches(dig<LabelSelector>(set, 'spec', 'selector'), o.metadata.labels)) this.queue.add(keyOf(set));
    }
  }

  /**
   * getPodsForStatefulSet: owned pods, after adopting orphans named `<set>-<ordinal>` that match
   * the selector and releasing owned pods that no longer match it (ClaimPods).
   */
  private claimPods(sts: KObject): Map<number, KObject> {
    const name = String(sts.metadata.name);
    const namespace = sts.metadata.namespace;
    const selector = dig<LabelSelector>(sts, 'spec', 'selector');
    const member = new RegExp(`^${name.replace(/[.]/g, '\\.')}-(\\d+)$`);
    const pods = new Map<number, KObject>();
    for (let p of this.api.list(this.pods, namespace).items) {
      const ref = controllerRef(p);
      const m = member.exec(String(p.metadata.name));
      const matches = selectorMatches(selector, p.metadata.labels);
      if (ref?.uid === sts.metadata.uid) {
        if (!matches || !m) {
          const refs = (p.metadata.ownerReferences ?? []).filter((r) => r.uid !== sts.metadata.uid);
          tolerate(() => this.api.update(this.pods, namespace, { ...p, metadata: { ...p.metadata, ownerReferences: refs.length ? refs : undefined } }));
          continue;
        }
      } else if (!ref && matches && m && !p.metadata.deletionTimestamp) {
        const adopted = adopt(this.api, this.pods, p, sts);
        if (!adopted) continue;
        p = adopted;
      } else continue;
      pods.set(Number(m[1]), p);
    }
    return pods;
  }

  private sync(key: string): SyncResult {
    const { namespace, name } = splitKey(key);
    const sts = this.api.find(this.sets, namespace, name);
    if (!sts || sts.metadata.deletionTimestamp) return;
    const updateRevision = this.revision(sts);
    const currentRevision = dig<string>(sts, 'status', 'currentRevision') ?? updateRevision;
    const pods = this.claimPods(sts);
    const replicas = Number(dig(sts, 'spec', 'replicas') ?? 1);
    const parallel = dig(sts, 'spec', 'podManagementPolicy') === 'Parallel';
    const healthy = (p: KObject) => dig(p, 'status', 'phase') === 'Running' && isReady(p) && !p.metadata.deletionTimestamp;
    let blocked = false;
    for (let i = 0; i < replicas && !blocked; i++) {
      const p = pods.get(i);
      if (!p) {
        pods.set(i, this.createVersionedPod(sts, i, currentRevision, updateRevision));
        blocked = !parallel;
      } else if (['Failed', 'Succeeded'].includes(String(dig(p, 'status', 'phase'))) && !p.metadata.deletionTimestamp) {
        tolerate(() => this.api.delete(this.pods, namespace, String(p.metadata.name)));
        blocked = !parallel;
      } else if (!parallel && !healthy(p)) blocked = true;
    }
    const condemned = [...pods.keys()].filter((i) => i >= replicas).sort((a, b) => b - a);
    const terminating = [...pods.values()].some((p) => p.metadata.deletionTimestamp);
    if (condemned.length && !blocked && (parallel || !terminating)) {
      for (const i of parallel ? condemned : condemned.slice(0, 1)) this.deletePod(sts, pods.get(i)!);
    } else if (!condemned.length && !blocked && !terminating && dig(sts, 'spec', 'updateStrategy', 'type') !== 'OnDelete') {
      const partition = Number(dig(sts, 'spec', 'updateStrategy', 'rollingUpdate', 'partition') ?? 0);
      const stale = [...pods.entries()]
        .filter(([i, p]) => i >= partition && p.metadata.labels?.[REVISION_LABEL] !== updateRevision)
        .sort((a, b) => b[0] - a[0]);
      if (stale.length && [...pods.values()].every(healthy)) this.deletePod(sts, stale[0]![1]);
    }
    this.writeStatus(sts, [...pods.values()], currentRevision, updateRevision, replicas);
  }

  /** The ControllerRevision of the current template (made, or renumbered on rollback); returns its name. */
  private revision(sts: KObject): string {
    const hash = computeHash(dig(sts, 'spec', 'template'), dig<number>(sts, 'status', 'collisionCount') ?? 0);
    const name = `${sts.metadata.name}-${hash}`;
    const revisions = this.api.resolve('controllerrevisions', 'apps');
    if (!revisions) return name;
    // adoptOrphanRevisions: revisions left by a set deleted with --cascade=orphan come back under this one.
    for (const r of this.api.list(revisions, sts.metadata.namespace).items) {
      if (!controllerRef(r) && selectorMatches(dig<LabelSelector>(sts, 'spec', 'selector'), r.metadata.labels)) adopt(this.api, revisions, r, sts);
    }
    // newRevision: the template's labels plus the hash, and the set's annotations (change-cause among them).
    const cur = currentRevision(this.api, revisions, sts, {
      name,
      labels: { ...(dig<Record<string, string>>(sts, 'spec', 'template', 'metadata', 'labels') ?? {}), 'controller.kubernetes.io/hash': hash },
      ...(sts.metadata.annotations ? { annotations: { ...sts.metadata.annotations } } : {}),
    });
    const current = String(cur?.metadata.name ?? name);
    const live = new Set(
      this.api
        .list(this.pods, sts.metadata.namespace)
        .items.filter((p) => controllerRef(p)?.uid === sts.metadata.uid)
        .map((p) => String(p.metadata.labels?.[REVISION_LABEL])),
    );
    live.add(String(dig(sts, 'status', 'currentRevision') ?? current));
    truncateHistory(this.api, revisions, sts, current, live, Number(dig(sts, 'spec', 'revisionHistoryLimit') ?? 10));
    return current;
  }

  /**
   * newVersionedStatefulSetPod: below the partition (RollingUpdate) a recreated pod gets the
   * current revision's template, so a deleted pod comes back as it was; otherwise the update's.
   */
  private createVersionedPod(sts: KObject, ordinal: number, currentRevision: string, updateRevision: string): KObject {
    const strategy = dig<Json>(sts, 'spec', 'updateStrategy') ?? {};
    const rolling = strategy['type'] === 'RollingUpdate' || strategy['type'] === undefined;
    const partition = dig<number>(strategy, 'rollingUpdate', 'partition');
    const revisions = this.api.resolve('controllerrevisions', 'apps');
    const current = revisions && currentRevision !== updateRevision ? this.api.find(revisions, sts.metadata.namespace, currentRevision) : undefined;
    const currentTemplate = dig<Json>(current, 'data', 'spec', 'template');
    const belowLine = rolling && (partition === undefined ? ordinal < Number(dig(sts, 'status', 'currentReplicas') ?? 0) : ordinal < partition);
    if (belowLine && currentTemplate) {
      const { $patch: _, ...template } = currentTemplate;
      return this.createPod({ ...sts, spec: { ...(sts['spec'] as Json), template } }, ordinal, currentRevision);
    }
    return this.createPod(sts, ordinal, updateRevision);
  }

  private createPod(sts: KObject, ordinal: number, revision: string): KObject {
    const name = `${sts.metadata.name}-${ordinal}`;
    const ns = sts.metadata.namespace;
    const template = clone((dig<Json>(sts, 'spec', 'template') ?? {}) as Json);
    const meta = (template['metadata'] as Json) ?? {};
    const spec = (template['spec'] as Json) ?? {};
    const volumes = ((spec['volumes'] as Json[]) ?? []).slice();
    const claimErrors: string[] = [];
    for (const claim of dig<KObject[]>(sts, 'spec', 'volumeClaimTemplates') ?? []) {
      const claimName = `${claim.metadata.name}-${name}`;
      const failed = this.ensureClaim(sts, claim, claimName, name);
      if (failed) claimErrors.push(failed);
      const entry = { name: claim.metadata.name, persistentVolumeClaim: { claimName } };
      const at = volumes.findIndex((v) => v['name'] === claim.metadata.name);
      if (at >= 0) volumes[at] = entry;
      else volumes.push(entry);
    }
    // CreateStatefulPod: no pod without its claims; the error aggregates the claims' (`[a, b]` for several).
    const failedPod = (why: string) =>
      recordEvent(this.api, sts, 'Warning', 'FailedCreate', `create Pod ${name} in StatefulSet ${sts.metadata.name} failed error: ${why}`, COMPONENT);
    if (claimErrors.length) {
      const why = claimErrors.length === 1 ? claimErrors[0]! : `[${claimErrors.join(', ')}]`;
      failedPod(why);
      throw new Error(why);
    }
    if (volumes.length) spec['volumes'] = volumes;
    spec['hostname'] = name;
    if (dig(sts, 'spec', 'serviceName')) spec['subdomain'] = dig(sts, 'spec', 'serviceName');
    const pod = this.createOrRecord(failedPod, {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name,
        namespace: ns,
        labels: {
          ...((meta['labels'] as Record<string, string>) ?? {}),
          'apps.kubernetes.io/pod-index': String(ordinal),
          [REVISION_LABEL]: revision,
          'statefulset.kubernetes.io/pod-name': name,
        },
        ...(meta['annotations'] ? { annotations: meta['annotations'] as Record<string, string> } : {}),
        ownerReferences: [ownerRefTo(sts)],
      },
      spec,
    });
    recordEvent(this.api, sts, 'Normal', 'SuccessfulCreate', `create Pod ${name} in StatefulSet ${sts.metadata.name} successful`, COMPONENT);
    return pod;
  }

  /** Creates the pod; a refusal (a quota's 403) is recorded as FailedCreate and thrown, so the sync is retried. */
  private createOrRecord(failed: (why: string) => void, pod: KObject): KObject {
    try {
      return this.api.create(this.pods, pod.metadata.namespace, pod);
    } catch (error) {
      if (error instanceof StatusError && error.status.reason !== 'AlreadyExists') failed(error.message);
      throw error;
    }
  }

  /** Creates a missing claim; returns the error CreateStatefulPod aggregates when the server refused it. */
  private ensureClaim(sts: KObject, claim: KObject, claimName: string, podName: string): string | undefined {
    const pvcs = this.api.resolve('persistentvolumeclaims', '');
    if (!pvcs || this.api.find(pvcs, sts.metadata.namespace, claimName)) return undefined;
    try {
      this.api.create(pvcs, sts.metadata.namespace, {
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        metadata: {
          name: claimName,
          namespace: sts.metadata.namespace,
          labels: { ...(dig<Record<string, string>>(sts, 'spec', 'selector', 'matchLabels') ?? {}) },
        },
        spec: clone((claim['spec'] as Json) ?? {}),
      });
    } catch (error) {
      if (!(error instanceof StatusError)) throw error;
      if (error.status.reason === 'AlreadyExists') return `failed to create PVC ${claimName}: ${error.message}`;
      const message = `create Claim ${claimName} for Pod ${podName} in StatefulSet ${sts.metadata.name} failed error: ${error.message}`;
      recordEvent(this.api, sts, 'Warning', 'FailedCreate', message, COMPONENT);
      return `failed to create PVC ${claimName}: ${error.message}`;
    }
    recordEvent(this.api, sts, 'Normal', 'SuccessfulCreate', `create Claim ${claimName} Pod ${podName} in StatefulSet ${sts.metadata.name} success`, COMPONENT);
    return undefined;
  }

  private deletePod(sts: KObject, pod: KObject): void {
    if (pod.metadata.deletionTimestamp) return;
    tolerate(() => this.api.delete(this.pods, sts.metadata.namespace, String(pod.metadata.name)));
    recordEvent(this.api, sts, 'Normal', 'SuccessfulDelete', `delete Pod ${pod.metadata.name} in StatefulSet ${sts.metadata.name} successful`, COMPONENT);
  }

  private writeStatus(sts: KObject, pods: KObject[], currentRevision: string, updateRevision: string, replicas: number): void {
    const live = pods.filter((p) => !p.metadata.deletionTimestamp && !['Failed', 'Succeeded'].includes(String(dig(p, 'status', 'phase'))));
    const ready = live.filter(isReady).length;
    const updated = live.filter((p) => p.metadata.labels?.[REVISION_LABEL] === updateRevision).length;
    const done = updated === replicas && ready === replicas && live.length === replicas;
    const current = done ? updateRevision : currentRevision;
    const old = (sts['status'] as Json) ?? {};
    const status: Json = {
      availableReplicas: ready,
      collisionCount: Number(old['collisionCount'] ?? 0),
      currentReplicas: live.filter((p) => p.metadata.labels?.[REVISION_LABEL] === current).length,
      currentRevision: current,
      observedGeneration: sts.metadata.generation,
      readyReplicas: ready,
      replicas: live.length,
      updateRevision,
      updatedReplicas: updated,
    };
    writeStatus(this.api, this.sets, sts, status, ['readyReplicas', 'currentReplicas', 'updatedReplicas']);
  }
}
