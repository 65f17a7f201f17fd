import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { kindBackend } from '../../src/backends/kind/backend.js';
import { isKubedoctestError } from '../../src/diag/errors.js';
import { makeFakeTools } from '../helpers/fake-tools.js';

// No Docker engine or kind exists on CI machines: these tests drive the kind backend's own logic
// with fake binaries that record their calls. The real-cluster run is KUBEDOCTEST_TEST_KIND=1.
describe('kind backend (fake kind and docker)', () => {
  let fake: Awaited<ReturnType<typeof makeFakeTools>>;
  let work: string;
  const saved = { ...process.env };

  beforeEach(async () => {
    fake = await makeFakeTools();
    work = await mkdtemp(join(tmpdir(), 'kdt-kind-'));
    const kc = join(fake.dir, 'handed-out.kubeconfig');
    await writeFile(kc, 'apiVersion: v1\nkind: Config\n');
    process.env.FAKE_KIND_KUBECONFIG = kc;
  });
  afterEach(async () => {
    process.env = { ...saved };
    await rm(fake.dir, { recursive: true, force: true });
    await rm(work, { recursive: true, force: true });
  });

  it('creates a uniquely named cluster with its kubeconfig in the work dir, and deletes it on stop', async () => {
    const backend = kindBackend({ kindBin: fake.kind, dockerBin: fake.docker, image: 'kindest/node:v1.30.0' });
    const session = await backend.start({ workDir: work });
    expect(session.kubeconfigPath).toBe(join(work, 'kubeconfig'));
    expect(await readFile(session.kubeconfigPath, 'utf8')).toContain('kind: Config');
    const create = (await fake.calls()).find((c) => c.startsWith('kind create'))!;
    const name = /--name (kubedoctest-[a-z0-9]{6})/.exec(create)?.[1];
    expect(name).toBeDefined();
    expect(create).toContain(`--kubeconfig ${session.kubeconfigPath}`);
    expect(create).toContain('--image kindest/node:v1.30.0');
    expect(create).toMatch(/--wait \d+s/);
    const out = await session.nodeExec!('echo on-node', { timeoutMs: 5000 });
    expect(out.stdout.trim()).toBe('on-node');
    expect(await fake.calls()).toContain(`docker exec ${name}-control-plane sh -c echo on-node`);
    await session.stop();
    await session.stop();
    const deletes = (await fake.calls()).filter((c) => c.startsWith('kind delete'));
    expect(deletes).toEqual([`kind delete cluster --name ${name} --kubeconfig ${session.kubeconfigPath}`]);
  });

  it('keeps the cluster with keepCluster', async () => {
    const session = await kindBackend({ kindBin: fake.kind, dockerBin: fake.docker, keepCluster: true }).start({ workDir: work });
    await session.stop();
    expect((await fake.calls()).some((c) => c.startsWith('kind delete'))).toBe(false);
  });

  it('deletes the cluster when creation fails, and says why', async () => {
    process.env.FAKE_KIND_FAIL = 'node image not found';
    const err = await kindBackend({ kindBin: fake.kind, dockerBin: fake.docker })
      .start({ workDir: work })
      .catch((e) => e);
    expect(isKubedoctestError(err)).toBe(true);
    expect(err.code).toBe('ERR_BACKEND_START');
    expect(err.message).toContain('node image not found');
    expect((await fake.calls()).filter((c) => c.startsWith('kind delete'))).toHaveLength(1);
  });

  it('kills a creation that times out and deletes the cluster', async () => {
    process.env.FAKE_KIND_CREATE_SLEEP = '30';
    const started = Date.now();
    const err = await kindBackend({ kindBin: fake.kind, dockerBin: fake.docker, createTimeoutMs: 300 })
      .start({ workDir: work })
      .catch((e) => e);
    expect(err.code).toBe('ERR_BACKEND_START');
    expect(err.message).toContain('timed out');
    expect(Date.now() - started).toBeLessThan(20_000);
    expect((await fake.calls()).filter((c) => c.startsWith('kind delete'))).toHaveLength(1);
  });

  it('on abort (Ctrl-C) stops creating and deletes the cluster', async () => {
    process.env.FAKE_KIND_CREATE_SLEEP = '30';
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 300);
    const err = await kindBackend({ kindBin: fake.kind, dockerBin: fake.docker })
      .start({ workDir: work, signal: ac.signal })
      .catch((e) => e);
    expect(err.code).toBe('ERR_INTERRUPTED');
    expect((await fake.calls()).filter((c) => c.startsWith('kind delete'))).toHaveLength(1);
  });

  it('says kind is missing', async () => {
    const err = await kindBackend({ kindBin: join(fake.dir, 'no-such-kind'), dockerBin: fake.docker })
      .start({ workDir: work })
      .catch((e) => e);
    expect(err.code).toBe('ERR_KIND_NOT_FOUND');
    expect(err.toLine()).toContain('use --backend sim');
  });

  it('says docker is missing, or its daemon is down', async () => {
    const missing = await kindBackend({ kindBin: fake.kind, dockerBin: join(fake.dir, 'no-docker') })
      .start({ workDir: work })
      .catch((e) => e);
    expect(missing.code).toBe('ERR_DOCKER_NOT_FOUND');
    process.env.FAKE_DOCKER_DOWN = '1';
    const down = await kindBackend({ kindBin: fake.kind, dockerBin: fake.docker })
      .start({ workDir: work })
      .catch((e) => e);
    expect(down.code).toBe('ERR_DOCKER_DOWN');
    expect(down.message).toContain('Cannot connect to the Docker daemon');
  });
});

describe('kind backend extras (fakes)', () => {
  it('runs cloud-provider-kind for the cluster lifetime when it is there, and stops it', async () => {
    const fake = await makeFakeTools();
    const work = await mkdtemp(join(tmpdir(), 'kdt-kind-'));
    const kc = join(fake.dir, 'kc');
    await writeFile(kc, 'apiVersion: v1\nkind: Config\n');
    process.env.FAKE_KIND_KUBECONFIG = kc;
    try {
      const session = await kindBackend({ kindBin: fake.kind, dockerBin: fake.docker, cloudProviderBin: fake.cloud }).start({ workDir: work });
      expect(session.capabilities.loadBalancer).toBe(true);
      let pid = '';
      for (let i = 0; i < 50 && !pid; i++) {
        pid = await readFile(join(fake.dir, 'cloud.pid'), 'utf8').catch(() => '');
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(() => process.kill(Number(pid), 0)).not.toThrow();
      await session.stop();
      await new Promise((r) => setTimeout(r, 300));
      expect(() => process.kill(Number(pid), 0)).toThrow();
      const none = await kindBackend({ kindBin: fake.kind, dockerBin: fake.docker, cloudProviderBin: join(fake.dir, 'absent') }).start({ workDir: work });
      expect(none.capabilities.loadBalancer).toBe(false);
      await none.stop();
    } finally {
      delete process.env.FAKE_KIND_KUBECONFIG;
      await rm(fake.dir, { recursive: true, force: true });
      await rm(work, { recursive: true, force: true });
    }
  });
});
