import type { SimContext } from '../types.js';
import { randomString } from './names.js';
import { type Dict, ensureDict, isDict, jsonEqual } from './util.js';

/** ObjectMeta handling of the generic registry (`BeforeCreate`, `BeforeUpdate`). */

/** RFC 3339 with seconds precision, as metav1.Time marshals. */
export function rfc3339(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Fields a client may not set on create; the server owns them. */
const SERVER_OWNED_ON_CREATE = ['uid', 'creationTimestamp', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'generation', 'selfLink'];

/**
 * Create-time metadata: namespace, generated name, uid, creationTimestamp and generation 1.
 * `nameTaken` tells whether a generated name already exists (it is then drawn again).
 */
export function prepareCreateMeta(obj: Dict, ctx: SimContext, opts: { namespaced: boolean; generation: boolean; nameTaken: (name: string) => boolean }): void {
  const meta = ensureDict(obj, 'metadata');
  for (const key of SERVER_OWNED_ON_CREATE) delete meta[key];
  if (opts.namespaced) meta.namespace ||= 'default';
  else delete meta.namespace;
  if (!meta.name && meta.generateName) {
    let name = '';
    for (let attempt = 0; attempt < 8; attempt++) {
      // SimpleNameGenerator keeps the base to 58 characters so the name fits in 63.
      name = `${String(meta.generateName).slice(0, 58)}${randomString(ctx.ids, 5)}`;
      if (!opts.nameTaken(name)) break;
    }
    meta.name = name;
  }
  meta.uid = ctx.ids.uid();
  meta.creationTimestamp = rfc3339(ctx.clock.now());
  if (opts.generation) meta.generation = 1;
}

/** Update-time metadata: what the server owns is kept from the stored object. */
export function prepareUpdateMeta(obj: Dict, old: Dict): void {
  const meta = ensureDict(obj, 'metadata');
  const oldMeta: Dict = isDict(old.metadata) ? old.metadata : {};
  for (const key of ['uid', 'creationTimestamp', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'generation', 'namespace', 'name']) {
    if (oldMeta[key] === undefined) delete meta[key];
    else meta[key] = oldMeta[key];
  }
}

/** Everything but metadata and status: what a generation bump looks at. */
function specPart(obj: Dict): Dict {
  const { metadata: _m, status: _s, kind: _k, apiVersion: _a, ...rest } = obj;
  return rest;
}

/** Bumps metadata.generation when anything but metadata and status changed. */
export function bumpGeneration(obj: Dict, old: Dict): void {
  const meta = ensureDict(obj, 'metadata');
  const previous = typeof old.metadata?.generation === 'number' ? old.metadata.generation : 1;
  meta.generation = jsonEqual(specPart(obj), specPart(old)) ? previous : previous + 1;
}
