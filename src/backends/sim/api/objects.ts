import type { KObject, ResourceType } from '../types.js';
import { scalePaths } from '../crd/types.js';

/** Structural equality of two JSON values (key order ignored). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((x, i) => deepEqual(x, bb[i]));
  }
  const ka = Object.keys(a as object).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b as object).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** Whether an update changes anything but bookkeeping (resourceVersion, managedFields). */
export function sameContent(a: KObject, b: KObject): boolean {
  const strip = (o: KObject) => ({ ...o, metadata: { ...o.metadata, resourceVersion: undefined, managedFields: undefined } });
  return deepEqual(strip(a), strip(b));
}

const NAME_CHARS = 'bcdfghjklmnpqrstvwxz2456789';

/** A `generateName` suffix as the real server makes them: five characters from a vowel-free alphabet. */
export function nameSuffix(int: (n: number) => number, length = 5): string {
  let s = '';
  for (let i = 0; i < length; i++) s += NAME_CHARS[int(NAME_CHARS.length)];
  return s;
}

/** Sets apiVersion and kind from the type. */
export function withTypeMeta(type: ResourceType, o: KObject): KObject {
  o.apiVersion = type.group ? `${type.group}/${type.version}` : type.version;
  o.kind = type.kind;
  return o;
}

/** The autoscaling/v1 Scale view of a scalable object. */
export function toScale(o: KObject, type?: ResourceType): KObject {
  const spec = (o.spec ?? {}) as {
    replicas?: number;
    selector?: { matchLabels?: Record<string, string>; matchExpressions?: { key: string; operator: string; values?: string[] }[] };
  };
  const status = (o.status ?? {}) as { replicas?: number };
  const m = o.metadata;
  // A custom resource keeps its replicas and selector where its CRD's scale subresource says.
  const custom = type && scalePaths(type);
  const at = (path: string[]): unknown => path.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), o);
  const replicas = custom ? Number(at(custom.spec) ?? 0) : (spec.replicas ?? 0);
  const observed = custom ? Number(at(custom.status) ?? 0) : (status.replicas ?? 0);
  const selector = custom ? (custom.selector ? String(at(custom.selector) ?? '') : '') : selectorString(spec.selector);
  return {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata: {
      name: m.name,
      namespace: m.namespace,
      uid: m.uid,
      resourceVersion: m.resourceVersion,
      creationTimestamp: m.creationTimestamp,
    },
    spec: { replicas },
    status: { replicas: observed, selector },
  };
}

/** A LabelSelector as a selector string (`app=x,tier in (a,b)`). */
export function selectorString(
  sel: { matchLabels?: Record<string, string>; matchExpressions?: { key: string; operator: string; values?: string[] }[] } | Record<string, string> | undefined,
): string {
  if (!sel) return '';
  const s = sel as { matchLabels?: Record<string, string>; matchExpressions?: { key: string; operator: string; values?: string[] }[] };
  if (!('matchLabels' in s) && !('matchExpressions' in s))
    return Object.entries(sel as Record<string, string>)
      .map(([k, v]) => `${k}=${v}`)
      .join(',');
  const parts = Object.entries(s.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`);
  for (const e of s.matchExpressions ?? []) {
    const values = (e.values ?? []).join(',');
    if (e.operator === 'In') parts.push(`${e.key} in (${values})`);
    else if (e.operator === 'NotIn') parts.push(`${e.key} notin (${values})`);
    else if (e.operator === 'Exists') parts.push(e.key);
    else if (e.operator === 'DoesNotExist') parts.push(`!${e.key}`);
  }
  return parts.join(',');
}
