import { describe } from 'vitest';
import { processId, processStart } from '../../../src/match/normalizers/index.js';
import { normalizerCases } from './cases.js';

describe('process-start', () => {
  normalizerCases(processStart, [
    ['21:12', '00:00', true, 'START'],
    ['21:12', 'Dec07', true, 'START'],
    ['Feb06', '2023', true, 'STIME'],
    ['21:12', '00:00', false, 'TIME'],
    ['21:12', 'Ss', false, 'START'],
  ]);
});

describe('process-id', () => {
  normalizerCases(processId, [
    ['7', '31', true, 'PID'],
    ['29', '8', true, 'PPID'],
    ['1', '7', false, 'PID'],
    ['7', '1', false, 'PID'],
    ['0', '12', false, 'PPID'],
    ['7', '31', false, 'VSZ'],
  ]);
});
