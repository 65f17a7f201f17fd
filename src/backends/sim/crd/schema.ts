import { invalidField, notSupported, required, type GoValue } from '../admission/field-errors.js';
import { isDict, type Dict } from '../admission/util.js';
import type { FieldCause } from '../status.js';

/**
 * A CRD's structural schema applied to a custom resource, as the apiextensions-apiserver does on
 * every write: unknown fields are pruned (or refused under `fieldValidation=Strict`), `default`s
 * fill missing fields, then the OpenAPI v3 rules are checked with kube-openapi's messages
 * (`spec.replicas in body should be less than or equal to 10`). CEL rules
 * (`x-kubernetes-validations`) are not evaluated.
 */

const ROOT_KEPT = new Set(['apiVersion', 'kind', 'metadata']);
const preserves = (s: Dict): boolean => s['x-kubernetes-preserve-unknown-fields'] === true;
const child = (path: string, key: string) => (path ? `${path}.${key}` : key);

/** Removes the fields the schema does not know; returns their paths (`spec.someRandomField`). */
export function prune(value: unknown, schema: Dict | undefined, path = '', root = true): string[] {
  if (!schema) return [];
  const pruned: string[] = [];
  if (Array.isArray(value)) {
    if (isDict(schema.items)) value.forEach((v, i) => pruned.push(...prune(v, schema.items as Dict, `${path}[${i}]`, false)));
    return pruned;
  }
  if (!isDict(value)) return pruned;
  const properties = isDict(schema.properties) ? (schema.properties as Dict) : undefined;
  const additional = isDict(schema.additionalProperties) ? (schema.additionalProperties as Dict) : undefined;
  const embedded = schema['x-kubernetes-embedded-resource'] === true;
  for (const key of Object.keys(value)) {
    if ((root || embedded) && ROOT_KEPT.has(key)) continue;
    const sub = properties?.[key] ?? additional;
    if (sub) pruned.push(...prune(value[key], sub as Dict, child(path, key), false));
    else if (!preserves(schema) && schema.additionalProperties !== true) {
      delete value[key];
      pruned.push(child(path, key));
    }
  }
  return pruned;
}

/** Sets the schema's `default` on missing fields (and on null ones that are not nullable). */
export function applyDefaults(value: unknown, schema: Dict | undefined): void {
  if (!schema) return;
  if (Array.isArray(value)) {
    if (isDict(schema.items)) for (const v of value) applyDefaults(v, schema.items as Dict);
    return;
  }
  if (!isDict(value) || !isDict(schema.properties)) return;
  for (const [key, sub] of Object.entries(schema.properties as Dict)) {
    if (!isDict(sub)) continue;
    if (value[key] === null && !sub.nullable) delete value[key];
    if (value[key] === undefined && sub.default !== undefined) value[key] = structuredClone(sub.default);
    if (value[key] !== undefined) applyDefaults(value[key], sub);
  }
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function typeMatches(want: string, value: unknown): boolean {
  const got = typeOf(value);
  return got === want || (want === 'number' && got === 'integer');
}

const goValue = (v: unknown): GoValue =>
  typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v === null ? v : { goString: JSON.stringify(v) };

/** Go's `%v` of a schema bound: 10, 1.5. */
const bound = (n: unknown) => String(n);

/** The OpenAPI v3 rules of `schema` on `value`; causes in field order, with kube-openapi's texts. */
export function validateSchema(value: unknown, schema: Dict | undefined, path = ''): FieldCause[] {
  if (!schema || value === undefined) return [];
  const name = path || '.';
  if (value === null) return schema.nullable || !schema.type ? [] : [invalidField(name, null, `${name} in body must be of type ${schema.type}: "null"`)];
  const intOrString = schema['x-kubernetes-int-or-string'] === true;
  if (intOrString) {
    if (typeof value !== 'string' && !Number.isInteger(value))
      return [invalidField(name, goValue(value), `${name} in body must be of type integer,string: "${typeOf(value)}"`)];
  } else if (schema.type && !typeMatches(String(schema.type), value)) {
    return [{ ...invalidField(name, goValue(value), `${name} in body must be of type ${schema.type}: "${typeOf(value)}"`), reason: 'FieldValueTypeInvalid' }];
  }
  const causes: FieldCause[] = [];
  if (Array.isArray(schema.enum) && !schema.enum.some((e) => JSON.stringify(e) === JSON.stringify(value)))
    causes.push(
      notSupported(
        name,
        goValue(value),
        schema.enum.map((e) => (typeof e === 'string' ? e : JSON.stringify(e))),
      ),
    );
  if (typeof value === 'string') {
    if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value))
      causes.push(invalidField(name, value, `${name} in body should match '${schema.pattern}'`));
    if (typeof schema.maxLength === 'number' && [...value].length > schema.maxLength)
      causes.push(invalidField(name, value, `${name} in body should be at most ${schema.maxLength} chars long`));
    if (typeof schema.minLength === 'number' && [...value].length < schema.minLength)
      causes.push(invalidField(name, value, `${name} in body should be at least ${schema.minLength} chars long`));
  }
  if (typeof value === 'number') {
    const { maximum, minimum } = schema;
    if (typeof maximum === 'number' && (schema.exclusiveMaximum ? value >= maximum : value > maximum))
      causes.push(invalidField(name, value, `${name} in body should be less than ${schema.exclusiveMaximum ? '' : 'or equal to '}${bound(maximum)}`));
    if (typeof minimum === 'number' && (schema.exclusiveMinimum ? value <= minimum : value < minimum))
      causes.push(invalidField(name, value, `${name} in body should be greater than ${schema.exclusiveMinimum ? '' : 'or equal to '}${bound(minimum)}`));
  }
  if (Array.isArray(value) && isDict(schema.items)) value.forEach((v, i) => causes.push(...validateSchema(v, schema.items as Dict, `${path}[${i}]`)));
  if (isDict(value)) {
    for (const key of (schema.required ?? []) as string[]) if (value[key] === undefined) causes.push(required(child(path, key)));
    const properties = isDict(schema.properties) ? (schema.properties as Dict) : {};
    const additional = isDict(schema.additionalProperties) ? (schema.additionalProperties as Dict) : undefined;
    for (const key of Object.keys(value).sort()) {
      if (!path && (key === 'apiVersion' || key === 'kind' || key === 'metadata')) continue;
      const sub = (properties[key] as Dict | undefined) ?? additional;
      if (sub) causes.push(...validateSchema(value[key], sub, child(path, key)));
    }
  }
  return causes;
}
