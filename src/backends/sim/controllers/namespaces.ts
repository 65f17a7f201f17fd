import type { Api } from '../api/types.js';
import type { KObject, ResourceType, StoreChange } from '../types.js';
import { type SyncResult, WorkQueue } from './queue.js';
import { type Json, deepEqual, dig, timestamp, tolerate, typeOf } from './util.js';

const ROOT_CA = 'kube-root-ca.crt';

/**
 * The namespace controller (a terminating namespace is emptied, then its `kubernetes` finalizer
 * removed) together with the service-account and root-CA publishers (every active namespace has a
 * `default` ServiceAccount and the `kube-root-ca.crt` ConfigMap).
 */
export class NamespaceController {
  readonly queue: WorkQueue;
  private readonly namespaces: ResourceType;
  private readonly serviceaccounts: ResourceType;
  private readonly configmaps: ResourceType;

  constructor(private readonly api: Api) {
    this.namespaces = typeOf(api, 'namespaces');
    this.serviceaccounts = typeOf(api, 'serviceaccounts');
    this.configmaps = typeOf(api, 'configmaps');
    this.queue = new WorkQueue('namespace-controller', api.ctx.clock, (name) => this.sync(name));
  }

  /** Enqueues changed namespaces, and namespaces whose content changed. */
  handle(change: StoreChange): void {
    const o = change.object;
    if (change.resource === this.namespaces) return this.queue.add(String(o.metadata.name));
    if (!change.resource.namespaced || !o.metadata.namespace) return;
    const defaults =
      (change.resource === this.serviceaccounts && o.metadata.name === 'default') || (change.resource === this.configmaps && o.metadata.name === ROOT_CA);
    if (change.type === 'DELETED' || defaults) this.queue.add(o.metadata.namespace);
  }

  private sync(name: string): SyncResult {
    const ns = this.api.find(this.namespaces, undefined, name);
    if (!ns) return;
    if (!ns.metadata.deletionTimestamp) return this.ensureDefaults(name);
    const remaining = new Map<string, number>();
    for (const type of this.api.types()) {
      if (!type.namespaced || !type.verbs.includes('list') || !type.verbs.includes('delete')) continue;
      const items = this.api.list(type, name).items;
      if (items.length === 0) continue;
      remaining.set(type.group ? `${type.resource}.${type.group}` : type.resource, items.length);
      for (const o of items) {
        if (!o.metadata.deletionTimestamp) tolerate(() => this.api.delete(type, name, String(o.metadata.name), { propagationPolicy: 'Background' }));
      }
    }
    this.writeConditions(ns, remaining);
    if ([...remaining.keys()].length > 0) {
      // Count again: objects without grace or finalizers went at once.
      const left = this.api.types().some((t) => t.namespaced && t.verbs.includes('list') && this.api.list(t, name).items.length > 0);
      if (left) return { requeueAfterMs: 500 };
    }
    const cur = this.api.find(this.namespaces, undefined, name);
    if (!cur) return;
    const finalizers = (dig<string[]>(cur, 'spec', 'finalizers') ?? []).filter((f) => f !== 'kubernetes');
    const updated = tolerate(() => this.api.update(this.namespaces, undefined, { ...cur, spec: { ...(cur['spec'] as Json), finalizers } }));
    const after = this.api.find(this.namespaces, undefined, name);
    if (after && updated && !(after.metadata.finalizers ?? []).length && finalizers.length === 0) {
      tolerate(() => this.api.delete(this.namespaces, undefined, name));
    }
  }

  private writeConditions(ns: KObject, remaining: Map<string, number>): void {
    const now = timestamp(this.api.ctx.clock.now());
    const c = (type: string, status: string, reason: string, message: string) => ({ lastTransitionTime: now, message, reason, status, type });
    const some = [...remaining.entries()].map(([r, n]) => `${r} has ${n} resource instances`).join(', ');
    const conditions: Json[] = [
      c('NamespaceDeletionDiscoveryFailure', 'False', 'ResourcesDiscovered', 'All resources successfully discovered'),
      c('NamespaceDeletionGroupVersionParsingFailure', 'False', 'ParsedGroupVersions', 'All legacy kube types successfully parsed'),
      c('NamespaceDeletionContentFailure', 'False', 'ContentDeleted', 'All content successfully deleted, may be waiting on finalization'),
      remaining.size
        ? c('NamespaceContentRemaining', 'True', 'SomeResourcesRemain', `Some resources are remaining: ${some}`)
        : c('NamespaceContentRemaining', 'False', 'ContentRemoved', 'All content successfully removed'),
      c('NamespaceFinalizersRemaining', 'False', 'ContentHasNoFinalizers', 'All content-preserving finalizers finished'),
    ];
    const old = ((ns['status'] as Json)?.['conditions'] as Json[]) ?? [];
    for (const cond of conditions) {
      const prev = old.find((o) => o['type'] === cond['type']);
      if (prev && prev['status'] === cond['status']) cond['lastTransitionTime'] = prev['lastTransitionTime'];
    }
    const status = { ...((ns['status'] as Json) ?? {}), phase: 'Terminating', conditions };
    if (!deepEqual(ns['status'], status)) tolerate(() => this.api.update(this.namespaces, undefined, { ...ns, status }, { subresource: 'status' }));
  }

  private ensureDefaults(name: string): void {
    if (!this.api.find(this.serviceaccounts, name, 'default')) {
      tolerate(() => this.api.create(this.serviceaccounts, name, { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace: name } }));
    }
    if (!this.api.find(this.configmaps, name, ROOT_CA)) {
      const source = ['kube-system', 'default', 'kube-public'].map((n) => this.api.find(this.configmaps, n, ROOT_CA)).find((x) => x);
      tolerate(() =>
        this.api.create(this.configmaps, name, {
          apiVersion: 'v1',
          kind: 'ConfigMap',
          metadata: { name: ROOT_CA, namespace: name, ...(source?.metadata.annotations ? { annotations: source.metadata.annotations } : {}) },
          data: (source?.['data'] as Json) ?? { 'ca.crt': '' },
        }),
      );
    }
  }
}
