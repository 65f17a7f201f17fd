import protobuf from 'protobufjs';
import { StatusError } from '../status.js';
import { INLINE, K8S_PROTO, KEEP_ZERO } from './k8s-proto.js';

const MAGIC = Buffer.from([0x6b, 0x38, 0x73, 0x00]);
let root: protobuf.Root | undefined;
const schema = () => (root ??= protobuf.parse(K8S_PROTO, { keepCase: true }).root);

/** Whether a body starts with the Kubernetes protobuf envelope magic `k8s\0`. */
export const isK8sProtobuf = (body: Buffer) => body.length >= 4 && body.subarray(0, 4).equals(MAGIC);

/**
 * Decodes a `application/vnd.kubernetes.protobuf` body (magic + runtime.Unknown) into the JSON
 * object it carries. Throws 415 for kinds the simulator has no schema for.
 */
export function decodeK8sProtobuf(body: Buffer): Record<string, unknown> {
  if (!isK8sProtobuf(body)) throw unsupported('the body does not start with the protobuf magic');
  const unknown = schema().lookupType('k8s.Unknown').decode(body.subarray(4)) as unknown as {
    typeMeta?: { apiVersion?: string; kind?: string };
    raw?: Uint8Array;
  };
  const kind = unknown.typeMeta?.kind ?? '';
  let type: protobuf.Type;
  try {
    type = schema().lookupType(`k8s.${kind}`);
  } catch {
    throw unsupported(`protobuf bodies of kind ${kind || '<none>'} are not supported by the simulator; send JSON`);
  }
  const message = type.decode(unknown.raw ?? new Uint8Array());
  const out = convert(message, type) as Record<string, unknown>;
  return { apiVersion: unknown.typeMeta?.apiVersion ?? '', kind, ...out };
}

function unsupported(message: string): StatusError {
  return new StatusError({ message, reason: 'UnsupportedMediaType', code: 415 });
}

const has = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

/** Turns a decoded message into Kubernetes JSON: presence-aware, zero values dropped as `omitempty` does. */
function convert(message: protobuf.Message, type: protobuf.Type): unknown {
  const m = message as unknown as Record<string, unknown>;
  switch (type.name) {
    case 'Time': {
      const seconds = Number(m.seconds ?? 0);
      return seconds ? new Date(seconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z') : undefined;
    }
    case 'Quantity':
      return m.string ?? '';
    case 'IntOrString':
      return Number(m.type ?? 0) === 1 ? (m.strVal ?? '') : (m.intVal ?? 0);
  }
  const out: Record<string, unknown> = {};
  for (const field of type.fieldsArray) {
    if (!has(m, field.name)) continue;
    const value = m[field.name];
    const sub = field.resolvedType instanceof protobuf.Type ? field.resolvedType : undefined;
    const one = (v: unknown) => (sub ? convert(v as protobuf.Message, sub) : scalar(field, v));
    let converted: unknown;
    if (field.map) {
      const entries = Object.entries(value as Record<string, unknown>);
      if (entries.length === 0) continue;
      converted = Object.fromEntries(entries.map(([k, v]) => [k, one(v)]));
    } else if (field.repeated) {
      const items = value as unknown[];
      if (items.length === 0) continue;
      converted = items.map(one);
    } else converted = one(value);
    if (converted === undefined) continue;
    if (INLINE.has(field.name) && converted !== null && typeof converted === 'object') {
      Object.assign(out, converted);
      continue;
    }
    if (!KEEP_ZERO.has(field.name) && (converted === '' || converted === 0 || converted === false)) continue;
    out[field.name] = converted;
  }
  return out;
}

function scalar(field: protobuf.Field, v: unknown): unknown {
  if (field.type === 'bytes') return Buffer.from(v as Uint8Array).toString('base64');
  if (field.type === 'int64' || field.type === 'uint64') return Number(v);
  return v;
}
