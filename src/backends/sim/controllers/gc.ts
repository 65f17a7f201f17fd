import type { Api, PropagationPolicy } from '../api/types.js';
import type { KObject, OwnerReference, ResourceType, StoreChange } from '../types.js';
import { WorkQueue } from './queue.js';
import { tolerate } from './util.js';

interface Node {
  type: ResourceType;
  namespace: string | undefined;
  name: string;
  owners: string[];
}

const FOREGROUND = 'foregroundDeletion';
const ORPHAN = 'orphan';

/**
 * The garbage collector: a graph of ownerReferences by uid. Dependents whose owners are all gone
 * are deleted (background); an owner with the `foregroundDeletion` finalizer has its dependents
 * deleted first, then loses the finalizer; one with `orphan` has its dependents' references to it
 * removed, then loses the finalizer.
 */
export class GarbageCollector {
  readonly queue: WorkQueue;
  private readonly nodes = new Map<string, Node>();
  private readonly dependents = new Map<string, Set<string>>();

  constructor(private readonly api: Api) {
    this.queue = new WorkQueue('garbage-collector', api.ctx.clock, (uid) => this.sync(uid));
  }

  /** Indexes every object already stored. */
  prime(): void {
    for (const type of this.api.types()) {
      if (!type.verbs.includes('list') || !type.verbs.includes('delete')) continue;
      for (const o of this.api.list(type, undefined).items) this.handle({ type: 'ADDED', resource: type, object: o });
    }
  }

  /** Updates the graph and enqueues what may need collecting. */
  handle(change: StoreChange): void {
    const o = change.object;
    const uid = o.metadata.uid;
    if (!uid) return;
    const previous = this.nodes.get(uid);
    for (const owner of previous?.owners ?? []) this.dependents.get(owner)?.delete(uid);
    if (change.type === 'DELETED') {
      this.nodes.delete(uid);
      for (const dep of this.dependents.get(uid) ?? []) this.queue.add(dep);
      for (const owner of previous?.owners ?? []) this.queue.add(owner);
      return;
    }
    const owners = (o.metadata.ownerReferences ?? []).map((r) => r.uid);
    this.nodes.set(uid, { type: change.resource, namespace: o.metadata.namespace, name: String(o.metadata.name), owners });
    for (const owner of owners) {
      let set = this.dependents.get(owner);
      if (!set) this.dependents.set(owner, (set = new Set()));
      set.add(uid);
    }
    if (owners.length) this.queue.add(uid);
    const fin = o.metadata.finalizers ?? [];
    if (o.metadata.deletionTimestamp && (fin.includes(FOREGROUND) || fin.includes(ORPHAN))) this.queue.add(uid);
  }

  private find(uid: string): KObject | undefined {
    const n = this.nodes.get(uid);
    if (!n) return undefined;
    const o = this.api.find(n.type, n.namespace, n.name);
    return o?.metadata.uid === uid ? o : undefined;
  }

  private deps(uid: string): KObject[] {
    return [...(this.dependents.get(uid) ?? [])].map((d) => this.find(d)).filter((d): d is KObject => d !== undefined);
  }

  private ownerState(dep: KObject, ref: OwnerReference): 'solid' | 'dangling' | 'waiting' {
    const type = this.api.typeFor(ref.apiVersion, ref.kind);
    if (!type) return 'solid';
    const owner = this.api.find(type, type.namespaced ? dep.metadata.namespace : undefined, ref.name);
    if (!owner || owner.metadata.uid !== ref.uid) return 'dangling';
    if (owner.metadata.deletionTimestamp && owner.metadata.finalizers?.includes(FOREGROUND)) return 'waiting';
    return 'solid';
  }

  private sync(uid: string): void {
    const obj = this.find(uid);
    if (!obj) return;
    const n = this.nodes.get(uid)!;
    const fin = obj.metadata.finalizers ?? [];
    if (obj.metadata.deletionTimestamp && fin.includes(ORPHAN)) {
      for (const dep of this.deps(uid)) {
        const dn = this.nodes.get(String(dep.metadata.uid))!;
        const refs = (dep.metadata.ownerReferences ?? []).filter((r) => r.uid !== uid);
        tolerate(() => this.api.update(dn.type, dn.namespace, { ...dep, metadata: { ...dep.metadata, ownerReferences: refs.length ? refs : undefined } }));
      }
      this.removeFinalizer(n, ORPHAN);
      return;
    }
    if (obj.metadata.deletionTimestamp && fin.includes(FOREGROUND)) {
      const deps = this.deps(uid);
      for (const dep of deps) {
        if (dep.metadata.deletionTimestamp) continue;
        this.deleteDependent(dep, this.dependents.get(String(dep.metadata.uid))?.size ? 'Foreground' : 'Background');
      }
      if (deps.length === 0) this.removeFinalizer(n, FOREGROUND);
      return;
    }
    const refs = obj.metadata.ownerReferences ?? [];
    if (refs.length === 0 || obj.metadata.deletionTimestamp) return;
    const states = refs.map((r) => this.ownerState(obj, r));
    if (states.includes('solid')) {
      if (!states.includes('dangling')) return;
      const keep = refs.filter((_, i) => states[i] !== 'dangling');
      tolerate(() => this.api.update(n.type, n.namespace, { ...obj, metadata: { ...obj.metadata, ownerReferences: keep } }));
      return;
    }
    const hasDeps = (this.dependents.get(uid)?.size ?? 0) > 0;
    const policy: PropagationPolicy = fin.includes(ORPHAN)
      ? 'Orphan'
      : states.includes('waiting') && hasDeps
        ? 'Foreground'
        : fin.includes(FOREGROUND)
          ? 'Foreground'
          : 'Background';
    this.deleteDependent(obj, policy);
  }

  private deleteDependent(dep: KObject, policy: PropagationPolicy): void {
    const dn = this.nodes.get(String(dep.metadata.uid));
    if (!dn) return;
    tolerate(() => this.api.delete(dn.type, dn.namespace, dn.name, { propagationPolicy: policy }));
  }

  private removeFinalizer(n: Node, finalizer: string): void {
    const cur = this.api.find(n.type, n.namespace, n.name);
    if (!cur) return;
    const rest = (cur.metadata.finalizers ?? []).filter((f) => f !== finalizer);
    tolerate(() => this.api.update(n.type, n.namespace, { ...cur, metadata: { ...cur.metadata, finalizers: rest } }));
  }
}
