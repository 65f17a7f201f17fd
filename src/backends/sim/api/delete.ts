import type { Admission } from '../admission/index.js';
import { systemClassDeletion } from '../admission/priority.js';
import type { KObject, ResourceType, SimContext, Store } from '../types.js';
import { sameContent } from './objects.js';
import type { DeleteOptions } from './types.js';

/**
 * Deletes as the real server does. Objects with finalizers (Foreground adds `foregroundDeletion`,
 * Orphan adds `orphan`) and pods bound to a node with a grace period get a deletionTimestamp and
 * stay; namespaces turn Terminating. Everything else is removed at once.
 */
export function deleteObject(
  store: Store,
  admission: Admission,
  ctx: SimContext,
  type: ResourceType,
  current: KObject,
  options: DeleteOptions & { dryRun?: boolean },
): KObject {
  if (type.group === 'scheduling.k8s.io' && type.resource === 'priorityclasses') {
    const refused = systemClassDeletion(current.metadata.name ?? '');
    if (refused) throw refused;
  }
  const o = structuredClone(current);
  const m = o.metadata;
  const ns = type.namespaced ? m.namespace : undefined;
  const name = m.name ?? '';
  const now = ctx.clock.now();
  const finalizers = [...(m.finalizers ?? [])];
  if (options.propagationPolicy === 'Foreground' && !finalizers.includes('foregroundDeletion')) finalizers.push('foregroundDeletion');
  if (options.propagationPolicy === 'Orphan' && !finalizers.includes('orphan')) finalizers.push('orphan');

  if (type.group === '' && type.resource === 'namespaces') {
    const specFinalizers = (o.spec as { finalizers?: string[] } | undefined)?.finalizers ?? [];
    if (m.deletionTimestamp && finalizers.length === 0 && (specFinalizers.length === 0 || options.gracePeriodSeconds === 0)) return remove();
    if (m.deletionTimestamp) return o;
    m.deletionTimestamp = stamp(now);
    m.deletionGracePeriodSeconds = 0;
    o.status = { ...(o.status as object), phase: 'Terminating' };
    return write();
  }

  const grace = podGrace(type, o, options.gracePeriodSeconds);
  if (finalizers.length === 0 && grace === 0) return remove();

  if (!m.deletionTimestamp || (grace > 0 && (m.deletionGracePeriodSeconds ?? Infinity) > grace)) {
    m.deletionTimestamp = stamp(new Date(now.getTime() + grace * 1000));
    m.deletionGracePeriodSeconds = grace;
  }
  m.finalizers = finalizers.length ? finalizers : undefined;
  if (!m.finalizers) delete m.finalizers;
  return write();

  function write(): KObject {
    if (options.dryRun || sameContent(o, current)) return o;
    return store.update(type, { ...o, metadata: { ...o.metadata, resourceVersion: undefined } });
  }
  function remove(): KObject {
    if (options.dryRun) return o;
    const gone = store.remove(type, ns, name) ?? o;
    admission.release(type, gone);
    return gone;
  }
}

/** The grace period a pod deletion waits for: none for unbound or finished pods. */
function podGrace(type: ResourceType, pod: KObject, requested: number | undefined): number {
  if (type.group !== '' || type.resource !== 'pods') return 0;
  const spec = (pod.spec ?? {}) as { nodeName?: string; terminationGracePeriodSeconds?: number };
  const phase = (pod.status as { phase?: string } | undefined)?.phase;
  if (!spec.nodeName || phase === 'Succeeded' || phase === 'Failed') return 0;
  const grace = requested ?? pod.metadata.deletionGracePeriodSeconds ?? spec.terminationGracePeriodSeconds ?? 30;
  return Math.max(0, grace);
}

/** RFC 3339 without fractions, as Kubernetes timestamps are written. */
export function stamp(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
