import type { Api } from '../api/types.js';
import type { KObject, ResourceType, StoreChange } from '../types.js';
import { recordEvent } from './events.js';
import { computeHash } from './hash.js';
import { isReady } from './pods.js';
import { type SyncResult, WorkQueue } from './queue.js';
import { type Json, clone, controllerRef, deepEqual, dig, keyOf, ownerRefTo, splitKey, tolerate, typeOf, ownerKey } from './util.js';

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

  /** Enqueues changed StatefulSets and the owners of changed pods. */
  handle(change: StoreChange): void {
    const o = change.object;
    if (change.resource === this.sets) return this.queue.add(keyOf(o));
    const owner = change.resource === this.pods ? ownerKey(o, 'StatefulSet') : undefined;
    if (owner) this.queue.add(owner);
  }

  private sync(key: string): SyncResult {
    const { namespace, name } = splitKey(key);
    const sts = this.api.find(this.sets, namespace, name);
    if (!sts || sts.metadata.deletionTimestamp) return;
    const updateRevision = this.revision(sts);
    const currentRevision = dig<string>(sts, 'status', 'currentRevision') ?? updateRevision;
    const pods = new Map<number, KObject>();
    for (const p of this.api.list(this.pods, namespace).items) {
      if (controllerRef(p)?.uid !== sts.metadata.uid) continue;
      const m = new RegExp(`^${name}-(\\d+)$`).exec(String(p.metadata.name));
      if (m) pods.set(Number(m[1]), p);
    }
    const replicas = Number(dig(sts, 'spec', 'replicas') ?? 1);
    const parallel = dig(sts, 'spec', 'podManagementPolicy') === 'Parallel';
    const healthy = (p: KObject) => dig(p, 'status', 'phase') === 'Running' && isReady(p) && !p.metadata.deletionTimestamp;
    let blocked = false;
    for (let i = 0; i < replicas && !blocked; i++) {
      const p = pods.get(i);
      if (!p) {
        pods.set(i, this.createPod(sts, i, updateRevision));
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
      const stale = [...pods.entries()].filter(([i, p]) => i >= partition && p.metadata.labels?.[REVISION_LABEL] !== updateRevision).sort((a, b) => b[0] - a[0]);
      if (stale.length && [...pods.values()].every(healthy)) this.deletePod(sts, stale[0]![1]);
    }
    this.writeStatus(sts, [...pods.values()], currentRevision, updateRevision, replicas);
  }

  /** Ensures the ControllerRevision for the current template; returns its name. */
  private revision(sts: KObject): string {
    const template = dig(sts, 'spec', 'template');
    const hash = computeHash(template, dig<number>(sts, 'status', 'collisionCount') ?? 0);
    const name = `${sts.metadata.name}-${hash}`;
    const revisions = this.api.resolve('controllerrevisions', 'apps');
    if (!revisions || this.api.find(revisions, sts.metadata.namespace, name)) return name;
    const existing = this.api.list(revisions, sts.metadata.namespace).items.filter((r) => controllerRef(r)?.uid === sts.metadata.uid);
    const next = Math.max(0, ...existing.map((r) => Number(r['revision'] ?? 0))) + 1;
    tolerate(() =>
      this.api.create(revisions, sts.metadata.namespace, {
        apiVersion: 'apps/v1',
        kind: 'ControllerRevision',
        metadata: {
          name,
          namespace: sts.metadata.namespace,
          labels: { ...(dig<Record<string, string>>(sts, 'spec', 'selector', 'matchLabels') ?? {}), 'controller.kubernetes.io/hash': hash },
          ownerReferences: [ownerRefTo(sts)],
        },
        data: { spec: { template: { ...clone(template as Json), $patch: 'replace' } } },
        revision: next,
      }),
    );
    return name;
  }

  private createPod(sts: KObject, ordinal: number, revision: string): KObject {
    const name = `${sts.metadata.name}-${ordinal}`;
    const ns = sts.metadata.namespace;
    const template = clone((dig<Json>(sts, 'spec', 'template') ?? {}) as Json);
    const meta = (template['metadata'] as Json) ?? {};
    const spec = (template['spec'] as Json) ?? {};
    const volumes = ((spec['volumes'] as Json[]) ?? []).slice();
    for (const claim of dig<KObject[]>(sts, 'spec', 'volumeClaimTemplates') ?? []) {
      const claimName = `${claim.metadata.name}-${name}`;
      this.ensureClaim(sts, claim, claimName, name);
      const entry = { name: claim.metadata.name, persistentVolumeClaim: { claimName } };
      const at = volumes.findIndex((v) => v['name'] === claim.metadata.name);
      if (at >= 0) volumes[at] = entry;
      else volumes.push(entry);
    }
    if (volumes.length) spec['volumes'] = volumes;
    spec['hostname'] = name;
    if (dig(sts, 'spec', 'serviceName')) spec['subdomain'] = dig(sts, 'spec', 'serviceName');
    const pod = this.api.create(this.pods, ns, {
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

  private ensureClaim(sts: KObject, claim: KObject, claimName: string, podName: string): void {
    const pvcs = this.api.resolve('persistentvolumeclaims', '');
    if (!pvcs || this.api.find(pvcs, sts.metadata.namespace, claimName)) return;
    tolerate(() =>
      this.api.create(pvcs, sts.metadata.namespace, {
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        metadata: {
          name: claimName,
          namespace: sts.metadata.namespace,
          labels: { ...(dig<Record<string, string>>(sts, 'spec', 'selector', 'matchLabels') ?? {}) },
        },
        spec: clone((claim['spec'] as Json) ?? {}),
      }),
    );
    recordEvent(this.api, sts, 'Normal', 'SuccessfulCreate', `create Claim ${claimName} Pod ${podName} in StatefulSet ${sts.metadata.name} success`, COMPONENT);
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
    for (const k of ['readyReplicas', 'currentReplicas', 'updatedReplicas']) if (status[k] === 0) delete status[k];
    if (!deepEqual(old, status)) tolerate(() => this.api.update(this.sets, sts.metadata.namespace, { ...sts, status }, { subresource: 'status' }));
  }
}
