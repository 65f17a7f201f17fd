import { describe, expect, it } from 'vitest';
import { presentTimes } from '../../../src/backends/sim/server/present-time.js';

describe('timestamps as the client sees the cluster time', () => {
  it('moves every timestamp field back by the time skipped, keeping its precision', () => {
    const json = JSON.stringify({
      metadata: { creationTimestamp: '2026-12-07T10:02:00Z', managedFields: [{ time: '2026-12-07T10:02:00Z' }] },
      eventTime: '2026-12-07T10:02:00.500000Z',
      status: { conditions: [{ lastTransitionTime: '2026-12-07T10:01:30Z' }] },
    });
    expect(JSON.parse(presentTimes(json, 90_250))).toEqual({
      metadata: { creationTimestamp: '2026-12-07T10:00:29Z', managedFields: [{ time: '2026-12-07T10:00:29Z' }] },
      eventTime: '2026-12-07T10:00:30.250000Z',
      status: { conditions: [{ lastTransitionTime: '2026-12-07T09:59:59Z' }] },
    });
  });

  it('leaves data that only looks like a time, and everything when no time was skipped', () => {
    const json = JSON.stringify({ data: { started: '2026-12-07T10:02:00Z' }, metadata: { annotations: { 'x/restartedAt': '2026-12-07T10:02:00Z' } } });
    expect(presentTimes(json, 60_000)).toBe(json);
    const stamped = JSON.stringify({ metadata: { creationTimestamp: '2026-12-07T10:02:00Z' } });
    expect(presentTimes(stamped, 0)).toBe(stamped);
  });
});
