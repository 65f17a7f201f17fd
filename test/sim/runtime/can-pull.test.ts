import { bootedApi } from './helpers.js';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/backends/sim/clock.js';
import { createRuntime, type SimPodRuntime } from '../../../src/backends/sim/runtime/index.js';
import { pullError } from '../../../src/backends/sim/controllers/kubelet-images.js';

let runtime: SimPodRuntime | undefined;
afterEach(async () => {
  await runtime?.close?.();
  runtime = undefined;
});

function newRuntime(): SimPodRuntime {
  const clock = new ManualClock('2024-01-01T00:00:00Z');
  const api = bootedApi(clock, 5);
  runtime = createRuntime(api);
  return runtime;
}

describe('which images the simulated registry has', () => {
  it.each([
    'nginx',
    'nginx:1.27',
    'registry.k8s.io/e2e-test-images/agnhost:2.39',
    'example/existing-app:1.0',
    'mysql:5.7',
    'gcr.io/google-samples/node-hello:1.0',
  ])('%s can be pulled', (image) => {
    expect(newRuntime().canPull(image)).toBe(true);
  });

  it.each([
    'non-existing-repo/non-existing-image:example',
    'nginx:nonexistent',
    'busybox:does-not-exist',
    'example/doesnotexist',
    'foo/nonexistent-image',
    'Nginx',
    'nginx:',
  ])('%s cannot be pulled', (image) => {
    expect(newRuntime().canPull(image)).toBe(false);
  });

  it.each([
    'nginx:1.16.1',
    'nginx:1.14.2',
    'nginx:1.7.9',
    'nginx:1.16',
    'nginx:1',
    'nginx:stable-alpine',
    'nginx:1.27.3-alpine-perl',
    'docker.io/library/nginx:1.25',
    'busybox:1.28',
    'busybox:1.36.1-glibc',
    'nginx:1.30.0',
    'nginx:1.29.7',
    'nginx:1.28.4',
    'busybox:1.37.3',
    'nginx@sha256:0000000000000000000000000000000000000000000000000000000000000000',
  ])('the registry has the tag of %s', (image) => {
    expect(newRuntime().canPull(image)).toBe(true);
  });

  it.each(['nginx:1.161', 'nginx:sometag', 'nginx:1.16.9', 'nginx:1.40', 'nginx:2.0', 'busybox:1.28.9', 'nginx:1.16.1-fancy', 'nginx:01.16'])(
    'the registry has no tag %s of a repository whose tags it knows',
    (image) => {
      expect(newRuntime().canPull(image)).toBe(false);
    },
  );

  it('takes any tag of a repository whose tags it does not know', () => {
    expect(newRuntime().canPull('example/app:sometag')).toBe(true);
  });

  it('says a missing tag of a known repository is not found, not that the repository is private', () => {
    expect(pullError('nginx:1.161')).toBe(
      'failed to pull and unpack image "docker.io/library/nginx:1.161": failed to resolve reference "docker.io/library/nginx:1.161": docker.io/library/nginx:1.161: not found',
    );
    expect(pullError('busybox:1.28.9')).toMatch(/docker\.io\/library\/busybox:1\.28\.9: not found$/);
  });
});
