import type { Normalizer } from './types.js';

/**
 * Object UIDs (`3f8a8d2e-7b1c-4c55-9a3e-2b6f0c1d9e8a`): new on every run. Also inside the name a
 * volume provisioner gives a claim's volume, `pvc-<claim UID>` (a PVC's VOLUME column).
 */
export const uid: Normalizer = {
  id: 'uid',
  description: 'object UIDs (8-4-4-4-12 hex): any UID matches any UID',
  anywhere: [/(?<=^|[^\w-]|(?<![\w-])pvc-)[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}(?![\w-])/g],
  actual: () => '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}',
  bind: 'uid',
};
