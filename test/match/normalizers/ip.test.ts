import { describe } from 'vitest';
import { ip } from '../../../src/match/normalizers/index.js';
import { normalizerCases } from './cases.js';

describe('ip', () => {
  normalizerCases(ip, [
    ['10.244.2.5', '10.244.1.3', true],
    ['10.0.162.149', '10.96.0.1', true],
    ['MY_NGINX_SERVICE_HOST=10.0.162.149', 'MY_NGINX_SERVICE_HOST=10.96.45.12', true],
    ['Endpoints: 10.244.2.5:80,10.244.3.4:80', 'Endpoints: 10.244.1.3:80,10.244.2.4:80', true],
    ['fd00:10:96::a8b2', 'fd00:10:96::3f1', true],
    ['10.244.2.5', 'fd00:10:244::5', true],
    // ports and counts stay exact
    ['10.244.2.5:80', '10.244.1.3:8080', false],
    ['Endpoints: 10.244.2.5:80,10.244.3.4:80', 'Endpoints: 10.244.1.3:80', false],
    // not an IP
    ['10.244.2.5', '<none>', false],
    ['10.244.2.5', '10.244.2', false],
    ['12:34:56', '12:34:57', false],
  ]);
});
