import type { Dict } from '../admission/util.js';
import type { KObject, ResourceType } from '../types.js';

/**
 * Custom resources: the types a CustomResourceDefinition adds to the API, one per served version,
 * as the apiextensions-apiserver serves them (discovery, REST, tables, the status and scale
 * subresources). The CRD itself stays an ordinary stored object; these types are derived from it.
 */

/** What the simulator keeps of one served version of a CRD. */
export interface CustomVersion {
  /** The CRD's `spec.names`. */
  names: Dict;
  /** The version's entry of `spec.versions`. */
  version: Dict;
  /** `schema.openAPIV3Schema`, if the version has one. */
  schema: Dict | undefined;
}

const VERSIONS = new WeakMap<ResourceType, CustomVersion>();

/** The group and resource of CustomResourceDefinitions. */
export const CRD_RESOURCE = { group: 'apiextensions.k8s.io', resource: 'customresourcedefinitions' } as const;

/** True for the CustomResourceDefinition type itself. */
export const isCrdType = (t: Pick<ResourceType, 'group' | 'resource'>): boolean => t.group === CRD_RESOURCE.group && t.resource === CRD_RESOURCE.resource;

const VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

const strings = (value: unknown): string[] | undefined => (Array.isArray(value) && value.length ? value.map(String) : undefined);

/** The types the CRDs serve, in CRD order, each served version once; a CRD being deleted serves nothing. */
export function customTypes(crds: readonly KObject[]): ResourceType[] {
  const out: ResourceType[] = [];
  for (const crd of crds) {
    if (crd.metadata.deletionTimestamp) continue;
    const spec = (crd.spec ?? {}) as Dict;
    const names = (spec.names ?? {}) as Dict;
    if (!spec.group || !names.plural || !names.kind) continue;
    for (const version of (spec.versions ?? []) as Dict[]) {
      if (!version.served) continue;
      const sub = (version.subresources ?? {}) as Dict;
      const subresources = [...(sub.status ? ['status'] : []), ...(sub.scale ? ['scale'] : [])];
      const shortNames = strings(names.shortNames);
      const categories = strings(names.categories);
      const type: ResourceType = {
        group: String(spec.group),
        version: String(version.name),
        resource: String(names.plural),
        singular: String(names.singular || String(names.kind).toLowerCase()),
        kind: String(names.kind),
        namespaced: spec.scope !== 'Cluster',
        verbs: [...VERBS],
        ...(shortNames ? { shortNames } : {}),
        ...(categories ? { categories } : {}),
        ...(subresources.length ? { subresources } : {}),
      };
      VERSIONS.set(type, { names, version, schema: (version.schema as Dict | undefined)?.openAPIV3Schema as Dict | undefined });
      out.push(type);
    }
  }
  return out;
}

/** The CRD version behind a custom resource type, or undefined for a built-in type. */
export function customVersion(type: ResourceType): CustomVersion | undefined {
  return VERSIONS.get(type);
}

/** Where a custom resource keeps what its scale subresource shows, as key paths (`['spec', 'count']`). */
export interface ScalePaths {
  spec: string[];
  status: string[];
  selector?: string[];
}

const keys = (jsonPath: unknown): string[] | undefined => (typeof jsonPath === 'string' && jsonPath.startsWith('.') ? jsonPath.slice(1).split('.') : undefined);

/** The scale subresource's paths of a custom resource type, or undefined (built-in types use `.spec.replicas`). */
export function scalePaths(type: ResourceType): ScalePaths | undefined {
  const scale = (customVersion(type)?.version.subresources as Dict | undefined)?.scale as Dict | undefined;
  if (!scale) return undefined;
  const selector = keys(scale.labelSelectorPath);
  return {
    spec: keys(scale.specReplicasPath) ?? ['spec', 'replicas'],
    status: keys(scale.statusReplicasPath) ?? ['status', 'replicas'],
    ...(selector ? { selector } : {}),
  };
}
