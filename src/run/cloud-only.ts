/**
 * Output only a cloud provider produces: nodes with an ExternalIP, a load balancer's ingress. When
 * the doc shows it, the actual output lacks it and the backend has no such provider, the step is
 * not a defect of the doc: it is skipped with the reason.
 */
import type { BackendCapabilities } from '../backends/backend.js';

interface CloudFeature {
  /** Text in the doc's output that only the feature produces. */
  shows: RegExp;
  /** True when the backend provides the feature. */
  provided: (c: BackendCapabilities) => boolean;
  reason: string;
}

export const CLOUD_FEATURES: readonly CloudFeature[] = [
  {
    shows: /\btype:\s*ExternalIP\b|"type":\s*"ExternalIP"/,
    provided: (c) => c.nodeExternalIPs,
    reason:
      'the doc shows nodes with an ExternalIP, which only a cloud provider gives them; the nodes of this backend have only an InternalIP (use --backend context on a cloud cluster)',
  },
  {
    shows: /^\s*LoadBalancer Ingress:\s*\S/m,
    provided: (c) => c.loadBalancer,
    reason: "the doc shows a load balancer's address, and this backend has no load balancer (on the simulator, add --load-balancer)",
  },
];

/** Why a failed step needs a cloud feature the backend lacks, or undefined. */
export function missingCloudFeature(expected: string, actual: string, capabilities: BackendCapabilities): string | undefined {
  for (const f of CLOUD_FEATURES) {
    if (f.shows.test(expected) && !f.shows.test(actual) && !f.provided(capabilities)) return f.reason;
  }
  return undefined;
}
