import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type KubectlSim, kubectlSim } from './kubectl-helpers.js';

// Pods from the "Configure Liveness, Readiness and Startup Probes" task page (kubernetes.io,
// content/en/examples/pods/probe/*.yaml, Apache-2.0), plus small variations for readiness and startup.
const manifests = `
apiVersion: v1
kind: Pod
metadata:
  labels:
    test: liveness
  name: liveness-exec
spec:
  containers:
  - name: liveness
    image: registry.k8s.io/busybox:1.27.2
    args:
    - /bin/sh
    - -c
    - touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600
    livenessProbe:
      exec:
        command:
        - cat
        - /tmp/healthy
      initialDelaySeconds: 5
      periodSeconds: 5
---
apiVersion: v1
kind: Pod
metadata:
  name: gated
  labels: { app: gated }
spec:
  containers:
  - name: web
    image: nginx:1.27
    readinessProbe:
      httpGet: { path: /ready, port: 80 }
      periodSeconds: 1
---
apiVersion: v1
kind: Service
metadata: { name: gated }
spec:
  selector: { app: gated }
  ports: [{ port: 80 }]
`;

const slowStart = `
apiVersion: v1
kind: Pod
metadata: { name: slow-start }
spec:
  containers:
  - name: app
    image: busybox:1.36
    command: [sh, -c, 'sleep 60; touch /tmp/started; sleep 3600']
    startupProbe:
      exec: { command: [cat, /tmp/started] }
      periodSeconds: 2
      failureThreshold: 60
    livenessProbe:
      exec: { command: [cat, /tmp/started] }
      failureThreshold: 1
      periodSeconds: 1
`;

let k: KubectlSim;

describe('container probes run in the simulated container', () => {
  beforeAll(async () => {
    k = await kubectlSim({ speed: 10 });
    await k.apply(manifests);
  });
  afterAll(async () => {
    await k?.stop();
  });

  it('liveness exec: cat /tmp/healthy fails once the file is removed; the container is killed and restarted', async () => {
    const w = await k.kubectl(['wait', '--for=jsonpath={.status.containerStatuses[0].restartCount}=1', 'pod/liveness-exec', '--timeout=60s']);
    expect(w.code, w.err).toBe(0);
    const events = await k.events('liveness-exec');
    expect(events).toContain("Warning Unhealthy: Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory\n");
    expect(events).toContain('Normal Killing: Container liveness failed liveness probe, will be restarted');
    const pod = JSON.parse((await k.kubectl(['get', 'pod', 'liveness-exec', '-o', 'json'])).out);
    const last = pod.status.containerStatuses[0].lastState.terminated;
    // busybox sh as PID 1 ignores SIGTERM: killed after the 30s grace period.
    expect(last).toMatchObject({ exitCode: 137, reason: 'Error' });
    // The restarted container runs its command again: /tmp/healthy exists again in the new container.
    const w2 = await k.kubectl(['wait', '--for=condition=Ready', 'pod/liveness-exec', '--timeout=30s']);
    expect(w2.code, w2.err).toBe(0);
    expect((await k.kubectl(['exec', 'liveness-exec', '--', 'cat', '/tmp/healthy'])).code).toBe(0);
  });

  it('readiness httpGet gates Ready and the Service endpoints until the page exists', async () => {
    const running = await k.kubectl(['wait', '--for=jsonpath={.status.phase}=Running', 'pod/gated', '--timeout=30s']);
    expect(running.code, running.err).toBe(0);
    // nginx answers 404 for /ready: never Ready, not an endpoint.
    const notYet = await k.kubectl(['wait', '--for=condition=Ready', 'pod/gated', '--timeout=2s']);
    expect(notYet.code).not.toBe(0);
    const ep = JSON.parse((await k.kubectl(['get', 'endpoints', 'gated', '-o', 'json'])).out);
    expect(ep.subsets?.[0]?.addresses).toBeUndefined();
    expect(ep.subsets?.[0]?.notReadyAddresses).toHaveLength(1);
    expect(await k.events('gated')).toContain('Warning Unhealthy: Readiness probe failed: HTTP probe failed with statuscode: 404');
    const put = await k.kubectl(['exec', 'gated', '--', 'sh', '-c', 'echo ok > /usr/share/nginx/html/ready']);
    expect(put.code, put.err).toBe(0);
    const ready = await k.kubectl(['wait', '--for=condition=Ready', 'pod/gated', '--timeout=30s']);
    expect(ready.code, ready.err).toBe(0);
    const w = await k.kubectl(['wait', '--for=jsonpath={.subsets[0].addresses[0].targetRef.name}=gated', 'endpoints/gated', '--timeout=30s']);
    expect(w.code, w.err).toBe(0);
    // The kubelet's requests show in nginx's access log with its user agent.
    expect((await k.kubectl(['logs', 'gated'])).out).toMatch(/"GET \/ready HTTP\/1\.1" 404 \d+ "-" "kube-probe\/1\.32" "-"/);
  });

  it('a startup probe holds back liveness and readiness until it succeeds', async () => {
    await k.apply(slowStart);
    const running = await k.kubectl(['wait', '--for=jsonpath={.status.phase}=Running', 'pod/slow-start', '--timeout=30s']);
    expect(running.code, running.err).toBe(0);
    let pod = JSON.parse((await k.kubectl(['get', 'pod', 'slow-start', '-o', 'json'])).out);
    expect(pod.status.containerStatuses[0]).toMatchObject({ started: false, ready: false, restartCount: 0 });
    const started = await k.kubectl(['wait', '--for=condition=Ready', 'pod/slow-start', '--timeout=60s']);
    expect(started.code, started.err).toBe(0);
    pod = JSON.parse((await k.kubectl(['get', 'pod', 'slow-start', '-o', 'json'])).out);
    // The liveness probe (failureThreshold 1) would have killed the container had it run before startup.
    expect(pod.status.containerStatuses[0]).toMatchObject({ started: true, ready: true, restartCount: 0 });
    expect(await k.events('slow-start')).toContain("Warning Unhealthy: Startup probe failed: cat: can't open '/tmp/started': No such file or directory\n");
  });
});
