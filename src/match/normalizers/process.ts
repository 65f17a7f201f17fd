import type { Normalizer } from './types.js';

/** procps' START/STIME: `21:12` (started today), `Feb06` (this year), `2023` (before). */
const START = '(?:\\d{1,2}:\\d{2}|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\\d{2}|\\d{4})';

/** When a process started (`ps` START and STIME columns): the author's clock, not the page's claim. */
export const processStart: Normalizer = {
  id: 'process-start',
  description: 'process start times in `ps` START/STIME columns (`21:12`, `Feb06`, `2023`): any start time',
  contexts: ['start', 'stime'],
  inContext: [new RegExp(`^${START}$`, 'g')],
  actual: () => START,
};

/**
 * Process ids in `ps` PID/PPID columns: every process but a container's first (PID 1, the main
 * process a page talks about) and its parent 0 gets the next free id, which depends on what ran
 * before. PIDs 0 and 1 stay exact.
 */
export const processId: Normalizer = {
  id: 'process-id',
  description: 'process ids in `ps` PID/PPID columns: any id, except 0 and 1 (a container’s main process) which stay exact',
  contexts: ['pid', 'ppid'],
  inContext: [/^\d+$/g],
  accept: (value) => Number(value) > 1,
  actual: () => '(?:[2-9]|\\d{2,})',
};
