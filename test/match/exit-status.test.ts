import { describe, expect, test } from 'vitest';
import { matchExitStatus } from '../../src/match/index.js';

describe('matchExitStatus', () => {
  test('should report a failed command whose doc shows success output', () => {
    expect(matchExitStatus(true, 1, 42)).toEqual({
      kind: 'exit-status',
      message: 'command failed with exit status 1; the doc shows the output of a successful run',
      line: 42,
      column: 1,
      expected: 'exit status 0',
      actual: 'exit status 1',
    });
  });
  test('should report a command that succeeded where the doc shows it failing', () => {
    expect(matchExitStatus(false, 0, 7)).toMatchObject({ kind: 'exit-status', line: 7 });
  });
  test('should accept agreeing statuses', () => {
    expect(matchExitStatus(true, 0, 1)).toBeNull();
    expect(matchExitStatus(false, 127, 1)).toBeNull();
  });
});
