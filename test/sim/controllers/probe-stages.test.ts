import { describe, expect, it } from 'vitest';
import { startControllers } from '../../../src/backends/sim/controllers/index.js';
import type { PodRuntime } from '../../../src/backends/sim/runtime/hooks.js';
import { podStage } from '../../../src/backends/sim/controllers/stages/pod-stages.js';
import { FakeApi } from './fake-api.js';
import { pod, recordingRuntime } from './helpers.js';

/**
 * A runtime whose exec probes answer by script, on the cluster's clock: `[ok-until, s]` succeeds
 * before s seconds and fails from then on, `[ok-from, s]` the other way round, `[none-until, s]`
 * has no process to probe before s.
 */
function scriptedRuntime(api: FakeApi, start: number): PodRuntime & { probes: number[] } {
  const probes: number[] = [];
  return {
    ...recordingRuntime(),
    probes,
    probe: async (_pod, _container, spec) => {
      const [kind, s] = (spec['exec'] as { command: [string, string] }).command;
      const t = api.clock.now().getTime() - start;
      probes.push(t);
      if (kind === 'none-until' && t < Number(s) * 1000) return undefined;
      const ok = kind === 'ok-until' ? t < Number(s) * 1000 : t >= Number(s) * 1000;
      return ok ? { result: 'success', output: '' } : { result: 'failure', output: `no (${t} ms)` };
    },
  };
}

/** A pod with one container under the scripted runtime, and a way to let time pass with the probes' answers in between. */
function probed(container: Record<string, unknown>) {
  const api = new FakeApi({});
  const start = api.clock.now().getTime();
  const runtime = scriptedRuntime(api, start);
  startControllers(api, runtime);
  const pods = api.resolve('pods')!;
  api.create(pods, 'default', pod('p', container));
  const at = () => api.clock.now().getTime() - start;
  const status = () => (api.get(pods, 'default', 'p')['status'] as any).containerStatuses[0];
  const events = (reason: string) =>
    api
      .all('events')
      .filter((e: any) => e.reason === reason)
      .map((e: any) => e.message as string);
  const timeline: string[] = [];
  api.subscribe((c) => {
    // A repeated event is the same Event with its count raised.
    if (c.resource.resource === 'events' && c.type !== 'DELETED') timeline.push(`${at()} ${(c.object as any).reason}: ${(c.object as any).message}`);
  });
  /** Lets `ms` pass in 10 ms steps, settling the probes' promises after each. */
  const run = async (ms: number) => {
    for (let done = 0; done < ms; done += 10) {
      api.clock.advance(10);
      for (let i = 0; i < 4; i++) await Promise.resolve();
    }
  };
  return { api, runtime, run, at, status, events, timeline };
}

describe('probe workers as stages of the pod stage table', () => {
  it('starts a worker from the create stage and restarts or unreadies through its outcomes', () => {
    expect(podStage('create').next['probe']!.to).toBe('probe-tick');
    expect(podStage('probe-tick').next['period']!.wait).toEqual({ given: "the probe's periodSeconds" });
    expect(Object.fromEntries(Object.entries(podStage('probe-failed').next).map(([k, e]) => [k, e.to]))).toEqual({
      below: 'probe-counted',
      'not-ready': 'probe-not-ready',
      restart: 'killing',
    });
    expect(podStage('probing').next['not-started']!.wait).toEqual({ timing: 'probeRetryMs' });
  });

  it('liveness: ticks every period from the start, probes after initialDelaySeconds, kills at failureThreshold and holds until the next instance', async () => {
    const t = probed({
      image: 'busybox',
      command: ['sleep', '3600'],
      livenessProbe: { exec: { command: ['ok-until', '30'] }, initialDelaySeconds: 5, periodSeconds: 5 },
    });
    await t.run(41_000);
    // Started at 950 ms; ticks at 0, 5, 10 … s of its life: the first probe at 5.95 s.
    expect(t.runtime.probes.slice(0, 3)).toEqual([5950, 10_950, 15_950]);
    expect(t.events('Unhealthy')).toEqual([
      'Liveness probe failed: no (30950 ms)',
      'Liveness probe failed: no (35950 ms)',
      'Liveness probe failed: no (40950 ms)',
    ]);
    expect(t.events('Killing')).toEqual(['Container p failed liveness probe, will be restarted']);
    const probesAtKill = t.runtime.probes.length;
    // busybox's sh ignores SIGTERM: killed when the 30 s grace period ends, restarted 250 ms later.
    await t.run(30_500);
    expect(t.status().restartCount).toBe(1);
    expect(t.status().lastState.terminated).toMatchObject({ exitCode: 137, reason: 'Error' });
    // No probe while the container was being stopped; the new instance (started at 71.8 s) is
    // probed again after its own initial delay.
    await t.run(6000);
    expect(t.runtime.probes.slice(probesAtKill - 1, probesAtKill + 1)).toEqual([40_950, 76_800]);
  });

  it("a liveness probe's own terminationGracePeriodSeconds bounds the kill", async () => {
    const t = probed({
      image: 'busybox',
      command: ['sleep', '3600'],
      livenessProbe: { exec: { command: ['ok-until', '0'] }, periodSeconds: 3, failureThreshold: 2, terminationGracePeriodSeconds: 4 },
    });
    await t.run(9000);
    expect(t.timeline.filter((l) => / (Unhealthy|Killing|Pulling):/.test(l))).toEqual([
      '50 Pulling: Pulling image "busybox"',
      '950 Unhealthy: Liveness probe failed: no (950 ms)',
      '3950 Unhealthy: Liveness probe failed: no (3950 ms)',
      '3950 Killing: Container p failed liveness probe, will be restarted',
      // Killed when the probe's 4 s (not the pod's 30 s) have passed, restarted 250 ms later.
      '8200 Pulling: Pulling image "busybox"',
      // The tally starts over for the new instance.
      '8800 Unhealthy: Liveness probe failed: no (8800 ms)',
    ]);
  });

  it('readiness: Ready after successThreshold successes in a row, not Ready after failureThreshold failures', async () => {
    const t = probed({ image: 'nginx', readinessProbe: { exec: { command: ['ok-from', '3'] }, periodSeconds: 1, successThreshold: 2, failureThreshold: 2 } });
    await t.run(3500);
    expect(t.status().ready).toBe(false);
    // Successes at 3.95 s and 4.95 s: Ready from the second one.
    await t.run(1000);
    expect(t.status().ready).toBe(false);
    await t.run(500);
    expect(t.status().ready).toBe(true);
    expect(t.events('Unhealthy')).toHaveLength(3);

    const u = probed({ image: 'nginx', readinessProbe: { exec: { command: ['ok-until', '4'] }, periodSeconds: 1, failureThreshold: 2 } });
    await u.run(5500);
    expect(u.status().ready).toBe(true);
    await u.run(1000);
    expect(u.status().ready).toBe(false);
    // A readiness failure never restarts the container.
    expect(u.events('Killing')).toEqual([]);
  });

  it('startup: holds liveness and readiness back until it succeeds, then stops probing', async () => {
    const t = probed({
      image: 'nginx',
      startupProbe: { exec: { command: ['ok-from', '5'] }, periodSeconds: 2, failureThreshold: 10 },
      readinessProbe: { exec: { command: ['ok-from', '0'] }, periodSeconds: 2 },
    });
    await t.run(4000);
    expect(t.status()).toMatchObject({ started: false, ready: false });
    expect(t.events('Unhealthy')).toEqual(['Startup probe failed: no (950 ms)', 'Startup probe failed: no (2950 ms)']);
    await t.run(3000);
    // Startup succeeded at 6.95 s; readiness, whose tick at that moment came before the startup
    // probe's answer, is probed from its next tick on (8.95 s).
    expect(t.status()).toMatchObject({ started: true, ready: false });
    await t.run(2500);
    expect(t.status()).toMatchObject({ started: true, ready: true });
    const count = t.runtime.probes.length;
    await t.run(4000);
    // Only readiness ticks on: two more probes in 4 s.
    expect(t.runtime.probes.length - count).toBe(2);
  });

  it('asks again after probeRetryMs while the runtime has not started the process', async () => {
    const t = probed({ image: 'nginx', readinessProbe: { exec: { command: ['none-until', '1.2'] }, periodSeconds: 10 } });
    await t.run(1500);
    expect(t.runtime.probes).toEqual([950, 1050, 1150, 1250]);
    expect(t.status().ready).toBe(true);
  });
});
