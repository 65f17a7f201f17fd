import type { Normalizer } from './types.js';

const UNIT = '\\d+[ydhms]';
/** An age as kubectl prints it (`5s`, `2m10s`, `3d`, `<unknown>`), regex source. */
export const AGE = `(?:(?:${UNIT})+|<unknown>|<invalid>)`;

/**
 * Ages: in AGE-like columns and fields any age matches any age; elsewhere only unmistakable
 * ages (`2m10s`, `5s ago`) are tolerated, so a CPU quantity like `100m` stays exact.
 */
export const age: Normalizer = {
  id: 'age',
  description: 'ages (5s, 2m10s, 23m, 3d, <unknown>): any age; single-unit ages only in AGE-like columns',
  anywhere: [/(?<![\w.])\d+[ydhms](?:\d+[ydhms])+(?![\w.])/g, /(?<![\w.])\d+[ydhms](?= ago\b)/g, /(?<=\b(?:over|for) )\d+[ydhms](?![\w.])/g],
  contexts: ['age', 'lastseen', 'firstseen', 'lastschedule', 'duration', 'since', 'lastupdate', 'lastprobetime'],
  inContext: [/(?<![\w.])(?:\d+[ydhms])+(?![\w.])|<unknown>|<invalid>/g],
  actual: () => AGE,
};
