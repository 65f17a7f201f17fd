import { describe } from 'vitest';
import { imageVersion } from '../../../src/match/normalizers/index.js';
import { normalizerCases } from './cases.js';

describe('image-version', () => {
  normalizerCases(imageVersion, [
    ['Server: nginx/1.27.3', 'Server: nginx/1.13.3', true],
    ['<center>nginx/1.25.3</center>', '<center>nginx/1.27.0</center>', true],
    ['nginx version: nginx/1.25.3', 'nginx version: nginx/1.27.0', true],
    ['BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.', 'BusyBox v1.37.0 (2023-05-18 22:34:17 UTC) multi-call binary.', true],
    ['redis_version:7.2.4', 'redis_version:7.4.1', true],
    // the program stays exact, and only versions after a known marker vary
    ['Server: nginx/1.27.3', 'Server: Apache/2.4.62', false],
    ['Server: nginx/1.27.3', 'Server: nginx', false],
    ['image: nginx:1.14.2', 'image: nginx:1.16.1', false],
  ]);
});
