import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SimHandle, startSim } from '../../../src/backends/sim/index.js';
import { MY_NGINX_DEPLOYMENT } from '../../helpers/manifests.js';

let sim: SimHandle;
let home: string;

const kubectl = async (...args: string[]) => {
  const r = await execa('kubectl', args, { env: { KUBECONFIG: sim.kubeconfigPath, HOME: home }, reject: false, timeout: 60_000 });
  return { out: r.stdout, err: r.stderr, code: r.exitCode };
};

const deployment = MY_NGINX_DEPLOYMENT;

describe('controllers behind real kubectl', () => {
  beforeAll(async () => {
    home = await mkdtemp(join(tmpdir(), 'kdt-ctl-'));
    sim = await startSim({ speed: 4 });
    await writeFile(join(home, 'run-my-nginx.yaml'), deployment);
  });
  afterAll(async () => {
    await sim?.stop();
    await rm(home, { recursive: true, force: true });
  });

  it('runs the service tutorial: deployment, pods, rollout, expose, endpoints, scale, delete', async () => {
    expect((await kubectl('apply', '-f', join(home, 'run-my-nginx.yaml'))).out).toBe('deployment.apps/my-nginx created');
    const rollout = await kubectl('rollout', 'status', 'deployment/my-nginx', '--timeout=30s');
    expect(rollout.out).toContain('deployment "my-nginx" successfully rolled out');
    const wait = await kubectl('wait', '--for=condition=Ready', 'pod', '-l', 'run=my-nginx', '--timeout=30s');
    expect(wait.code).toBe(0);
    const wide = await kubectl('get', 'pods', '-l', 'run=my-nginx', '-o', 'wide');
    const rows = wide.out.split('\n').slice(1);
    expect(rows).toHaveLength(2);
    for (const row of rows)
      expect(row).toMatch(/^my-nginx-[456789bcdf]+-\w{5}\s+1\/1\s+Running\s+0\s+\S+\s+10\.244\.0\.\d+\s+kind-control-plane\s+<none>\s+<none>$/);
    const ips = rows.map((r) => r.split(/\s+/)[5]).sort();

    expect((await kubectl('expose', 'deployment/my-nginx')).out).toBe('service/my-nginx exposed');
    let ep = '';
    for (let i = 0; i < 50 && !ep.includes(':80,'); i++) {
      ep = (await kubectl('get', 'ep', 'my-nginx')).out;
      if (!ep.includes(':80,')) await new Promise((r) => setTimeout(r, 100));
    }
    expect(ep).toMatch(new RegExp(`${ips[0]!.replace(/\./g, '\\.')}:80,${ips[1]!.replace(/\./g, '\\.')}:80`));
    const describe = await kubectl('describe', 'svc', 'my-nginx');
    expect(describe.code).toBe(0);
    expect(describe.out).toMatch(/Endpoints:\s+10\.244\.0\.\d+:80,10\.244\.0\.\d+:80/);

    const history = await kubectl('rollout', 'history', 'deployment/my-nginx');
    expect(history.out).toContain('1         <none>');
    const dd = await kubectl('describe', 'deployment', 'my-nginx');
    expect(dd.out).toMatch(/Replicas:\s+2 desired \| 2 updated \| 2 total \| 2 available \| 0 unavailable/);
    expect(dd.out).toMatch(/Available\s+True\s+MinimumReplicasAvailable/);
    expect(dd.out).toMatch(/NewReplicaSet:\s+my-nginx-\w+ \(2\/2 replicas created\)/);
    expect(dd.out).toMatch(/ScalingReplicaSet\s+\S+\s+deployment-controller\s+Scaled up replica set my-nginx-\w+ from 0 to 2/);

    await kubectl('scale', 'deployment', 'my-nginx', '--replicas=0');
    for (let i = 0; i < 50; i++) {
      if ((await kubectl('get', 'pods', '-l', 'run=my-nginx', '-o', 'name')).out === '') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    await kubectl('scale', 'deployment', 'my-nginx', '--replicas=2');
    expect((await kubectl('rollout', 'status', 'deployment/my-nginx', '--timeout=30s')).code).toBe(0);
    const names = (await kubectl('get', 'pods', '-l', 'run=my-nginx', '-o', 'name')).out.split('\n');
    expect(names).toHaveLength(2);

    expect((await kubectl('delete', 'deployment', 'my-nginx')).out).toBe('deployment.apps "my-nginx" deleted');
    let left = 'x';
    for (let i = 0; i < 50 && left; i++) {
      left = (await kubectl('get', 'rs,pods', '-l', 'run=my-nginx', '-o', 'name')).out;
      if (left) await new Promise((r) => setTimeout(r, 100));
    }
    expect(left).toBe('');
  });

  it('updates the image, rolls back with rollout undo, and restarts', async () => {
    await kubectl('create', 'deployment', 'web', '--image=nginx:1.14.2', '--replicas=2');
    expect((await kubectl('rollout', 'status', 'deployment/web', '--timeout=30s')).code).toBe(0);
    await kubectl('set', 'image', 'deployment/web', 'nginx=nginx:1.16.1');
    expect((await kubectl('rollout', 'status', 'deployment/web', '--timeout=30s')).code).toBe(0);
    const undo = await kubectl('rollout', 'undo', 'deployment/web');
    expect(undo.out).toBe('deployment.apps/web rolled back');
    expect((await kubectl('rollout', 'status', 'deployment/web', '--timeout=30s')).code).toBe(0);
    const history = await kubectl('rollout', 'history', 'deployment/web');
    expect(
      history.out
        .split('\n')
        .slice(2)
        .filter(Boolean)
        .map((l) => l.trim().split(/\s+/)[0]),
    ).toEqual(['2', '3']);
    const image = await kubectl('get', 'deploy', 'web', '-o', 'jsonpath={.spec.template.spec.containers[0].image}');
    expect(image.out).toBe('nginx:1.14.2');
    expect((await kubectl('rollout', 'restart', 'deployment/web')).out).toBe('deployment.apps/web restarted');
    expect((await kubectl('rollout', 'status', 'deployment/web', '--timeout=30s')).code).toBe(0);
    expect((await kubectl('get', 'rs', '-o', 'name')).out.split('\n').filter((n) => n.includes('web-'))).toHaveLength(3);
    await kubectl('delete', 'deployment', 'web');
  });

  it('runs a job to completion and shows nodes', async () => {
    await kubectl('create', 'job', 'hello', '--image=busybox', '--', 'echo', 'hi');
    const wait = await kubectl('wait', '--for=condition=complete', 'job/hello', '--timeout=30s');
    expect(wait.out).toBe('job.batch/hello condition met');
    const pods = await kubectl('get', 'pods', '-l', 'job-name=hello');
    expect(pods.out).toMatch(/hello-\w{5}\s+0\/1\s+Completed\s+0/);
    const nodes = await kubectl('get', 'nodes');
    expect(nodes.out).toMatch(/kind-control-plane\s+Ready\s+control-plane\s+\S+\s+v1\.32\.4/);
  });

  it('rolls out a StatefulSet with claims bound by the local-path provisioner', async () => {
    const sts = `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  serviceName: nginx
  replicas: 2
  selector:
    matchLabels:
      app: nginx
  template:
    metadata:
      labels:
        app: nginx
    spec:
      containers:
      - name: nginx
        image: registry.k8s.io/nginx-slim:0.24
        volumeMounts:
        - name: www
          mountPath: /usr/share/nginx/html
  volumeClaimTemplates:
  - metadata:
      name: www
    spec:
      accessModes: [ "ReadWriteOnce" ]
      resources:
        requests:
          storage: 1Gi
`;
    await writeFile(join(home, 'web.yaml'), sts);
    expect((await kubectl('apply', '-f', join(home, 'web.yaml'))).out).toBe('statefulset.apps/web created');
    const status = await kubectl('rollout', 'status', 'sts/web', '--timeout=30s');
    expect(status.out).toContain('partitioned roll out complete: 2 new pods have been updated...');
    expect((await kubectl('get', 'pods', '-l', 'app=nginx', '-o', 'name')).out).toBe('pod/web-0\npod/web-1');
    const pvc = await kubectl('get', 'pvc');
    expect(pvc.out).toMatch(/www-web-0\s+Bound\s+pvc-[0-9a-f-]+\s+1Gi\s+RWO\s+standard/);
  });
});
