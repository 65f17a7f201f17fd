import { describe, expect, it } from 'vitest';
import { base64ErrorOffset } from '../../../src/backends/sim/api/strict.js';

describe('base64ErrorOffset (Go base64.StdEncoding rules)', () => {
  it.each([
    ['aGVsbG8=', -1],
    ['aGVsbA==', -1],
    ['', -1],
    ['aGVs\nbG8=\n', -1],
    ['REPLACE_WITH_BASE64_CERT', 7],
    ['aGVsbG8', 4],
    ['aGVsbG8=aGVs', 7],
    ['a===', 1],
    ['aGVs bG8=', 4],
    ['aGVsbG8-', 7],
  ])('%j → %i', (text, offset) => {
    expect(base64ErrorOffset(text)).toBe(offset);
  });
});
