import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type KubectlSim, kubectlSim } from './kubectl-helpers.js';

// memory-demo and memory-demo-2 are the pods of the kubernetes.io task page "Assign Memory
// Resources to Containers"; tcp-liveness-readiness, liveness-http and etcd-with-grpc come from
// "Configure Liveness, Readiness and Startup Probes" (Apache-2.0 examples).
const manifests = `
apiVersion: v1
kind: Pod
metadata: { name: memory-demo }
spec:
  containers:
  - name: memory-demo-ctr
    image: polinux/stress
    resources:
      requests: { memory: "100Mi" }
      limits: { memory: "200Mi" }
    command: ["stress"]
    args: ["--vm", "1", "--vm-bytes", "150M", "--vm-hang", "1"]
---
apiVersion: v1
kind: Pod
metadata: { name: memory-demo-2 }
spec:
  containers:
  - name: memory-demo-2-ctr
    image: polinux/stress
    resources:
      requests: { memory: "50Mi" }
      limits: { memory: "100Mi" }
    command: ["stress"]
    args: ["--vm", "1", "--vm-bytes", "250M", "--vm-hang", "1"]
---
apiVersion: batch/v1
kind: Job
metadata: { name: squares }
spec:
  completions: 3
  parallelism: 3
  completionMode: Indexed
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: c
        image: busybox:1.36
        command: [sh, -c, 'echo "$JOB_COMPLETION_INDEX squared is $((JOB_COMPLETION_INDEX*JOB_COMPLETION_INDEX))"']
---
apiVersion: v1
kind: Pod
metadata: { name: with-init }
spec:
  initContainers:
  - { name: setup, image: busybox:1.36, command: [sh, -c, 'echo setting up'] }
  containers:
  - { name: app, image: nginx }
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: crash }
spec:
  replicas: 1
  selector: { matchLabels: { app: crash } }
  template:
    metadata: { labels: { app: crash } }
    spec:
      containers:
      - { name: c, image: busybox:1.36, command: [sh, -c, 'echo failing; exit 1'] }
---
apiVersion: v1
kind: Pod
metadata:
  name: goproxy
  labels: { app: goproxy }
spec:
  containers:
  - name: goproxy
    image: registry.k8s.io/goproxy:0.1
    ports:
    - containerPort: 8080
    readinessProbe:
      tcpSocket: { port: 8080 }
      initialDelaySeconds: 15
      periodSeconds: 10
    livenessProbe:
      tcpSocket: { port: 8080 }
      initialDelaySeconds: 15
      periodSeconds: 10
---
apiVersion: v1
kind: Pod
metadata:
  labels: { test: liveness }
  name: liveness-http
spec:
  containers:
  - name: liveness
    image: registry.k8s.io/e2e-test-images/agnhost:2.40
    args: [liveness]
    livenessProbe:
      httpGet:
        path: /healthz
        port: 8080
        httpHeaders:
        - { name: Custom-Header, value: Awesome }
      initialDelaySeconds: 3
      periodSeconds: 3
---
apiVersion: v1
kind: Pod
metadata: { name: etcd-with-grpc }
spec:
  containers:
  - name: etcd
    image: registry.k8s.io/etcd:3.5.1-0
    command: [ "/usr/local/bin/etcd", "--data-dir",  "/var/lib/etcd", "--listen-client-urls", "http://0.0.0.0:2379", "--advertise-client-urls", "http://127.0.0.1:2379", "--log-level", "debug"]
    ports:
    - containerPort: 2379
    livenessProbe:
      grpc: { port: 2379 }
      initialDelaySeconds: 10
---
apiVersion: v1
kind: Pod
metadata: { name: wrong-grpc }
spec:
  containers:
  - name: etcd
    image: registry.k8s.io/etcd:3.5.1-0
    command: [ "/usr/local/bin/etcd" ]
    readinessProbe:
      grpc: { port: 2380 }
      periodSeconds: 2
---
apiVersion: v1
kind: Pod
metadata: { name: redis, labels: { app: redis } }
spec:
  containers:
  - { name: redis, image: redis:7.4 }
---
apiVersion: v1
kind: Service
metadata: { name: redis }
spec:
  selector: { app: redis }
  ports: [{ port: 6379 }]
---
apiVersion: v1
kind: Pod
metadata:
  name: security-context-demo-4
spec:
  containers:
  - name: sec-ctx-4
    image: gcr.io/google-samples/hello-app:2.0
    securityContext:
      capabilities:
        add: ["NET_ADMIN", "SYS_TIME"]
---
apiVersion: v1
kind: Pod
metadata: { name: debian }
spec:
  containers:
  - { name: debian, image: 'debian:12', command: [sleep, infinity] }
---
apiVersion: v1
kind: Pod
metadata: { name: args-run }
spec:
  restartPolicy: Never
  containers:
  - { name: c, image: 'nginx:1.27', args: [sh, -c, 'echo from the args'] }
---
apiVersion: v1
kind: Pod
metadata: { name: args-server }
spec:
  containers:
  - { name: c, image: 'nginx:1.27', args: [nginx, -g, 'daemon off;'] }
`;

let k: KubectlSim;
const json = async (...args: string[]) => JSON.parse((await k.kubectl([...args, '-o', 'json'])).out);

describe('kubelet behaviours and image tools, through kubectl', () => {
  beforeAll(async () => {
    k = await kubectlSim({ speed: 10 });
    await k.apply(manifests);
  });
  afterAll(async () => {
    await k?.stop();
  });

  it('a container using more memory than its limit is OOMKilled and crash-loops; within its limit it runs', async () => {
    const pod = await k.until(['pod', 'memory-demo-2'], (p) => p.status.containerStatuses[0].restartCount >= 2);
    expect(pod.status.containerStatuses[0].lastState.terminated).toMatchObject({ exitCode: 137, reason: 'OOMKilled' });
    expect(pod.status.containerStatuses[0].ready).toBe(false);
    const ok = await k.kubectl(['wait', '--for=condition=Ready', 'pod/memory-demo', '--timeout=30s']);
    expect(ok.code, ok.err).toBe(0);
    expect((await json('get', 'pod', 'memory-demo')).status.containerStatuses[0].restartCount).toBe(0);
    expect((await k.kubectl(['logs', 'memory-demo'])).out).toBe('stress: info: [1] dispatching hogs: 0 cpu, 0 io, 1 vm, 0 hdd');
  });

  it("an image's docker-entrypoint.sh runs the pod's args as the program unless they name its server", async () => {
    const done = await k.until(['pod', 'args-run'], (p) => p.status.phase === 'Succeeded');
    expect(done.status.containerStatuses[0].state.terminated.exitCode).toBe(0);
    expect((await k.kubectl(['logs', 'args-run'])).out).toBe('from the args');
    await k.until(['pod', 'args-server'], (p) => p.status.containerStatuses?.[0]?.ready === true);
    expect((await k.kubectl(['logs', 'args-server'])).out).toMatch(/Configuration complete; ready for start up/);
  });

  it('indexed Job pods see JOB_COMPLETION_INDEX and the shell computes with it', async () => {
    const w = await k.kubectl(['wait', '--for=condition=Complete', 'job/squares', '--timeout=60s']);
    expect(w.code, w.err).toBe(0);
    const pods = await json('get', 'pods', '-l', 'batch.kubernetes.io/job-completion-index=2,job-name=squares');
    const pod = pods.items[0];
    expect(pod.metadata.annotations['batch.kubernetes.io/job-completion-index']).toBe('2');
    expect(pod.spec.containers[0].env).toContainEqual({
      name: 'JOB_COMPLETION_INDEX',
      valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: "metadata.labels['batch.kubernetes.io/job-completion-index']" } },
    });
    expect(pod.metadata.labels['batch.kubernetes.io/job-completion-index']).toBe('2');
    expect((await k.kubectl(['logs', pod.metadata.name])).out).toBe('2 squared is 4');
  });

  it('a completed init container is Ready: True', async () => {
    const w = await k.kubectl(['wait', '--for=condition=Ready', 'pod/with-init', '--timeout=30s']);
    expect(w.code, w.err).toBe(0);
    const pod = await json('get', 'pod', 'with-init');
    expect(pod.status.initContainerStatuses[0]).toMatchObject({ ready: true, state: { terminated: { exitCode: 0, reason: 'Completed' } } });
    const describe = (await k.kubectl(['describe', 'pod', 'with-init'])).out;
    expect(describe).toMatch(/Init Containers:\n  setup:[\s\S]*?Ready:\s+True/);
  });

  it('a crash-looping container never makes its Deployment ready', async () => {
    // Both watch every status the kubelet writes: not one may show the pod Ready.
    const [w, p] = await Promise.all([
      k.kubectl(['wait', '--for=jsonpath={.status.readyReplicas}=1', 'deployment/crash', '--timeout=6s']),
      k.kubectl(['wait', '--for=condition=Ready', 'pod', '-l', 'app=crash', '--timeout=6s']),
    ]);
    expect(w.code).not.toBe(0);
    expect(w.err).toContain('timed out waiting for the condition');
    expect(p.code).not.toBe(0);
    expect(p.err).toContain('timed out waiting for the condition');
    const pods = await json('get', 'pods', '-l', 'app=crash');
    expect(pods.items[0].status.containerStatuses[0].restartCount).toBeGreaterThanOrEqual(1);
    // The previous instance's log is kept for `kubectl logs --previous`.
    const prev = await k.kubectl(['logs', pods.items[0].metadata.name, '--previous']);
    expect(prev).toMatchObject({ code: 0, out: 'failing' });
  });

  it('tcpSocket and grpc probes succeed against listening ports; the agnhost liveness server fails after 10s and is restarted', async () => {
    const tcp = await k.kubectl(['wait', '--for=condition=Ready', 'pod/goproxy', '--timeout=30s']);
    expect(tcp.code, tcp.err).toBe(0);
    await k.until(['pod', 'liveness-http'], (p) => p.status.containerStatuses[0].restartCount >= 1);
    const events = await k.events('liveness-http');
    expect(events).toContain('Warning Unhealthy: Liveness probe failed: HTTP probe failed with statuscode: 500');
    expect(events).toContain('Normal Killing: Container liveness failed liveness probe, will be restarted');
    expect((await json('get', 'pod', 'etcd-with-grpc')).status.containerStatuses[0].restartCount).toBe(0);
    expect((await k.events('etcd-with-grpc')).filter((e) => e.includes('Unhealthy'))).toEqual([]);
    const ip = (await json('get', 'pod', 'wrong-grpc')).status.podIP;
    expect(await k.events('wrong-grpc')).toContain(
      `Warning Unhealthy: Readiness probe failed: timeout: failed to connect service "${ip}:2380" within 1s: context deadline exceeded`,
    );
  });

  it('redis-cli talks to the redis server through its Service', async () => {
    const w = await k.kubectl(['wait', '--for=condition=Ready', 'pod/redis', 'pod/debian', '--timeout=30s']);
    expect(w.code, w.err).toBe(0);
    expect((await k.kubectl(['exec', 'redis', '--', 'redis-cli', 'ping'])).out).toBe('PONG');
    expect((await k.kubectl(['exec', 'redis', '--', 'redis-cli', '-h', 'redis', 'set', 'greeting', 'hello'])).out).toBe('OK');
    expect((await k.kubectl(['exec', 'redis', '--', 'redis-cli', 'get', 'greeting'])).out).toBe('hello');
    expect((await k.kubectl(['exec', 'redis', '--', 'redis-cli', 'CONFIG', 'GET', 'maxmemory'])).out).toBe('maxmemory\n0');
  });

  it('apt-get installs tools into a running debian container', async () => {
    const missing = await k.kubectl(['exec', 'debian', '--', 'curl', '-s', 'http://redis:6379']);
    expect(missing.err).toContain('executable file not found in $PATH');
    const install = await k.kubectl(['exec', 'debian', '--', 'sh', '-c', 'apt-get update && apt-get install -y curl procps dnsutils']);
    expect(install.code, install.err).toBe(0);
    expect(install.out).toContain('Setting up dnsutils');
    const ps = await k.kubectl(['exec', 'debian', '--', 'ps', 'aux']);
    expect(ps.out).toMatch(/^USER\s+PID %CPU %MEM/);
    expect(ps.out).toContain('sleep infinity');
    const ns = await k.kubectl(['exec', 'debian', '--', 'nslookup', 'redis']);
    expect(ns.out).toMatch(/Address:\t10\.96\.0\.10#53\n\nName:\tredis\.default\.svc\.cluster\.local\nAddress: 10\./);
    const svcIP = (await json('get', 'service', 'redis')).spec.clusterIP;
    expect((await k.kubectl(['exec', 'debian', '--', 'dig', '+short', 'redis.default.svc.cluster.local'])).out).toBe(svcIP);
    const full = (await k.kubectl(['exec', 'debian', '--', 'dig', 'redis.default.svc.cluster.local'])).out;
    expect(full).toContain(`;; ANSWER SECTION:\nredis.default.svc.cluster.local.\t30\tIN\tA\t${svcIP}\n`);
    expect((await k.kubectl(['exec', 'debian', '--', 'dig', 'redis'])).out).toContain('status: NXDOMAIN');
    expect((await k.kubectl(['exec', 'debian', '--', 'host', 'redis'])).out).toBe(`redis.default.svc.cluster.local has address ${svcIP}`);
  });

  it('/proc/1/status shows the capabilities from securityContext; /proc/1/mounts the volume mounts', async () => {
    const w = await k.kubectl(['wait', '--for=condition=Ready', 'pod/security-context-demo-4', '--timeout=30s']);
    expect(w.code, w.err).toBe(0);
    const status = (await k.kubectl(['exec', 'security-context-demo-4', '--', 'sh', '-c', 'cd /proc/1; cat status'])).out;
    expect(status).toContain('CapPrm:\t00000000aa0435fb');
    expect(status).toContain('CapEff:\t00000000aa0435fb');
    const plain = (await k.kubectl(['exec', 'debian', '--', 'cat', '/proc/1/status'])).out;
    expect(plain).toContain('CapBnd:\t00000000a80425fb');
    const mounts = (await k.kubectl(['exec', 'debian', '--', 'cat', '/proc/1/mounts'])).out;
    expect(mounts).toContain('tmpfs /run/secrets/kubernetes.io/serviceaccount tmpfs ro');
    expect(mounts.split('\n')[0]).toMatch(/^overlay \/ overlay rw/);
  });
});
