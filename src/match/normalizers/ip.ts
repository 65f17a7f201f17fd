import type { Normalizer } from './types.js';

const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
/** IPv4 address, regex source. */
export const IPV4 = `(?:${OCTET}\\.){3}${OCTET}`;
/** IPv6 address (loose shape, validated by {@link isIpv6}), regex source. */
export const IPV6 = '[0-9a-fA-F]{0,4}(?::[0-9a-fA-F]{0,4}){2,7}';
/** Any IP address, regex source. */
export const ANY_IP = `(?:${IPV4}|${IPV6})`;

/** True for text shaped like an IPv6 address (`fd00:10:244::5`), not a time (`12:34:56`). */
export function isIpv6(text: string): boolean {
  if (!/[0-9a-fA-F]/.test(text)) return false;
  const groups = text.split(':');
  if (groups.some((g) => g.length > 4)) return false;
  const compressed = text.includes('::');
  if (text.split('::').length > 2) return false;
  return compressed ? groups.length >= 3 : groups.length === 8;
}

/** IPv4 and IPv6 addresses: a pod, Service or node IP in the doc matches any IP. */
export const ip: Normalizer = {
  id: 'ip',
  description: 'IPv4/IPv6 addresses (pod, Service, node IPs): any IP in the doc matches any IP',
  anywhere: [new RegExp(`(?<![\\w.])${IPV4}(?![\\w]|\\.\\d)`, 'g'), /(?<![\w:.])[0-9a-fA-F]{0,4}(?::[0-9a-fA-F]{0,4}){2,7}(?![\w:])/g],
  accept: (v) => !v.includes(':') || isIpv6(v),
  actual: () => ANY_IP,
  bind: 'ip',
};
