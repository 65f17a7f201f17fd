/** What a node's own daemons serve, which the simulator does not run. */
import type { Api } from './api/types.js';

const REFUSED_LOCAL_PORT =
  /Failed to connect to (?:localhost|127\.0\.0\.1) port (\d+)|connect to (?:localhost|127\.0\.0\.1) port (\d+) failed: Connection refused/;

/**
 * A request to a Service's `healthCheckNodePort` on a node refused: kube-proxy serves that port on
 * every node (externalTrafficPolicy Local), and the simulator runs no kube-proxy.
 */
export function healthCheckPort(api: Pick<Api, 'resolve' | 'list'>, output: string): string | undefined {
  const m = REFUSED_LOCAL_PORT.exec(output);
  const type = m ? api.resolve('services') : undefined;
  if (!m || !type) return undefined;
  const port = Number(m[1] ?? m[2]);
  const svc = api.list(type, undefined).items.find((o) => (o.spec as { healthCheckNodePort?: number } | undefined)?.healthCheckNodePort === port);
  return svc
    ? `port ${port} is the healthCheckNodePort of Service ${svc.metadata.name}, which kube-proxy serves on every node; the simulator runs no kube-proxy (use --backend kind)`
    : undefined;
}
