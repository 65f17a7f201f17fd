import type { Normalizer } from './types.js';

const DURATION = '(?:\\d+(?:\\.\\d+)?(?:ns|µs|us|ms|s|m|h))+';

/** Measured durations and sizes in events (`Successfully pulled image "nginx" in 1.2s (1.2s including waiting)`). */
export const duration: Normalizer = {
  id: 'duration',
  description: 'measured durations (`in 1.2s`, `(812ms including waiting)`, `took 3s`) and pulled image sizes',
  anywhere: [
    new RegExp(`(?<=\\b(?:in|took|after) )${DURATION}(?![\\w]|\\.\\d)`, 'g'),
    new RegExp(`(?<=\\()${DURATION}(?= including waiting\\))`, 'g'),
    /(?<=Image size: )\d+(?= bytes)/g,
  ],
  actual: () => `(?:${DURATION}|\\d+)`,
};
