import { describe } from 'vitest';
import { duration } from '../../../src/match/normalizers/index.js';
import { normalizerCases } from './cases.js';

describe('duration', () => {
  normalizerCases(duration, [
    ['Successfully pulled image "nginx" in 1.2s', 'Successfully pulled image "nginx" in 812ms', true],
    ['in 1.2s (1.2s including waiting)', 'in 2.053s (2.053s including waiting)', true],
    ['pulled in 1m2.5s. Image size: 72188133 bytes.', 'pulled in 3s. Image size: 72195292 bytes.', true],
    ['Completed after 3s', 'Completed after 1m4s', true],
    ['Successfully pulled image "nginx" in 1.2s', 'Successfully pulled image "httpd" in 1.2s', false],
    ['replicas: 3', 'replicas: 4', false],
  ]);
});
