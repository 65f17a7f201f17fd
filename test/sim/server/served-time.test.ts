import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/backends/sim/clock.js';
import { clockLead, inWallTime } from '../../../src/backends/sim/server/served-time.js';
import { type SimFixture, startFixture } from './helpers.js';

describe('clockLead', () => {
  const wall = Date.parse('2026-01-01T00:00:00Z');
  it.each([
    ['behind this machine', -5_000, 0],
    ['level', 0, 0],
    ['ahead by part of a second: a whole second', 200, 1_000],
    ['ahead by 30.2 s: 31 s', 30_200, 31_000],
  ])('%s', (_, ahead, lead) => {
    expect(clockLead(new ManualClock(new Date(wall + ahead)), wall)).toBe(lead);
  });
});

describe('inWallTime', () => {
  const pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: 'p',
      creationTimestamp: '2026-01-01T00:01:00Z',
      annotations: { startTime: '2026-01-01T00:01:00Z' },
      managedFields: [{ manager: 'kubectl', time: '2026-01-01T00:01:00Z' }],
    },
    spec: { startTime: '2026-01-01T00:01:00Z' },
    status: {
      startTime: '2026-01-01T00:01:00Z',
      conditions: [{ type: 'Ready', lastTransitionTime: '2026-01-01T00:01:05Z' }],
      containerStatuses: [{ state: { running: { startedAt: '2026-01-01T00:01:02Z' } }, note: '2026-01-01T00:01:02Z' }],
    },
  };

  it('moves back the timestamps of metadata and status, not the values a user wrote', () => {
    const out = inWallTime(pod, 60_000) as typeof pod;
    expect(out.metadata.creationTimestamp).toBe('2026-01-01T00:00:00Z');
    expect(out.metadata.managedFields[0]!.time).toBe('2026-01-01T00:00:00Z');
    expect(out.status.startTime).toBe('2026-01-01T00:00:00Z');
    expect(out.status.conditions[0]!.lastTransitionTime).toBe('2026-01-01T00:00:05Z');
    expect(out.status.containerStatuses[0]!.state.running.startedAt).toBe('2026-01-01T00:00:02Z');
    // An annotation, a spec field or a status field of another name keeps its value.
    expect(out.metadata.annotations.startTime).toBe('2026-01-01T00:01:00Z');
    expect(out.spec.startTime).toBe('2026-01-01T00:01:00Z');
    expect(out.status.containerStatuses[0]!.note).toBe('2026-01-01T00:01:02Z');
    // The object served is a copy: the stored one keeps the cluster's time.
    expect(pod.metadata.creationTimestamp).toBe('2026-01-01T00:01:00Z');
  });

  it('moves the times of Events in a typed list, whose items carry no kind, keeping micro-time precision', () => {
    const list = {
      apiVersion: 'v1',
      kind: 'EventList',
      items: [
        {
          metadata: { name: 'e', creationTimestamp: '2026-01-01T00:01:00Z' },
          firstTimestamp: '2026-01-01T00:01:00Z',
          lastTimestamp: '2026-01-01T00:01:30Z',
          eventTime: '2026-01-01T00:01:00.123456Z',
          series: { count: 2, lastObservedTime: '2026-01-01T00:01:30.500000Z' },
        },
      ],
    };
    const [e] = (inWallTime(list, 30_000) as typeof list).items;
    expect(e).toMatchObject({
      firstTimestamp: '2026-01-01T00:00:30Z',
      lastTimestamp: '2026-01-01T00:01:00Z',
      eventTime: '2026-01-01T00:00:30.123000Z',
      series: { count: 2, lastObservedTime: '2026-01-01T00:01:00.500000Z' },
    });
  });

  it("reaches a Table's row objects and a watch event's object; leaves a custom resource's status alone", () => {
    const table = {
      kind: 'Table',
      rows: [{ cells: ['p', '1m'], object: { kind: 'PartialObjectMetadata', metadata: { creationTimestamp: '2026-01-01T00:01:00Z' } } }],
    };
    expect((inWallTime(table, 60_000) as typeof table).rows[0]!.object.metadata.creationTimestamp).toBe('2026-01-01T00:00:00Z');
    const cr = {
      apiVersion: 'stable.example.com/v1',
      kind: 'CronTab',
      metadata: { creationTimestamp: '2026-01-01T00:01:00Z' },
      status: { startTime: '2026-01-01T00:01:00Z' },
    };
    const watched = inWallTime({ type: 'ADDED', object: cr }, 60_000) as { object: typeof cr };
    expect(watched.object.metadata.creationTimestamp).toBe('2026-01-01T00:00:00Z');
    expect(watched.object.status.startTime).toBe('2026-01-01T00:01:00Z');
  });

  it('moves each time of a list by itself, repeated or not, in its own precision', () => {
    const item = (name: string, at: string) => ({ metadata: { name, creationTimestamp: at } });
    const list = {
      apiVersion: 'v1',
      kind: 'PodList',
      items: [
        item('a', '2026-01-01T00:01:00Z'),
        item('b', '2026-01-01T00:01:00Z'),
        item('c', '2026-01-01T00:01:07Z'),
        item('d', '2026-01-01T00:01:00.123456Z'),
        item('e', '2026-01-01T00:01:00Z'),
      ],
    };
    const out = inWallTime(list, 60_000) as typeof list;
    expect(out.items.map((i) => i.metadata.creationTimestamp)).toEqual([
      '2026-01-01T00:00:00Z',
      '2026-01-01T00:00:00Z',
      '2026-01-01T00:00:07Z',
      '2026-01-01T00:00:00.123000Z',
      '2026-01-01T00:00:00Z',
    ]);
    // Another lead gets its own answers.
    expect((inWallTime(list, 1_000) as typeof list).items[0]!.metadata.creationTimestamp).toBe('2026-01-01T00:00:59Z');
  });

  it('changes nothing when the cluster does not run ahead', () => {
    expect(inWallTime(pod, 0)).toBe(pod);
  });
});

describe('ages kubectl counts on its own clock, after the cluster time passed at once', () => {
  let fx: SimFixture;
  beforeAll(async () => {
    fx = await startFixture({ controllers: true });
  });
  afterAll(async () => {
    await fx?.stop();
  });

  /** Seconds of a HumanDuration age (`2m5s`, `45s`); NaN for `<invalid>` and other words. */
  const seconds = (age: string) => {
    const m = /^(?:(\d+)m)?(?:(\d+)s)?$/.exec(age);
    return m && age ? Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0) : NaN;
  };

  it('are never <invalid>: describe and `kubectl events` show the ages the server shows', async () => {
    expect((await fx.kubectl(['run', 'web', '--image=nginx'])).exitCode).toBe(0);
    await fx.sim.passTime(125_000);
    const describe = (await fx.kubectl(['describe', 'pod', 'web'])).stdout;
    const eventRows = describe.split('Events:')[1]!.trim().split('\n').slice(2);
    expect(eventRows.length).toBeGreaterThan(3);
    for (const row of eventRows) {
      const age = row.trim().split(/\s+/)[2]!;
      expect(seconds(age), row).toBeGreaterThanOrEqual(124);
    }
    const events = (await fx.kubectl(['events', '--for', 'pod/web'])).stdout.trim().split('\n').slice(1);
    for (const row of events) expect(seconds(row.split(/\s+/)[0]!), row).toBeGreaterThanOrEqual(124);
    // The server's own age column agrees.
    const tableAge = (await fx.kubectl(['get', 'pod', 'web', '--no-headers'])).stdout.trim().split(/\s+/)[4]!;
    expect(seconds(tableAge)).toBeGreaterThanOrEqual(125);
    // A pod made once the cluster runs ahead: its events are stamped on the cluster's clock, ahead
    // of this machine's, and still read as ages.
    expect((await fx.kubectl(['run', 'later', '--image=nginx'])).exitCode).toBe(0);
    await fx.sim.passTime(20_000);
    const later = (await fx.kubectl(['describe', 'pod', 'later'])).stdout.split('Events:')[1]!.trim().split('\n').slice(2);
    expect(later.length).toBeGreaterThan(3);
    for (const row of later) expect(seconds(row.trim().split(/\s+/)[2]!), row).toBeGreaterThanOrEqual(19);
    // Every timestamp is at or before this machine's now.
    const times = (
      await fx.kubectl([
        'get',
        'pod',
        'web',
        '-o',
        'jsonpath={.metadata.creationTimestamp} {.status.startTime} {.status.containerStatuses[0].state.running.startedAt}',
      ])
    ).stdout
      .split(' ')
      .map((t) => Date.parse(t));
    for (const t of times) expect(t).toBeLessThanOrEqual(Date.now());
  });
});
