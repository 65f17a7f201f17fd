import { applyJsonPatch, mergePatch, strategicMergePatch } from '../api/patch.js';
import type { Api } from '../api/types.js';
import { notFound } from '../status.js';
import type { KObject, Store } from '../types.js';
import type { VersionAlias } from './hpa-v1.js';

/**
 * An Api that serves one alias version over the stored one: bodies are converted on the way in,
 * answers and watch events on the way out. Patches apply to the served form.
 */
export function aliasApi(api: Api, alias: VersionAlias): Api {
  const storage = api.resolve(alias.storage.resource, alias.storage.group)!;
  const out = (o: KObject) => alias.fromStorage(o);
  const store: Store = {
    ...api.store,
    get: (_t, ns, name) => {
      const o = api.store.get(storage, ns, name);
      return o && out(o);
    },
    list: (_t, ns, options) => {
      const r = api.store.list(storage, ns, options);
      return { ...r, items: r.items.map(out) };
    },
    watch: (_t, ns, rv, options, onEvent) => api.store.watch(storage, ns, rv, options, (e) => onEvent({ ...e, object: out(e.object) })),
    resourceVersion: () => api.store.resourceVersion(),
  };
  return {
    ...api,
    store,
    get: (_t, ns, name) => out(api.get(storage, ns, name)),
    find: (_t, ns, name) => {
      const o = api.find(storage, ns, name);
      return o && out(o);
    },
    list: (_t, ns, options) => {
      const r = api.list(storage, ns, options);
      return { ...r, items: r.items.map(out) };
    },
    create: (_t, ns, o, opts) => out(api.create(storage, ns, alias.toStorage(o), opts)),
    update: (_t, ns, o, opts) => out(api.update(storage, ns, alias.toStorage(o), opts)),
    patch: (_t, ns, name, patchType, body, opts) => {
      const current = api.find(storage, ns, name);
      if (!current) {
        if (patchType !== 'apply') throw notFound(alias.type.resource, alias.type.group, name);
        return out(api.create(storage, ns, alias.toStorage({ ...(body as KObject), metadata: { ...(body as KObject).metadata, name } }), opts));
      }
      const served = out(current);
      const patched = (
        patchType === 'json' ? applyJsonPatch(served, body) : patchType === 'merge' ? mergePatch(served, body) : strategicMergePatch(served, body)
      ) as KObject;
      return out(api.update(storage, ns, alias.toStorage(patched), opts));
    },
    delete: (_t, ns, name, opts) => out(api.delete(storage, ns, name, opts)),
  };
}
