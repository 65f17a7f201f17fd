import { createAdmission, type Admission } from '../admission/index.js';
import { groupVersion, RESOURCE_TYPES } from '../registry.js';
import { badRequest, conflict, notFound, StatusError } from '../status.js';
import { checkPatchedShape } from './typed-check.js';
import type { KObject, ResourceType, SimContext, Store } from '../types.js';
import { deleteObject, stamp } from './delete.js';
import { checkDeletable, checkKind, checkNamespaceOpen, requireName, targetNamespace } from './guards.js';
import { nameSuffix, sameContent, toScale, withTypeMeta } from './objects.js';
import { checkSecretData, checkStrict } from './strict.js';
import { covers, describePath, type FieldPath, fromFieldsV1, leafFields, toFieldsV1 } from './managed-fields.js';
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
      throw conflict(type.resource, type.group, old.metadata.name ?? '', 'the object has been modified; please apply your changes to the latest version and try again');
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
      if (conflicts.length > 0 && !(opts.fieldManager === 'kubectl' && conflicts.every((c) => lastAppliedUnchanged(old).has(JSON.stringify(c.path))))) throwConflicts(conflicts);
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

/** Whether two versions of an object have the same managers owning the same fields (times aside). */
function sameOwnership(a: KObject, b: KObject): boolean {
  const view = (o: KObject) => JSON.stringify(((o.metadata.managedFields ?? []) as ManagedEntry[]).map(({ time: _t, ...rest }) => rest));
  return view(a) === view(b);
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

/** A simplified managedFields entry per field manager. */
function recordManager(o: KObject, type: ResourceType, opts: WriteOptions, old: KObject | undefined, body: unknown, now: string): void {
  if (!opts.fieldManager) return;
  const operation = opts.operation ?? 'Update';
  const mine = opts.fieldManager;
  // Apply owns exactly what it applied; an update owns what it set (on create) or changed.
  let paths: FieldPath[];
  if (operation === 'Apply' || !old) paths = [...leafFields(body).values()].map((l) => l.path);
  else {
    const before = leafFields(old);
    paths = [...leafFields(o).entries()].filter(([k, l]) => JSON.stringify(before.get(k)?.value) !== JSON.stringify(l.value)).map(([, l]) => l.path);
  }
  const entries = ((o.metadata.managedFields ?? []) as ManagedEntry[]).map((e) => ({ ...e }));
  const previous = entries.find((e) => e.manager === mine && e.operation === operation);
  if (operation === 'Update' && previous) paths = [...fromFieldsV1(previous.fieldsV1), ...paths];
  // Updates and forced applies take fields over from other managers.
  const transfer = operation === 'Update' || opts.force === true;
  const kept = entries
    .filter((e) => !(e.manager === mine && e.operation === operation))
    .map((e) => (transfer ? { ...e, fieldsV1: toFieldsV1(fromFieldsV1(e.fieldsV1).filter((p) => !paths.some((q) => covers(q, p) || covers(p, q)))) } : e))
    .filter((e) => Object.keys(e.fieldsV1 ?? {}).length > 0 || e.subresource);
  kept.push({
    manager: mine,
    operation,
    apiVersion: groupVersion(type),
    time: now,
    fieldsType: 'FieldsV1',
    fieldsV1: toFieldsV1(paths),
    ...(opts.subresource ? { subresource: opts.subresource } : {}),
  });
  o.metadata.managedFields = kept;
}

interface ManagedEntry {
  manager: string;
  operation: string;
  apiVersion?: string;
  time?: string;
  fieldsType?: string;
  fieldsV1?: Record<string, unknown>;
  subresource?: string;
}

interface ApplyConflict {
  manager: string;
  apiVersion: string;
  field: string;
  path: FieldPath;
}

/** Server-side apply conflicts: fields the apply sets to a new value while another manager owns them. */
function applyConflicts(type: ResourceType, old: KObject, body: unknown, manager: string): ApplyConflict[] {
  const current = leafFields(old);
  const conflicts: ApplyConflict[] = [];
  for (const [key, leaf] of leafFields(body)) {
    if (JSON.stringify(current.get(key)?.value) === JSON.stringify(leaf.value)) continue;
    for (const e of (old.metadata.managedFields ?? []) as ManagedEntry[]) {
      if (e.manager === manager) continue;
      if (fromFieldsV1(e.fieldsV1).some((p) => covers(p, leaf.path)))
        conflicts.push({ manager: e.manager, apiVersion: e.apiVersion ?? groupVersion(type), field: describePath(leaf.path), path: leaf.path });
    }
  }
  return conflicts;
}

/**
 * The fields of the client-side last-applied configuration whose live value is still the one
 * applied: what kubectl's server-side apply may take over from client-side apply without a conflict.
 */
function lastAppliedUnchanged(old: KObject): Set<string> {
  const text = old.metadata.annotations?.['kubectl.kubernetes.io/last-applied-configuration'];
  if (!text) return new Set();
  let applied: unknown;
  try {
    applied = JSON.parse(text);
  } catch {
    return new Set();
  }
  const live = leafFields(old);
  return new Set([...leafFields(applied)].filter(([k, l]) => live.has(k) && JSON.stringify(live.get(k)!.value) === JSON.stringify(l.value)).map(([k]) => k));
}

/**
 * Fields this manager applied before, left out of this apply and owned by no one else are
 * removed from the object, as server-side apply does.
 */
function dropUnapplied(type: ResourceType, old: KObject, next: KObject, body: unknown, manager: string): void {
  const entries = (old.metadata.managedFields ?? []) as ManagedEntry[];
  const mine = entries.find((e) => e.manager === manager && e.operation === 'Apply' && !e.subresource);
  if (!mine) return;
  const applied = new Set([...leafFields(body).keys()]);
  const others = entries.filter((e) => e !== mine).flatMap((e) => fromFieldsV1(e.fieldsV1));
  for (const path of fromFieldsV1(mine.fieldsV1)) {
    if (applied.has(JSON.stringify(path)) || [...applied].some((k) => covers(path, JSON.parse(k) as FieldPath))) continue;
    if (others.some((p) => covers(p, path) || covers(path, p))) continue;
    removePath(next, path, type);
  }
}

/** Removes one FieldsV1 leaf from an object; a list item goes when its merge key goes; emptied maps go too. */
function removePath(o: KObject, path: FieldPath, _type: ResourceType): void {
  const trail: { parent: Record<string, unknown> | unknown[]; key: string | number }[] = [];
  let node: unknown = o;
  for (const seg of path) {
    if (seg.startsWith('f:')) {
      if (node === null || typeof node !== 'object' || Array.isArray(node)) return;
      trail.push({ parent: node as Record<string, unknown>, key: seg.slice(2) });
      node = (node as Record<string, unknown>)[seg.slice(2)];
    } else {
      if (!Array.isArray(node)) return;
      const want = JSON.parse(seg.slice(2)) as Record<string, unknown>;
      const i = node.findIndex((x) => x !== null && typeof x === 'object' && Object.entries(want).every(([k, v]) => (x as Record<string, unknown>)[k] === v));
      if (i < 0) return;
      trail.push({ parent: node, key: i });
      node = node[i];
    }
  }
  const last = trail.pop();
  if (!last) return;
  const itemKeyed = trail.length > 0 && Array.isArray(trail[trail.length - 1]!.parent) && path[path.length - 2]?.startsWith('k:');
  const keyField = itemKeyed ? Object.keys(JSON.parse(path[path.length - 2]!.slice(2)) as object) : [];
  if (itemKeyed && keyField.includes(String(last.key))) {
    const item = trail.pop()!;
    (item.parent as unknown[]).splice(item.key as number, 1);
  } else if (Array.isArray(last.parent)) (last.parent as unknown[]).splice(last.key as number, 1);
  else delete (last.parent as Record<string, unknown>)[last.key as string];
  // Maps the removal emptied go too (not the object's top-level fields, and not metadata).
  for (let t = trail.pop(); t && trail.length > 0; t = trail.pop()) {
    const v = Array.isArray(t.parent) ? t.parent[t.key as number] : (t.parent as Record<string, unknown>)[t.key as string];
    if (v === null || typeof v !== 'object' || Array.isArray(v) || Object.keys(v).length > 0) break;
    if (Array.isArray(t.parent)) t.parent.splice(t.key as number, 1);
    else delete (t.parent as Record<string, unknown>)[t.key as string];
  }
}

/** The API server's 409 for apply conflicts (FieldManagerConflict causes); kubectl prints the advice on how to resolve it. */
function throwConflicts(conflicts: ApplyConflict[]): never {
  const byManager = new Map<string, ApplyConflict[]>();
  for (const c of conflicts) byManager.set(`${c.manager}\u0000${c.apiVersion}`, [...(byManager.get(`${c.manager}\u0000${c.apiVersion}`) ?? []), c]);
  const parts = [...byManager.values()].map((list) =>
    list.length === 1
      ? `conflict with "${list[0]!.manager}" using ${list[0]!.apiVersion}: ${list[0]!.field}`
      : `conflicts with "${list[0]!.manager}" using ${list[0]!.apiVersion}:\n${list.map((c) => `- ${c.field}`).join('\n')}`,
  );
  const n = conflicts.length;
  throw new StatusError({
    message: `Apply failed with ${n} conflict${n === 1 ? '' : 's'}: ${parts.join('\n')}`,
    reason: 'Conflict',
    details: { causes: conflicts.map((c) => ({ reason: 'FieldManagerConflict', message: `conflict with "${c.manager}" using ${c.apiVersion}`, field: c.field })) },
    code: 409,
  });
}
