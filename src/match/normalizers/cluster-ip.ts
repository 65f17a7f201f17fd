import { ANY_IP, IPV4, isIpv6 } from './ip.js';
import type { Normalizer } from './types.js';

/**
 * A Service's cluster IP (CLUSTER-IP column, `clusterIP`/`clusterIPs` keys): drawn at random from
 * the service range, so any IP matches; bound as `cluster-ip`, which must stay consistent across
 * the page (one Service, one IP).
 */
export const clusterIp: Normalizer = {
  id: 'cluster-ip',
  description: 'Service cluster IPs (CLUSTER-IP column, `clusterIP`, `clusterIPs`): any IP, one doc value per actual IP on a page',
  contexts: ['clusterip', 'clusterips'],
  inContext: [new RegExp(`(?<![\\w.:])(?:${IPV4}|[0-9a-fA-F]{0,4}(?::[0-9a-fA-F]{0,4}){2,7})(?![\\w:]|\\.\\d)`, 'g')],
  accept: (v) => !v.includes(':') || isIpv6(v),
  actual: () => ANY_IP,
  bind: 'cluster-ip',
};
