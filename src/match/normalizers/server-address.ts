import { IPV4 } from './ip.js';
import type { Normalizer } from './types.js';

/** `host:port` with an IPv4, a bracketed IPv6 or a DNS name, regex source. */
const HOST_PORT = `(?:${IPV4}|\\[[0-9a-fA-F:]+\\]|[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?):\\d{1,5}`;

/**
 * The address `/api` and `/apis` advertise (`serverAddressByClientCIDRs[].serverAddress`): the API
 * server's advertise address and secure port (genericapiserver's ExternalAddress), which the
 * installer picks, so any `host:port` matches; bound as `server-address`, so one cluster shows one
 * address across the page.
 */
export const serverAddress: Normalizer = {
  id: 'server-address',
  description: 'the API server address of discovery (`serverAddressByClientCIDRs[].serverAddress`): any host:port, one per page',
  contexts: ['serveraddress'],
  inContext: [new RegExp(`^${HOST_PORT}$`, 'g')],
  actual: () => HOST_PORT,
  bind: 'server-address',
};
