import { invalid, StatusError } from '../status.js';
import type { ResourceType } from '../types.js';

/**
 * After a patch is applied the real server turns the result back into the Go type, and a value
 * of the wrong shape (`{"metadata":{"labels":"invalid"}}`) fails there with 422 — it is never
 * stored. The simulator has no Go types, so the shapes that matter are a table: the fields every
 * object has, and the top-level maps of the kinds that have them.
 */

type Shape = { kind: 'map' | 'slice' | 'struct'; goType: string };

/** Fields of metadata with a container type (Go type as the json decoder names it). */
const METADATA: Record<string, Shape> = {
  labels: { kind: 'map', goType: 'map[string]string' },
  annotations: { kind: 'map', goType: 'map[string]string' },
  finalizers: { kind: 'slice', goType: '[]string' },
  ownerReferences: { kind: 'slice', goType: '[]v1.OwnerReference' },
  managedFields: { kind: 'slice', goType: '[]v1.ManagedFieldsEntry' },
};

/** Top-level fields by resource (`group/resource`); `spec` and `status` are structs wherever they exist. */
const TOP_LEVEL: Record<string, Record<string, Shape>> = {
  '/configmaps': { data: { kind: 'map', goType: 'map[string]string' }, binaryData: { kind: 'map', goType: 'map[string][]uint8' } },
  '/secrets': { data: { kind: 'map', goType: 'map[string][]uint8' }, stringData: { kind: 'map', goType: 'map[string]string' } },
};

const jsonKind = (v: unknown) =>
  Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v === 'object' ? 'object' : typeof v === 'boolean' ? 'bool' : typeof v;
const goKind = (v: unknown) =>
  Array.isArray(v)
    ? 'slice'
    : typeof v === 'object'
      ? 'map'
      : typeof v === 'number'
        ? Number.isInteger(v)
          ? 'int64'
          : 'float64'
        : typeof v === 'boolean'
          ? 'bool'
          : 'string';
const fits = (v: unknown, s: Shape) => v === null || v === undefined || (s.kind === 'slice' ? Array.isArray(v) : typeof v === 'object' && !Array.isArray(v));

interface Mismatch {
  /** `metadata.labels` */
  path: string;
  /** The innermost Go struct holding the field, as encoding/json names it. */
  struct: string;
  shape: Shape;
  value: unknown;
}

function firstMismatch(type: ResourceType, o: Record<string, unknown>): Mismatch | undefined {
  const meta = o.metadata;
  if (meta !== undefined && meta !== null && (typeof meta !== 'object' || Array.isArray(meta)))
    return { path: 'metadata', struct: type.kind, shape: { kind: 'struct', goType: 'v1.ObjectMeta' }, value: meta };
  for (const [field, shape] of Object.entries(METADATA)) {
    const v = (meta as Record<string, unknown> | undefined)?.[field];
    if (!fits(v, shape)) return { path: `metadata.${field}`, struct: 'ObjectMeta', shape, value: v };
  }
  const top: Record<string, Shape> = {
    spec: { kind: 'struct', goType: `v1.${type.kind}Spec` },
    status: { kind: 'struct', goType: `v1.${type.kind}Status` },
    ...TOP_LEVEL[`${type.group}/${type.resource}`],
  };
  for (const [field, shape] of Object.entries(top)) if (!fits(o[field], shape)) return { path: field, struct: type.kind, shape, value: o[field] };
  return undefined;
}

/** Go's `%+v` of a decoded JSON value: `map[a:1 b:[x y]]`, keys sorted. */
export function goValue(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (Array.isArray(v)) return `[${v.map(goValue).join(' ')}]`;
  if (typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `map[${entries.map(([k, x]) => `${k}:${goValue(x)}`).join(' ')}]`;
  }
  return String(v);
}

/**
 * Throws the real server's 422 when the patched object does not fit its type. A strategic merge
 * patch is converted from a map (`cannot restore map from string`, the patch shown as Go prints
 * it); JSON and merge patches are decoded from JSON (`json: cannot unmarshal string into Go
 * struct field …`, the patched object shown).
 */
export function checkPatchedShape(type: ResourceType, patched: Record<string, unknown>, patch: unknown, patchType: 'json' | 'merge' | 'strategic'): void {
  const m = firstMismatch(type, patched);
  if (!m) return;
  let value: string;
  let why: string;
  if (patchType === 'strategic') {
    value = goValue(patch);
    why = m.shape.kind === 'struct' ? `cannot restore struct from: ${goKind(m.value)}` : `cannot restore ${m.shape.kind} from ${goKind(m.value)}`;
  } else {
    value = JSON.stringify(patched);
    why = `json: cannot unmarshal ${jsonKind(m.value)} into Go struct field ${m.struct}.${m.path} of type ${m.shape.goType}`;
  }
  const error: StatusError = invalid('', '', '', [{ reason: 'FieldValueInvalid', message: `Invalid value: ${JSON.stringify(value)}: ${why}`, field: 'patch' }]);
  throw error;
}
