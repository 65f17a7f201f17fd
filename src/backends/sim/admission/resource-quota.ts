import { StatusError, qualified } from '../status.js';
import type { KObject, ResourceType, Store } from '../types.js';
import { compareQuantities, sumQuantities } from './quantity.js';
import { evaluatorFor, inQuotaScopes, sumUsage, type Usage } from './quota-evaluators.js';
import type { Dict } from './util.js';

/**
 * The ResourceQuota admission plugin (staging/src/k8s.io/apiserver/pkg/admission/plugin/resourcequota,
 * v1.32), the last validating plugin: a create (or an update that can grow usage) is refused with
 * 403 Forbidden when a quota of its namespace covering it is missing a pod's cpu/memory statement
 * (`failed quota: …: must specify …`) or would go over `hard` (`exceeded quota: …`).
 *
 * The real plugin charges each admitted request to the quota's status.used, which the controller
 * later recomputes. Here `used` is recomputed from the stored objects at each request, which is
 * what status.used settles to: two creates in a row see each other, and nothing waits for the
 * controller. (So the real plugin's `status unknown for quota` — a request in the moment before the
 * controller first fills status — does not occur here.)
 */

const RESOURCE_QUOTAS: ResourceType = {
  group: '',
  version: 'v1',
  resource: 'resourcequotas',
  singular: 'resourcequota',
  kind: 'ResourceQuota',
  namespaced: true,
  verbs: [],
};

/** What the request asks of the plugin. */
export interface QuotaRequest {
  op: 'create' | 'update';
  type: ResourceType;
  /** The object after defaulting and validation (its name generated). */
  object: Dict;
  /** The stored object an update replaces. */
  old?: Dict;
  /** Set for requests to a subresource, which the plugin leaves alone here. */
  subresource?: string;
  /** The clock's now, in ms: whether a deleted pod still counts. */
  now: number;
}

function list(store: Store, type: ResourceType, namespace: string): KObject[] {
  try {
    return store.list(type, namespace).items;
  } catch {
    return [];
  }
}

/** prettyPrint: `name=value` pairs, sorted by name, comma-joined. */
const pretty = (usage: Usage): string =>
  Object.keys(usage)
    .sort()
    .map((k) => `${k}=${usage[k]}`)
    .join(',');

const mask = (usage: Usage, names: readonly string[]): Usage => Object.fromEntries(Object.entries(usage).filter(([k]) => names.includes(k)));

/** SubtractWithNonNegativeResult, then RemoveZeros: what an update adds. */
function growth(now: Usage, before: Usage): Usage {
  const result: Usage = {};
  for (const [k, v] of Object.entries(now)) {
    const prev = before[k];
    const delta = prev === undefined ? v : sumQuantities([v, `-${prev}`]);
    if (compareQuantities(delta, '0') > 0) result[k] = prev === undefined ? v : delta;
  }
  return result;
}

const removeZeros = (usage: Usage): Usage => Object.fromEntries(Object.entries(usage).filter(([, v]) => compareQuantities(v, '0') !== 0));

function forbidden(type: ResourceType, name: string, why: string): StatusError {
  return new StatusError({
    message: `${qualified(type.resource, type.group)} "${name}" is forbidden: ${why}`,
    reason: 'Forbidden',
    details: { name, ...(type.group ? { group: type.group } : {}), kind: type.resource },
    code: 403,
  });
}

/** A quota covering the request and the resources of it the evaluator measures. */
interface Covering {
  quota: Dict;
  hard: Record<string, string>;
  matched: string[];
}

/**
 * Refuses a request as the ResourceQuota plugin does (CheckRequest), or returns. Quotas are
 * checked in name order; every covering quota's constraint is checked before any usage.
 */
export function admitResourceQuota(store: Store, request: QuotaRequest): void {
  const { op, type, object, old, now } = request;
  const namespace = object.metadata?.namespace as string | undefined;
  if (!type.namespaced || !namespace || request.subresource) return;
  const evaluator = evaluatorFor(type.resource, type.group);
  if (!evaluator || !evaluator.charges.includes(op)) return;
  const quotas = list(store, RESOURCE_QUOTAS, namespace)
    .filter((q) => !q.metadata.deletionTimestamp)
    .sort((a, b) => String(a.metadata.name).localeCompare(String(b.metadata.name))) as Dict[];
  if (!quotas.length) return;
  const name = String(object.metadata?.name ?? '');

  const covering: Covering[] = [];
  for (const quota of quotas) {
    const hard = (quota.spec?.hard ?? {}) as Record<string, string>;
    const matched = evaluator.matching(Object.keys(hard));
    if (!matched.length || !inQuotaScopes(evaluator, object, quota)) continue;
    const why = evaluator.constraints?.(matched, object);
    if (why) throw forbidden(type, name, `failed quota: ${String(quota.metadata.name)}: ${why}`);
    covering.push({ quota, hard, matched });
  }
  if (!covering.length) return;

  const usage = evaluator.usage(object, now);
  const before = op === 'update' && old ? evaluator.usage(old, now) : undefined;
  const objects = list(store, type, namespace) as Dict[];
  for (const { quota, hard, matched } of covering) {
    // An update is charged only what it adds, when the stored object already counted here.
    const delta = removeZeros(before && inQuotaScopes(evaluator, old!, quota) ? growth(usage, before) : usage);
    const requested = mask(delta, Object.keys(hard));
    if (!Object.keys(requested).length) continue;
    check(type, name, quota, hard, requested, sumUsage(evaluator, objects, quota, matched, now));
  }
}

/** Throws `exceeded quota` when used + requested goes over hard for any requested resource. */
function check(type: ResourceType, name: string, quota: Dict, hard: Record<string, string>, requested: Usage, used: Usage): void {
  const exceeded = Object.keys(requested).filter((k) => compareQuantities(sumQuantities([used[k] ?? '0', requested[k]]), hard[k]) > 0);
  if (!exceeded.length) return;
  throw forbidden(
    type,
    name,
    `exceeded quota: ${String(quota.metadata.name)}, requested: ${pretty(mask(requested, exceeded))}, used: ${pretty(mask(used, exceeded))}, limited: ${pretty(mask(hard, exceeded))}`,
  );
}
