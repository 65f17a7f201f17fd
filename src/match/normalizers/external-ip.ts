import { ANY_IP } from './ip.js';
import type { Normalizer } from './types.js';

const HOST = '[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?';
const VALUE = `(?:<pending>|<none>|${ANY_IP}|${HOST})`;
/** kubectl 1.30+ shows a load balancer IP's ipMode after it: `172.18.255.1 (VIP)`. */
const ITEM = `${VALUE}(?: \\((?:VIP|Proxy)\\))?`;

/**
 * A LoadBalancer's external address: `<pending>` until the cloud assigns one, then an IP or a
 * host name, and `<none>` on clusters without a load balancer. In EXTERNAL-IP columns and the
 * `LoadBalancer Ingress:` field any of these matches any other.
 */
export const externalIp: Normalizer = {
  id: 'external-ip',
  description: 'EXTERNAL-IP / LoadBalancer Ingress: `<pending>`, `<none>`, an IP or a host name match each other',
  contexts: ['externalip', 'loadbalanceringress'],
  inContext: [/^\S+(?:,\S+)*$/g],
  actual: () => `${ITEM}(?:, ?${ITEM})*`,
  bind: 'external-ip',
  bindValue: (actual) => actual.replace(/ \((?:VIP|Proxy)\)/g, ''),
};
