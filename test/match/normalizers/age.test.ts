import { describe } from 'vitest';
import { age } from '../../../src/match/normalizers/index.js';
import { normalizerCases } from './cases.js';

describe('age', () => {
  normalizerCases(age, [
    ['5s', '3d', true, 'AGE'],
    ['2m10s', '23m', true, 'AGE'],
    ['<unknown>', '5m41s', true, 'AGE'],
    ['12s', '3m', true, 'LAST SEEN'],
    ['5m (x3 over 10m)', '2s (x3 over 4m)', true, 'Age'],
    ['Age: 2m10s', 'Age: 5s', true],
    ['started 2m10s ago', 'started 1h2m ago', true],
    ['restarted 5s ago', 'restarted 2m ago', true],
    // a count is not an age; a single-unit quantity outside AGE columns stays exact
    ['5m (x3 over 10m)', '2s (x4 over 4m)', false, 'Age'],
    ['100m', '200m', false],
    ['cpu: 100m', 'cpu: 250m', false],
    ['5s', 'Running', false, 'AGE'],
  ]);
});
