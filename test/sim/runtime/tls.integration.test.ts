import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SimHandle, startSim } from '../../../src/backends/sim/index.js';
import { HTTPS_DEFAULT_CONF } from '../../../src/backends/sim/runtime/images/content.js';

let sim: SimHandle;
let home: string;

const kubectl = async (args: string[]) => {
  const r = await execa('kubectl', args, { env: { KUBECONFIG: sim.kubeconfigPath, HOME: home }, reject: false, timeout: 60_000 });
  return { out: r.stdout, err: r.stderr, code: r.exitCode };
};

const app = `apiVersion: v1
kind: Service
metadata:
  name: my-nginx
  labels: { run: my-nginx }
spec:
  type: NodePort
  ports:
  - { port: 8080, targetPort: 80, protocol: TCP, name: http }
  - { port: 443, protocol: TCP, name: https }
  selector: { run: my-nginx }
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: my-nginx }
spec:
  selector: { matchLabels: { run: my-nginx } }
  replicas: 1
  template:
    metadata: { labels: { run: my-nginx } }
    spec:
      volumes:
      - name: secret-volume
        secret: { secretName: nginxsecret }
      - name: configmap-volume
        configMap: { name: nginxconfigmap }
      containers:
      - name: nginxhttps
        image: bprashanth/nginxhttps:1.0
        ports: [{ containerPort: 443 }, { containerPort: 80 }]
        volumeMounts:
        - { mountPath: /etc/nginx/ssl, name: secret-volume }
        - { mountPath: /etc/nginx/conf.d, name: configmap-volume }
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: curl-deployment }
spec:
  selector: { matchLabels: { app: curlpod } }
  replicas: 1
  template:
    metadata: { labels: { app: curlpod } }
    spec:
      volumes:
      - name: secret-volume
        secret: { secretName: nginxsecret }
      containers:
      - name: curlpod
        command: [sh, -c, while true; do sleep 1; done]
        image: radial/busyboxplus:curl
        volumeMounts:
        - { mountPath: /etc/nginx/ssl, name: secret-volume }
`;

describe('Securing the Service: real TLS between simulated pods', () => {
  let curlPod = '';
  let nginxIP = '';
  beforeAll(async () => {
    home = await mkdtemp(join(tmpdir(), 'kdt-tls-'));
    sim = await startSim({ speed: 4 });
    const key = join(home, 'nginx.key');
    const crt = join(home, 'nginx.crt');
    await execa('openssl', ['req', '-x509', '-nodes', '-days', '365', '-newkey', 'rsa:2048', '-keyout', key, '-out', crt, '-subj', '/CN=my-nginx/O=my-nginx']);
    await writeFile(join(home, 'default.conf'), HTTPS_DEFAULT_CONF);
    expect((await kubectl(['create', 'secret', 'tls', 'nginxsecret', '--key', key, '--cert', crt])).code).toBe(0);
    expect((await kubectl(['create', 'configmap', 'nginxconfigmap', `--from-file=${join(home, 'default.conf')}`])).code).toBe(0);
    await writeFile(join(home, 'app.yaml'), app);
    expect((await kubectl(['apply', '-f', join(home, 'app.yaml')])).code).toBe(0);
    expect((await kubectl(['rollout', 'status', 'deployment/my-nginx', '--timeout=30s'])).code).toBe(0);
    expect((await kubectl(['rollout', 'status', 'deployment/curl-deployment', '--timeout=30s'])).code).toBe(0);
    curlPod = (await kubectl(['get', 'pods', '-l', 'app=curlpod', '-o', 'jsonpath={.items[0].metadata.name}'])).out;
    nginxIP = (await kubectl(['get', 'pods', '-l', 'run=my-nginx', '-o', 'jsonpath={.items[0].status.podIP}'])).out;
    await readFile(crt);
  });
  afterAll(async () => {
    await sim?.stop();
    await rm(home, { recursive: true, force: true });
  });

  it('verifies the certificate name against the service name', async () => {
    const ok = await kubectl(['exec', curlPod, '--', 'curl', '-s', 'https://my-nginx', '--cacert', '/etc/nginx/ssl/tls.crt']);
    expect(ok.code, ok.err).toBe(0);
    expect(ok.out).toContain('<title>Welcome to nginx!</title>');
  });

  it('fails with curl exit 60 when the name does not match, and -k skips the check', async () => {
    const bad = await kubectl(['exec', curlPod, '--', 'curl', '-sS', 'https://my-nginx.default.svc.cluster.local', '--cacert', '/etc/nginx/ssl/tls.crt']);
    expect(bad.code).toBe(60);
    expect(bad.err).toContain("curl: (60) SSL: certificate subject name 'my-nginx' does not match target host name 'my-nginx.default.svc.cluster.local'");
    const untrusted = await kubectl(['exec', curlPod, '--', 'curl', '-sS', 'https://my-nginx']);
    expect(untrusted.code).toBe(60);
    expect(untrusted.err).toContain('curl: (60) SSL certificate problem: self-signed certificate');
    const insecure = await kubectl(['exec', curlPod, '--', 'curl', '-sk', `https://${nginxIP}`]);
    expect(insecure.out).toContain('<h1>Welcome to nginx!</h1>');
  });

  it('reaches the NodePort and the pod IP from a node', async () => {
    const svc = JSON.parse((await kubectl(['get', 'svc', 'my-nginx', '-o', 'json'])).out) as { spec: { ports: { nodePort: number; name: string }[] } };
    const nodeIP = (await kubectl(['get', 'nodes', '-o', 'jsonpath={.items[0].status.addresses[0].address}'])).out;
    const https = svc.spec.ports.find((p) => p.name === 'https')!.nodePort;
    const r = await sim.runtime.nodeExec!('kind-control-plane', `curl -k https://${nodeIP}:${https}`, 10_000);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).toContain('<h1>Welcome to nginx!</h1>');
    const pod = await sim.runtime.nodeExec!('kind-control-plane', `curl -s http://${nginxIP}/ | grep -c nginx`, 10_000);
    expect(pod.stdout.trim()).toBe('6');
    const refused = await sim.runtime.nodeExec!('kind-control-plane', `curl -sS http://${nginxIP}:81/`, 10_000);
    expect(refused.exitCode).toBe(7);
    expect(refused.stderr).toBe(`curl: (7) Failed to connect to ${nginxIP} port 81 after 0 ms: Couldn't connect to server\n`);
  });

  it('port-forward to the HTTPS port speaks real TLS', async () => {
    const pod = (await kubectl(['get', 'pods', '-l', 'run=my-nginx', '-o', 'jsonpath={.items[0].metadata.name}'])).out;
    const pf = execa('kubectl', ['port-forward', `pod/${pod}`, ':443'], { env: { KUBECONFIG: sim.kubeconfigPath, HOME: home }, reject: false });
    try {
      const port = await new Promise<string>((resolve, reject) => {
        let out = '';
        pf.stdout!.on('data', (d: Buffer) => {
          out += d.toString();
          const m = /Forwarding from 127\.0\.0\.1:(\d+) -> 443/.exec(out);
          if (m) resolve(m[1]!);
        });
        setTimeout(() => reject(new Error(`no forwarding line: ${out}`)), 15_000);
      });
      const ok = await execa('curl', ['-sk', `https://127.0.0.1:${port}/`], { reject: false, timeout: 10_000 });
      expect(ok.stdout).toContain('<h1>Welcome to nginx!</h1>');
      const strict = await execa('curl', ['-sS', `https://127.0.0.1:${port}/`], { reject: false, timeout: 10_000 });
      expect(strict.exitCode).toBe(60);
    } finally {
      pf.kill();
      await pf;
    }
  });
});
