import { describe } from 'vitest';
import { clusterIp } from '../../../src/match/normalizers/index.js';
import { normalizerCases } from './cases.js';

describe('cluster-ip', () => {
  normalizerCases(clusterIp, [
    ['10.0.162.149', '10.96.45.12', true, 'CLUSTER-IP'],
    ['10.0.0.11', '10.96.0.1', true, 'clusterIP'],
    ['fd00:10:96::a8b2', 'fd00:10:96::3f1', true, 'clusterIPs'],
    // headless stays exact, and the actual value must be an IP
    ['None', '10.96.0.1', false, 'CLUSTER-IP'],
    ['10.0.0.11', 'None', false, 'clusterIP'],
    ['10.0.0.11', '10.0.0.256', false, 'clusterIP'],
  ]);
});
