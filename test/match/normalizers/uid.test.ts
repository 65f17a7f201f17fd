import { describe } from 'vitest';
import { uid } from '../../../src/match/normalizers/index.js';
import { normalizerCases } from './cases.js';

describe('uid', () => {
  normalizerCases(uid, [
    ['uid: 3f8a8d2e-7b1c-4c55-9a3e-2b6f0c1d9e8a', 'uid: 0c6b2d5e-91a4-4f3b-8e27-5d1c9a7b3f60', true],
    ['UID: 3F8A8D2E-7B1C-4C55-9A3E-2B6F0C1D9E8A', 'UID: 0c6b2d5e-91a4-4f3b-8e27-5d1c9a7b3f60', true],
    ['3f8a8d2e-7b1c-4c55-9a3e-2b6f0c1d9e8a', '0c6b2d5e-91a4-4f3b-8e27', false],
    // A provisioned volume is named after its claim's UID.
    [
      'mysql-pv-claim   Bound    pvc-8cbd7b2e-4044-11e9-b2bb-42010a800002   20Gi',
      'mysql-pv-claim   Bound    pvc-6b22ee53-1c0d-4f7a-9d43-2d0b6e8f1a57   20Gi',
      true,
    ],
    ['pvc-8cbd7b2e-4044-11e9-b2bb-42010a800002', 'pv-6b22ee53-1c0d-4f7a-9d43-2d0b6e8f1a57', false],
    ['web-8cbd7b2e-4044-11e9-b2bb-42010a800002', 'web-6b22ee53-1c0d-4f7a-9d43-2d0b6e8f1a57', false],
  ]);
});
