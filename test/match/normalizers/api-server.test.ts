import { describe } from 'vitest';
import { apiServer } from '../../../src/match/normalizers/index.js';
import { normalizerCases } from './cases.js';

describe('api-server', () => {
  normalizerCases(apiServer, [
    ['https://192.168.49.2:8443', 'https://127.0.0.1:36999', true, 'server'],
    ['https://kubernetes.docker.internal:6443', 'https://127.0.0.1:36999', true, 'server'],
    ['Kubernetes control plane is running at https://192.168.49.2:8443', 'Kubernetes control plane is running at https://127.0.0.1:36999', true],
    [
      'CoreDNS is running at https://192.168.49.2:8443/api/v1/namespaces/kube-system/services/kube-dns:dns/proxy',
      'CoreDNS is running at https://127.0.0.1:36999/api/v1/namespaces/kube-system/services/kube-dns:dns/proxy',
      true,
    ],
    // the path after the address stays exact; other URLs are not the API server
    ['CoreDNS is running at https://192.168.49.2:8443/api/v1/x', 'CoreDNS is running at https://127.0.0.1:36999/api/v1/y', false],
    ['curl https://10.0.0.1:443', 'curl https://10.0.0.1:8443', false],
  ]);
});
