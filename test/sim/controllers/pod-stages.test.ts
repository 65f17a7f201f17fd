import { describe, expect, it } from 'vitest';
import { startControllers } from '../../../src/backends/sim/controllers/index.js';
import { kubeletHandlers } from '../../../src/backends/sim/controllers/kubelet-handlers.js';
import { backOffMs, fillMessage } from '../../../src/backends/sim/controllers/kubelet-stages.js';
import { defaultPodLifecycle } from '../../../src/backends/sim/controllers/stages/pod-lifecycle.js';
import { type PodStage, podStage, podStages } from '../../../src/backends/sim/controllers/stages/pod-stages.js';
import { FakeApi } from './fake-api.js';
import { pod, recordingRuntime } from './helpers.js';

const names = podStages.map((s) => s.name);

/** Stages reachable from the ones something outside the table enters. */
function reachable(rows: readonly PodStage[]): Set<string> {
  const seen = new Set(rows.filter((s) => s.trigger).map((s) => s.name));
  const todo = [...seen];
  while (todo.length) {
    const name = todo.pop();
    const row = rows.find((s) => s.name === name)!;
    for (const edge of Object.values(row.next)) {
      if (!seen.has(edge.to)) {
        seen.add(edge.to);
        todo.push(edge.to);
      }
    }
  }
  return seen;
}

describe('the pod stage table', () => {
  it('names each stage once, and every edge leads to a stage of the table', () => {
    expect(new Set(names).size).toBe(names.length);
    for (const row of podStages) for (const edge of Object.values(row.next)) expect(names, `${row.name} → ${edge.to}`).toContain(edge.to);
  });

  it('reaches every stage from a trigger (a pod seen, deleted, or its process ending)', () => {
    expect([...reachable(podStages)].sort()).toEqual([...names].sort());
    expect(podStages.filter((s) => s.trigger).map((s) => s.name)).toEqual(['admitted', 'killing', 'process-unrunnable', 'exited', 'terminating']);
  });

  it('finds a stage no trigger reaches', () => {
    const orphan: PodStage = { name: 'relisted', scope: 'container', next: {} };
    const rows = [...podStages.filter((s) => s.name !== 'create'), { ...podStage('create'), next: {} }, orphan];
    expect(reachable(rows).has('relisted')).toBe(false);
  });

  it('has each terminal stage write a phase, and only terminal stages, apart from side lines', () => {
    for (const row of podStages) {
      const terminal = Object.keys(row.next).length === 0;
      if (row.sideline) expect(terminal, row.name).toBe(true);
      else expect(row.phase !== undefined, row.name).toBe(terminal);
    }
    expect(podStages.filter((s) => s.phase).map((s) => `${s.name}=${s.phase}${s.removes ? ' (removed)' : ''}`)).toEqual([
      'pod-succeeded=Succeeded',
      'pod-failed=Failed',
      'terminated-succeeded=Succeeded (removed)',
      'terminated-failed=Failed (removed)',
    ]);
  });

  it('waits only on timings the lifecycle table has, and retries only after a delay', () => {
    for (const row of podStages) {
      for (const [outcome, edge] of Object.entries(row.next)) {
        const w = edge.wait;
        if ('timing' in w) expect(typeof defaultPodLifecycle[w.timing], `${row.name}.${outcome}`).toBe('number');
        if ('backOff' in w) expect(defaultPodLifecycle[w.backOff.max]).toBeGreaterThan(defaultPodLifecycle[w.backOff.initial]);
        if (edge.retry) expect('now' in w, `${row.name}.${outcome}`).toBe(false);
      }
    }
  });

  it('gives every row a handler unless it is only data with at most one way out', () => {
    const handlers = kubeletHandlers({ api: { ctx: { clock: undefined } } } as never);
    for (const row of podStages) {
      if (!(row.name in handlers)) expect(Object.keys(row.next).length, row.name).toBeLessThanOrEqual(1);
    }
    for (const name of Object.keys(handlers)) expect(names).toContain(name);
  });

  it('backs off by doubling up to the cap, and fills message values or names the missing one', () => {
    const b = { initial: 'backOffInitialMs', max: 'backOffMaxMs' } as const;
    expect([1, 2, 3, 6, 9].map((n) => backOffMs(defaultPodLifecycle, b, n))).toEqual([10_000, 20_000, 40_000, 300_000, 300_000]);
    expect(fillMessage('pulling', 'Pulling image "${image}"', { image: 'nginx' })).toBe('Pulling image "nginx"');
    expect(() => fillMessage('pulled', 'in ${took}', {})).toThrow('pod stage "pulled": no value for ${took}');
  });
});

describe('a stage added by a row', () => {
  it('runs between the stages it is put between, with its events, waiting state and delay', () => {
    const verify: PodStage = {
      name: 'verifying' as PodStage['name'],
      scope: 'container',
      events: [{ type: 'Normal', reason: 'Verified', message: 'Verified the signature of image "${image}" for ${container}' }],
      waiting: { message: 'verifying "${image}"', reason: 'ImageVerifying' },
      next: { ok: { to: 'create', wait: { ms: 2000 } } },
    };
    const rows = podStages.map((s) => (s.name === 'pulled' ? { ...s, next: { ok: { to: verify.name, wait: { now: true as const } } } } : s));
    const api = new FakeApi({});
    startControllers(api, recordingRuntime(), { podStages: [...rows, verify] });
    const pods = api.resolve('pods')!;
    api.create(pods, 'default', pod('web', { image: 'nginx' }));
    // Pulled at 700 ms (setup 50 + pull 650): the new stage holds the container until 2.7 s.
    api.run(1500);
    const waiting = (api.get(pods, 'default', 'web')['status'] as any).containerStatuses[0].state;
    expect(waiting).toEqual({ waiting: { message: 'verifying "nginx"', reason: 'ImageVerifying' } });
    api.run(1500);
    const status = api.get(pods, 'default', 'web')['status'] as any;
    expect(status.phase).toBe('Running');
    const events = api.all('events').map((e: any) => `${e.reason}: ${e.message}`);
    expect(events.slice(1)).toEqual([
      'Pulling: Pulling image "nginx"',
      'Pulled: Successfully pulled image "nginx" in 650ms (650ms including waiting). Image size: 72950530 bytes.',
      'Verified: Verified the signature of image "nginx" for web',
      'Created: Created container: web',
      'Started: Started container web',
    ]);
  });
});
