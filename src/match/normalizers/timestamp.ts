import type { Normalizer } from './types.js';

const DAY = '(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)';
const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)';
const ZONE = '(?: [A-Z]{2,5}|(?: ?[+-]\\d{2}:?\\d{2}))';
const FORMATS = [
  // RFC3339 / Go time.String: 2024-01-01T12:34:56Z, 2024-01-01 12:34:56.789 +0000 UTC
  `\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(?::\\d{2}(?:[.,]\\d+)?)?(?:Z|[+-]\\d{2}:?\\d{2})?(?: [+-]\\d{4})?(?: [A-Z]{2,5}(?![\\w]))?`,
  // RFC1123: Mon, 01 Jan 2024 12:34:56 +0000
  `${DAY}, \\d{1,2} ${MONTH} \\d{4} \\d{2}:\\d{2}:\\d{2}${ZONE}?`,
  // date(1) / ANSIC: Mon Jan  1 12:34:56 UTC 2024
  `${DAY} ${MONTH} [ \\d]?\\d \\d{2}:\\d{2}:\\d{2}(?: [A-Z]{2,5})? \\d{4}`,
  // Go log: 2024/01/01 12:34:56
  `\\d{4}/\\d{2}/\\d{2} \\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?`,
  // access log: 01/Jan/2024:12:34:56 +0000
  `\\d{2}/${MONTH}/\\d{4}:\\d{2}:\\d{2}:\\d{2}(?: [+-]\\d{4})?`,
  // ls -l modification time: `Jun  6 20:08` (this half year) or `Jun  6  2023` (older)
  `${MONTH} {1,2}\\d{1,2} {1,2}(?:\\d{2}:\\d{2}|\\d{4})(?![\\d:])`,
];
/** klog: I0101 12:34:56.789012 (after the severity letter). */
const KLOG = `\\d{4} \\d{2}:\\d{2}:\\d{2}\\.\\d+`;

/** Any timestamp format that {@link timestamp} knows, regex source. */
export const ANY_TIMESTAMP = `(?:${[...FORMATS, KLOG].join('|')})`;

/** Timestamps: creation times, event times, log lines; any known format matches any. */
export const timestamp: Normalizer = {
  id: 'timestamp',
  description: 'timestamps (RFC3339, RFC1123 `Mon, 01 Jan 2024 …`, date(1), log prefixes, klog, `ls -l` times): any timestamp',
  anywhere: [...FORMATS.map((f) => new RegExp(`(?<![\\w])${f}(?![\\w])`, 'g')), new RegExp(`(?<=^[IWEF])${KLOG}(?![\\w])`, 'g')],
  actual: () => ANY_TIMESTAMP,
};
