import { ALL_VERBS, KINDS } from './kinds.js';
import type { ResourceType } from './types.js';

/** The simulator's resource table. */
export const RESOURCE_TYPES: readonly ResourceType[] = KINDS.map((k) => ({
  group: k.group,
  version: k.version,
  resource: k.resource,
  singular: k.singular ?? k.kind.toLowerCase(),
  kind: k.kind,
  namespaced: k.namespaced,
  verbs: [...(k.verbs ?? ALL_VERBS)],
  ...(k.shortNames?.length ? { shortNames: k.shortNames } : {}),
  ...(k.categories ? { categories: k.categories } : {}),
  ...(k.subresources?.length ? { subresources: k.subresources } : {}),
}));

/** What a subresource answers with, and which verbs it serves (for discovery). */
export function subresourceInfo(type: ResourceType, sub: string): { group: string; version: string; kind: string; verbs: string[] } {
  const same = { group: type.group, version: type.version, kind: type.kind };
  switch (sub) {
    case 'status':
      return { ...same, verbs: ['get', 'patch', 'update'] };
    case 'scale':
      return { group: 'autoscaling', version: 'v1', kind: 'Scale', verbs: ['get', 'patch', 'update'] };
    case 'exec':
      return { group: '', version: 'v1', kind: 'PodExecOptions', verbs: ['create', 'get'] };
    case 'attach':
      return { group: '', version: 'v1', kind: 'PodAttachOptions', verbs: ['create', 'get'] };
    case 'portforward':
      return { group: '', version: 'v1', kind: 'PodPortForwardOptions', verbs: ['create', 'get'] };
    case 'log':
      return { ...same, verbs: ['get'] };
    case 'binding':
      return { group: '', version: 'v1', kind: 'Binding', verbs: ['create'] };
    case 'eviction':
      return { group: 'policy', version: 'v1', kind: 'Eviction', verbs: ['create'] };
    case 'ephemeralcontainers':
      return { ...same, verbs: ['get', 'patch', 'update'] };
    case 'token':
      return { group: 'authentication.k8s.io', version: 'v1', kind: 'TokenRequest', verbs: ['create'] };
    case 'finalize':
      return { ...same, verbs: ['update'] };
    case 'proxy':
      return { group: '', version: 'v1', kind: `${type.kind}ProxyOptions`, verbs: ['create', 'delete', 'get', 'patch', 'update'] };
    default:
      return { ...same, verbs: ['get'] };
  }
}

/** `apps/v1` or `v1`. */
export const groupVersion = (t: { group: string; version: string }): string => (t.group ? `${t.group}/${t.version}` : t.version);

/** The served group-versions in discovery order (core first). */
export function groupVersions(types: readonly ResourceType[] = RESOURCE_TYPES): { group: string; version: string }[] {
  const seen = new Map<string, { group: string; version: string }>();
  for (const t of types) seen.set(groupVersion(t), { group: t.group, version: t.version });
  return [...seen.values()];
}
