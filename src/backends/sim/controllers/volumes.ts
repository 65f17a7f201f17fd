import type { Api } from '../api/types.js';
import type { KObject, ResourceType, StoreChange } from '../types.js';
import { parseQuantity } from '../admission/quantity.js';
import { recordEvent } from './events.js';
import { WorkQueue } from './queue.js';
import { type Json, dig, keyOf, splitKey, tolerate, typeOf } from './util.js';

const PROVISIONER = 'rancher.io/local-path';

/**
 * kind's local-path provisioner with the PV binder: a Pending claim of a class this provisioner
 * serves gets a `pvc-<uid>` hostPath volume on the node of its first consumer
 * (WaitForFirstConsumer) or at once (Immediate), and both become Bound. Deleting the claim
 * deletes the volume (reclaim policy Delete).
 */
export class VolumeController {
  readonly queue: WorkQueue;
  private readonly claims: ResourceType;
  private readonly volumes: ResourceType;
  private readonly pods: ResourceType;
  private readonly classes: ResourceType;

  constructor(private readonly api: Api) {
    this.claims = typeOf(api, 'persistentvolumeclaims');
    this.volumes = typeOf(api, 'persistentvolumes');
    this.classes = typeOf(api, 'storageclasses', 'storage.k8s.io');
    this.pods = typeOf(api, 'pods');
    this.queue = new WorkQueue('persistentvolume-binder-controller', api.ctx.clock, (key) => this.sync(key));
  }

  /** Enqueues changed claims and volumes, and the claims of scheduled pods. */
  handle(change: StoreChange): void {
    const o = change.object;
    if (change.resource === this.volumes) {
      if (change.type === 'DELETED') return;
      if (!dig(o, 'spec', 'claimRef') && dig(o, 'status', 'phase') !== 'Available') this.queue.add(`pv-new:${o.metadata.name}`);
      // A new volume may be the one a waiting claim asked for.
      for (const c of this.api.list(this.claims, undefined).items) if (dig(c, 'status', 'phase') !== 'Bound') this.queue.add(keyOf(c));
      return;
    }
    if (change.resource === this.claims) {
      if (change.type === 'DELETED') {
        const pv = dig<string>(o, 'spec', 'volumeName');
        if (pv) this.queue.add(`pv:${pv}`);
        return;
      }
      return this.queue.add(keyOf(o));
    }
    if (change.resource !== this.pods || change.type === 'DELETED' || !dig(o, 'spec', 'nodeName')) return;
    for (const v of dig<Json[]>(o, 'spec', 'volumes') ?? []) {
      const claim = dig<string>(v, 'persistentVolumeClaim', 'claimName');
      if (claim) this.queue.add(`${o.metadata.namespace}/${claim}`);
    }
  }

  private sync(key: string): void {
    if (key.startsWith('pv-new:')) {
      // pv_controller syncVolume: a volume no claim refers to is Available.
      const pv = this.api.find(this.volumes, undefined, key.slice(7));
      if (pv && !dig(pv, 'spec', 'claimRef') && dig(pv, 'status', 'phase') !== 'Available')
        tolerate(() =>
          this.api.update(this.volumes, undefined, { ...pv, status: { ...((pv['status'] as Json) ?? {}), phase: 'Available' } }, { subresource: 'status' }),
        );
      return;
    }
    if (key.startsWith('pv:')) {
      const pv = this.api.find(this.volumes, undefined, key.slice(3));
      if (pv && dig(pv, 'spec', 'persistentVolumeReclaimPolicy') === 'Delete') tolerate(() => this.api.delete(this.volumes, undefined, key.slice(3)));
      return;
    }
    const { namespace, name } = splitKey(key);
    const pvc = this.api.find(this.claims, namespace, name);
    if (!pvc || pvc.metadata.deletionTimestamp || dig(pvc, 'status', 'phase') === 'Bound') return;
    const className = dig<string>(pvc, 'spec', 'storageClassName');
    const existing = this.bestVolumeFor(pvc);
    if (existing) return this.bind(pvc, existing);
    const sc = className ? this.api.find(this.classes, undefined, className) : undefined;
    if (!sc || sc['provisioner'] !== PROVISIONER) return;
    const consumer = this.api
      .list(this.pods, namespace)
      .items.find(
        (p) => dig(p, 'spec', 'nodeName') && (dig<Json[]>(p, 'spec', 'volumes') ?? []).some((v) => dig(v, 'persistentVolumeClaim', 'claimName') === name),
      );
    const node = dig<string>(consumer, 'spec', 'nodeName') ?? this.api.ctx.nodes[0] ?? 'kind-control-plane';
    if (!consumer && sc['volumeBindingMode'] === 'WaitForFirstConsumer') {
      const said = this.api.list(typeOf(this.api, 'events'), namespace).items.some((e) => dig(e, 'involvedObject', 'uid') === pvc.metadata.uid);
      if (!said)
        recordEvent(this.api, pvc, 'Normal', 'WaitForFirstConsumer', 'waiting for first consumer to be created before binding', 'persistentvolume-controller');
      return;
    }
    this.provision(pvc, sc, node);
  }

  /**
   * pv_controller findBestMatchForClaim: among the volumes no claim holds (or that are reserved
   * for this one), those of the claim's class, with every access mode it asks for and at least
   * the capacity it requests; the smallest.
   */
  private bestVolumeFor(pvc: KObject): KObject | undefined {
    const className = dig<string>(pvc, 'spec', 'storageClassName') ?? '';
    const wanted = dig<string[]>(pvc, 'spec', 'accessModes') ?? [];
    const request = parseQuantity(dig(pvc, 'spec', 'resources', 'requests', 'storage') ?? '0');
    const named = dig<string>(pvc, 'spec', 'volumeName');
    const size = (pv: KObject) => parseQuantity(dig(pv, 'spec', 'capacity', 'storage') ?? '0');
    const fits = this.api.list(this.volumes, undefined).items.filter((pv) => {
      if (named && pv.metadata.name !== named) return false;
      const ref = dig<Json>(pv, 'spec', 'claimRef');
      if (ref && !(ref['name'] === pvc.metadata.name && ref['namespace'] === pvc.metadata.namespace)) return false;
      if ((dig<string>(pv, 'spec', 'storageClassName') ?? '') !== className || pv.metadata.deletionTimestamp) return false;
      const modes = dig<string[]>(pv, 'spec', 'accessModes') ?? [];
      const capacity = size(pv);
      return wanted.every((m) => modes.includes(m)) && typeof capacity === 'number' && typeof request === 'number' && capacity >= request;
    });
    return fits.sort((a, b) => (size(a) as number) - (size(b) as number))[0];
  }

  /** Binds a claim to an existing volume, both ways, as the PV controller does. */
  private bind(pvc: KObject, pv: KObject): void {
    const ns = String(pvc.metadata.namespace);
    const claimRef = {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      name: pvc.metadata.name,
      namespace: ns,
      resourceVersion: pvc.metadata.resourceVersion,
      uid: pvc.metadata.uid,
    };
    const volume = this.api.update(this.volumes, undefined, {
      ...pv,
      metadata: { ...pv.metadata, annotations: { ...(pv.metadata.annotations ?? {}), 'pv.kubernetes.io/bound-by-controller': 'yes' } },
      spec: { ...(pv['spec'] as Json), claimRef },
    });
    tolerate(() =>
      this.api.update(this.volumes, undefined, { ...volume, status: { ...((volume['status'] as Json) ?? {}), phase: 'Bound' } }, { subresource: 'status' }),
    );
    const bound = this.api.update(this.claims, ns, {
      ...pvc,
      metadata: {
        ...pvc.metadata,
        annotations: { ...(pvc.metadata.annotations ?? {}), 'pv.kubernetes.io/bind-completed': 'yes', 'pv.kubernetes.io/bound-by-controller': 'yes' },
      },
      spec: { ...(pvc['spec'] as Json), volumeName: pv.metadata.name },
    });
    const status = { accessModes: dig<string[]>(pv, 'spec', 'accessModes') ?? [], capacity: dig<Json>(pv, 'spec', 'capacity') ?? {}, phase: 'Bound' };
    tolerate(() => this.api.update(this.claims, ns, { ...bound, status }, { subresource: 'status' }));
  }

  private provision(pvc: KObject, sc: KObject, node: string): void {
    const ns = String(pvc.metadata.namespace);
    const name = String(pvc.metadata.name);
    const pvName = `pvc-${pvc.metadata.uid}`;
    const storage = dig<string>(pvc, 'spec', 'resources', 'requests', 'storage') ?? '1Gi';
    const accessModes = dig<string[]>(pvc, 'spec', 'accessModes') ?? ['ReadWriteOnce'];
    recordEvent(
      this.api,
      pvc,
      'Normal',
      'ExternalProvisioning',
      `Waiting for a volume to be created either by the external provisioner '${PROVISIONER}' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.`,
      'persistentvolume-controller',
    );
    recordEvent(
      this.api,
      pvc,
      'Normal',
      'Provisioning',
      `External provisioner is provisioning volume for claim "${ns}/${name}"`,
      `${PROVISIONER}_local-path-provisioner`,
    );
    if (!this.api.find(this.volumes, undefined, pvName)) {
      const pv = this.api.create(this.volumes, undefined, {
        apiVersion: 'v1',
        kind: 'PersistentVolume',
        metadata: {
          name: pvName,
          annotations: { 'local.path.provisioner/selected-node': node, 'pv.kubernetes.io/provisioned-by': PROVISIONER },
        },
        spec: {
          accessModes,
          capacity: { storage },
          claimRef: {
            apiVersion: 'v1',
            kind: 'PersistentVolumeClaim',
            name,
            namespace: ns,
            resourceVersion: pvc.metadata.resourceVersion,
            uid: pvc.metadata.uid,
          },
          hostPath: { path: `/var/local-path-provisioner/${pvName}_${ns}_${name}`, type: 'DirectoryOrCreate' },
          nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: [node] }] }] } },
          persistentVolumeReclaimPolicy: String(sc['reclaimPolicy'] ?? 'Delete'),
          storageClassName: sc.metadata.name,
          volumeMode: 'Filesystem',
        },
      });
      tolerate(() => this.api.update(this.volumes, undefined, { ...pv, status: { phase: 'Bound' } }, { subresource: 'status' }));
    }
    const bound = this.api.update(this.claims, ns, {
      ...pvc,
      metadata: {
        ...pvc.metadata,
        annotations: {
          ...(pvc.metadata.annotations ?? {}),
          'pv.kubernetes.io/bind-completed': 'yes',
          'pv.kubernetes.io/bound-by-controller': 'yes',
          'volume.beta.kubernetes.io/storage-provisioner': PROVISIONER,
          'volume.kubernetes.io/selected-node': node,
          'volume.kubernetes.io/storage-provisioner': PROVISIONER,
        },
      },
      spec: { ...(pvc['spec'] as Json), volumeName: pvName },
    });
    tolerate(() => this.api.update(this.claims, ns, { ...bound, status: { accessModes, capacity: { storage }, phase: 'Bound' } }, { subresource: 'status' }));
    recordEvent(this.api, pvc, 'Normal', 'ProvisioningSucceeded', `Successfully provisioned volume ${pvName}`, `${PROVISIONER}_local-path-provisioner`);
  }
}

/** kind's default StorageClass `standard`, served by the local-path provisioner; made only if missing. */
export function ensureStandardStorageClass(api: Api): void {
  const classes = api.resolve('storageclasses', 'storage.k8s.io');
  if (!classes || api.list(classes, undefined).items.length > 0) return;
  tolerate(() =>
    api.create(classes, undefined, {
      apiVersion: 'storage.k8s.io/v1',
      kind: 'StorageClass',
      metadata: { name: 'standard', annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } },
      provisioner: PROVISIONER,
      reclaimPolicy: 'Delete',
      volumeBindingMode: 'WaitForFirstConsumer',
    }),
  );
}
