/**
 * Strategic merge patch keys of the built-in types, by field name: lists of maps under these
 * names merge item by item on the key; every other list is replaced whole. `ports` depends on
 * where it is: container ports merge on containerPort, service ports on port.
 */
export const MERGE_KEYS: Readonly<Record<string, string>> = {
  containers: 'name',
  initContainers: 'name',
  ephemeralContainers: 'name',
  env: 'name',
  volumes: 'name',
  volumeMounts: 'mountPath',
  volumeDevices: 'devicePath',
  imagePullSecrets: 'name',
  conditions: 'type',
  ownerReferences: 'uid',
  hostAliases: 'ip',
  topologySpreadConstraints: 'topologyKey',
  resourceClaims: 'name',
  schedulingGates: 'name',
  addresses: 'type',
  taints: 'key',
  ports: 'port',
};

/** Lists of scalars that merge as sets (patchStrategy merge) instead of being replaced. */
export const MERGED_SCALAR_LISTS: ReadonlySet<string> = new Set(['finalizers']);

/** The merge key for a list field, looking at its items to tell container from service ports. */
export function mergeKeyFor(field: string, items: readonly unknown[]): string | undefined {
  if (field === 'ports') {
    const container = items.some((i) => i !== null && typeof i === 'object' && 'containerPort' in (i as object));
    return container ? 'containerPort' : 'port';
  }
  return MERGE_KEYS[field];
}
