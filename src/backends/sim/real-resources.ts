/**
 * The resource types a Kubernetes 1.32 cluster (kind) serves, as `kubectl api-resources` lists
 * them (`src/shell/data/resource-types.ts`, read by `realResourcePlural`). When kubectl says the server has no such resource type
 * and a real cluster has it, the step cannot be checked on the simulator — it is not the doc's
 * defect.
 */
import { realResourcePlural } from '../../shell/index.js';
import { RESOURCE_TYPES } from './registry.js';

const SERVED = new Set(RESOURCE_TYPES.map((t) => t.resource));

/** Why `resource` (as typed) cannot be checked here: a real 1.32 cluster has it and the simulator does not; else undefined. */
export function unservedResource(resource: string): string | undefined {
  const plural = realResourcePlural(resource);
  if (!plural || SERVED.has(plural)) return undefined;
  return `a Kubernetes 1.32 cluster serves ${plural}; the simulator does not (use --backend kind)`;
}
