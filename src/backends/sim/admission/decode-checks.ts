import type { ResourceType } from '../types.js';
import { badRequest } from '../status.js';
import { canonicalQuantity, parseQuantity, quantityErrorMessage } from './quantity.js';
import { type Dict, dig, isDict, list } from './util.js';

/**
 * Values the real server rejects while decoding the request body (before admission), with 400
 * BadRequest: `Deployment in version "v1" cannot be handled as a Deployment: …`.
 */

/** Where pod specs live in each workload kind. */
const POD_SPEC_PATHS: Record<string, string[][]> = {
  pods: [['spec']],
  podtemplates: [['template', 'spec']],
  replicationcontrollers: [['spec', 'template', 'spec']],
  'deployments.apps': [['spec', 'template', 'spec']],
  'replicasets.apps': [['spec', 'template', 'spec']],
  'statefulsets.apps': [['spec', 'template', 'spec']],
  'daemonsets.apps': [['spec', 'template', 'spec']],
  'jobs.batch': [['spec', 'template', 'spec']],
  'cronjobs.batch': [['spec', 'jobTemplate', 'spec', 'template', 'spec']],
};

/** The pod specs inside an object of this resource. */
export function podSpecsOf(key: string, obj: Dict): Dict[] {
  return (POD_SPEC_PATHS[key] ?? []).map((path) => dig(obj, ...path)).filter(isDict);
}

/**
 * The maps of resource quantities in an object (`resources.requests`, `spec.hard`, …): the fields
 * the server decodes into `resource.Quantity`, so it both rejects what does not parse and stores
 * the canonical form.
 */
export function quantityMaps(obj: Dict, key: string): Dict[] {
  const maps: Dict[] = [];
  const add = (m: unknown) => isDict(m) && maps.push(m);
  for (const spec of podSpecsOf(key, obj)) {
    for (const c of [...list(spec.initContainers), ...list(spec.containers), ...list(spec.ephemeralContainers)]) {
      add(c.resources?.requests);
      add(c.resources?.limits);
    }
    add(spec.overhead);
    add(spec.resources?.requests);
    add(spec.resources?.limits);
  }
  if (key === 'persistentvolumeclaims') {
    add(dig(obj, 'spec', 'resources', 'requests'));
    add(dig(obj, 'spec', 'resources', 'limits'));
  }
  if (key === 'persistentvolumes') add(dig(obj, 'spec', 'capacity'));
  if (key === 'resourcequotas') add(dig(obj, 'spec', 'hard'));
  if (key === 'limitranges') {
    for (const item of list(dig(obj, 'spec', 'limits'))) {
      for (const field of ['max', 'min', 'default', 'defaultRequest', 'maxLimitRequestRatio']) add(item[field]);
    }
  }
  if (key === 'statefulsets.apps') for (const t of list(dig(obj, 'spec', 'volumeClaimTemplates'))) add(t.spec?.resources?.requests);
  return maps;
}

function quantities(obj: Dict, key: string): unknown[] {
  return quantityMaps(obj, key).flatMap((m) => Object.values(m));
}

/**
 * Rewrites every quantity to its canonical form in place, as decoding into `resource.Quantity`
 * and encoding again does (`cpu: 0.5` is served as `500m`, `1.5Gi` as `1536Mi`).
 */
export function canonicalizeQuantities(obj: Dict, key: string): void {
  for (const m of quantityMaps(obj, key)) {
    for (const [name, value] of Object.entries(m)) {
      if (typeof value === 'string' || typeof value === 'number') m[name] = canonicalQuantity(value);
    }
  }
}

/** Throws 400 BadRequest for resource quantities that do not parse. */
export function checkDecodable(type: ResourceType, key: string, obj: Dict): void {
  for (const q of quantities(obj, key)) {
    const parsed = parseQuantity(q);
    if (typeof parsed !== 'number') {
      throw badRequest(`${type.kind} in version "${type.version}" cannot be handled as a ${type.kind}: ${quantityErrorMessage(parsed)}`);
    }
  }
}
