import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contextBackend, isDisposableContext } from '../../src/backends/context/backend.js';
import { refuseCommand } from '../../src/backends/context/refuse.js';
import { startSim } from '../../src/backends/sim/index.js';

describe('context backend safety rails', () => {
  it('knows disposable context names', () => {
    for (const n of ['kind-kind', 'minikube', 'docker-desktop', 'k3d-dev', 'rancher-desktop']) expect(isDisposableContext(n)).toBe(true);
    for (const n of ['prod', 'gke_my-project_us-central1_main', 'kind', 'minikube-prod']) expect(isDisposableContext(n)).toBe(false);
  });

  it('refuses other namespaces and cluster-scoped changes', () => {
    const ns = 'kubedoctest-abc123';
    expect(refuseCommand('kubectl get pods', ns)).toBeUndefined();
    expect(refuseCommand('kubectl apply -f x.yaml', ns)).toBeUndefined();
    expect(refuseCommand('kubectl get pods -n kube-system', ns)).toContain('namespace kube-system');
    expect(refuseCommand('kubectl get pods --namespace=prod', ns)).toContain('namespace prod');
    expect(refuseCommand('kubectl get pods -A', ns)).toContain('every namespace');
    expect(refuseCommand('kubectl create namespace demo', ns)).toContain('cluster-scoped');
    expect(refuseCommand('kubectl delete clusterrolebinding x', ns)).toContain('cluster-scoped');
    expect(refuseCommand('kubectl cordon node-1', ns)).toContain('cluster-scoped');
    expect(refuseCommand('kubectl get nodes', ns)).toBeUndefined();
    expect(refuseCommand(`kubectl get pods -n ${ns}`, ns)).toBeUndefined();
  });
});

describe('context backend against a running simulator', () => {
  let sim: Awaited<ReturnType<typeof startSim>>;
  let work: string;
  beforeAll(async () => {
    sim = await startSim({});
    work = await mkdtemp(join(tmpdir(), 'kdt-ctx-'));
  });
  afterAll(async () => {
    await sim?.stop();
    await rm(work, { recursive: true, force: true });
  });

  it('refuses a context that does not look disposable, saying how to allow it', async () => {
    const err = await contextBackend({ context: 'kubedoctest-sim', kubeconfig: sim.kubeconfigPath })
      .start({ workDir: work })
      .catch((e) => e);
    expect(err.code).toBe('ERR_CONTEXT_REFUSED');
    expect(err.toLine()).toContain('--allow-context kubedoctest-sim');
  });

  it('says when the context does not exist', async () => {
    const err = await contextBackend({ context: 'nope', allowContext: 'nope', kubeconfig: sim.kubeconfigPath })
      .start({ workDir: work })
      .catch((e) => e);
    expect(err.code).toBe('ERR_CONTEXT_NOT_FOUND');
  });

  it('runs in a generated namespace, finds a leak in another namespace, deletes its namespace', async () => {
    const session = await contextBackend({ context: 'kubedoctest-sim', allowContext: 'kubedoctest-sim', kubeconfig: sim.kubeconfigPath }).start({
      workDir: work,
    });
    expect(session.namespace).toMatch(/^kubedoctest-[a-z0-9]{6}$/);
    const env = { ...process.env, KUBECONFIG: session.kubeconfigPath, HOME: work };
    const inNs = await execa('kubectl', ['create', 'configmap', 'mine', '--from-literal=a=b'], { env, reject: false });
    expect(inNs.stdout).toBe('configmap/mine created');
    const where = await execa('kubectl', ['get', 'configmap', 'mine', '-o', 'jsonpath={.metadata.namespace}'], { env });
    expect(where.stdout).toBe(session.namespace);
    // The fixture deliberately creates an object outside its namespace.
    await execa('kubectl', ['create', 'configmap', 'leaked', '-n', 'kube-public', '--from-literal=a=b'], { env });
    expect(await session.leakCheck!()).toEqual(['ConfigMap kube-public/leaked']);
    await session.stop();
    const ns = await execa('kubectl', ['get', 'namespace', session.namespace, '-o', 'jsonpath={.status.phase}'], { env, reject: false });
    expect(ns.exitCode !== 0 || ns.stdout === 'Terminating').toBe(true);
  });
});

describe('kind --reuse-cluster (fake kind, simulator cluster)', () => {
  it('runs in a fresh namespace of the existing cluster and creates or deletes no cluster', async () => {
    const { kindBackend } = await import('../../src/backends/kind/backend.js');
    const { makeFakeTools } = await import('../helpers/fake-tools.js');
    const sim = await startSim({});
    const fake = await makeFakeTools();
    const work = await mkdtemp(join(tmpdir(), 'kdt-reuse-'));
    process.env.FAKE_KIND_KUBECONFIG = sim.kubeconfigPath;
    process.env.FAKE_KIND_EXISTING = 'shared';
    try {
      const missing = await kindBackend({ kindBin: fake.kind, dockerBin: fake.docker, reuseCluster: 'other' })
        .start({ workDir: work })
        .catch((e) => e);
      expect(missing.code).toBe('ERR_BACKEND_START');
      const session = await kindBackend({ kindBin: fake.kind, dockerBin: fake.docker, reuseCluster: 'shared' }).start({ workDir: work });
      expect(session.capabilities.namespaceIsolation).toBe(true);
      const env = { ...process.env, KUBECONFIG: session.kubeconfigPath, HOME: work };
      const ns = await execa('kubectl', ['config', 'view', '--minify', '-o', 'jsonpath={.contexts[0].context.namespace}'], { env });
      expect(ns.stdout).toBe(session.namespace);
      await session.stop();
      const calls = await fake.calls();
      expect(calls.some((c) => c.startsWith('kind create') || c.startsWith('kind delete'))).toBe(false);
      expect(calls).toContain('kind get kubeconfig --name shared');
    } finally {
      delete process.env.FAKE_KIND_EXISTING;
      delete process.env.FAKE_KIND_KUBECONFIG;
      await sim.stop();
      await rm(work, { recursive: true, force: true });
      await rm(fake.dir, { recursive: true, force: true });
    }
  });
});
