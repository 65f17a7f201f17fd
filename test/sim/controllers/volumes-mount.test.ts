import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSim } from '../../../src/backends/sim/index.js';
import type { KObject } from '../../../src/backends/sim/types.js';

async function until<T>(fn: () => T | undefined, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = fn();
    if (v) return v;
    if (Date.now() > end) throw new Error('condition not reached');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('kubelet volume setup', () => {
  let sim: Awaited<ReturnType<typeof startSim>>;
  beforeAll(async () => {
    sim = await startSim({ speed: 4 });
  });
  afterAll(async () => {
    await sim?.stop();
  });

  it('keeps a pod in ContainerCreating without an IP while a mounted ConfigMap is missing, then starts it', async () => {
    const pods = sim.api.resolve('pods')!;
    const events = sim.api.resolve('events')!;
    const pod: KObject = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'mounts', namespace: 'default' },
      spec: {
        containers: [{ name: 'web', image: 'nginx', volumeMounts: [{ name: 'cfg', mountPath: '/etc/cfg' }] }],
        volumes: [
          { name: 'cfg', configMap: { name: 'later' } },
          { name: 'opt', secret: { secretName: 'absent', optional: true } },
        ],
      },
    };
    sim.api.create(pods, 'default', pod);
    const warning = await until(() =>
      sim.api.list(events, 'default').items.find((e) => e['reason'] === 'FailedMount' && (e['involvedObject'] as { name: string }).name === 'mounts'),
    );
    expect(warning['message']).toBe('MountVolume.SetUp failed for volume "cfg" : configmap "later" not found');
    const waiting = sim.api.get(pods, 'default', 'mounts');
    expect((waiting['status'] as { podIP?: string }).podIP).toBeUndefined();
    expect(JSON.stringify(waiting['status'])).toContain('ContainerCreating');
    sim.api.create(sim.api.resolve('configmaps')!, 'default', {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'later', namespace: 'default' },
      data: { a: 'b' },
    });
    const running = await until(() => {
      const p = sim.api.get(pods, 'default', 'mounts');
      return (p['status'] as { phase?: string }).phase === 'Running' ? p : undefined;
    });
    expect((running['status'] as { podIP?: string }).podIP).toMatch(/^10\.244\./);
  });
});
