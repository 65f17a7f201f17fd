import { AGE } from './age.js';
import type { Normalizer } from './types.js';

/**
 * Restart counts (`0`, `1 (5s ago)`): they depend on timing (probes, crash loops), so any count
 * matches in a RESTARTS column or a `restartCount` key; STATUS and READY stay exact.
 */
export const restarts: Normalizer = {
  id: 'restarts',
  description: 'restart counts in RESTARTS columns / restartCount (`1 (5s ago)`): any count',
  contexts: ['restarts', 'restartcount'],
  inContext: [/^\d+(?: \([^)]*\bago\))?$/g],
  actual: () => `\\d+(?: \\(${AGE} ago\\))?`,
};
