import type { Api } from '../api/types.js';
import { CRD_RESOURCE, customTypes, isCrdType } from '../crd/types.js';
import type { KObject, StoreChange } from '../types.js';
import { WorkQueue } from './queue.js';
import { type Json, timestamp, typeOf } from './util.js';

/**
 * The apiextensions-apiserver's CRD controllers, as far as a reader sees them: a new or changed
 * CRD gets `NamesAccepted` and `Established` conditions with its accepted names and stored
 * versions (the naming and establishing controllers), and a deleted CRD takes its custom
 * resources with it (the finalizer's cleanup), so a re-created CRD starts out empty.
 */
export class CrdController {
  readonly queue: WorkQueue;
  private readonly crds;

  constructor(private readonly api: Api) {
    this.crds = typeOf(api, CRD_RESOURCE.resource, CRD_RESOURCE.group);
    this.queue = new WorkQueue('crd-controller', api.ctx.clock, (name) => this.sync(name));
  }

  /** Enqueues changed CRDs; removes the custom resources of a deleted one. */
  handle(change: StoreChange): void {
    if (!isCrdType(change.resource)) return;
    if (change.type === 'DELETED') this.cleanUp(change.object);
    else this.queue.add(String(change.object.metadata.name));
  }

  private cleanUp(crd: KObject): void {
    const [type] = customTypes([{ ...crd, metadata: { ...crd.metadata, deletionTimestamp: undefined } }]);
    if (!type) return;
    for (const o of this.api.store.list(type, undefined).items) this.api.store.remove(type, o.metadata.namespace, String(o.metadata.name));
  }

  private sync(name: string): void {
    const crd = this.api.find(this.crds, undefined, name);
    if (!crd || crd.metadata.deletionTimestamp) return;
    const spec = (crd['spec'] ?? {}) as Json;
    const names = (spec['names'] ?? {}) as Json;
    const status = (crd['status'] ?? {}) as Json;
    const kind = String(names['kind'] ?? '');
    const acceptedNames: Json = {
      ...names,
      singular: names['singular'] || kind.toLowerCase(),
      listKind: names['listKind'] || `${kind}List`,
    };
    const storage = ((spec['versions'] ?? []) as Json[]).find((v) => v['storage'])?.['name'];
    const storedVersions = [...new Set([...((status['storedVersions'] as string[] | undefined) ?? []), ...(storage ? [String(storage)] : [])])];
    const now = timestamp(this.api.ctx.clock.now());
    const old = ((status['conditions'] ?? []) as Json[]).filter((c) => c['type'] === 'NamesAccepted' || c['type'] === 'Established');
    const since = (type: string) => old.find((c) => c['type'] === type && c['status'] === 'True')?.['lastTransitionTime'] ?? now;
    const conditions = [
      { type: 'NamesAccepted', status: 'True', lastTransitionTime: since('NamesAccepted'), reason: 'NoConflicts', message: 'no conflicts found' },
      {
        type: 'Established',
        status: 'True',
        lastTransitionTime: since('Established'),
        reason: 'InitialNamesAccepted',
        message: 'the initial names have been accepted',
      },
    ];
    const next = { ...status, conditions, acceptedNames, storedVersions };
    if (JSON.stringify(next) === JSON.stringify(status)) return;
    this.api.update(this.crds, undefined, { ...crd, status: next }, { subresource: 'status' });
  }
}
