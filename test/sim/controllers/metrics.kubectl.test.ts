import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SimFixture, startFixture } from '../server/helpers.js';
import { until } from './until.js';

const STRESS_POD = `apiVersion: v1
kind: Pod
metadata:
  name: memory-demo
  labels: {app: stress}
spec:
  containers:
  - name: memory-demo-ctr
    image: polinux/stress
    resources:
      requests: {memory: 100Mi}
      limits: {memory: 200Mi}
    command: ["stress"]
    args: ["--vm", "1", "--vm-bytes", "150M", "--vm-hang", "1"]
`;

/** A metrics-server Deployment in kube-system, as components.yaml makes it (trimmed to what matters here). */
const METRICS_SERVER = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: metrics-server
  namespace: kube-system
  labels: {k8s-app: metrics-server}
spec:
  selector:
    matchLabels: {k8s-app: metrics-server}
  template:
    metadata:
      labels: {k8s-app: metrics-server}
    spec:
      containers:
      - name: metrics-server
        image: registry.k8s.io/metrics-server/metrics-server:v0.7.2
        args: ["--cert-dir=/tmp", "--secure-port=10250", "--kubelet-preferred-address-types=InternalIP,ExternalIP,Hostname", "--kubelet-use-node-status-port", "--metric-resolution=15s"]
`;

describe('metrics API behind real kubectl', () => {
  let fx: SimFixture;
  const kubectl = async (...args: string[]) => {
    const r = await fx.kubectl(args);
    return { out: r.stdout, err: r.stderr, code: r.exitCode };
  };
  beforeAll(async () => {
    fx = await startFixture({ controllers: true, speed: 4 });
  });
  afterAll(async () => {
    await fx?.stop();
  });

  it('says "Metrics API not available" until metrics-server runs in kube-system, then reports usage', async () => {
    expect((await fx.kubectl(['apply', '-f', '-'], { input: STRESS_POD })).exitCode).toBe(0);
    await until(
      () => kubectl('get', 'pod', 'memory-demo', '-o', 'jsonpath={.status.phase}'),
      (r) => r.out === 'Running',
    );
    const before = await kubectl('top', 'pod', 'memory-demo');
    expect(before.code).toBe(1);
    expect(before.err.trim()).toBe('error: Metrics API not available');
    expect((await kubectl('top', 'node')).err.trim()).toBe('error: Metrics API not available');
    expect(fx.sim.metricsAvailable()).toBe(false);
    const services = await kubectl('get', 'apiservices');
    expect(services.out.split('\n')[0]!.split(/\s+/).filter(Boolean)).toEqual(['NAME', 'SERVICE', 'AVAILABLE', 'AGE']);
    expect(services.out).toMatch(/^v1\.\s+Local\s+True\s+\S+$/m);
    expect(services.out).toMatch(/^v2\.autoscaling\s+Local\s+True\s+\S+$/m);
    expect(services.out).not.toContain('metrics.k8s.io');

    expect((await fx.kubectl(['apply', '-f', '-'], { input: METRICS_SERVER })).exitCode).toBe(0);
    await until(
      async () => fx.sim.metricsAvailable(),
      (v) => v,
    );
    const registered = await until(
      () => kubectl('get', 'apiservice', 'v1beta1.metrics.k8s.io', '--no-headers'),
      (r) => r.code === 0,
    );
    expect(registered.out).toMatch(/^v1beta1\.metrics\.k8s\.io\s+kube-system\/metrics-server\s+True\s+\S+$/);
    const top = await until(
      () => kubectl('top', 'pod', 'memory-demo'),
      (r) => r.code === 0,
    );
    const lines = top.out.split('\n');
    expect(lines[0]!.split(/\s+/).filter(Boolean)).toEqual(['NAME', 'CPU(cores)', 'MEMORY(bytes)']);
    // stress --vm 1 keeps one CPU busy and 150M allocated (+ its own half MiB).
    expect(lines[1]!.split(/\s+/).filter(Boolean)).toEqual(['memory-demo', '1000m', '150Mi']);
  });

  it('lists pods by label across namespaces, idle nginx near zero', async () => {
    expect((await kubectl('run', 'web', '--image=nginx', '--labels=app=web')).code).toBe(0);
    await until(
      () => kubectl('get', 'pod', 'web', '-o', 'jsonpath={.status.phase}'),
      (r) => r.out === 'Running',
    );
    const web = await until(
      () => kubectl('top', 'pod', '-l', 'app=web', '--no-headers'),
      (r) => r.out.includes('web'),
    );
    const [name, cpu, memory] = web.out.trim().split(/\s+/);
    expect(name).toBe('web');
    expect(Number(cpu!.replace(/m$/, ''))).toBeLessThan(5);
    expect(Number(memory!.replace(/Mi$/, ''))).toBeLessThan(10);
    const all = await kubectl('top', 'pod', '-A');
    expect(all.out.split('\n')[0]!.split(/\s+/).filter(Boolean)).toEqual(['NAMESPACE', 'NAME', 'CPU(cores)', 'MEMORY(bytes)']);
    expect(all.out).toMatch(/kube-system\s+metrics-server-\S+/);
    expect(all.out).toMatch(/kube-system\s+coredns-\S+/);
    const containers = await kubectl('top', 'pod', 'memory-demo', '--containers');
    expect(containers.out.split('\n')[1]!.split(/\s+/).filter(Boolean)).toEqual(['memory-demo', 'memory-demo-ctr', '1000m', '150Mi']);
  });

  it('reports nodes with their share of allocatable', async () => {
    const top = await kubectl('top', 'node');
    expect(top.code).toBe(0);
    const [header, row] = top.out.split('\n');
    expect(header!.split(/\s+/).filter(Boolean)).toEqual(['NAME', 'CPU(cores)', 'CPU(%)', 'MEMORY(bytes)', 'MEMORY(%)']);
    const cells = row!.split(/\s+/).filter(Boolean);
    expect(cells[0]).toBe('kind-control-plane');
    // The node's own processes plus the stress pod's full core.
    expect(Number(cells[1]!.replace(/m$/, ''))).toBeGreaterThan(1000);
    expect(cells[2]).toMatch(/^\d+%$/);
    expect(Number(cells[3]!.replace(/Mi$/, ''))).toBeGreaterThan(150);
  });

  it('answers a pod without metrics and an unknown pod as metrics-server does', async () => {
    const missing = await kubectl('top', 'pod', 'nothing-here');
    expect(missing.code).toBe(1);
    expect(missing.err.trim()).toBe('Error from server (NotFound): pods "nothing-here" not found');
    // A pod that does not run has no metrics yet.
    expect((await kubectl('run', 'never', '--image=nginx', '--overrides={"spec":{"nodeName":"no-such-node"}}')).code).toBe(0);
    const pending = await kubectl('top', 'pod', 'never');
    expect(pending.err.trim()).toBe('Error from server (NotFound): podmetrics.metrics.k8s.io "default/never" not found');
    const raw = await kubectl('get', '--raw', '/apis/metrics.k8s.io/v1beta1/namespaces/default/pods/web');
    const body = JSON.parse(raw.out);
    expect(body.kind).toBe('PodMetrics');
    expect(body.window).toBe('15s');
    // Quantities in canonical form, as metrics-server's resource.Quantity prints them.
    expect(body.containers[0].usage).toEqual({ cpu: '0', memory: '3Mi' });
    const stress = JSON.parse((await kubectl('get', '--raw', '/apis/metrics.k8s.io/v1beta1/namespaces/default/pods/memory-demo')).out);
    expect(stress.containers).toEqual([{ name: 'memory-demo-ctr', usage: { cpu: '1', memory: '154112Ki' } }]);
    // metrics-server's own Table columns for `kubectl get podmetrics`.
    const table = await kubectl('get', 'podmetrics', 'memory-demo');
    expect(table.out.split('\n').map((l) => l.split(/\s+/).filter(Boolean))).toEqual([
      ['NAME', 'CPU', 'MEMORY', 'WINDOW'],
      ['memory-demo', '1', '154112Ki', '15s'],
    ]);
  });
});

describe('metrics-server enabled as an addon', () => {
  let fx: SimFixture;
  beforeAll(async () => {
    fx = await startFixture({ controllers: true, speed: 4, metricsServer: true });
  });
  afterAll(async () => {
    await fx?.stop();
  });

  it('serves the metrics API from the start', async () => {
    const r = await fx.kubectl(['top', 'node', '--no-headers']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/^kind-control-plane\s+\d+m\s+\d+%\s+\d+Mi\s+\d+%/);
    const groups = await fx.kubectl(['api-versions']);
    expect(groups.stdout.split('\n')).toContain('metrics.k8s.io/v1beta1');
  });
});
