import { afterEach, describe, expect, it } from 'vitest';
import { createApi } from '../../../src/backends/sim/api/index.js';
import { bootstrap } from '../../../src/backends/sim/api/bootstrap.js';
import { createStore } from '../../../src/backends/sim/store/index.js';
import { ManualClock, seededIds } from '../../../src/backends/sim/clock.js';
import { createRuntime, type SimPodRuntime } from '../../../src/backends/sim/runtime/index.js';

let runtime: SimPodRuntime | undefined;
afterEach(async () => {
  await runtime?.close?.();
  runtime = undefined;
});

function newRuntime(): SimPodRuntime {
  const clock = new ManualClock('2024-01-01T00:00:00Z');
  const api = createApi({ store: createStore(), ctx: { clock, ids: seededIds(5), speed: 1000, version: { major: '1', minor: '32', gitVersion: 'v1.32.4' }, nodes: ['kind-control-plane'], loadBalancer: false } });
  bootstrap(api, '');
  runtime = createRuntime(api);
  return runtime;
}

describe('which images the simulated registry has', () => {
  it.each(['nginx', 'nginx:1.27', 'registry.k8s.io/e2e-test-images/agnhost:2.39', 'example/existing-app:1.0', 'mysql:5.7', 'gcr.io/google-samples/node-hello:1.0'])('%s can be pulled', (image) => {
    expect(newRuntime().canPull(image)).toBe(true);
  });

  it.each(['non-existing-repo/non-existing-image:example', 'nginx:nonexistent', 'busybox:does-not-exist', 'example/doesnotexist', 'foo/nonexistent-image', 'Nginx', 'nginx:'])('%s cannot be pulled', (image) => {
    expect(newRuntime().canPull(image)).toBe(false);
  });
});
