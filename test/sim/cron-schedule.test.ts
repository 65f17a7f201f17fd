import { describe, expect, it } from 'vitest';
import { parseSchedule, rfc3339In, scheduleError } from '../../src/backends/sim/cron-schedule.js';

const at = (iso: string) => new Date(iso);
const next = (spec: string, after: string) => parseSchedule(spec).next(at(after))?.toISOString();

describe('cron schedules as robfig/cron ParseStandard reads them', () => {
  it('gives the next time strictly after the given one', () => {
    expect(next('*/1 * * * *', '2024-01-01T00:01:00Z')).toBe('2024-01-01T00:02:00.000Z');
    expect(next('*/1 * * * *', '2024-01-01T00:00:59.500Z')).toBe('2024-01-01T00:01:00.000Z');
    expect(next('@hourly', '2024-01-01T00:00:00Z')).toBe('2024-01-01T01:00:00.000Z');
    expect(next('0 9 * * MON-FRI', '2024-01-06T00:00:00Z')).toBe('2024-01-08T09:00:00.000Z');
    expect(next('0 0 31 * *', '2024-02-01T00:00:00Z')).toBe('2024-03-31T00:00:00.000Z');
    expect(next('@every 90s', '2024-01-01T00:00:00Z')).toBe('2024-01-01T00:01:30.000Z');
  });

  it('parses a date that never occurs, which then never fires', () => {
    expect(scheduleError('0 0 30 2 *')).toBeUndefined();
    expect(next('0 0 30 2 *', '2024-01-01T00:00:00Z')).toBeUndefined();
  });

  it("rejects what robfig rejects, with robfig's messages", () => {
    expect(scheduleError('61 * * * *')).toBe('end of range (61) above maximum (59): 61');
    expect(scheduleError('* * * *')).toBe('expected exactly 5 fields, found 4: [* * * *]');
    expect(scheduleError('*/5 * * * * *')).toBe('expected exactly 5 fields, found 6: [*/5 * * * * *]');
    expect(scheduleError('@foo')).toBe('unrecognized descriptor: @foo');
    expect(scheduleError('5-2 * * * *')).toBe('beginning of range (5) beyond end of range (2): 5-2');
    expect(scheduleError('a * * * *')).toBe('failed to parse int from a: strconv.Atoi: parsing "a": invalid syntax');
    expect(scheduleError('*/0 * * * *')).toBe('step of range should be a positive number: */0');
    expect(scheduleError('0 0 * * 7')).toBe('end of range (7) above maximum (6): 7');
    expect(scheduleError('1-2-3 * * * *')).toBe('too many hyphens: 1-2-3');
    expect(scheduleError('0 0 0 * *')).toBe('beginning of range (0) below minimum (1): 0');
    expect(scheduleError('')).toBe('empty spec string');
  });

  it('reads times in the CronJob time zone, or the one a CRON_TZ prefix names', () => {
    expect(parseSchedule('0 * * * *', 'Asia/Kolkata').next(at('2024-01-01T00:00:00Z'))?.toISOString()).toBe('2024-01-01T00:30:00.000Z');
    expect(parseSchedule('CRON_TZ=America/New_York 0 9 * * *').next(at('2024-01-01T00:00:00Z'))?.toISOString()).toBe('2024-01-01T14:00:00.000Z');
    expect(scheduleError('CRON_TZ=Mars/Base 0 9 * * *')).toBe('provided bad location Mars/Base: unknown time zone Mars/Base');
    expect(rfc3339In(at('2024-01-01T00:30:00Z'), 'Asia/Kolkata')).toBe('2024-01-01T06:00:00+05:30');
    expect(rfc3339In(at('2024-07-01T13:00:00Z'), 'America/New_York')).toBe('2024-07-01T09:00:00-04:00');
    expect(rfc3339In(at('2024-07-01T13:00:00Z'))).toBe('2024-07-01T13:00:00Z');
  });
});
