import { createAdmission, type Admission } from '../admission/index.js';
import { groupVersion, RESOURCE_TYPES } from '../registry.js';
import { badRequest, conflict, notFound } from '../status.js';
import { checkPatchedShape } from './typed-check.js';
import type { KObject, ResourceType, SimContext, Store } from '../types.js';
import { deleteObject, stamp } from './delete.js';
import { checkDeletable, checkKind, checkNamespaceOpen, requireName, targetNamespace } from './guards.js';
import { nameSuffix, sameContent, toScale, withTypeMeta } from './objects.js';
import { checkSecretData, checkStrict } from './strict.js';
import { applyConflicts, dropUnapplied, lastAppliedUnchanged, recordManager, sameOwnership, throwConflicts } from './apply.js';
import { applyJsonPatch, mergePatch, strategicMergePatch } from './patch.js';
import type { Api, PatchType, WriteOptions } from './types.js';

export type { Api, DeleteOptions, PatchType, PropagationPolicy, WriteOptions } from './types.js';
export { toScale, selectorString, deepEqual } from './objects.js';
export { mergePatch, strategicMergePatch, applyJsonPatch } from './patch.js';

/** What `createApi` needs. */
export interface ApiOptions {
  store: Store;
  ctx: SimContext;
  /** Defaults to the admission module's `createAdmission(store, ctx)`. */
  admission?: Admission;
  types?: readonly ResourceType[];
}

/**
 * The simulator's Api: admission in front of the store, optimistic concurrency, patches
 * (JSON, merge, strategic, server-side apply), the status and scale subresources, and
 * deletion with finalizers and grace periods.
 */
export function createApi(options: ApiOptions): Api {
  const { store, ctx } = options;
  const admission = options.admission ?? createAdmission(store, ctx);
  const types = options.types ?? RESOURCE_TYPES;
  const nsOf = (type: ResourceType, ns: string | undefined) => (type.namespaced ? ns : undefined);

  const find = (type: ResourceType, ns: string | undefined, name: string) => store.get(type, nsOf(type, ns), name);
  const get = (type: ResourceType, ns: string | undefined, name: string) => {
    const o = find(type, ns, name);
    if (!o) throw notFound(type.resource, type.group, name);
    return o;
  };

  const create = (type: ResourceType, namespace: string | undefined, body: KObject, opts: WriteOptions = {}): KObject => {
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
      if (find(type, ns, m.name!)) store.create(type, admitted); // throws AlreadyExists
      return admitted;
    }
    return store.create(type, admitted);
  };

  /** Writes `next` over `old`: admission, finalizer completion, no-op detection. */
  const replace = (type: ResourceType, old: KObject, next: KObject, opts: WriteOptions): KObject => {
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
  };

  const update = (type: ResourceType, namespace: string | undefined, body: KObject, opts: WriteOptions = {}): KObject => {
    if (opts.subresource === 'scale') return writeScale(type, namespace, body, opts);
    checkKind(type, body);
    if (opts.fieldValidation === 'Strict') checkStrict(type, body);
    checkSecretData(type, body);
    const name = body.metadata.name;
    if (!name) throw badRequest('name is required');
    const ns = type.namespaced ? targetNamespace(type, namespace, body) : undefined;
    const old = get(type, ns, name);
    return replace(type, old, structuredClone(body), opts);
  };

  const writeScale = (type: ResourceType, namespace: string | undefined, scale: KObject, opts: WriteOptions): KObject => {
    const old = get(type, namespace, scale.metadata.name ?? '');
    const replicas = (scale.spec as { replicas?: number } | undefined)?.replicas;
    const next = structuredClone(old);
    next.spec = { ...(next.spec as object), replicas: replicas ?? 0 };
    next.metadata.resourceVersion = scale.metadata.resourceVersion || undefined;
    return toScale(replace(type, old, next, { ...opts, subresource: undefined }));
  };

  const patch = (type: ResourceType, namespace: string | undefined, name: string, patchType: PatchType, body: unknown, opts: WriteOptions = {}): KObject => {
    const old = find(type, namespace, name);
    if (!old) {
      if (patchType !== 'apply' || opts.subresource) throw notFound(type.resource, type.group, name);
      const applied = structuredClone(body) as KObject;
      checkKind(type, applied);
      if (applied.metadata.name && applied.metadata.name !== name) throw badRequest('the name of the object does not match the name on the URL');
      applied.metadata.name = name;
      return create(type, namespace, applied, { ...opts, operation: 'Apply', appliedBody: body });
    }
    const base: KObject = opts.subresource === 'scale' ? toScale(old) : old;
    let patched: unknown;
    if (patchType === 'json') patched = applyJsonPatch(base, body);
    else if (patchType === 'merge') patched = mergePatch(base, body);
    else patched = strategicMergePatch(base, body);
    if (patched === null || typeof patched !== 'object' || Array.isArray(patched)) throw badRequest('the patch did not produce an object');
    if (opts.subresource !== 'scale') checkPatchedShape(type, patched as Record<string, unknown>, body, patchType as 'json' | 'merge' | 'strategic');
    const next = patched as KObject;
    if (typeof next.metadata !== 'object' || next.metadata === null) next.metadata = {};
    if (opts.subresource === 'scale') return writeScale(type, namespace, { ...next, metadata: { ...next.metadata, name } }, opts);
    // Like the real server, strict validation looks at what the patch sets, not at what was stored before.
    if (opts.fieldValidation === 'Strict' && patchType !== 'json') checkStrict(type, body);
    checkSecretData(type, next);
    if (next.metadata.resourceVersion === old.metadata.resourceVersion) delete next.metadata.resourceVersion;
    if (patchType !== 'apply') return replace(type, old, next, opts);
    let force = opts.force === true;
    if (!force) {
      const conflicts = applyConflicts(type, old, body, opts.fieldManager ?? '');
      // kubectl's own manager may take over what client-side apply set, as long as the live value
      // is still the last-applied one (the fieldmanager's lastAppliedManager); others must force.
      if (conflicts.length > 0 && !(opts.fieldManager === 'kubectl' && conflicts.every((c) => lastAppliedUnchanged(old).has(JSON.stringify(c.path)))))
        throwConflicts(conflicts);
      force = conflicts.length > 0;
    }
    dropUnapplied(type, old, next, body, opts.fieldManager ?? '');
    return replace(type, old, next, { ...opts, force, operation: 'Apply', appliedBody: body });
  };

  return {
    store,
    ctx,
    types: () => types,
    resolve(nameOrKind, group) {
      const n = nameOrKind.toLowerCase();
      const inGroup = types.filter((t) => group === undefined || t.group === group);
      return (
        inGroup.find((t) => t.resource === n) ??
        inGroup.find((t) => t.singular === n) ??
        inGroup.find((t) => t.shortNames?.includes(n)) ??
        inGroup.find((t) => t.kind.toLowerCase() === n)
      );
    },
    typeFor(apiVersion, kind) {
      return types.find((t) => groupVersion(t) === apiVersion && t.kind === kind);
    },
    get,
    find,
    list: (type, namespace, listOptions) => store.list(type, nsOf(type, namespace), listOptions),
    create,
    update,
    patch,
    delete(type, namespace, name, deleteOptions = {}) {
      const current = get(type, namespace, name);
      checkDeletable(type, name);
      return deleteObject(store, admission, ctx, type, current, deleteOptions);
    },
    subscribe: (onChange) => store.subscribe(onChange),
  };
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
