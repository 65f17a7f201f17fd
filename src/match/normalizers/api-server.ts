import type { Normalizer } from './types.js';

const ORIGIN = 'https?://[^\\s/]+';

/**
 * The API server's address (`server: https://192.168.49.2:8443`, `Kubernetes control plane is
 * running at https://127.0.0.1:6443`): the installer picks host and port. The path after it
 * stays exact.
 */
export const apiServer: Normalizer = {
  id: 'api-server',
  description: 'API server addresses (kubeconfig `server:`, `… is running at https://host:port`): any http(s) host and port',
  anywhere: [new RegExp(`(?<=\\bis running at )${ORIGIN}`, 'g')],
  contexts: ['server'],
  inContext: [new RegExp(`^${ORIGIN}`, 'g')],
  actual: () => ORIGIN,
  bind: 'api-server',
};
