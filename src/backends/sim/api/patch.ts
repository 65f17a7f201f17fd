import jsonPatch from 'fast-json-patch';
import { StatusError } from '../status.js';
import { MERGED_SCALAR_LISTS, mergeKeyFor } from './merge-keys.js';

type Json = unknown;
type JsonMap = Record<string, unknown>;

const isMap = (v: unknown): v is JsonMap => v !== null && typeof v === 'object' && !Array.isArray(v);

/** RFC 7386 JSON merge patch: maps merge, `null` deletes, anything else (lists too) replaces. */
export function mergePatch(target: Json, patch: Json): Json {
  if (!isMap(patch)) return structuredClone(patch);
  const out: JsonMap = isMap(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}

/**
 * Kubernetes strategic merge patch for the built-in types: lists of maps merge by their patch
 * merge key (see MERGE_KEYS), `$patch: delete|replace|merge`, `$retainKeys` and
 * `$deleteFromPrimitiveList/<field>` are honoured, `$setElementOrder/<field>` is ignored.
 */
export function strategicMergePatch(target: Json, patch: Json): Json {
  const merged = mergeMap(target, patch);
  return merged === DELETE ? {} : merged;
}

const DELETE = Symbol('delete');

function mergeMap(target: Json, patch: Json): Json | typeof DELETE {
  if (!isMap(patch)) return structuredClone(patch);
  const directive = patch.$patch;
  if (directive === 'delete') return DELETE;
  if (directive === 'replace') return stripDirectives(patch);
  const out: JsonMap = isMap(target) ? structuredClone(target) : {};
  for (const [key, value] of Object.entries(patch)) {
    if (key === '$patch' || key === '$retainKeys' || key.startsWith('$setElementOrder/')) continue;
    if (key.startsWith('$deleteFromPrimitiveList/')) {
      const field = key.slice('$deleteFromPrimitiveList/'.length);
      const current = out[field];
      if (Array.isArray(current) && Array.isArray(value)) out[field] = current.filter((x) => !value.includes(x));
      continue;
    }
    if (value === null) delete out[key];
    else if (Array.isArray(value)) out[key] = mergeList(key, out[key], value);
    else if (isMap(value)) {
      const merged = mergeMap(out[key], value);
      if (merged === DELETE) delete out[key];
      else out[key] = merged;
    } else out[key] = value;
  }
  // `$setElementOrder/<field>` (kubectl apply sends it) orders the items it names, as
  // mergePatchIntoOriginal does, interleaving the live object's other items.
  for (const [key, order] of Object.entries(patch)) {
    if (!key.startsWith('$setElementOrder/') || !Array.isArray(order)) continue;
    const field = key.slice('$setElementOrder/'.length);
    const merged = out[field];
    if (!Array.isArray(merged)) continue;
    const mk = mergeKeyFor(field, [...order, ...merged]);
    const id = (x: unknown) => JSON.stringify(mk && isMap(x) ? x[mk] : x);
    const before = Array.isArray(isMap(target) ? target[field] : undefined) ? ((target as JsonMap)[field] as unknown[]) : [];
    out[field] = orderLikeServer(merged, order, before, id);
  }
  const retain = patch.$retainKeys;
  if (Array.isArray(retain)) for (const k of Object.keys(out)) if (!retain.includes(k)) delete out[k];
  return out;
}

/**
 * apimachinery's normalizeElementOrder + mergeSortedSlice: the items the patch names, in the
 * patch's order, merged with the live object's other items in their live order. Where an item of
 * each kind is in the live list, the earlier one there goes first; a patch item the live list
 * does not have goes before any live-only item — so new items come first, not last.
 */
export function orderLikeServer(merged: unknown[], patchOrder: unknown[], live: unknown[], id: (x: unknown) => string): unknown[] {
  const patchIds = patchOrder.map(id);
  const liveIds = live.map(id);
  const patchItems = merged.filter((x) => patchIds.includes(id(x))).sort((a, b) => patchIds.indexOf(id(a)) - patchIds.indexOf(id(b)));
  const serverOnly = merged.filter((x) => !patchIds.includes(id(x))).sort((a, b) => liveIds.indexOf(id(a)) - liveIds.indexOf(id(b)));
  const out: unknown[] = [];
  let i = 0;
  let j = 0;
  while (i < serverOnly.length || j < patchItems.length) {
    if (j >= patchItems.length) out.push(serverOnly[i++]);
    else if (i >= serverOnly.length) out.push(patchItems[j++]);
    else {
      const li = liveIds.indexOf(id(serverOnly[i]));
      const ri = liveIds.indexOf(id(patchItems[j]));
      if (li >= 0 && ri >= 0 && li < ri) out.push(serverOnly[i++]);
      else out.push(patchItems[j++]);
    }
  }
  return out;
}

function mergeList(field: string, target: Json, patch: unknown[]): unknown[] {
  const current = Array.isArray(target) ? target : [];
  if (MERGED_SCALAR_LISTS.has(field) && patch.every((x) => !isMap(x))) {
    const out = [...current];
    for (const x of patch) if (!out.includes(x)) out.push(x);
    return orderLikeServer(out, patch, current, (x) => JSON.stringify(x));
  }
  if (patch.some((x) => isMap(x) && x.$patch === 'replace')) return patch.filter((x) => !(isMap(x) && x.$patch === 'replace')).map(stripDirectives);
  const key = mergeKeyFor(field, [...patch, ...current]);
  if (!key || !patch.every(isMap)) return patch.map(stripDirectives);
  const out = structuredClone(current) as unknown[];
  for (const item of patch as JsonMap[]) {
    const idx = out.findIndex((x) => isMap(x) && x[key] === item[key]);
    if (item.$patch === 'delete') {
      if (idx >= 0) out.splice(idx, 1);
      continue;
    }
    const merged = mergeMap(idx >= 0 ? out[idx] : {}, item);
    if (merged === DELETE) continue;
    if (idx >= 0) out[idx] = merged;
    else out.push(merged);
  }
  const kept = (patch as JsonMap[]).filter((x) => x.$patch !== 'delete');
  return orderLikeServer(out, kept, current, (x) => JSON.stringify(isMap(x) ? x[key] : x));
}

function stripDirectives(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(stripDirectives);
  if (!isMap(v)) return v;
  const out: JsonMap = {};
  for (const [k, x] of Object.entries(v)) if (!k.startsWith('$')) out[k] = stripDirectives(x);
  return out;
}

/** RFC 6902 JSON patch; a failing operation is a 422 with the real server's wording. */
export function applyJsonPatch(target: Json, patch: Json): Json {
  if (!Array.isArray(patch))
    throw new StatusError({ message: 'json: cannot unmarshal object into Go value of type jsonpatch.Patch', reason: 'BadRequest', code: 400 });
  try {
    return jsonPatch.applyPatch(structuredClone(target), patch as jsonPatch.Operation[], true, false).newDocument;
  } catch (error) {
    const e = error as { name?: string; message?: string; operation?: { op?: string; path?: string } };
    const op = e.operation?.op ?? 'patch';
    const why = e.name === 'TEST_OPERATION_FAILED' ? 'testing value failed' : `doc is missing path: "${e.operation?.path ?? ''}"`;
    throw new StatusError({
      message: `the server rejected our request due to an error in our request: ${op} operation does not apply: ${why}`,
      reason: 'Invalid',
      code: 422,
    });
  }
}
