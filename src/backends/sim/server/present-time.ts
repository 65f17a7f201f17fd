/**
 * The cluster's time as its clients see it. The simulator skips ahead when only timers are
 * pending (an image pull, a `sleep 90` in a Job), so its clock runs ahead of the machine's, while
 * kubectl computes some ages itself from the timestamps it is sent (`describe`'s event ages,
 * `kubectl events`) against the machine's clock: a Job that completed after a skipped minute would
 * show `<invalid>`. Timestamps are therefore sent moved back by the time skipped so far, which
 * gives every age kubectl computes the value the server's own tables show; what is stored is
 * unchanged.
 */

/** The API's timestamp fields (metav1.Time and MicroTime), by JSON name. */
const TIME_FIELDS = [
  'creationTimestamp',
  'deletionTimestamp',
  'time',
  'lastTransitionTime',
  'lastProbeTime',
  'lastUpdateTime',
  'lastHeartbeatTime',
  'startedAt',
  'finishedAt',
  'startTime',
  'completionTime',
  'firstTimestamp',
  'lastTimestamp',
  'eventTime',
  'lastObservedTime',
  'deprecatedFirstTimestamp',
  'deprecatedLastTimestamp',
  'renewTime',
  'acquireTime',
  'lastScheduleTime',
  'lastSuccessfulTime',
  'lastScaleTime',
  'expirationTimestamp',
];

const TIMESTAMP = new RegExp(`"(${TIME_FIELDS.join('|')})":"(\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d)(\\.\\d+)?Z"`, 'g');

/** `json` with every timestamp field moved `aheadMs` back, in the same precision. */
export function presentTimes(json: string, aheadMs: number): string {
  if (aheadMs <= 0) return json;
  // A list repeats the same few times many times over: each is moved once.
  const moved = new Map<string, string>();
  return json.replace(TIMESTAMP, (_all, field: string, seconds: string, fraction: string | undefined) => {
    const key = fraction ? seconds + fraction : seconds;
    let time = moved.get(key);
    if (time === undefined) {
      time = movedBack(seconds, fraction, aheadMs);
      moved.set(key, time);
    }
    return `"${field}":"${time}"`;
  });
}

function movedBack(seconds: string, fraction: string | undefined, aheadMs: number): string {
  const digits = fraction ? fraction.length - 1 : 0;
  const micros = Date.parse(`${seconds}Z`) * 1000 + (fraction ? Math.round(Number(`0${fraction}`) * 1e6) : 0) - Math.round(aheadMs * 1000);
  const whole = Math.floor(micros / 1e6);
  const stamp = new Date(whole * 1000).toISOString().slice(0, 19);
  const frac = digits
    ? `.${String(micros - whole * 1e6)
        .padStart(6, '0')
        .slice(0, digits)
        .padEnd(digits, '0')}`
    : '';
  return `${stamp}${frac}Z`;
}
