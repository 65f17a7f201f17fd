import type { FieldCause } from '../../status.js';
import { invalidField, required } from '../field-errors.js';
import { dns1035Label, dns1123Label, dns1123Subdomain, labelValue, qualifiedName } from '../names.js';
import { type Dict, isDict } from '../util.js';

/** Which name rule a resource's names follow. */
export type NameRule = 'subdomain' | 'label' | 'dns1035' | 'path' | 'any';

/** `path.IsValidPathSegmentName`: what RBAC names must be (so `system:basic-user` is fine). */
function pathSegmentName(name: string): string[] {
  if (name === '.' || name === '..') return [`may not be '${name}'`];
  return ['/', '%'].filter((c) => name.includes(c)).map((c) => `may not contain '${c}'`);
}

const RULES: Record<NameRule, (name: string) => string[]> = {
  subdomain: dns1123Subdomain,
  path: pathSegmentName,
  label: dns1123Label,
  dns1035: dns1035Label,
  any: () => [],
};

/** A generateName prefix may end in `-` (`maskTrailingDash`). */
function masked(prefix: string): string {
  return prefix.length > 1 && prefix.endsWith('-') ? `${prefix.slice(0, -2)}a` : prefix;
}

/** Label keys and values (`ValidateLabels`), errors on `path`. */
export function validateLabels(labels: unknown, path: string): FieldCause[] {
  if (!isDict(labels)) return [];
  const errs: FieldCause[] = [];
  for (const [k, v] of Object.entries(labels)) {
    for (const msg of qualifiedName(k)) errs.push(invalidField(path, k, msg));
    for (const msg of labelValue(String(v ?? ''))) errs.push(invalidField(path, String(v ?? ''), msg));
  }
  return errs;
}

/** Annotation keys (`ValidateAnnotations`). */
export function validateAnnotations(annotations: unknown, path: string): FieldCause[] {
  if (!isDict(annotations)) return [];
  const errs: FieldCause[] = [];
  for (const k of Object.keys(annotations)) {
    for (const msg of qualifiedName(k.toLowerCase())) errs.push(invalidField(path, k, msg));
  }
  const size = Object.entries(annotations).reduce((n, [k, v]) => n + k.length + String(v ?? '').length, 0);
  if (size > 262144) {
    errs.push({ reason: 'FieldValueTooLong', message: 'Too long: may not be more than 262144 bytes', field: path });
  }
  return errs;
}

/** `ValidateObjectMeta`: name (or generateName), labels and annotations. */
export function validateObjectMeta(meta: Dict, rule: NameRule, path = 'metadata'): FieldCause[] {
  const errs: FieldCause[] = [];
  const check = RULES[rule];
  if (meta.generateName) {
    for (const msg of check(masked(String(meta.generateName)))) {
      errs.push(invalidField(`${path}.generateName`, String(meta.generateName), msg));
    }
  }
  if (!meta.name) errs.push(required(`${path}.name`, 'name or generateName is required'));
  else for (const msg of check(String(meta.name))) errs.push(invalidField(`${path}.name`, String(meta.name), msg));
  errs.push(...validateLabels(meta.labels, `${path}.labels`));
  errs.push(...validateAnnotations(meta.annotations, `${path}.annotations`));
  return errs;
}
