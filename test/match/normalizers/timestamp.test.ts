import { describe } from 'vitest';
import { timestamp } from '../../../src/match/normalizers/index.js';
import { normalizerCases } from './cases.js';

describe('timestamp', () => {
  normalizerCases(timestamp, [
    ['creationTimestamp: "2024-01-01T12:00:00Z"', 'creationTimestamp: "2026-11-26T23:40:00Z"', true],
    ['2024-01-01T12:00:00Z', '2026-11-26T23:40:00.123456789+01:00', true],
    ['Start Time: Mon, 01 Jan 2024 12:00:00 +0000', 'Start Time: Thu, 26 Nov 2026 23:40:00 +0000', true],
    ['Mon Jan  1 12:00:00 UTC 2024', 'Thu Nov 26 23:40:00 UTC 2026', true],
    ['2024/01/01 12:00:00 [notice] start', '2026/11/26 23:40:00 [notice] start', true],
    ['[01/Jan/2024:12:00:05 +0000] "GET /"', '[26/Nov/2026:23:40:03 +0000] "GET /"', true],
    ['I0101 12:00:06.123456 1 main.go:42] ok', 'I1126 23:40:03.998877 1 main.go:42] ok', true],
    ['2024-01-01 12:00:00 +0000 UTC', '2026-11-26 23:40:00.5 +0000 UTC', true],
    ['-rw-r--r-- 1 1000 2000 6 Jun  6 20:08 testfile', '-rw-r--r-- 1 1000 2000 6 Dec  7 04:50 testfile', true],
    ['drwxr-xr-x 2 root root 4096 Jun  6  2023 logs', 'drwxr-xr-x 2 root root 4096 Dec  7 04:50 logs', true],
    // the owner, group, size and name around an ls time stay exact
    ['-rw-r--r-- 1 1000 2000 6 Jun  6 20:08 testfile', '-rw-r--r-- 1 root root 6 Dec  7 04:50 testfile', false],
    // the text around stays exact
    ['2024/01/01 12:00:00 [notice] start', '2026/11/26 23:40:00 [error] start', false],
    ['2024-01-01T12:00:00Z', 'never', false],
  ]);
});
