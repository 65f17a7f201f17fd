import { groupVersion } from '../registry.js';
import { StatusError } from '../status.js';
import type { KObject, ResourceType } from '../types.js';
import { covers, describePath, type FieldPath, fromFieldsV1, leafFields, toFieldsV1 } from './managed-fields.js';
import type { WriteOptions } from './types.js';

/** Server-side apply and field managers: who owns which fields, conflicts, takeover and removal. */

/** Whether two versions of an object have the same managers owning the same fields (times aside). */
export function sameOwnership(a: KObject, b: KObject): boolean {
  const view = (o: KObject) => JSON.stringify(((o.metadata.managedFields ?? []) as ManagedEntry[]).map(({ time: _t, ...rest }) => rest));
  return view(a) === view(b);
}

/** A simplified managedFields entry per field manager. */
export function recordManager(o: KObject, type: ResourceType, opts: WriteOptions, old: KObject | undefined, body: unknown, now: string): void {
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

export interface ApplyConflict {
  manager: string;
  apiVersion: string;
  field: string;
  path: FieldPath;
}

/** Server-side apply conflicts: fields the apply sets to a new value while another manager owns them. */
export function applyConflicts(type: ResourceType, old: KObject, body: unknown, manager: string): ApplyConflict[] {
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
export function lastAppliedUnchanged(old: KObject): Set<string> {
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
export function dropUnapplied(type: ResourceType, old: KObject, next: KObject, body: unknown, manager: string): void {
  const entries = (old.metadata.managedFields ?? []) as ManagedEntry[];
  const mine = entries.find((e) => e.manager === manager && e.operation === 'Apply' && !e.subresource);
  if (!mine) return;
  const applied = new Set([...leafFields(body).keys()]);
  const others = entries.filter((e) => e !== mine).flatMap((e) => fromFieldsV1(e.fieldsV1));
  for (const path of fromFieldsV1(mine.fieldsV1)) {
    if (applied.has(JSON.stringify(path)) || [...applied].some((k) => covers(path, JSON.parse(k) as FieldPath))) continue;
    if (others.some((p) => covers(p, path) || covers(path, p))) continue;
    removePath(next, path);
  }
}

/** Removes one FieldsV1 leaf from an object; a list item goes when its merge key goes; emptied maps go too. */
function removePath(o: KObject, path: FieldPath): void {
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
export function throwConflicts(conflicts: ApplyConflict[]): never {
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
    details: {
      causes: conflicts.map((c) => ({ reason: 'FieldManagerConflict', message: `conflict with "${c.manager}" using ${c.apiVersion}`, field: c.field })),
    },
    code: 409,
  });
}
