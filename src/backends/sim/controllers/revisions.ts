import type { Api } from '../api/types.js';
import type { KObject, ResourceType } from '../types.js';
import { type Json, canonicalJson, clone, controllerRef, dig, ownerRefTo, tolerate } from './util.js';

/**
 * ControllerRevisions as the DaemonSet and StatefulSet controllers keep them
 * (`pkg/controller/history`, `daemon/update.go`, `statefulset/stateful_set_utils.go`): one per
 * distinct pod template, named `<owner>-<hash>`, holding the patch that restores the template, and
 * numbered in the order the templates were last used, so going back to an old template (rollout
 * undo) gives its revision the next number instead of making a new one.
 */

/** A revision's data: the strategic-merge patch that puts this template back. */
export function templatePatch(owner: KObject): Json {
  return { spec: { template: { ...clone((dig<Json>(owner, 'spec', 'template') ?? {}) as Json), $patch: 'replace' } } };
}

/** The revisions an owner controls. */
export function ownedRevisions(api: Api, type: ResourceType, owner: KObject): KObject[] {
  return api.list(type, owner.metadata.namespace).items.filter((r) => controllerRef(r)?.uid === owner.metadata.uid);
}

/** The revision's number. */
export function revisionOf(r: KObject): number {
  return Number(r['revision'] ?? 0);
}

/** What a new revision carries besides its data. */
export interface RevisionMeta {
  name: string;
  labels: Record<string, string>;
  annotations?: Record<string, string>;
}

/**
 * Finds the revision whose data equals the owner's template, or makes it; an equal revision that
 * is not the newest is renumbered to follow the newest. Returns the current revision.
 */
export function currentRevision(api: Api, type: ResourceType, owner: KObject, meta: RevisionMeta): KObject | undefined {
  const data = templatePatch(owner);
  const all = ownedRevisions(api, type, owner).sort((a, b) => revisionOf(a) - revisionOf(b));
  const equal = all.filter((r) => canonicalJson(r['data']) === canonicalJson(data));
  const max = Math.max(0, ...all.map(revisionOf));
  const latest = equal.at(-1);
  if (latest) {
    if (revisionOf(latest) === max) return latest;
    return tolerate(() => api.update(type, owner.metadata.namespace, { ...latest, revision: max + 1 })) ?? latest;
  }
  return tolerate(() =>
    api.create(type, owner.metadata.namespace, {
      apiVersion: 'apps/v1',
      kind: 'ControllerRevision',
      metadata: {
        name: meta.name,
        namespace: owner.metadata.namespace,
        labels: meta.labels,
        ...(meta.annotations && Object.keys(meta.annotations).length ? { annotations: meta.annotations } : {}),
        ownerReferences: [ownerRefTo(owner)],
      },
      data,
      revision: max + 1,
    }),
  );
}

/** Deletes the oldest revisions beyond `limit` that no live pod still runs (`cleanupHistory`/`truncateHistory`). */
export function truncateHistory(api: Api, type: ResourceType, owner: KObject, current: string, inUse: Set<string>, limit: number): void {
  const old = ownedRevisions(api, type, owner)
    .filter((r) => r.metadata.name !== current && !inUse.has(String(r.metadata.name)))
    .sort((a, b) => revisionOf(a) - revisionOf(b));
  for (const r of old.slice(0, Math.max(0, old.length - limit))) tolerate(() => api.delete(type, owner.metadata.namespace, String(r.metadata.name)));
}
