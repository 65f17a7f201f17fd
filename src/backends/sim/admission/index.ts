import type { ResourceType, KObject, SimContext, Store } from '../types.js';
import type { WriteOptions } from '../api/types.js';
import { invalid, notFound, StatusError, type FieldCause } from '../status.js';
import { allocateService, carryOverAllocations, heldValues } from './allocators.js';
import { canonicalizeQuantities, checkDecodable } from './decode-checks.js';
import { applyDefaultClass } from './default-class.js';
import { kindRow } from '../kinds.js';
import { rulesFor } from './kinds.js';
import { customRules } from '../crd/rules.js';
import { applyLimitRanges } from './limit-ranger.js';
import { bumpGeneration, prepareCreateMeta, prepareUpdateMeta } from './metadata.js';
import { admitNewPod, podQOSClass, requireServiceAccount } from './pod-plugins.js';
import { admitPodPriority, validatePriorityClass } from './priority.js';
import { admitResourceQuota } from './resource-quota.js';
import { type Dict, clone, ensureDict, resourceKey } from './util.js';
import { validateObjectMeta } from './validation/meta.js';
import { validateUpdate } from './validation/update.js';

/** Admission: defaulting, allocation (ClusterIPs, NodePorts, names) and validation. */
export interface Admission {
  /** Returns the object to store (defaulted, allocated) or throws StatusError (Invalid, BadRequest). */
  admit(op: 'create' | 'update', type: ResourceType, object: KObject, old: KObject | undefined, options: WriteOptions): KObject;
  /** Frees what an object held (ClusterIP, NodePort) once it is removed. */
  release(type: ResourceType, object: KObject): void;
}

const core = (resource: string, kind: string, namespaced: boolean): ResourceType => ({
  group: '',
  version: 'v1',
  resource,
  singular: kind.toLowerCase(),
  kind,
  namespaced,
  verbs: [],
});

const NAMESPACES = core('namespaces', 'Namespace', false);
const SERVICE_ACCOUNTS = core('serviceaccounts', 'ServiceAccount', true);

function safeGet(store: Store, type: ResourceType, ns: string | undefined, name: string): KObject | undefined {
  try {
    return store.get(type, ns, name);
  } catch {
    return undefined;
  }
}

/** NamespaceLifecycle: no new objects in missing or terminating namespaces. */
function checkNamespace(store: Store, type: ResourceType, obj: Dict, name: string): void {
  const ns = obj.metadata?.namespace as string;
  let known: KObject[];
  try {
    known = store.list(NAMESPACES, undefined).items;
  } catch {
    return;
  }
  if (!known.length) return;
  const found = known.find((n) => n.metadata.name === ns);
  if (!found) throw notFound('namespaces', '', ns);
  if ((found.status as Dict | undefined)?.phase === 'Terminating' || found.metadata.deletionTimestamp) {
    const message = `unable to create new content in namespace ${ns} because it is being terminated`;
    throw new StatusError({
      message: `${type.group ? `${type.resource}.${type.group}` : type.resource} "${name}" is forbidden: ${message}`,
      reason: 'Forbidden',
      details: {
        name,
        ...(type.group ? { group: type.group } : {}),
        kind: type.resource,
        causes: [{ reason: 'NamespaceTerminating', message, field: 'metadata.namespace' }],
      },
      code: 403,
    });
  }
}

function usedByOthers(store: Store, type: ResourceType, self: Dict): { ips: Set<string>; ports: Set<number> } {
  const ips = new Set<string>();
  const ports = new Set<number>();
  for (const svc of store.list(type, undefined).items) {
    if (svc.metadata.namespace === self.metadata?.namespace && svc.metadata.name === self.metadata?.name) continue;
    const held = heldValues(svc);
    held.ips.forEach((ip) => ips.add(ip));
    held.ports.forEach((p) => ports.add(p));
  }
  return { ips, ports };
}

function statusWrite(obj: Dict, old: Dict): KObject {
  const result: Dict = { ...obj, metadata: { ...obj.metadata } };
  prepareUpdateMeta(result, old);
  if (old.spec !== undefined) result.spec = clone(old.spec);
  else delete result.spec;
  return result as KObject;
}

/** Creates the admission chain in front of `store`. */
export function createAdmission(store: Store, ctx: SimContext): Admission {
  function admit(op: 'create' | 'update', type: ResourceType, object: KObject, old: KObject | undefined, options: WriteOptions): KObject {
    const key = resourceKey(type);
    const rules = customRules(type) ?? rulesFor(kindRow(type)?.rules, type.group, type.subresources);
    const obj = clone(object) as Dict;
    if (op === 'update' && old && options.subresource === 'status') return statusWrite(obj, old);
    checkDecodable(type, key, obj);
    canonicalizeQuantities(obj, key);

    // Mutating admission runs before the name is generated, so its errors name the prefix.
    const requestName = String(obj.metadata?.name || obj.metadata?.generateName || '');
    if (op === 'create') {
      prepareCreateMeta(obj, ctx, {
        namespaced: type.namespaced,
        generation: !!rules.generation,
        nameTaken: (name) => !!safeGet(store, type, obj.metadata?.namespace, name),
      });
      if (type.namespaced) checkNamespace(store, type, obj, requestName);
      if (rules.initialStatus) obj.status = rules.initialStatus();
    } else if (old) {
      prepareUpdateMeta(obj, old);
      if (rules.initialStatus || rules.statusSubresource) {
        if (old.status !== undefined) obj.status = clone(old.status);
        else delete obj.status;
      }
    }

    rules.defaults?.(obj);
    let verifyLimits = (): void => undefined;
    if (op === 'create') {
      rules.onCreate?.(obj);
      applyDefaultClass(store, key, obj);
    }
    if (key === 'pods' && op === 'create') {
      const saName = (obj.spec?.serviceAccountName || obj.spec?.serviceAccount || 'default') as string;
      const serviceAccount = safeGet(store, SERVICE_ACCOUNTS, obj.metadata?.namespace, saName) as Dict | undefined;
      requireServiceAccount(requestName, String(obj.metadata?.namespace), saName, !!serviceAccount);
      admitPodPriority(store, ensureDict(obj, 'spec'), requestName);
      admitNewPod(obj, ctx.ids, serviceAccount);
      verifyLimits = applyLimitRanges(store, obj);
      obj.status = { phase: 'Pending', qosClass: podQOSClass(ensureDict(obj, 'spec')) };
    }
    if (key === 'services' && op === 'update' && old) carryOverAllocations(obj, old);

    const name = String(obj.metadata?.name ?? '');
    const causes: FieldCause[] = [
      ...validateObjectMeta(ensureDict(obj, 'metadata'), rules.name ?? 'subdomain'),
      ...(rules.validate?.(obj) ?? []),
      ...(op === 'update' ? validateUpdate(key, obj, old) : []),
    ];
    if (causes.length) throw invalid(type.kind, type.group, name, causes);
    // Validating admission runs after validation: the Priority plugin and LimitRanger here, ResourceQuota last (below).
    if (key === 'priorityclasses.scheduling.k8s.io') validatePriorityClass(store, obj, op);
    verifyLimits();

    if (key === 'services') {
      const allocation = allocateService(obj, ctx.ids, usedByOthers(store, type, obj));
      if (allocation.length) throw invalid(type.kind, type.group, name, allocation);
    }
    admitResourceQuota(store, { op, type, object: obj, old, subresource: options.subresource, now: ctx.clock.now().getTime() });
    if (op === 'update' && old && rules.generation) bumpGeneration(obj, old);
    return obj as KObject;
  }

  return {
    admit,
    // Allocations are recomputed from the stored Services on every write, so a removed
    // Service frees its ClusterIP and NodePorts as soon as it leaves the store.
    release: () => undefined,
  };
}

export { NODE_PORT_RANGE, SERVICE_CIDR } from './allocators.js';
export { canonicalQuantity, parseQuantity } from './quantity.js';
export { randomString, RANDOM_ALPHABET } from './names.js';
