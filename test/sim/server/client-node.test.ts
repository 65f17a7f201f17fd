import * as k8s from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSim, type SimHandle } from '../../../src/backends/sim/index.js';

describe('@kubernetes/client-node against the sim', () => {
  let sim: SimHandle;
  let kc: k8s.KubeConfig;
  beforeAll(async () => {
    sim = await startSim({ controllers: false });
    kc = new k8s.KubeConfig();
    kc.loadFromFile(sim.kubeconfigPath);
  });
  afterAll(async () => {
    await sim?.stop();
  });

  it('lists namespaces and creates, patches and reads a configmap', async () => {
    const core = kc.makeApiClient(k8s.CoreV1Api);
    const ns = await core.listNamespace();
    expect(ns.items.map((n) => n.metadata?.name)).toContain('kube-system');
    const created = await core.createNamespacedConfigMap({ namespace: 'default', body: { metadata: { name: 'from-client' }, data: { a: '1' } } });
    expect(created.metadata?.uid).toBeTruthy();
    await core.patchNamespacedConfigMap(
      { name: 'from-client', namespace: 'default', body: { data: { b: '2' } } },
      k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.MergePatch),
    );
    const read = await core.readNamespacedConfigMap({ name: 'from-client', namespace: 'default' });
    expect(read.data).toEqual({ a: '1', b: '2' });
  });

  it('lists deployments through the apps group', async () => {
    const apps = kc.makeApiClient(k8s.AppsV1Api);
    await apps.createNamespacedDeployment({
      namespace: 'default',
      body: {
        metadata: { name: 'd1' },
        spec: { selector: { matchLabels: { a: 'b' } }, template: { metadata: { labels: { a: 'b' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } },
      },
    });
    const list = await apps.listNamespacedDeployment({ namespace: 'default' });
    expect(list.items.map((d) => d.metadata?.name)).toEqual(['d1']);
  });

  it('watches and receives ADDED then MODIFIED events', async () => {
    const core = kc.makeApiClient(k8s.CoreV1Api);
    const list = await core.listNamespacedConfigMap({ namespace: 'default' });
    const events: string[] = [];
    const watch = new k8s.Watch(kc);
    let done!: () => void;
    const finished = new Promise<void>((r) => (done = r));
    const controller = await watch.watch(
      '/api/v1/namespaces/default/configmaps',
      { resourceVersion: list.metadata?.resourceVersion },
      (type: string, obj: k8s.V1ConfigMap) => {
        events.push(`${type} ${obj.metadata?.name}`);
        if (events.length === 2) done();
      },
      () => done(),
    );
    await core.createNamespacedConfigMap({ namespace: 'default', body: { metadata: { name: 'watched' } } });
    await core.patchNamespacedConfigMap(
      { name: 'watched', namespace: 'default', body: { data: { x: 'y' } } },
      k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.MergePatch),
    );
    await finished;
    controller.abort();
    expect(events).toEqual(['ADDED watched', 'MODIFIED watched']);
  });
});
