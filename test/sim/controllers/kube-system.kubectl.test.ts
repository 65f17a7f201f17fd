import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SimFixture, startFixture } from '../server/helpers.js';
import { until } from './until.js';

let fx: SimFixture;
const kubectl = async (...args: string[]) => {
  const r = await fx.kubectl(args);
  return { out: r.stdout, err: r.stderr, code: r.exitCode };
};

describe('kube-system of a fresh kind 1.32 cluster behind real kubectl', () => {
  beforeAll(async () => {
    fx = await startFixture({ controllers: true, speed: 4 });
  });
  afterAll(async () => {
    await fx?.stop();
  });

  it('lists the control plane static pods, kindnet, CoreDNS, kube-proxy and the local-path provisioner, all Running', async () => {
    const rows = await until(
      async () => (await kubectl('get', 'pods', '-A', '--no-headers')).out.split('\n').filter(Boolean),
      (r) => r.length === 9 && r.every((l) => /\s1\/1\s+Running\s/.test(l)),
    );
    const names = rows.map((l) =>
      l
        .split(/\s+/)
        .slice(0, 2)
        .join(' ')
        .replace(/-[bcdfghjklmnpqrstvwxz2456789]{5}$/, '-x')
        .replace(/-[bcdfghjklmnpqrstvwxz2456789]{8,10}-x$/, '-h-x'),
    );
    expect(names).toEqual([
      'kube-system coredns-h-x',
      'kube-system coredns-h-x',
      'kube-system etcd-kind-control-plane',
      'kube-system kindnet-x',
      'kube-system kube-apiserver-kind-control-plane',
      'kube-system kube-controller-manager-kind-control-plane',
      'kube-system kube-proxy-x',
      'kube-system kube-scheduler-kind-control-plane',
      'local-path-storage local-path-provisioner-h-x',
    ]);
    for (const row of rows) expect(row).toMatch(/\s1\/1\s+Running\s+0\s+\d+s$/);
  });

  it('shows the static pods as mirror pods owned by the node, with kubeadm images', async () => {
    const pod = JSON.parse((await kubectl('get', 'pod', '-n', 'kube-system', 'kube-apiserver-kind-control-plane', '-o', 'json')).out);
    expect(pod.metadata.ownerReferences).toEqual([{ apiVersion: 'v1', kind: 'Node', name: 'kind-control-plane', uid: expect.any(String), controller: true }]);
    expect(pod.metadata.labels).toEqual({ component: 'kube-apiserver', tier: 'control-plane' });
    expect(pod.metadata.annotations['kubernetes.io/config.source']).toBe('file');
    expect(pod.spec.containers[0].image).toBe('registry.k8s.io/kube-apiserver:v1.32.4');
    expect(pod.status.podIP).toBe('172.18.0.2');
    const images = (await kubectl('get', 'pods', '-n', 'kube-system', '-o', 'jsonpath={range .items[*]}{.spec.containers[0].image}{"\\n"}{end}')).out.split(
      '\n',
    );
    expect(images).toContain('registry.k8s.io/etcd:3.5.16-0');
    expect(images).toContain('docker.io/kindest/kindnetd:v20250214-acbabc1a');
    const ds = await kubectl('get', 'ds', '-n', 'kube-system');
    expect(ds.out).toMatch(/kindnet\s+1\s+1\s+1\s+1\s+1\s+<none>\s+\S+\nkube-proxy\s+1\s+1\s+1\s+1\s+1\s+kubernetes.io\/os=linux\s+\S+/);
    expect((await kubectl('get', 'storageclass')).out).toMatch(/standard \(default\)\s+rancher.io\/local-path\s+Delete\s+WaitForFirstConsumer\s+false\s+\S+/);
    const d = await kubectl('describe', 'node', 'kind-control-plane');
    expect(d.out).toMatch(/Non-terminated Pods:\s+\(9 in total\)/);
  });
});
