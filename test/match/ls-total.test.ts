import { describe, expect, test } from 'vitest';
import { matchOutput } from '../../src/match/index.js';
import { isLongListing } from '../../src/match/ls-total.js';

const run = (expected: string, actual: string, command = 'ls -l') => matchOutput({ expected, actual, mode: 'similar', line: 10, column: 1, command });

const ENTRY = '-rw-r--r-- 1 1000 2000 6 Jun  6 20:08 notes.txt';
const DIR = 'drwxr-xr-x 2 root root 4096 Jun  6 20:08 cache';

describe('ls -l total line', () => {
  test.each([
    ['ls -l', true],
    ['ls -la /srv', true],
    ['ls -al', true],
    ['ls -n', true],
    ['kubectl exec web -- ls -l /srv', true],
    ['ls --format=long', true],
    ['ls', false],
    ['ls -a', false],
    ['ls -1', false],
    ['ls -l | wc -l', false],
    ['echo ls -l', false],
    ['cat ls -l', false],
  ])('long listing: %s → %s', (command, want) => {
    expect(isLongListing(command)).toBe(want);
  });

  test('a doc without the total line passes when the entries agree', () => {
    expect(run(`${DIR}\n${ENTRY}`, `total 8\n${DIR}\n${ENTRY}`).differences).toEqual([]);
  });

  test('a wrong entry still fails', () => {
    const r = run(ENTRY, `total 4\n${ENTRY.replace('2000', '3000')}`);
    expect(r.ok).toBe(false);
    expect(r.differences.some((d) => d.actual?.includes('total'))).toBe(false);
  });

  test('a missing entry still fails', () => {
    expect(run(`${DIR}\n${ENTRY}`, `total 4\n${DIR}`).ok).toBe(false);
  });

  test('a doc that shows the total line compares it', () => {
    expect(run(`total 4\n${ENTRY}`, `total 4\n${ENTRY}`).ok).toBe(true);
    expect(run(`total 4\n${ENTRY}`, `${ENTRY}`).ok).toBe(false);
  });

  test('other commands keep a total line as an extra line', () => {
    expect(run(ENTRY, `total 4\n${ENTRY}`, 'cat listing.txt').ok).toBe(false);
  });
});
