import { describe, expect, it } from 'vitest';
import { simCannotCheck } from '../../../src/backends/sim/cannot-check.js';
import {
  DEFAULT_SCALE_DOWN,
  DEFAULT_SCALE_UP,
  normalizeLegacy,
  normalizeWithBehavior,
  rulesOf,
  type Sample,
} from '../../../src/backends/sim/controllers/hpa-normalize.js';
import { resourceReplicas } from '../../../src/backends/sim/controllers/hpa-replicas.js';
import type { KObject } from '../../../src/backends/sim/types.js';

const pod = (name: string, request = '200m', phase = 'Running', ready = true): KObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name },
  spec: { containers: [{ name: 'c', resources: { requests: { cpu: request } } }] },
  status: { phase, conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }] },
});

describe('HPA replica calculation', () => {
  it('proposes ceil(ready pods × usage/target) outside the 0.1 tolerance and keeps the count inside it', () => {
    const pods = [pod('a'), pod('b')];
    expect(
      resourceReplicas(
        2,
        pods,
        new Map([
          ['a', 200],
          ['b', 200],
        ]),
        'cpu',
        { utilization: 50 },
        0.1,
      ),
    ).toEqual({ replicas: 4, utilization: 100, rawAverage: 200 });
    // 54% of a 50% target: within tolerance.
    expect(
      resourceReplicas(
        2,
        pods,
        new Map([
          ['a', 108],
          ['b', 108],
        ]),
        'cpu',
        { utilization: 50 },
        0.1,
      ).replicas,
    ).toBe(2);
    expect(
      resourceReplicas(
        2,
        pods,
        new Map([
          ['a', 20],
          ['b', 20],
        ]),
        'cpu',
        { utilization: 50 },
        0.1,
      ).replicas,
    ).toBe(1);
  });

  it('counts unready pods as idle when scaling up, and missing pods as at their request when scaling down', () => {
    // One ready pod at 100%, one not ready: 2 × (100/50) would be 4; with the unready one at 0, 50% → stay.
    const up = resourceReplicas(
      2,
      [pod('a'), pod('b', '200m', 'Running', false)],
      new Map([
        ['a', 200],
        ['b', 0],
      ]),
      'cpu',
      { utilization: 50 },
      0.1,
    );
    expect(up.replicas).toBe(2);
    // One pod at 10%, one without metrics (counted at 100%): 55% → within tolerance, no scale-down.
    const down = resourceReplicas(2, [pod('a'), pod('b')], new Map([['a', 20]]), 'cpu', { utilization: 50 }, 0.1);
    expect(down.replicas).toBe(2);
  });

  it('names the container without a request', () => {
    const p = pod('a');
    (p.spec as any).containers[0].resources = {};
    expect(() => resourceReplicas(1, [p], new Map([['a', 1000]]), 'cpu', { utilization: 50 }, 0.1)).toThrow('missing request for cpu in container c of Pod a');
  });
});

describe('HPA normalization', () => {
  it('without behavior: keeps the highest recommendation of the window and limits scale-up to max(2 × current, 4)', () => {
    const history: Sample[] = [];
    expect(normalizeLegacy(history, 0, 300_000, 1, 9, 1, 10)).toEqual({
      replicas: 4,
      conditions: [
        ['AbleToScale', 'True', 'ReadyForNewScale', 'recommended size matches current size'],
        ['ScalingLimited', 'True', 'ScaleUpLimit', 'the desired replica count is increasing faster than the maximum scale rate'],
      ],
    });
    const held = normalizeLegacy(history, 60_000, 300_000, 9, 1, 1, 10);
    expect(held.replicas).toBe(9);
    expect(held.conditions[0]![2]).toBe('ScaleDownStabilized');
    // The 9 recorded at t=0 has left the window; the 1 since then is all that remains.
    const after = normalizeLegacy(history, 301_000, 300_000, 9, 0, 1, 10);
    expect(after.replicas).toBe(1);
    expect(after.conditions[1]).toEqual(['ScalingLimited', 'False', 'DesiredWithinRange', 'the desired count is within the acceptable range']);
    // Below the minimum with nothing higher in the window: held at the minimum.
    expect(normalizeLegacy([], 0, 300_000, 2, 0, 2, 10).conditions[1]).toEqual([
      'ScalingLimited',
      'True',
      'TooFewReplicas',
      'the desired replica count is less than the minimum replica count',
    ]);
  });

  it('with behavior: Pods and Percent policies per period, Max or Min, and scale-down windows', () => {
    const up = rulesOf({ policies: [{ type: 'Pods', value: 2, periodSeconds: 60 }] }, DEFAULT_SCALE_UP);
    const down = rulesOf({ stabilizationWindowSeconds: 0, policies: [{ type: 'Percent', value: 50, periodSeconds: 60 }] }, DEFAULT_SCALE_DOWN);
    const ups: Sample[] = [];
    const first = normalizeWithBehavior([], ups, [], 0, up, down, 2, 10, 1, 20);
    expect(first.replicas).toBe(4);
    expect(first.conditions[1]).toEqual([
      'ScalingLimited',
      'True',
      'ScaleUpLimit',
      'the desired replica count is increasing faster than the maximum scale rate',
    ]);
    // 2 pods were already added within the 60 s period: no more until it passes.
    ups.push({ value: 2, at: 0 });
    expect(normalizeWithBehavior([], ups, [], 30_000, up, down, 4, 10, 1, 20).replicas).toBe(4);
    expect(normalizeWithBehavior([], ups, [], 61_000, up, down, 4, 10, 1, 20).replicas).toBe(6);
    // Down by at most 50% per minute.
    expect(normalizeWithBehavior([], [], [], 0, up, down, 8, 1, 1, 20).replicas).toBe(4);
    expect(normalizeWithBehavior([], [], [], 0, up, rulesOf({ selectPolicy: 'Disabled' }, DEFAULT_SCALE_DOWN), 8, 1, 1, 20).replicas).toBe(8);
    // The default 300 s scale-down window keeps the highest recent recommendation.
    const history: Sample[] = [{ value: 8, at: 0 }];
    const held = normalizeWithBehavior(history, [], [], 100_000, DEFAULT_SCALE_UP, DEFAULT_SCALE_DOWN, 8, 2, 1, 20);
    expect(held.replicas).toBe(8);
    expect(held.conditions[0]![2]).toBe('ScaleDownStabilized');
  });
});

describe('what the simulator cannot check about metrics', () => {
  it('is uncheckable only while this simulator does not serve the metrics API', () => {
    expect(simCannotCheck('kubectl top pods', 'error: Metrics API not available', false)).toMatch(
      /^the metrics API is served only once metrics-server is installed/,
    );
    expect(simCannotCheck('kubectl top pods', 'error: Metrics API not available', true)).toBeUndefined();
  });
});
