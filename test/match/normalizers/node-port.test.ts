import { describe } from 'vitest';
import { nodePort } from '../../../src/match/normalizers/index.js';
import { normalizerCases } from './cases.js';

describe('node-port', () => {
  normalizerCases(nodePort, [
    ['80:31234/TCP', '80:30080/TCP', true],
    ['8080:30080/TCP,443:30443/TCP', '8080:31234/TCP,443:32767/TCP', true],
    ['NodePort: <unset> 31234/TCP', 'NodePort: <unset>  30217/TCP', true],
    ['nodePort: 31704', 'nodePort: 30217', true],
    ['  healthCheckNodePort: 32122', '  healthCheckNodePort: 30628', true],
    ['healthCheckNodePort: 22122', 'healthCheckNodePort: 30628', false],
    ['31704', '30217', true, 'nodePort'],
    ['32122', '30628', true, 'healthCheckNodePort'],
    // the Service port is exact; the actual NodePort must be in range
    ['80:31234/TCP', '8080:31234/TCP', false],
    ['80:31234/TCP', '80:32768/TCP', false],
    ['80:31234/TCP', '80/TCP', false],
    ['80/TCP', '8080/TCP', false],
    // a doc NodePort outside the range contradicts the cluster's rules: it stays exact
    ['80:8080/TCP', '80:30080/TCP', false],
    ['nodePort: 29999', 'nodePort: 30217', false],
    ['80:8080/TCP', '80:8080/TCP', true],
  ]);
});
