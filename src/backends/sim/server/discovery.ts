import { groupVersion, groupVersions, subresourceInfo } from '../registry.js';
import type { ResourceType } from '../types.js';

const AGGREGATED = /g=apidiscovery\.k8s\.io;\s*v=(v2|v2beta1);\s*as=APIGroupDiscoveryList/;

/** The aggregated discovery version an Accept header asks for, if any (v2 preferred). */
export function aggregatedVersion(accept: string | undefined): 'v2' | 'v2beta1' | undefined {
  if (!accept) return undefined;
  const versions = accept
    .split(',')
    .map((a) => AGGREGATED.exec(a)?.[1])
    .filter(Boolean) as ('v2' | 'v2beta1')[];
  return versions.includes('v2') ? 'v2' : versions[0];
}

/** The Content-Type of an aggregated discovery answer. */
export const aggregatedContentType = (v: 'v2' | 'v2beta1') => `application/json;g=apidiscovery.k8s.io;v=${v};as=APIGroupDiscoveryList`;

function resourceEntry(t: ResourceType) {
  return {
    resource: t.resource,
    responseKind: { group: t.group, version: t.version, kind: t.kind },
    scope: t.namespaced ? 'Namespaced' : 'Cluster',
    singularResource: t.singular,
    verbs: [...t.verbs].sort(),
    ...(t.shortNames ? { shortNames: t.shortNames } : {}),
    ...(t.categories ? { categories: t.categories } : {}),
    ...(t.subresources
      ? {
          subresources: t.subresources.map((s) => {
            const info = subresourceInfo(t, s);
            return { subresource: s, responseKind: { group: info.group, version: info.version, kind: info.kind }, verbs: info.verbs };
          }),
        }
      : {}),
  };
}

/** Served groups in order, each with its versions (preferred first). */
function groupsOf(types: readonly ResourceType[]): { group: string; versions: string[] }[] {
  const out: { group: string; versions: string[] }[] = [];
  for (const gv of groupVersions(types)) {
    const g = out.find((x) => x.group === gv.group);
    if (g) g.versions.push(gv.version);
    else out.push({ group: gv.group, versions: [gv.version] });
  }
  return out;
}

/** `/api` or `/apis` as an APIGroupDiscoveryList (aggregated discovery). */
export function aggregatedDiscovery(types: readonly ResourceType[], core: boolean, version: 'v2' | 'v2beta1') {
  const items = groupsOf(types)
    .filter((g) => (g.group === '') === core)
    .map((g) => ({
      metadata: core ? { creationTimestamp: null } : { name: g.group, creationTimestamp: null },
      versions: g.versions.map((v) => ({
        version: v,
        resources: types.filter((t) => t.group === g.group && t.version === v).map(resourceEntry),
        freshness: 'Current',
      })),
    }));
  return { kind: 'APIGroupDiscoveryList', apiVersion: `apidiscovery.k8s.io/${version}`, metadata: {}, items };
}

/** Legacy `/api`. */
export function apiVersions(serverAddress: string) {
  return { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }] };
}

/** Legacy `/apis`. */
export function apiGroupList(types: readonly ResourceType[]) {
  const groups = groupsOf(types)
    .filter((g) => g.group !== '')
    .map((g) => apiGroupEntry(g.group, g.versions));
  return { kind: 'APIGroupList', apiVersion: 'v1', groups };
}

function apiGroupEntry(group: string, versions: string[]) {
  const vs = versions.map((v) => ({ groupVersion: groupVersion({ group, version: v }), version: v }));
  return { name: group, versions: vs, preferredVersion: vs[0]! };
}

/** Legacy `/apis/<g>` (an APIGroup), or undefined when the group is not served. */
export function apiGroup(types: readonly ResourceType[], group: string) {
  const g = groupsOf(types).find((x) => x.group === group);
  if (!g) return undefined;
  return { kind: 'APIGroup', apiVersion: 'v1', ...apiGroupEntry(group, g.versions) };
}

/** Legacy `/api/v1` or `/apis/<g>/<v>` (an APIResourceList), or undefined when not served. */
export function apiResourceList(types: readonly ResourceType[], group: string, version: string) {
  const served = types.filter((t) => t.group === group && t.version === version);
  if (served.length === 0) return undefined;
  const resources: Record<string, unknown>[] = [];
  for (const t of served) {
    resources.push({
      name: t.resource,
      singularName: t.singular,
      namespaced: t.namespaced,
      kind: t.kind,
      verbs: [...t.verbs].sort(),
      ...(t.shortNames ? { shortNames: t.shortNames } : {}),
      ...(t.categories ? { categories: t.categories } : {}),
    });
    for (const s of t.subresources ?? []) {
      const info = subresourceInfo(t, s);
      resources.push({
        name: `${t.resource}/${s}`,
        singularName: '',
        namespaced: t.namespaced,
        ...(info.group !== t.group ? { group: info.group, version: info.version } : {}),
        kind: info.kind,
        verbs: info.verbs,
      });
    }
  }
  return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: groupVersion({ group, version }), resources };
}
