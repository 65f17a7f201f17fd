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

/** Schemas for the kinds served by one group-version (top level only, each with its GVK). */
export function componentSchemas(types: readonly ResourceType[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const t of types) {
    out[schemaName(t)] = {
      type: 'object',
      description: `${t.kind} (simulated).`,
      properties: {
        apiVersion: { type: 'string' },
        kind: { type: 'string' },
        metadata: { type: 'object' },
      },
      'x-kubernetes-group-version-kind': [{ group: t.group, version: t.version, kind: t.kind }],
    };
  }
  return out;
}
