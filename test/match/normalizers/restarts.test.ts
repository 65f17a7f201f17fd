import { describe } from 'vitest';
import { restarts } from '../../../src/match/normalizers/index.js';
import { normalizerCases } from './cases.js';

describe('restarts', () => {
  normalizerCases(restarts, [
    ['1 (5s ago)', '2 (12s ago)', true, 'RESTARTS'],
    ['0', '1 (3m2s ago)', true, 'RESTARTS'],
    ['restartCount: 0', 'restartCount: 3', true],
    ['0', 'Running', false, 'RESTARTS'],
    ['0', '1', false, 'READY'],
  ]);
});
