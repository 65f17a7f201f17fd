/** What a node's own daemons serve, which the simulator does not run. */
import { refusedLocalPort } from '../../shell/index.js';
import type { Api } from './api/types.js';

/**
 * A request to a Service's `healthCheckNodePort` on a node refused: kube-proxy serves that port on
 * every node (externalTrafficPolicy Local), and the simulator runs no kube-proxy.
 */
export function healthCheckPort(api: Pick<Api, 'resolve' | 'list'>, output: string): string | undefined {
  const port = refusedLocalPort(output);
  const type = port !== undefined ? api.resolve('services') : undefined;
  if (port === undefined || !type) return undefined;
  const svc = api.list(type, undefined).items.find((o) => (o.spec as { healthCheckNodePort?: number } | undefined)?.healthCheckNodePort === port);
  return svc
    ? `port ${port} is the healthCheckNodePort of Service ${svc.metadata.name}, which kube-proxy serves on every node; the simulator runs no kube-proxy (use --backend kind)`
    : undefined;
}
