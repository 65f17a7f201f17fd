import { describe } from 'vitest';
import { resourceVersion } from '../../../src/match/normalizers/index.js';
import { normalizerCases } from './cases.js';

describe('resource-version', () => {
  normalizerCases(resourceVersion, [
    ['resourceVersion: "1234"', 'resourceVersion: "98231"', true],
    ['"resourceVersion": "1234",', '"resourceVersion": "98231",', true],
    ['1278', '912', true, 'resourceVersion'],
    ['1278', 'abc', false, 'resourceVersion'],
    ['replicas: 1234', 'replicas: 98231', false],
  ]);
});
