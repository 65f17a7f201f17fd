import type { ResourceType } from '../types.js';
import { badRequest } from '../status.js';
import { parseQuantity, quantityErrorMessage } from './quantity.js';
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

function quantities(obj: Dict, key: string): unknown[] {
  const values: unknown[] = [];
  const add = (m: unknown) => isDict(m) && values.push(...Object.values(m));
  for (const spec of podSpecsOf(key, obj)) {
    for (const c of [...list(spec.initContainers), ...list(spec.containers)]) {
      add(c.resources?.requests);
      add(c.resources?.limits);
    }
  }
  if (key === 'persistentvolumeclaims') add(dig(obj, 'spec', 'resources', 'requests'));
  if (key === 'statefulsets.apps') for (const t of list(dig(obj, 'spec', 'volumeClaimTemplates'))) add(t.spec?.resources?.requests);
  return values;
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
