import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend, BackendSession } from '../../src/backends/backend.js';

/** Runs kubectl against a session, isolated from the user's own kubeconfig and cache. */
export function kubectlFor(session: BackendSession, home: string) {
  return (args: string[]) =>
    execa('kubectl', args, {
      reject: false,
      env: { ...process.env, ...session.env, KUBECONFIG: session.kubeconfigPath, HOME: home },
      extendEnv: false,
      timeout: 60_000,
    });
}

/**
 * The contract every backend keeps. Run for the sim always; for kind and context when the
 * environment provides them (see docs/backends.md).
 */
export function describeBackendContract(name: string, factory: () => Backend | Promise<Backend>, extra?: () => Promise<void>): void {
  describe(`backend contract: ${name}`, () => {
    let work: string;
    let session: BackendSession;
    let kubectl: ReturnType<typeof kubectlFor>;

    beforeAll(async () => {
      work = await mkdtemp(join(tmpdir(), 'kdt-contract-'));
      session = await (await factory()).start({ workDir: work });
      kubectl = kubectlFor(session, work);
    }, 600_000);

    afterAll(async () => {
      await session?.stop();
      await rm(work, { recursive: true, force: true });
      await extra?.();
    }, 600_000);

    it('hands out a kubeconfig that kubectl can use', async () => {
      expect((await readFile(session.kubeconfigPath, 'utf8')).length).toBeGreaterThan(0);
      const r = await kubectl(['get', 'namespace', session.namespace, '-o', 'jsonpath={.metadata.name}']);
      expect(r.stderr).toBe('');
      expect(r.stdout).toBe(session.namespace);
    });

    it('creates objects in the lesson namespace by default', async () => {
      const created = await kubectl(['create', 'configmap', 'contract-check', '--from-literal=k=v']);
      expect(created.stdout).toBe('configmap/contract-check created');
      const got = await kubectl(['get', 'configmap', 'contract-check', '-n', session.namespace, '-o', 'jsonpath={.data.k}']);
      expect(got.stdout).toBe('v');
    });

    it('states its capabilities', () => {
      for (const key of ['nodeShell', 'loadBalancer', 'portForward', 'namespaceIsolation'] as const) expect(typeof session.capabilities[key]).toBe('boolean');
      if (session.capabilities.nodeShell) expect(session.nodeExec).toBeTypeOf('function');
    });

    it('stop is idempotent', async () => {
      const s2 = await (await factory()).start({ workDir: await mkdtemp(join(tmpdir(), 'kdt-contract2-')) });
      await s2.stop();
      await s2.stop();
    });
  });
}
