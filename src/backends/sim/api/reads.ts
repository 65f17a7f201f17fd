import { customTypes, isCrdType } from '../crd/types.js';
import { groupVersion } from '../registry.js';
import { notFound } from '../status.js';
import type { ResourceType, Store } from '../types.js';
import type { Api } from './types.js';

/** The read side of the Api: the served types and the objects of the store. */
export type Reads = Pick<Api, 'types' | 'resolve' | 'typeFor' | 'get' | 'find' | 'list'>;

/**
 * Creates the reads over `store` for the served `types`, followed by the custom resource types
 * the stored CustomResourceDefinitions add (recomputed when a CRD changes); a cluster-scoped type
 * ignores the namespace asked for.
 */
export function createReads(store: Store, builtIn: readonly ResourceType[]): Reads {
  const nsOf = (type: ResourceType, ns: string | undefined) => (type.namespaced ? ns : undefined);
  const find = (type: ResourceType, ns: string | undefined, name: string) => store.get(type, nsOf(type, ns), name);
  const crdType = builtIn.find(isCrdType);
  let served: readonly ResourceType[] = builtIn;
  const refresh = () => {
    if (!crdType) return;
    served = [...builtIn, ...customTypes(store.list(crdType, undefined).items)];
  };
  refresh();
  store.subscribe((change) => {
    if (isCrdType(change.resource)) refresh();
  });
  const types = () => served;
  return {
    types,
    resolve(nameOrKind, group) {
      const n = nameOrKind.toLowerCase();
      const inGroup = types().filter((t) => group === undefined || t.group === group);
      return (
        inGroup.find((t) => t.resource === n) ??
        inGroup.find((t) => t.singular === n) ??
        inGroup.find((t) => t.shortNames?.includes(n)) ??
        inGroup.find((t) => t.kind.toLowerCase() === n)
      );
    },
    typeFor(apiVersion, kind) {
      return types().find((t) => groupVersion(t) === apiVersion && t.kind === kind);
    },
    get(type, ns, name) {
      const o = find(type, ns, name);
      if (!o) throw notFound(type.resource, type.group, name);
      return o;
    },
    find,
    list: (type, namespace, listOptions) => store.list(type, nsOf(type, namespace), listOptions),
  };
}
