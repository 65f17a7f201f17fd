import type { Api } from '../api/types.js';
import type { KObject, OwnerReference, ResourceType } from '../types.js';

/** A plain JSON record, as objects are stored. */
export type Json = Record<string, unknown>;

/** Deep copy of a JSON value. */
export function clone<T>(value: T): T {
  return structuredClone(value);
}

/** Structural equality of JSON values; `undefined` properties count as absent. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((v, i) => deepEqual(v, b[i]));
  }
  const ka = Object.keys(a).filter((k) => (a as Json)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Json)[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => deepEqual((a as Json)[k], (b as Json)[k]));
}

/** JSON with object keys sorted, for hashing and stable comparison. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.keys(value)
      .filter((k) => (value as Json)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Json)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** `namespace/name`, or `name` for cluster-scoped objects. */
export function keyOf(obj: KObject): string {
  return obj.metadata.namespace ? `${obj.metadata.namespace}/${obj.metadata.name}` : String(obj.metadata.name);
}

/** Splits a key made by keyOf. */
export function splitKey(key: string): { namespace: string | undefined; name: string } {
  const i = key.indexOf('/');
  return i < 0 ? { namespace: undefined, name: key } : { namespace: key.slice(0, i), name: key.slice(i + 1) };
}

/** RFC 3339 time with second precision, as Kubernetes serialises metav1.Time. */
export function timestamp(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** RFC 3339 with microseconds, as metav1.MicroTime (event eventTime). */
export function microTimestamp(date: Date): string {
  return date.toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}

/** Looks a built-in type up and fails loudly when the API does not serve it. */
export function typeOf(api: Api, resource: string, group = ''): ResourceType {
  const t = api.resolve(resource, group);
  if (!t) throw new Error(`controllers: the API serves no ${group ? `${resource}.${group}` : resource}`);
  return t;
}

/** The controlling owner reference, if any. */
export function controllerRef(obj: KObject): OwnerReference | undefined {
  return obj.metadata.ownerReferences?.find((r) => r.controller === true);
}

/** An owner reference pointing at `owner` (controller, blockOwnerDeletion). */
export function ownerRefTo(owner: KObject): OwnerReference {
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: String(owner.metadata.name),
    uid: String(owner.metadata.uid),
    controller: true,
    blockOwnerDeletion: true,
  };
}

export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}

/** Does a metav1.LabelSelector match these labels? An empty selector matches everything. */
export function selectorMatches(selector: LabelSelector | undefined, labels: Record<string, string> | undefined): boolean {
  if (!selector) return false;
  const l = labels ?? {};
  for (const [k, v] of Object.entries(selector.matchLabels ?? {})) if (l[k] !== v) return false;
  for (const e of selector.matchExpressions ?? []) {
    const has = Object.hasOwn(l, e.key);
    const values = e.values ?? [];
    if (e.operator === 'In' && !(has && values.includes(l[e.key]!))) return false;
    if (e.operator === 'NotIn' && has && values.includes(l[e.key]!)) return false;
    if (e.operator === 'Exists' && !has) return false;
    if (e.operator === 'DoesNotExist' && has) return false;
  }
  return true;
}

/** Does a map selector (Service, ReplicationController) match? An empty map matches nothing here. */
export function mapSelectorMatches(selector: Record<string, string> | undefined, labels: Record<string, string> | undefined): boolean {
  if (!selector || Object.keys(selector).length === 0) return false;
  return Object.entries(selector).every(([k, v]) => labels?.[k] === v);
}

/** Reads a nested property without type noise. */
export function dig<T = unknown>(obj: unknown, ...path: (string | number)[]): T | undefined {
  let cur: unknown = obj;
  for (const p of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Json)[p as string];
  }
  return cur as T | undefined;
}

/** Runs a write and swallows NotFound / Conflict (the next sync sees current state). */
export function tolerate<T>(write: () => T): T | undefined {
  try {
    return write();
  } catch (e) {
    const code = (e as { code?: number }).code;
    if (code === 404 || code === 409) return undefined;
    throw e;
  }
}

/**
 * Makes `owner` the controller of an orphan it selects (the controllers' ClaimObject adoption);
 * returns the adopted object, or undefined when it changed or went away meanwhile.
 */
export function adopt(api: Api, type: ResourceType, orphan: KObject, owner: KObject): KObject | undefined {
  return tolerate(() =>
    api.update(type, orphan.metadata.namespace, {
      ...orphan,
      metadata: { ...orphan.metadata, ownerReferences: [...(orphan.metadata.ownerReferences ?? []), ownerRefTo(owner)] },
    }),
  );
}

/**
 * Writes a workload's status through its status subresource, only when it differs from the stored
 * one: a needless write bumps resourceVersion and shows in `kubectl get -w`. The counts named in
 * `omitZero` are left out when 0, as the API leaves out its empty fields.
 */
export function writeStatus(api: Api, type: ResourceType, owner: KObject, status: Json, omitZero: readonly string[]): void {
  for (const k of omitZero) if (status[k] === 0) delete status[k];
  if (!deepEqual((owner['status'] as Json) ?? {}, status))
    tolerate(() => api.update(type, owner.metadata.namespace, { ...owner, status }, { subresource: 'status' }));
}

/** The work-queue key of the object's controller when it is of this kind (`ns/name`), else undefined. */
export function ownerKey(obj: KObject, kind: string): string | undefined {
  const ref = controllerRef(obj);
  return ref?.kind === kind ? `${obj.metadata.namespace}/${ref.name}` : undefined;
}
