import type { Normalizer } from './types.js';

/** A port number in the NodePort range 30000–32767, regex source. */
export const NODE_PORT = '(?:3[01]\\d{3}|32[0-6]\\d{2}|327[0-5]\\d|3276[0-7])';

/**
 * NodePorts: the second port of `80:31234/TCP`, the `NodePort:` field of describe, the
 * `nodePort` key. The actual value must be in the NodePort range; the Service port stays exact.
 */
export const nodePort: Normalizer = {
  id: 'node-port',
  description: 'NodePorts (`80:31234/TCP`, `NodePort: <unset> 31234/TCP`, `nodePort:`, `healthCheckNodePort:`): any port in 30000–32767',
  anywhere: [/(?<=\d:)\d{1,5}(?=\/(?:TCP|UDP|SCTP)\b)/g, /(?<=[nN]odePort"?\s*:\s*)\d{1,5}(?!\d)/g],
  contexts: ['nodeport', 'healthchecknodeport'],
  inContext: [/(?<![\w.:])\d{4,5}(?=\/(?:TCP|UDP|SCTP)\b|$)/g],
  // A doc NodePort outside the range contradicts the cluster's rules: it stays exact (and fails).
  accept: (v) => new RegExp(`^${NODE_PORT}$`).test(v),
  actual: () => NODE_PORT,
  bind: 'node-port',
};
