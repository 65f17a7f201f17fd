import { mergeKeyFor } from './merge-keys.js';

/**
 * Field ownership for server-side apply, simplified: each manager owns a set of leaf fields,
 * written in the real FieldsV1 shape (`{"f:spec":{"f:replicas":{}}}`, list items as
 * `k:{"name":"nginx"}`). Lists without a merge key are owned whole.
 */
export type FieldPath = string[];

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** The leaf fields an object (or an apply body) sets, with their values. */
export function leafFields(obj: unknown): Map<string, { path: FieldPath; value: unknown }> {
  const out = new Map<string, { path: FieldPath; value: unknown }>();
  const walk = (v: unknown, path: FieldPath, field: string): void => {
    if (Array.isArray(v)) {
      const key = mergeKeyFor(field, v);
      if (key && v.every((i) => i !== null && typeof i === 'object' && key in (i as object))) {
        for (const item of v as Record<string, unknown>[]) walk(item, [...path, `k:${JSON.stringify({ [key]: item[key] })}`], '');
        return;
      }
    } else if (v !== null && typeof v === 'object' && Object.keys(v).length > 0) {
      for (const [k, child] of Object.entries(v as Record<string, unknown>)) walk(child, [...path, `f:${k}`], k);
      return;
    }
    out.set(JSON.stringify(path), { path, value: v });
  };
  const o = (obj ?? {}) as Record<string, unknown>;
  for (const [k, v] of Object.entries(o)) {
    if (k === 'apiVersion' || k === 'kind' || k === 'status') continue;
    if (k === 'metadata') {
      const m = (v ?? {}) as Record<string, unknown>;
      if (m.labels) walk(m.labels, ['f:metadata', 'f:labels'], 'labels');
      const annotations = { ...((m.annotations as Record<string, unknown>) ?? {}) };
      delete annotations[LAST_APPLIED];
      if (Object.keys(annotations).length) walk(annotations, ['f:metadata', 'f:annotations'], 'annotations');
      continue;
    }
    walk(v, [`f:${k}`], k);
  }
  return out;
}

/** FieldsV1 for a set of paths. */
export function toFieldsV1(paths: FieldPath[]): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const p of paths) {
    let node = root;
    for (const seg of p) node = (node[seg] ??= {}) as Record<string, unknown>;
  }
  return root;
}

/** The leaf paths a FieldsV1 value names. */
export function fromFieldsV1(f: unknown, prefix: FieldPath = []): FieldPath[] {
  const entries = Object.entries((f ?? {}) as Record<string, unknown>).filter(([k]) => k !== '.');
  if (entries.length === 0) return prefix.length ? [prefix] : [];
  return entries.flatMap(([k, v]) => fromFieldsV1(v, [...prefix, k]));
}

/** `.spec.template.spec.containers[name="nginx"].image`, as the API server names a field in a conflict. */
export function describePath(path: FieldPath): string {
  return path
    .map((seg) => {
      if (seg.startsWith('f:')) return `.${seg.slice(2)}`;
      const key = JSON.parse(seg.slice(2)) as Record<string, unknown>;
      return `[${Object.entries(key)
        .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
        .join(',')}]`;
    })
    .join('');
}

/** True when `owned` is the path itself or one of its ancestors (a whole list or map owned). */
export function covers(owned: FieldPath, path: FieldPath): boolean {
  return owned.length <= path.length && owned.every((seg, i) => seg === path[i]);
}
