import type { KObject, ResourceType, Store } from '../types.js';
import { StatusError } from '../status.js';
import { canonicalQuantity as q, parseQuantity } from './quantity.js';
import { type Dict, ensureDict, isDict, list, setDefault } from './util.js';

/**
 * The LimitRanger admission plugin: a namespace's LimitRanges give new pods' containers default
 * requests and limits (noted in the `kubernetes.io/limit-ranger` annotation) and bound them with
 * min/max, answering 403 Forbidden as the real plugin does.
 */

const LIMIT_RANGES: ResourceType = {
  group: '',
  version: 'v1',
  resource: 'limitranges',
  singular: 'limitrange',
  kind: 'LimitRange',
  namespaced: true,
  verbs: [],
};

/** LimitRange item defaults (`SetDefaults_LimitRangeItem`): default ← max, defaultRequest ← default, then min. */
export function defaultLimitRange(obj: Dict): void {
  for (const item of list(obj.spec?.limits)) {
    if (item.type !== 'Container') continue;
    const def = ensureDict(item, 'default');
    const defReq = ensureDict(item, 'defaultRequest');
    for (const [k, v] of Object.entries(isDict(item.max) ? item.max : {})) setDefault(def, k, v);
    for (const [k, v] of Object.entries(def)) setDefault(defReq, k, v);
    for (const [k, v] of Object.entries(isDict(item.min) ? item.min : {})) setDefault(defReq, k, v);
  }
}

function containerItems(store: Store, namespace: string): Dict[] {
  let ranges: KObject[];
  try {
    ranges = store.list(LIMIT_RANGES, namespace).items;
  } catch {
    return [];
  }
  return ranges.flatMap((r) => list((r.spec as Dict | undefined)?.limits)).filter((i) => i.type === 'Container');
}

function mergeDefaults(c: Dict, items: Dict[], label: string): string[] {
  const resources = ensureDict(c, 'resources');
  const limits = ensureDict(resources, 'limits');
  const requests = ensureDict(resources, 'requests');
  const setLimits = new Set<string>();
  const setRequests = new Set<string>();
  for (const item of items) {
    for (const [k, v] of Object.entries(isDict(item.default) ? item.default : {})) {
      if (limits[k] === undefined || setLimits.has(k)) {
        limits[k] = v;
        setLimits.add(k);
      }
    }
    for (const [k, v] of Object.entries(isDict(item.defaultRequest) ? item.defaultRequest : {})) {
      if (requests[k] === undefined || setRequests.has(k)) {
        requests[k] = v;
        setRequests.add(k);
      }
    }
  }
  if (!Object.keys(limits).length) delete resources.limits;
  if (!Object.keys(requests).length) delete resources.requests;
  const notes: string[] = [];
  if (setRequests.size) notes.push(`${[...setRequests].sort().join(', ')} request for ${label} ${c.name}`);
  if (setLimits.size) notes.push(`${[...setLimits].sort().join(', ')} limit for ${label} ${c.name}`);
  return notes;
}

function checkBounds(c: Dict, items: Dict[]): string[] {
  // Wording, order and the closing period as minConstraint/maxConstraint of
  // plugin/pkg/admission/limitranger/admission.go (1.32): min on the request (then the limit),
  // max on the limit (then the request).
  const errs: string[] = [];
  const requests: Dict = c.resources?.requests ?? {};
  const limits: Dict = c.resources?.limits ?? {};
  const n = (v: unknown) => parseQuantity(v) as number;
  for (const item of items) {
    for (const [k, min] of Object.entries(isDict(item.min) ? item.min : {})) {
      if (requests[k] === undefined) errs.push(`minimum ${k} usage per Container is ${q(min)}.  No request is specified.`);
      else if (n(requests[k]) < n(min)) errs.push(`minimum ${k} usage per Container is ${q(min)}, but request is ${q(requests[k])}.`);
      else if (limits[k] !== undefined && n(limits[k]) < n(min)) errs.push(`minimum ${k} usage per Container is ${q(min)}, but limit is ${q(limits[k])}.`);
    }
    for (const [k, max] of Object.entries(isDict(item.max) ? item.max : {})) {
      if (limits[k] === undefined) errs.push(`maximum ${k} usage per Container is ${q(max)}.  No limit is specified.`);
      else if (n(limits[k]) > n(max)) errs.push(`maximum ${k} usage per Container is ${q(max)}, but limit is ${q(limits[k])}.`);
      else if (requests[k] !== undefined && n(requests[k]) > n(max))
        errs.push(`maximum ${k} usage per Container is ${q(max)}, but request is ${q(requests[k])}.`);
    }
  }
  return errs;
}

/**
 * Applies the namespace's LimitRanges to a new Pod (the mutating half) and returns the validating
 * half, to run after the Pod passed validation: it throws 403 Forbidden when a bound is broken.
 */
export function applyLimitRanges(store: Store, pod: Dict): () => void {
  const items = containerItems(store, String(pod.metadata?.namespace ?? 'default'));
  if (!items.length) return () => undefined;
  const spec = ensureDict(pod, 'spec');
  const notes = [
    ...list(spec.containers).flatMap((c) => mergeDefaults(c, items, 'container')),
    ...list(spec.initContainers).flatMap((c) => mergeDefaults(c, items, 'init container')),
  ];
  if (notes.length) ensureDict(ensureDict(pod, 'metadata'), 'annotations')['kubernetes.io/limit-ranger'] = `LimitRanger plugin set: ${notes.join('; ')}`;
  return () => {
    // The plugin checks the containers, then the init containers.
    const errs = [...list(spec.containers), ...list(spec.initContainers)].flatMap((c) => checkBounds(c, items));
    if (!errs.length) return;
    const name = String(pod.metadata?.name ?? '');
    throw new StatusError({
      message: `pods "${name}" is forbidden: ${errs.length === 1 ? errs[0] : `[${errs.join(', ')}]`}`,
      reason: 'Forbidden',
      details: { name, kind: 'pods' },
      code: 403,
    });
  };
}
