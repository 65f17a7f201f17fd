import { describe } from 'vitest';
import { placeholder } from '../../../src/match/normalizers/index.js';
import { normalizerCases } from './cases.js';

describe('placeholder', () => {
  normalizerCases(placeholder, [
    ['<CLUSTER-IP>', '10.96.45.12', true],
    ['<EXTERNAL-IP>:80', '172.18.255.1:80', true],
    ['kubectl exec <pod-name> -- ls', 'kubectl exec my-nginx-7d9c6f8b4-k2x9p -- ls', true],
    ['xx.xxx.xxx.xxx', '35.188.21.9', true],
    ['XXX.XXX.XXX.XXX', '35.188.21.9', true],
    ['token: REPLACE_WITH_TOKEN', 'token: abc.def', true],
    // kubectl's own angle-bracket values are real output
    ['<none>', '10.96.45.12', false],
    ['<pending>', '10.96.45.12', false],
    // one token only
    ['<CLUSTER-IP>', '10.96.45.12 10.96.45.13', false],
  ]);
});
