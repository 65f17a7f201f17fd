import type { Admission } from '../admission/index.js';
import { badRequest, conflict } from '../status.js';
import type { KObject, ResourceType, SimContext, Store } from '../types.js';
import { recordManager, sameOwnership } from './apply.js';
import { stamp } from './delete.js';
import { checkKind, checkNamespaceOpen, requireName, targetNamespace } from './guards.js';
import { nameSuffix, sameContent, toScale, withTypeMeta } from './objects.js';
import type { Reads } from './reads.js';
import { checkSecretData, checkStrict } from './strict.js';
import { scalePaths } from '../crd/types.js';
import type { WriteOptions } from './types.js';

/** What every write path needs: the store, the clock and ids, admission, and the reads. */
export interface Writer {
  store: Store;
  ctx: SimContext;
  admission: Admission;
  reads: Reads;
}

/** Creates an object: shape checks, namespace and generated name, admission, uid and timestamps. */
export function createObject(w: Writer, type: ResourceType, namespace: string | undefined, body: KObject, opts: WriteOptions = {}): KObject {
  const { store, ctx, admission } = w;
  checkKind(type, body);
  if (opts.fieldValidation === 'Strict') checkStrict(type, body);
  checkSecretData(type, body);
  const o = withTypeMeta(type, structuredClone(body));
  const ns = targetNamespace(type, namespace, o);
  if (ns === undefined) delete o.metadata.namespace;
  else o.metadata.namespace = ns;
  if (!o.metadata.name && o.metadata.generateName) o.metadata.name = `${o.metadata.generateName}${nameSuffix(ctx.ids.int)}`;
  requireName(type, o);
  checkNamespaceOpen(store, type, ns, o.metadata.name!);
  delete o.metadata.resourceVersion;
  const admitted = admission.admit('create', type, o, undefined, opts);
  const m = admitted.metadata;
  m.uid ??= ctx.ids.uid();
  m.creationTimestamp ??= stamp(ctx.clock.now());
  delete m.deletionTimestamp;
  recordManager(admitted, type, opts, undefined, opts.appliedBody ?? body, stamp(ctx.clock.now()));
  if (opts.dryRun) {
    if (w.reads.find(type, ns, m.name!)) store.create(type, admitted); // throws AlreadyExists
    return admitted;
  }
  return store.create(type, admitted);
}

/** Writes `next` over `old`: admission, finalizer completion, no-op detection. */
export function replaceObject(w: Writer, type: ResourceType, old: KObject, next: KObject, opts: WriteOptions): KObject {
  const { store, ctx, admission } = w;
  const o = withTypeMeta(type, next);
  const m = o.metadata;
  m.name = old.metadata.name;
  if (type.namespaced) m.namespace = old.metadata.namespace;
  m.uid = old.metadata.uid;
  m.creationTimestamp = old.metadata.creationTimestamp;
  if (old.metadata.deletionTimestamp) {
    m.deletionTimestamp = old.metadata.deletionTimestamp;
    m.deletionGracePeriodSeconds = old.metadata.deletionGracePeriodSeconds;
  } else delete m.deletionTimestamp;
  if (opts.subresource === 'status') {
    const status = o.status;
    Object.assign(o, structuredClone(old), { status, metadata: { ...old.metadata, resourceVersion: m.resourceVersion } });
  } else if (type.subresources?.includes('status') && !opts.subresource) o.status = old.status;
  if (o.status === undefined) delete o.status;
  const finishing = finalized(type, old, o);
  // A stale resourceVersion is a 409 before anything is validated, as the storage layer checks
  // the precondition before the update strategy runs; "0" means unconditional, like unset.
  const want = o.metadata.resourceVersion;
  if (want === '0') delete o.metadata.resourceVersion;
  else if (want && want !== old.metadata.resourceVersion)
    throw conflict(
      type.resource,
      type.group,
      old.metadata.name ?? '',
      'the object has been modified; please apply your changes to the latest version and try again',
    );
  const admitted = admission.admit('update', type, o, old, opts);
  if (finishing || finalized(type, old, admitted)) {
    if (opts.dryRun) return admitted;
    const gone = store.remove(type, old.metadata.namespace, old.metadata.name!) ?? admitted;
    admission.release(type, gone);
    return gone;
  }
  // A request that sets managedFields itself (kubectl's client-side to server-side apply
  // migration does) replaces them, as the real server does; otherwise the server records the writer.
  const setsFields = next.metadata.managedFields !== undefined && JSON.stringify(next.metadata.managedFields) !== JSON.stringify(old.metadata.managedFields);
  if (!setsFields) recordManager(admitted, type, opts, old, opts.appliedBody ?? next, stamp(ctx.clock.now()));
  // A no-op write is not stored — unless an apply changed who owns what (a new manager applying
  // the values already there becomes a co-owner, and the real server writes that).
  if (sameContent(admitted, old) && !setsFields && (opts.operation !== 'Apply' || sameOwnership(admitted, old))) return old;
  if (opts.dryRun) return { ...admitted, metadata: { ...admitted.metadata, resourceVersion: old.metadata.resourceVersion } };
  return store.update(type, admitted);
}

/** Replaces an object with the body sent (PUT), or its replicas through the scale subresource. */
export function updateObject(w: Writer, type: ResourceType, namespace: string | undefined, body: KObject, opts: WriteOptions = {}): KObject {
  if (opts.subresource === 'scale') return writeScale(w, type, namespace, body, opts);
  checkKind(type, body);
  if (opts.fieldValidation === 'Strict') checkStrict(type, body);
  checkSecretData(type, body);
  const name = body.metadata.name;
  if (!name) throw badRequest('name is required');
  const ns = type.namespaced ? targetNamespace(type, namespace, body) : undefined;
  const old = w.reads.get(type, ns, name);
  return replaceObject(w, type, old, structuredClone(body), opts);
}

/** Writes the replicas of a Scale to its object; answers with the object's Scale. */
export function writeScale(w: Writer, type: ResourceType, namespace: string | undefined, scale: KObject, opts: WriteOptions): KObject {
  const old = w.reads.get(type, namespace, scale.metadata.name ?? '');
  const replicas = (scale.spec as { replicas?: number } | undefined)?.replicas;
  const next = structuredClone(old);
  const path = scalePaths(type)?.spec ?? ['spec', 'replicas'];
  let parent = next as Record<string, unknown>;
  for (const key of path.slice(0, -1)) parent = (parent[key] = { ...((parent[key] as object | undefined) ?? {}) }) as Record<string, unknown>;
  parent[path[path.length - 1]!] = replicas ?? 0;
  next.metadata.resourceVersion = scale.metadata.resourceVersion || undefined;
  return toScale(replaceObject(w, type, old, next, { ...opts, subresource: undefined }), type);
}

/** Removing the last finalizer of an object being deleted removes the object. */
function finalized(type: ResourceType, old: KObject, next: KObject): boolean {
  if (!old.metadata.deletionTimestamp) return false;
  if ((next.metadata.finalizers ?? []).length > 0) return false;
  if (type.group === '' && type.resource === 'namespaces') {
    const before = ((old.spec as { finalizers?: string[] } | undefined)?.finalizers ?? []).length;
    const after = ((next.spec as { finalizers?: string[] } | undefined)?.finalizers ?? []).length;
    return (before > 0 || (old.metadata.finalizers ?? []).length > 0) && after === 0;
  }
  return (old.metadata.finalizers ?? []).length > 0;
}
