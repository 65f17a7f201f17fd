import * as models from '@kubernetes/client-node';
import { badRequest } from '../status.js';
import type { ResourceType } from '../types.js';
import { prune } from '../crd/schema.js';
import { customVersion } from '../crd/types.js';

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
  const custom = customVersion(type);
  // A custom resource's unknown fields are what its structural schema would prune.
  if (custom) return custom.schema ? prune(structuredClone(object), custom.schema) : [];
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
    if (typeof value === 'object' && !Array.isArray(value)) for (const [k, v] of Object.entries(value)) walk(v, map[1]!, `${path}[${k}]`, out);
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
    throw badRequest(
      `${type.kind} in version "${type.version}" cannot be handled as a ${type.kind}: strict decoding error: ${unknown.map((f) => `unknown field "${f}"`).join(', ')}`,
    );
}

/** The offset of the first byte Go's `base64.StdEncoding` rejects, or -1 when the text decodes. */
export function base64ErrorOffset(text: string): number {
  // Go skips CR and LF; offsets count the bytes of the text as sent.
  const chars: Array<{ c: string; at: number }> = [];
  for (let i = 0; i < text.length; i++) if (text[i] !== '\r' && text[i] !== '\n') chars.push({ c: text[i]!, at: i });
  const alphabet = /[A-Za-z0-9+/]/;
  for (let q = 0; q < chars.length; q += 4) {
    const quantum = chars.slice(q, q + 4);
    for (let j = 0; j < quantum.length; j++) {
      const { c, at } = quantum[j]!;
      if (alphabet.test(c)) continue;
      // '=' may pad only the last quantum, in its third or fourth place, and nothing may follow it.
      const last = q + 4 >= chars.length;
      if (c === '=' && last && j >= 2 && quantum.slice(j).every((x) => x.c === '=') && (j === 3 || quantum.length === 4)) return -1;
      return at;
    }
    if (quantum.length < 4) return quantum[0]!.at;
  }
  return -1;
}

/** Secret `data` values must be base64, as the real server's decoding of `[]byte` fields demands. */
export function checkSecretData(type: ResourceType, object: unknown): void {
  if (type.kind !== 'Secret' || type.group !== '' || typeof object !== 'object' || object === null) return;
  const data = (object as { data?: unknown }).data;
  if (typeof data !== 'object' || data === null) return;
  for (const value of Object.values(data)) {
    if (typeof value !== 'string') continue;
    const at = base64ErrorOffset(value);
    if (at >= 0) throw badRequest(`Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte ${at}`);
  }
}
