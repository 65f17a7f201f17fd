/**
 * What the simulator does not model, looked up from what kubectl printed: the runner asks after a
 * step did not pass, and a step that needs one of these is reported as unchecked with the reason.
 */
import { unservedResource } from './real-resources.js';
import { RESOURCE_TYPES } from './registry.js';

const NO_RESOURCE_TYPE = /the server doesn't have a resource type "([^"]+)"/;
const NO_METRICS = /Metrics API not available|the server could not find the requested resource \(get (?:pods|nodes)\.metrics\.k8s\.io\)/;

/** Why the step's outcome cannot be checked on the simulator, or undefined. */
export function simCannotCheck(_command: string, output: string): string | undefined {
  const type = NO_RESOURCE_TYPE.exec(output);
  if (type) return unservedResource(type[1]!);
  if (NO_METRICS.test(output) && !RESOURCE_TYPES.some((t) => t.group === 'metrics.k8s.io')) {
    return 'the metrics API (metrics-server) is not simulated: `kubectl top` and resource-based autoscaling cannot be checked (use --backend kind with metrics-server)';
  }
  return undefined;
}
