import * as models from '@kubernetes/client-node';
import { badRequest } from '../status.js';
import type { ResourceType } from '../types.js';

interface Attribute {
  baseName: string;
  type: string;
}
type Model = { getAttributeTypeMap?: () => Attribute[] };
const registry = models as unknown as Record<string, Model | undefined>;

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The client-node model class name of a resource type (V1Deployment, CoreV1Event, EventsV1Event…). */
export function modelName(type: { group: string; version: string; kind: string }): string | undefined {
  const v = cap(type.version);
  const groupWord = type.group ? cap(type.group.split('.')[0]!) : 'Core';
  for (const candidate of [`${v}${type.kind}`, `${groupWord}${v}${type.kind}`]) if (registry[candidate]?.getAttributeTypeMap) return candidate;
  return undefined;
}

/** The JSON fields of a model, or undefined when any field is allowed. */
export function modelFields(model: string): Attribute[] | undefined {
  return registry[model]?.getAttributeTypeMap?.();
}

/** Lists the paths of fields the schema does not know (`spec.foo`, `spec.template.spec.containers[0].imagex`). */
export function unknownFields(type: ResourceType, object: unknown): string[] {
  const model = modelName(type);
  if (!model) return [];
  const out: string[] = [];
  walk(object, model, '', out);
  return out;
}

function walk(value: unknown, typeName: string, path: string, out: string[]): void {
  if (value === null || value === undefined) return;
  const array = /^Array<(.+)>$/.exec(typeName);
  if (array) {
    if (Array.isArray(value)) value.forEach((v, i) => walk(v, array[1]!, `${path}[${i}]`, out));
    return;
  }
  const map = /^\{ \[key: string\]: (.+); \}$/.exec(typeName);
  if (map) {
    if (typeof value === 'object' && !Array.isArray(value))
      for (const [k, v] of Object.entries(value)) walk(v, map[1]!, `${path}[${k}]`, out);
    return;
  }
  const fields = modelFields(typeName);
  if (!fields || typeof value !== 'object' || Array.isArray(value)) return;
  const byName = new Map(fields.map((f) => [f.baseName, f.type]));
  for (const [k, v] of Object.entries(value)) {
    if (k.startsWith('$')) continue; // strategic merge patch directives
    const child = path ? `${path}.${k}` : k;
    const t = byName.get(k);
    if (t === undefined) out.push(child);
    else walk(v, t, child, out);
  }
}

/** Throws 400 `strict decoding error: unknown field "…"` for unknown fields, as `fieldValidation=Strict` asks. */
export function checkStrict(type: ResourceType, object: unknown): void {
  const unknown = unknownFields(type, object);
  if (unknown.length)
    throw badRequest(`${type.kind} in version "${type.version}" cannot be handled as a ${type.kind}: strict decoding error: ${unknown.map((f) => `unknown field "${f}"`).join(', ')}`);
}
