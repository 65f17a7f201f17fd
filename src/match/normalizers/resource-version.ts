import type { Normalizer } from './types.js';

/** resourceVersion values (`resourceVersion: "4521"`): grow with every write to the cluster. */
export const resourceVersion: Normalizer = {
  id: 'resource-version',
  description: 'resourceVersion numbers (YAML/JSON key, custom column): any number matches',
  anywhere: [/(?<=resourceVersion"?\s*[:=]\s*"?)\d+/g],
  contexts: ['resourceversion'],
  inContext: [/^\d+$/g],
  actual: () => '\\d+',
};
