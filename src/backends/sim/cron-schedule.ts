import { CronExpressionParser } from 'cron-parser';

/**
 * CronJob schedules as Kubernetes reads them (`cron.ParseStandard` of robfig/cron v3): five fields
 * or a descriptor (`@hourly`, `@every 1h30m`), with robfig's error messages, which the API server
 * returns verbatim in `spec.schedule: Invalid value`. Parsing here only checks syntax as robfig
 * does; the times a schedule fires come from cron-parser. robfig accepts dates that never occur
 * (`0 0 30 2 *`) and its `Next` then returns the zero time; cron-parser rejects them, so such a
 * schedule is parsed fine and simply never fires.
 */

/** A parsed schedule: the next time strictly after `after`, or undefined when it never fires. */
export interface CronSchedule {
  next(after: Date): Date | undefined;
}

interface Bounds {
  min: number;
  max: number;
  names?: readonly string[];
}

const MONTHS = ['', 'jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const FIELDS: readonly Bounds[] = [
  { min: 0, max: 59 },
  { min: 0, max: 23 },
  { min: 1, max: 31 },
  { min: 1, max: 12, names: MONTHS },
  { min: 0, max: 6, names: DAYS },
];

/** robfig's descriptors, as the five-field expressions they stand for. */
const DESCRIPTORS: Record<string, string> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
};

/** Thrown with robfig's message for a schedule it cannot parse. */
export class CronSyntaxError extends Error {}

/** Go's `strconv.Atoi` then robfig's `mustParseInt`. */
function mustParseInt(expr: string): number {
  if (!/^[+-]?\d+$/.test(expr)) throw new CronSyntaxError(`failed to parse int from ${expr}: strconv.Atoi: parsing ${JSON.stringify(expr)}: invalid syntax`);
  const n = Number(expr);
  if (n < 0) throw new CronSyntaxError(`negative number (${n}) not allowed: ${expr}`);
  return n;
}

function parseIntOrName(expr: string, names: readonly string[] | undefined): number {
  const at = names?.indexOf(expr.toLowerCase()) ?? -1;
  return at > 0 || (at === 0 && names === DAYS) ? at : mustParseInt(expr);
}

/** robfig's getRange: checks one comma-separated part of a field. */
function checkRange(expr: string, b: Bounds): void {
  const rangeAndStep = expr.split('/');
  const lowAndHigh = rangeAndStep[0]!.split('-');
  let start: number;
  let end: number;
  if (lowAndHigh[0] === '*' || lowAndHigh[0] === '?') {
    start = b.min;
    end = b.max;
  } else {
    start = parseIntOrName(lowAndHigh[0]!, b.names);
    if (lowAndHigh.length === 1) end = start;
    else if (lowAndHigh.length === 2) end = parseIntOrName(lowAndHigh[1]!, b.names);
    else throw new CronSyntaxError(`too many hyphens: ${expr}`);
  }
  let step = 1;
  if (rangeAndStep.length === 2) {
    step = mustParseInt(rangeAndStep[1]!);
    if (lowAndHigh.length === 1) end = b.max;
  } else if (rangeAndStep.length > 2) throw new CronSyntaxError(`too many slashes: ${expr}`);
  if (start < b.min) throw new CronSyntaxError(`beginning of range (${start}) below minimum (${b.min}): ${expr}`);
  if (end > b.max) throw new CronSyntaxError(`end of range (${end}) above maximum (${b.max}): ${expr}`);
  if (start > end) throw new CronSyntaxError(`beginning of range (${start}) beyond end of range (${end}): ${expr}`);
  if (step === 0) throw new CronSyntaxError(`step of range should be a positive number: ${expr}`);
}

const UNITS: Record<string, number> = { ns: 1e-6, us: 1e-3, µs: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** Go's time.ParseDuration for the forms `@every` takes (`90s`, `1h30m`). */
function parseDuration(text: string): number {
  const re = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h)/y;
  let ms = 0;
  let at = 0;
  if (text === '0') return 0;
  while (at < text.length) {
    re.lastIndex = at;
    const m = re.exec(text);
    if (!m)
      throw new CronSyntaxError(
        `failed to parse duration @every ${text}: time: ${/\d/.test(text) ? 'missing unit in' : 'invalid'} duration ${JSON.stringify(text)}`,
      );
    ms += Number(m[1]) * UNITS[m[2]!]!;
    at = re.lastIndex;
  }
  if (!text) throw new CronSyntaxError(`failed to parse duration @every : time: invalid duration ""`);
  return ms;
}

/** cron-parser's view of a five-field expression in a time zone; undefined when the date can never occur. */
function fiveFieldSchedule(expr: string, tz: string): CronSchedule {
  const times = (after: Date): Date | undefined => {
    try {
      return CronExpressionParser.parse(expr, { currentDate: after, tz }).next().toDate();
    } catch {
      return undefined;
    }
  };
  return { next: times };
}

/** Is this an IANA time zone name the runtime knows (Go's `time.LoadLocation` succeeding)? */
export function isKnownTimeZone(name: string): boolean {
  if (name === 'UTC' || name === 'Local') return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** RFC 3339 of an instant as seen in a time zone (`2026-03-02T05:00:00-05:00`; `Z` for UTC), as Go formats `t.In(loc)`. */
export function rfc3339In(date: Date, timeZone = 'UTC'): string {
  const utc = date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC') return utc;
  const offset =
    new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }).formatToParts(date).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(offset);
  if (!m) return utc;
  const minutes = (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
  const local = new Date(date.getTime() + minutes * 60_000).toISOString().replace(/\.\d{3}Z$/, '');
  return `${local}${m[1]}${m[2]}:${m[3]}`;
}

/**
 * Parses a schedule as `cron.ParseStandard` does; throws CronSyntaxError with robfig's message.
 * Times are read in `timeZone` (the CronJob's `spec.timeZone`, default UTC as kind's controller
 * manager runs), or in the zone a `TZ=`/`CRON_TZ=` prefix names.
 */
export function parseSchedule(spec: string, timeZone = 'UTC'): CronSchedule {
  let rest = spec.trim();
  if (rest.length === 0) throw new CronSyntaxError('empty spec string');
  let tzName = timeZone;
  const tz = /^(?:CRON_)?TZ=(\S*)\s*/.exec(rest);
  if (tz) {
    if (!isKnownTimeZone(tz[1]!)) throw new CronSyntaxError(`provided bad location ${tz[1]}: unknown time zone ${tz[1]}`);
    tzName = tz[1]!;
    rest = rest.slice(tz[0].length);
  }
  if (tzName === 'Local') tzName = 'UTC';
  if (rest.startsWith('@')) {
    if (rest.startsWith('@every ')) {
      const every = Math.max(1000, Math.floor(parseDuration(rest.slice(7).trim()) / 1000) * 1000);
      return { next: (after) => new Date(Math.floor(after.getTime() / 1000) * 1000 + every) };
    }
    const expr = DESCRIPTORS[rest];
    if (!expr) throw new CronSyntaxError(`unrecognized descriptor: ${rest}`);
    return fiveFieldSchedule(expr, tzName);
  }
  const fields = rest.split(/\s+/).filter(Boolean);
  if (fields.length !== 5) throw new CronSyntaxError(`expected exactly 5 fields, found ${fields.length}: [${fields.join(' ')}]`);
  fields.forEach((f, i) => {
    for (const part of f.split(',')) checkRange(part, FIELDS[i]!);
  });
  return fiveFieldSchedule(fields.join(' '), tzName);
}

/** robfig's message for a schedule it rejects, or undefined when it parses. */
export function scheduleError(spec: string): string | undefined {
  try {
    parseSchedule(spec);
    return undefined;
  } catch (e) {
    if (e instanceof CronSyntaxError) return e.message;
    throw e;
  }
}
