import { describe, expect, it } from 'vitest';
import { formatIndexes, parseIndexes, pendingIndexes } from '../../../src/backends/sim/controllers/job-indexes.js';

describe('job completion indexes', () => {
  it.each([
    [[], ''],
    [[3], '3'],
    [[0, 1], '0,1'],
    [[0, 1, 2], '0-2'],
    [[1, 3, 5, 7, 9], '1,3,5,7,9'],
    [[0, 1, 2, 4, 5, 7], '0-2,4,5,7'],
  ])('writes %j as %s, as orderedIntervals.String does', (values, text) => {
    expect(formatIndexes(values)).toBe(text);
  });

  it('reads intervals below completions, clipping the last and skipping malformed parts', () => {
    expect([...parseIndexes('0-2,x,4,6-9', 8)]).toEqual([0, 1, 2, 4, 6, 7]);
    expect([...parseIndexes(undefined, 3)]).toEqual([]);
  });

  it('picks the lowest free indexes', () => {
    expect(pendingIndexes(new Set([0, 2]), 2, 5)).toEqual([1, 3]);
    expect(pendingIndexes(new Set([0, 1]), 3, 3)).toEqual([2]);
  });
});
