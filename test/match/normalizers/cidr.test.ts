import { describe } from 'vitest';
import { cidr } from '../../../src/match/normalizers/index.js';
import { normalizerCases } from './cases.js';

describe('cidr', () => {
  normalizerCases(cidr, [
    ['10.244.0.0/24', '10.244.3.0/24', true],
    ['PodCIDR: 10.244.0.0/24', 'PodCIDR: 10.244.1.0/24', true],
    ['fd00:10:244::/64', 'fd00:10:244:1::/64', true],
    ['10.244.0.0/16', '10.244.0.0', false],
    ['10.244.0.0/16', 'none', false],
  ]);
});
