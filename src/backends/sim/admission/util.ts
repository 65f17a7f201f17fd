import type { ResourceType } from '../types.js';

/** A loosely typed JSON object, for walking Kubernetes objects whose shape varies by kind. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Dict = Record<string, any>;

/** `deployments.apps`, `pods`: the key behaviour tables are indexed by. */
export function resourceKey(type: Pick<ResourceType, 'resource' | 'group'>): string {
  return type.group ? `${type.resource}.${type.group}` : type.resource;
}

/** True for a plain (non-array) object. */
export function isDict(value: unknown): value is Dict {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Returns `parent[key]`, creating an empty object there first when it is missing. */
export function ensureDict(parent: Dict, key: string): Dict {
  if (!isDict(parent[key])) parent[key] = {};
  return parent[key] as Dict;
}

/** Sets `target[key]` to `value` only when it is undefined or null. */
export function setDefault(target: Dict, key: string, value: unknown): void {
  if (target[key] === undefined || target[key] === null) target[key] = value;
}

/** Structural equality of JSON values. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((v, i) => jsonEqual(v, b[i]));
  }
  if (isDict(a) && isDict(b)) {
    const ka = Object.keys(a).filter((k) => a[k] !== undefined);
    const kb = Object.keys(b).filter((k) => b[k] !== undefined);
    return ka.length === kb.length && ka.every((k) => jsonEqual(a[k], b[k]));
  }
  return false;
}

/** A deep copy of a JSON value. */
export function clone<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

/** `obj.a.b.c`, or undefined if any step is missing. */
export function dig(obj: unknown, ...path: (string | number)[]): unknown {
  let cur: unknown = obj;
  for (const step of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Dict)[step as string];
  }
  return cur;
}

/** A list field as an array of objects (missing → empty). */
export function list(value: unknown): Dict[] {
  return Array.isArray(value) ? (value.filter(isDict) as Dict[]) : [];
}
