import { describe, expect, it } from 'vitest';
import { namesUnmodelled, unmodelledObjects } from '../../../src/backends/sim/unmodelled-pods.js';
import { profileFor } from '../../../src/backends/sim/runtime/images/index.js';
import { OS_RELEASES, releaseFor } from '../../../src/backends/sim/runtime/images/releases.js';
import type { KObject } from '../../../src/backends/sim/types.js';
import { runSh, testHost } from './helpers.js';

describe('image releases by tag', () => {
  it.each([
    ['ubuntu', '18.04', 'bionic'],
    ['ubuntu', 'bionic-20230530', 'bionic'],
    ['ubuntu', '20.04', 'focal'],
    ['ubuntu', '22.04', 'jammy'],
    ['ubuntu', '24.04', 'noble'],
    ['ubuntu', 'latest', 'noble'],
    ['debian', '10', 'buster'],
    ['debian', '11-slim', 'bullseye'],
    ['debian', 'bookworm-slim', 'bookworm'],
    ['debian', '12.8', 'bookworm'],
    ['debian', 'latest', 'bookworm'],
  ] as const)('%s:%s is %s', (distro, tag, codename) => {
    expect(releaseFor(distro, tag)?.codename).toBe(codename);
  });

  it.each([
    ['ubuntu', '17.10'],
    ['ubuntu', 'trusty'],
    ['debian', '8'],
    ['debian', 'sid'],
  ] as const)('%s:%s is not in the table', (distro, tag) => {
    expect(releaseFor(distro, tag)).toBeNull();
    expect(profileFor(`${distro}:${tag}`).release).toBeNull();
  });

  it('names each codename once per distribution', () => {
    const keys = OS_RELEASES.map((r) => `${r.distro}/${r.codename}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('os-release and apt-get update in ubuntu:18.04 say bionic, not noble', async () => {
    const host = testHost('ubuntu:18.04');
    const os = await runSh('cat /etc/os-release', { host });
    expect(os.stdout).toContain('VERSION_ID="18.04"');
    expect(os.stdout).toContain('VERSION_CODENAME=bionic');
    const apt = await runSh('apt-get update', { host });
    expect(apt.code).toBe(0);
    expect(apt.stdout).toContain('http://archive.ubuntu.com/ubuntu bionic InRelease');
    expect(apt.stdout).not.toContain('noble');
  });

  it('debian:11 is bullseye; the default debian stays bookworm', async () => {
    expect((await runSh('cat /etc/os-release', { host: testHost('debian:11') })).stdout).toContain('PRETTY_NAME="Debian GNU/Linux 11 (bullseye)"');
    expect((await runSh('apt-get update', { host: testHost('debian:11') })).stdout).toContain('http://deb.debian.org/debian bullseye InRelease');
    expect((await runSh('cat /etc/os-release', { host: testHost('debian') })).stdout).toContain('VERSION_CODENAME=bookworm');
  });
});

describe('a tag the release table does not know', () => {
  const pod = (name: string, image: string): KObject =>
    ({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name, namespace: 'default' },
      spec: { containers: [{ name: 'c', image }] },
      status: { phase: 'Running' },
    }) as unknown as KObject;
  const api = (pods: KObject[]) => ({
    resolve: (r: string) => (r === 'pods' ? ({ resource: 'pods' } as never) : undefined),
    list: (type: { resource?: string }) => ({ items: type.resource === 'pods' ? pods : [] }),
  });

  it('leaves a step in the pod unchecked where a release shows, and only there', () => {
    const objects = unmodelledObjects(api([pod('temp', 'ubuntu:17.10'), pod('known', 'ubuntu:18.04')]) as never);
    const exec = "kubectl exec -i temp -- sh -c 'apt-get update'";
    expect(namesUnmodelled(exec, 'Get:1 http://archive.ubuntu.com/ubuntu artful InRelease', objects)).toMatch(/image ubuntu:17\.10: .*release table/);
    expect(namesUnmodelled(exec, '', objects, 'VERSION_CODENAME=noble')).toMatch(/image ubuntu:17\.10/);
    // No release in either output: checked as usual.
    expect(namesUnmodelled("kubectl exec -i temp -- sh -c 'echo hi'", 'hi', objects, 'hi')).toBeUndefined();
    // A pod whose tag is known makes no such claim.
    expect(
      namesUnmodelled("kubectl exec -i known -- sh -c 'cat /etc/os-release'", 'VERSION_CODENAME=xenial', objects, 'VERSION_CODENAME=bionic'),
    ).toBeUndefined();
  });
});
