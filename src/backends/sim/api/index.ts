import { createAdmission, type Admission } from '../admission/index.js';
import { RESOURCE_TYPES } from '../registry.js';
import type { ResourceType, SimContext, Store } from '../types.js';
import { deleteObject } from './delete.js';
import { checkDeletable } from './guards.js';
import { patchObject } from './patch-write.js';
import { createReads } from './reads.js';
import { createObject, updateObject, type Writer } from './writes.js';
import type { Api } from './types.js';

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
  const reads = createReads(store, options.types ?? RESOURCE_TYPES);
  const w: Writer = { store, ctx, admission, reads };
  return {
    store,
    ctx,
    ...reads,
    create: (type, namespace, body, opts) => createObject(w, type, namespace, body, opts),
    update: (type, namespace, body, opts) => updateObject(w, type, namespace, body, opts),
    patch: (type, namespace, name, patchType, body, opts) => patchObject(w, type, namespace, name, patchType, body, opts),
    delete(type, namespace, name, deleteOptions = {}) {
      const current = reads.get(type, namespace, name);
      checkDeletable(type, name);
      return deleteObject(store, admission, ctx, type, current, deleteOptions);
    },
    subscribe: (onChange) => store.subscribe(onChange),
  };
}
