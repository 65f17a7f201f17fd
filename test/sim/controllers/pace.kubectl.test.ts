import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SimFixture, startFixture } from '../server/helpers.js';

let fx: SimFixture;
const kubectl = async (...args: string[]) => (await fx.kubectl(args)).stdout;
const pod = (name: string, image: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name },
    spec: {
      containers: [{ name: 'c', image, ...extra }],
      ...(extra['volumeMounts'] ? { volumes: [{ name: 'cfg', configMap: { name: 'missing-config' } }] } : {}),
    },
  });
const apply = (manifest: string) => fx.kubectl(['apply', '-f', '-'], { input: manifest });

describe('simulated time passing at once (default clock of the simulator)', () => {
  beforeAll(async () => {
    fx = await startFixture({ controllers: true });
  });
  afterAll(async () => {
    await fx?.stop();
  });

  it('brings a pod up, with the AGE kubectl shows following the simulated clock', async () => {
    expect((await apply(pod('web', 'nginx:1.27'))).exitCode).toBe(0);
    await fx.sim.passTime(65_000);
    const row = (await kubectl('get', 'pod', 'web', '--no-headers')).trim().split(/\s+/);
    expect(row.slice(0, 4)).toEqual(['web', '1/1', 'Running', '0']);
    // 65 s of simulated time went by in a moment: the server-side table says so.
    expect(row[4]).toMatch(/^(6[5-9]s|1m\d*s?)$/);
  });

  it('is at rest while the only work left is retry loops that cannot change the outcome', async () => {
    await apply(pod('ghost', 'no-such-registry.example/nothing:'));
    await apply(pod('needs-config', 'nginx:1.27', { volumeMounts: [{ name: 'cfg', mountPath: '/etc/cfg' }] }));
    await fx.sim.passTime(30_000);
    const statuses = await kubectl(
      'get',
      'pods',
      'ghost',
      'needs-config',
      '-o',
      'jsonpath={range .items[*]}{.metadata.name}={.status.containerStatuses[0].state.waiting.reason} {end}',
    );
    expect(statuses.trim().split(' ').sort()).toEqual(['ghost=ImagePullBackOff', 'needs-config=ContainerCreating']);
    fx.sim.atRest(30_000);
    await fx.sim.passTime(30_000);
    // The pull back-off and the mount retries went on (events), yet nothing can change by itself.
    expect(fx.sim.atRest(30_000)).toBe(true);
    const events = await kubectl(
      'get',
      'events',
      '--field-selector',
      'involvedObject.name=needs-config,reason=FailedMount',
      '-o',
      'jsonpath={.items[0].count}',
    );
    expect(Number(events)).toBeGreaterThan(1);
  });

  it('is not at rest once something the loops wait for is written', async () => {
    fx.sim.atRest(30_000);
    await fx.kubectl(['create', 'configmap', 'missing-config', '--from-literal=a=b']);
    expect(fx.sim.atRest(30_000)).toBe(false);
    await fx.sim.passTime(130_000);
    expect(await kubectl('get', 'pod', 'needs-config', '-o', 'jsonpath={.status.phase}')).toBe('Running');
  });
});
