import { modelFields, modelName } from '../api/strict.js';
import type { ResourceType } from '../types.js';

/** The `$ref` of a kind's schema. */
export function schemaRef(t: ResourceType): string {
  return `#/components/schemas/${schemaName(t)}`;
}

/** `io.k8s.api.apps.v1.Deployment`, as the real documents name schemas. */
export function schemaName(t: { group: string; version: string; kind: string }): string {
  const g = t.group === '' ? 'core' : t.group.replace(/\.k8s\.io$/, '').replace(/\.authorization$/, '');
  return `io.k8s.api.${g}.${t.version}.${t.kind}`;
}

type Schema = Record<string, unknown>;

const INT_OR_STRING = 'io.k8s.apimachinery.pkg.util.intstr.IntOrString';

/** `V1ContainerPort` → `sim.V1ContainerPort.ContainerPort`: kubectl shows the last segment as the type name. */
const key = (model: string) => `sim.${model}.${model.replace(/^[A-Z][a-z]*?V\d+(?:alpha\d+|beta\d+)?(?=[A-Z])|^V\d+(?:alpha\d+|beta\d+)?(?=[A-Z])/, '')}`;

/**
 * Schemas for the kinds of one group-version and everything they refer to, built from the
 * field tables of @kubernetes/client-node's models (names and types only: no descriptions).
 * Enough for `kubectl explain` to walk fields.
 */
export function componentSchemas(types: readonly ResourceType[]): Record<string, unknown> {
  const out: Record<string, Schema> = {};
  const pending: string[] = [];
  const ref = (model: string) => {
    if (!(key(model) in out) && !pending.includes(model)) pending.push(model);
    return { allOf: [{ $ref: `#/components/schemas/${key(model)}` }] };
  };
  const typeSchema = (t: string): Schema => {
    const array = /^Array<(.+)>$/.exec(t);
    if (array) return { type: 'array', items: typeSchema(array[1]!) };
    const map = /^\{ \[key: string\]: (.+); \}$/.exec(t);
    if (map) return { type: 'object', additionalProperties: typeSchema(map[1]!) };
    switch (t) {
      case 'string':
        return { type: 'string' };
      case 'number':
        return { type: 'integer' };
      case 'boolean':
        return { type: 'boolean' };
      case 'Date':
        return { type: 'string', format: 'date-time' };
      case 'IntOrString':
        out[INT_OR_STRING] = { type: 'string', format: 'int-or-string', 'x-kubernetes-int-or-string': true };
        return { allOf: [{ $ref: `#/components/schemas/${INT_OR_STRING}` }] };
      case 'any':
      case 'object':
        return { type: 'object' };
      default:
        return modelFields(t) ? ref(t) : { type: 'object' };
    }
  };
  const objectSchema = (model: string): Schema => {
    const properties: Record<string, Schema> = {};
    for (const f of modelFields(model) ?? []) properties[f.baseName] = typeSchema(f.type);
    return { type: 'object', properties };
  };
  for (const t of types) {
    const model = modelName(t);
    const base = model
      ? objectSchema(model)
      : { type: 'object', properties: { apiVersion: { type: 'string' }, kind: { type: 'string' }, metadata: { type: 'object' } } };
    out[schemaName(t)] = {
      ...base,
      description: `${t.kind} (schema without descriptions in the simulator).`,
      'x-kubernetes-group-version-kind': [{ group: t.group, version: t.version, kind: t.kind }],
    };
  }
  for (let m = pending.shift(); m; m = pending.shift()) out[key(m)] = objectSchema(m);
  return out;
}
