import { StatusError, badRequest, invalid, notFound } from '../status.js';
import type { KObject, ResourceType, Store } from '../types.js';
import { RESOURCE_TYPES } from '../registry.js';

const NAMESPACES = RESOURCE_TYPES.find((t) => t.resource === 'namespaces')!;

/** The namespace a write goes to: the request's, else the object's, else `default`; 400 when they differ. */
export function targetNamespace(type: ResourceType, requested: string | undefined, object: KObject): string | undefined {
  if (!type.namespaced) return undefined;
  const own = object.metadata.namespace;
  if (requested && own && own !== requested) throw badRequest('the namespace of the provided object does not match the namespace sent on the request');
  return requested || own || 'default';
}

/** 404 when the namespace is missing, 403 when it is being terminated, as the real NamespaceLifecycle admission says. */
export function checkNamespaceOpen(store: Store, type: ResourceType, namespace: string | undefined, name: string): void {
  if (!type.namespaced || namespace === undefined) return;
  const ns = store.get(NAMESPACES, undefined, namespace);
  if (!ns) throw notFound('namespaces', '', namespace);
  if (ns.metadata.deletionTimestamp || (ns.status as { phase?: string } | undefined)?.phase === 'Terminating') {
    const what = type.group ? `${type.resource}.${type.group}` : type.resource;
    throw new StatusError({
      message: `${what} "${name}" is forbidden: unable to create new content in namespace ${namespace} because it is being terminated`,
      reason: 'Forbidden',
      details: {
        name,
        ...(type.group ? { group: type.group } : {}),
        kind: type.resource,
        causes: [{ reason: 'NamespaceTerminating', message: `namespace ${namespace} is being terminated`, field: 'metadata.namespace' }],
      },
      code: 403,
    });
  }
}

/** 422 when neither name nor generateName is set. */
export function requireName(type: ResourceType, object: KObject): void {
  if (!object.metadata.name)
    throw invalid(type.kind, type.group, '', [
      { reason: 'FieldValueRequired', message: 'Required value: name or generateName is required', field: 'metadata.name' },
    ]);
}

/** 400 when the body names another kind than the URL. */
export function checkKind(type: ResourceType, object: unknown): asserts object is KObject {
  if (object === null || typeof object !== 'object' || Array.isArray(object)) throw badRequest("Object 'Kind' is missing in request body");
  const o = object as Partial<KObject>;
  if (o.kind !== undefined && o.kind !== type.kind)
    throw badRequest(`the kind in the data (${String(o.kind)}) does not match the expected kind (${type.kind})`);
  if (o.metadata === undefined || o.metadata === null) o.metadata = {};
  if (typeof o.metadata !== 'object' || Array.isArray(o.metadata)) throw badRequest('metadata must be an object');
}

/** Namespaces the NamespaceLifecycle admission plugin never lets go. */
export const IMMORTAL_NAMESPACES: readonly string[] = ['default', 'kube-system', 'kube-public'];

/** 403 for deleting an immortal namespace, in the plugin's words. */
export function checkDeletable(type: ResourceType, name: string): void {
  if (type.group !== '' || type.resource !== 'namespaces' || !IMMORTAL_NAMESPACES.includes(name)) return;
  throw new StatusError({
    message: `namespaces "${name}" is forbidden: this namespace may not be deleted`,
    reason: 'Forbidden',
    details: { name, kind: 'namespaces' },
    code: 403,
  });
}
