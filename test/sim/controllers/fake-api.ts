import type { Api, DeleteOptions, WriteOptions } from '../../../src/backends/sim/api/types.js';
import { ManualClock, seededIds } from '../../../src/backends/sim/clock.js';
import { RESOURCE_TYPES } from '../../../src/backends/sim/registry.js';
import { alreadyExists, conflict, notFound } from '../../../src/backends/sim/status.js';
import type { KObject, ResourceType, SimContext, Store, StoreChange } from '../../../src/backends/sim/types.js';

/** The types the fake serves: the simulator's own resource table, so a new kind needs no second row here. */
export const fakeTypes: readonly ResourceType[] = RESOURCE_TYPES;

const ALPHA = 'bcdfghjklmnpqrstvwxz2456789';
const withStatus = new Set(RESOURCE_TYPES.filter((t) => t.subresources?.includes('status')).map((t) => t.resource));

/** A small in-memory Api for controller unit tests: names, uids, finalizers and graceful pod deletion. */
export class FakeApi implements Api {
  readonly ctx: SimContext;
  readonly clock: ManualClock;
  readonly objects = new Map<string, KObject>();
  readonly changes: StoreChange[] = [];
  private rv = 1;
  private listeners = new Set<(c: StoreChange) => void>();

  constructor(options: Partial<SimContext> = {}) {
    this.clock = new ManualClock('2024-01-01T00:00:00Z');
    this.ctx = {
      clock: this.clock,
      ids: seededIds(7),
      speed: 1,
      version: { major: '1', minor: '32', gitVersion: 'v1.32.2' },
      nodes: ['kind-control-plane'],
      loadBalancer: false,
      ...options,
    };
  }
  get store(): Store {
    throw new Error('fake api has no store');
  }
  resolve(name: string, group?: string): ResourceType | undefined {
    const n = name.toLowerCase();
    return fakeTypes.find(
      (x) => (group === undefined || x.group === group) && (x.resource === n || x.singular === n || x.kind.toLowerCase() === n || x.shortNames?.includes(n)),
    );
  }
  typeFor(apiVersion: string, kind: string): ResourceType | undefined {
    const group = apiVersion.includes('/') ? apiVersion.split('/')[0] : '';
    return fakeTypes.find((x) => x.kind === kind && x.group === group);
  }
  types(): readonly ResourceType[] {
    return fakeTypes;
  }
  private k(type: ResourceType, ns: string | undefined, name: string): string {
    return `${type.group}/${type.resource}/${type.namespaced ? (ns ?? 'default') : ''}/${name}`;
  }
  find(type: ResourceType, ns: string | undefined, name: string): KObject | undefined {
    const o = this.objects.get(this.k(type, ns, name));
    return o && structuredClone(o);
  }
  get(type: ResourceType, ns: string | undefined, name: string): KObject {
    const o = this.find(type, ns, name);
    if (!o) throw notFound(type.resource, type.group, name);
    return o;
  }
  list(type: ResourceType, ns: string | undefined) {
    const prefix = `${type.group}/${type.resource}/${type.namespaced && ns ? ns + '/' : ''}`;
    const items = [...this.objects.entries()].filter(([k]) => k.startsWith(prefix)).map(([, o]) => structuredClone(o));
    return { items, resourceVersion: String(this.rv) };
  }
  /** Every object of a kind, for assertions. */
  all(resource: string, group = ''): KObject[] {
    return this.list(this.resolve(resource, group)!, undefined).items;
  }
  private emit(change: StoreChange): void {
    this.changes.push(change);
    for (const l of this.listeners) l(change);
  }
  create(type: ResourceType, ns: string | undefined, object: KObject, _o?: WriteOptions): KObject {
    const obj = structuredClone(object);
    const m = obj.metadata;
    if (!m.name && m.generateName) m.name = m.generateName + Array.from({ length: 5 }, () => ALPHA[this.ctx.ids.int(ALPHA.length)]).join('');
    if (type.namespaced) m.namespace = ns ?? m.namespace ?? 'default';
    const key = this.k(type, m.namespace, m.name!);
    if (this.objects.has(key)) throw alreadyExists(type.resource, type.group, m.name!);
    m.uid = this.ctx.ids.uid();
    m.creationTimestamp = this.clock
      .now()
      .toISOString()
      .replace(/\.\d{3}Z$/, 'Z');
    m.resourceVersion = String(++this.rv);
    if (type.resource !== 'pods' && obj['spec'] !== undefined) m.generation = 1;
    this.objects.set(key, obj);
    this.emit({ type: 'ADDED', resource: type, object: structuredClone(obj) });
    return structuredClone(obj);
  }
  update(type: ResourceType, ns: string | undefined, object: KObject, o: WriteOptions = {}): KObject {
    const key = this.k(type, ns ?? object.metadata.namespace, object.metadata.name!);
    const old = this.objects.get(key);
    if (!old) throw notFound(type.resource, type.group, object.metadata.name!);
    if (object.metadata.resourceVersion && object.metadata.resourceVersion !== old.metadata.resourceVersion) {
      throw conflict(
        type.resource,
        type.group,
        object.metadata.name!,
        'the object has been modified; please apply your changes to the latest version and try again',
      );
    }
    let next: KObject;
    if (o.subresource === 'status') next = { ...structuredClone(old), status: structuredClone(object['status']) };
    else {
      next = structuredClone(object);
      next.metadata = {
        ...next.metadata,
        uid: old.metadata.uid,
        creationTimestamp: old.metadata.creationTimestamp,
        deletionTimestamp: old.metadata.deletionTimestamp,
      };
      if (withStatus.has(type.resource) && type.resource !== 'namespaces') next['status'] = structuredClone(old['status']);
      if (JSON.stringify(old['spec']) !== JSON.stringify(next['spec']) && old.metadata.generation) next.metadata.generation = old.metadata.generation + 1;
      else next.metadata.generation = old.metadata.generation;
    }
    if (JSON.stringify(next) === JSON.stringify(old)) return structuredClone(old);
    next.metadata.resourceVersion = String(++this.rv);
    const specFinalizers = type.resource === 'namespaces' ? ((next['spec'] as any)?.finalizers ?? []) : [];
    const hadFinalizers = (old.metadata.finalizers?.length ?? 0) > 0 || (type.resource === 'namespaces' && ((old['spec'] as any)?.finalizers ?? []).length > 0);
    if (next.metadata.deletionTimestamp && hadFinalizers && !next.metadata.finalizers?.length && !specFinalizers.length) {
      this.objects.delete(key);
      this.emit({ type: 'DELETED', resource: type, object: structuredClone(next), old });
      return structuredClone(next);
    }
    this.objects.set(key, next);
    this.emit({ type: 'MODIFIED', resource: type, object: structuredClone(next), old });
    return structuredClone(next);
  }
  patch(type: ResourceType, ns: string | undefined, name: string, _pt: string, body: unknown): KObject {
    const cur = this.get(type, ns, name);
    const merge = (a: any, b: any): any => {
      if (b === null) return undefined;
      if (typeof b !== 'object' || Array.isArray(b) || typeof a !== 'object' || a === null) return b;
      const out = { ...a };
      for (const [k, v] of Object.entries(b)) out[k] = merge(a[k], v);
      return out;
    };
    const next = merge(cur, body) as KObject;
    delete next.metadata.resourceVersion;
    return this.update(type, ns, next);
  }
  delete(type: ResourceType, ns: string | undefined, name: string, o: DeleteOptions = {}): KObject {
    const key = this.k(type, ns, name);
    const cur = this.objects.get(key);
    if (!cur) throw notFound(type.resource, type.group, name);
    const now = this.clock
      .now()
      .toISOString()
      .replace(/\.\d{3}Z$/, 'Z');
    const fin = [...(cur.metadata.finalizers ?? []), ...(type.resource === 'namespaces' ? ((cur['spec'] as any)?.finalizers ?? []) : [])];
    if (o.propagationPolicy === 'Foreground' && !fin.includes('foregroundDeletion')) fin.push('foregroundDeletion');
    if (o.propagationPolicy === 'Orphan' && !fin.includes('orphan')) fin.push('orphan');
    const grace =
      type.resource === 'pods' && (cur['spec'] as any)?.nodeName && !['Succeeded', 'Failed'].includes((cur['status'] as any)?.phase)
        ? (o.gracePeriodSeconds ?? (cur['spec'] as any).terminationGracePeriodSeconds ?? 30)
        : 0;
    if (fin.length || grace > 0) {
      if (cur.metadata.deletionTimestamp && !(grace === 0 && !fin.length)) return structuredClone(cur);
      const next = structuredClone(cur);
      next.metadata.deletionTimestamp = cur.metadata.deletionTimestamp ?? now;
      next.metadata.finalizers = fin.filter((f) => f !== 'kubernetes');
      if (grace > 0) next.metadata.deletionGracePeriodSeconds = grace;
      next.metadata.resourceVersion = String(++this.rv);
      this.objects.set(key, next);
      this.emit({ type: 'MODIFIED', resource: type, object: structuredClone(next), old: cur });
      return structuredClone(next);
    }
    this.objects.delete(key);
    cur.metadata.resourceVersion = String(++this.rv);
    this.emit({ type: 'DELETED', resource: type, object: structuredClone(cur) });
    return structuredClone(cur);
  }
  subscribe(fn: (c: StoreChange) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }
  /** Lets time pass in small steps so chains of timers and queue drains all run. */
  run(ms: number, step = 10): void {
    for (let done = 0; done < ms; done += step) this.clock.advance(Math.min(step, ms - done));
    this.clock.advance(0);
  }
}
