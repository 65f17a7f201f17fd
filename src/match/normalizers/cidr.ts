import { ANY_IP, IPV4, isIpv6 } from './ip.js';
import type { Normalizer } from './types.js';

/** CIDR blocks (`10.244.0.0/24`, `fd00:10:244::/64`): pod and Service ranges differ per cluster. */
export const cidr: Normalizer = {
  id: 'cidr',
  description: 'CIDR blocks (pod/Service ranges): any CIDR in the doc matches any CIDR',
  anywhere: [new RegExp(`(?<![\\w.])${IPV4}/\\d{1,2}(?![\\w.])`, 'g'), /(?<![\w:.])[0-9a-fA-F]{0,4}(?::[0-9a-fA-F]{0,4}){2,7}\/\d{1,3}(?![\w.])/g],
  accept: (v) => !v.includes(':') || isIpv6(v.split('/')[0] ?? ''),
  actual: () => `${ANY_IP}/\\d{1,3}`,
  bind: 'cidr',
};
