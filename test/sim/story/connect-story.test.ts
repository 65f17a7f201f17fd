import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SimHandle, startSim } from '../../../src/backends/sim/index.js';
import { MY_NGINX_DEPLOYMENT } from '../../helpers/manifests.js';

// The "Connecting Applications with Services" story, step by step, with the real kubectl against
// the simulator. Only values that differ between runs (IPs, ages, hashes, ports) are normalized.
let sim: SimHandle;
let home: string;

const sh = async (script: string) => {
  const r = await execa('bash', ['-c', script], {
    cwd: home,
    env: { PATH: process.env.PATH!, KUBECONFIG: sim.kubeconfigPath, HOME: home },
    reject: false,
    timeout: 90_000,
  });
  return { out: r.stdout, err: r.stderr, code: r.exitCode };
};
const normalize = (s: string) =>
  s
    .replace(/\b\d{1,3}(\.\d{1,3}){3}\b/g, '<ip>')
    .replace(/\b\d+s\b|\b\d+m\d*s?\b/g, '<age>')
    .replace(/my-nginx-[a-z0-9]{6,10}-[a-z0-9]{5}/g, 'my-nginx-<hash>');

const app = MY_NGINX_DEPLOYMENT;
const nodePortApp = `apiVersion: v1
kind: Service
metadata:
  name: my-nginx
  labels:
    run: my-nginx
spec:
  type: NodePort
  ports:
  - port: 8080
    targetPort: 80
    protocol: TCP
    name: http
  - port: 443
    protocol: TCP
    name: https
  selector:
    run: my-nginx
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: extra
data:
  a: b
`;

describe('the connect-applications story on the simulator', () => {
  beforeAll(async () => {
    home = await mkdtemp(join(tmpdir(), 'kdt-story-'));
    sim = await startSim({ speed: 4 });
    await writeFile(join(home, 'run-my-nginx.yaml'), app);
    await writeFile(join(home, 'nginx-secure-app.yaml'), nodePortApp);
    await writeFile(join(home, 'default.conf'), 'server { listen 80; }\n');
    await writeFile(join(home, 'editor.sh'), '#!/bin/sh\nsed -i \'s/type: ClusterIP/type: LoadBalancer/\' "$1"\n', { mode: 0o755 });
    await writeFile(
      join(home, 'bad.yaml'),
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: bad\nspec:\n  template:\n    spec:\n      containers:\n      - name: c\n',
    );
  });
  afterAll(async () => {
    await sim?.stop();
    await rm(home, { recursive: true, force: true });
  });

  it('runs pods, exposes them, and shows the service as a real cluster does', async () => {
    expect((await sh('kubectl apply -f run-my-nginx.yaml')).out).toBe('deployment.apps/my-nginx created');
    expect((await sh('kubectl wait --for=condition=Ready pod -l run=my-nginx --timeout=60s')).out).toMatch(
      /^pod\/my-nginx-\S+ condition met\npod\/my-nginx-\S+ condition met$/,
    );
    const wide = await sh('kubectl get pods -l run=my-nginx -o wide');
    expect(
      normalize(wide.out)
        .split('\n')
        .map((l) => l.split(/\s{2,}/)),
    ).toEqual([
      ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE', 'IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES'],
      ['my-nginx-<hash>', '1/1', 'Running', '0', '<age>', '<ip>', 'kind-control-plane', '<none>', '<none>'],
      ['my-nginx-<hash>', '1/1', 'Running', '0', '<age>', '<ip>', 'kind-control-plane', '<none>', '<none>'],
    ]);
    expect((await sh('kubectl expose deployment/my-nginx')).out).toBe('service/my-nginx exposed');
    const svc = await sh('kubectl get svc my-nginx');
    expect(
      normalize(svc.out)
        .split('\n')
        .map((l) => l.split(/\s{2,}/)),
    ).toEqual([
      ['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE'],
      ['my-nginx', 'ClusterIP', '<ip>', '<none>', '80/TCP', '<age>'],
    ]);
    const ep = await sh('sleep 1; kubectl get ep my-nginx');
    expect(ep.out.split('\n')[1]).toMatch(/^my-nginx\s+10\.244\.\d+\.\d+:80,10\.244\.\d+\.\d+:80\s+\d+s$/);
    const describe = await sh('kubectl describe svc my-nginx');
    expect(normalize(describe.out)).toBe(
      [
        'Name:                     my-nginx',
        'Namespace:                default',
        'Labels:                   <none>',
        'Annotations:              <none>',
        'Selector:                 run=my-nginx',
        'Type:                     ClusterIP',
        'IP Family Policy:         SingleStack',
        'IP Families:              IPv4',
        'IP:                       <ip>',
        'IPs:                      <ip>',
        'Port:                     <unset>  80/TCP',
        'TargetPort:               80/TCP',
        'Endpoints:                <ip>:80,<ip>:80',
        'Session Affinity:         None',
        'Internal Traffic Policy:  Cluster',
        'Events:                   <none>',
      ].join('\n'),
    );
    const slices = await sh('kubectl get endpointslices -l kubernetes.io/service-name=my-nginx');
    expect(slices.out).toMatch(/^NAME\s+ADDRESSTYPE\s+PORTS\s+ENDPOINTS\s+AGE\nmy-nginx-[a-z0-9]{5}\s+IPv4\s+80\s+10\.244\.\d+\.\d+,10\.244\.\d+\.\d+\s+\d+s$/);
  });

  it('injects service variables only into pods started after the Service', async () => {
    const before = await sh('kubectl exec deploy/my-nginx -- printenv | grep SERVICE | sort');
    expect(before.out).toBe('KUBERNETES_SERVICE_HOST=10.96.0.1\nKUBERNETES_SERVICE_PORT=443\nKUBERNETES_SERVICE_PORT_HTTPS=443');
    const old = (await sh('kubectl get pods -l run=my-nginx -o name')).out.split('\n').sort();
    await sh('kubectl scale deployment my-nginx --replicas=0 && kubectl wait --for=delete pod -l run=my-nginx --timeout=60s');
    await sh('kubectl scale deployment my-nginx --replicas=2 && kubectl rollout status deployment/my-nginx --timeout=60s');
    expect((await sh('kubectl wait --for=condition=Ready pod -l run=my-nginx --timeout=60s')).code).toBe(0);
    const fresh = (await sh('kubectl get pods -l run=my-nginx -o name')).out.split('\n').sort();
    expect(fresh).toHaveLength(2);
    expect(fresh.some((p) => old.includes(p))).toBe(false);
    const after = await sh('kubectl exec deploy/my-nginx -- printenv | grep SERVICE | sort');
    expect(after.out).toMatch(
      /^KUBERNETES_SERVICE_HOST=10\.96\.0\.1\nKUBERNETES_SERVICE_PORT=443\nKUBERNETES_SERVICE_PORT_HTTPS=443\nMY_NGINX_SERVICE_HOST=10\.\d+\.\d+\.\d+\nMY_NGINX_SERVICE_PORT=80$/,
    );
  });

  it('creates secrets and configmaps as the tutorial does', async () => {
    const keys = await sh(
      'openssl req -x509 -nodes -days 365 -newkey rsa:2048 -keyout nginx.key -out nginx.crt -subj "/CN=my-nginx/O=my-nginx" 2>/dev/null && kubectl create secret tls nginxsecret --key nginx.key --cert nginx.crt',
    );
    expect(keys.out).toBe('secret/nginxsecret created');
    expect((await sh('kubectl create configmap nginxconfigmap --from-file=default.conf')).out).toBe('configmap/nginxconfigmap created');
    const secrets = await sh('kubectl get secrets');
    expect(
      normalize(secrets.out)
        .split('\n')
        .map((l) => l.split(/\s{2,}/)),
    ).toEqual([
      ['NAME', 'TYPE', 'DATA', 'AGE'],
      ['nginxsecret', 'kubernetes.io/tls', '2', '<age>'],
    ]);
    const cms = await sh('kubectl get configmaps');
    expect(cms.out.split('\n').map((l) => l.split(/\s+/).slice(0, 2))).toEqual([
      ['NAME', 'DATA'],
      ['kube-root-ca.crt', '1'],
      ['nginxconfigmap', '1'],
    ]);
  });

  it('replaces the app with a NodePort service from a multi-document file', async () => {
    expect((await sh('kubectl delete deployments,svc my-nginx')).out).toBe('deployment.apps "my-nginx" deleted\nservice "my-nginx" deleted');
    expect((await sh('kubectl create -f ./nginx-secure-app.yaml')).out).toBe('service/my-nginx created\nconfigmap/extra created');
    const svc = await sh('kubectl get svc my-nginx');
    expect(svc.out.split('\n')[1]).toMatch(/^my-nginx\s+NodePort\s+10\.\d+\.\d+\.\d+\s+<none>\s+8080:3\d{4}\/TCP,443:3\d{4}\/TCP\s+\d+s$/);
    const grep = await sh('kubectl get svc my-nginx -o yaml | grep nodePort -C 5');
    expect(grep.out).toMatch(/- name: http\n\s+nodePort: 3\d{4}\n\s+port: 8080/);
  });

  it('edits the service type with an editor script, and the load balancer stays pending', async () => {
    expect((await sh('kubectl delete svc my-nginx && kubectl create service clusterip my-nginx --tcp=80:80')).code).toBe(0);
    const edit = await sh('KUBE_EDITOR=./editor.sh kubectl edit svc my-nginx');
    expect(edit.out).toBe('service/my-nginx edited');
    const svc = await sh('kubectl get svc my-nginx');
    expect(svc.out.split('\n')[1]).toMatch(/^my-nginx\s+LoadBalancer\s+10\.\d+\.\d+\.\d+\s+<pending>\s+80:3\d{4}\/TCP\s+\d+s$/);
  });

  it('prints the errors a real server gives', async () => {
    const nope = await sh('kubectl get pod nope');
    expect([nope.code, nope.err]).toEqual([1, 'Error from server (NotFound): pods "nope" not found']);
    const twice = await sh('kubectl create -f ./nginx-secure-app.yaml');
    expect(twice.code).toBe(1);
    expect(twice.err).toContain('Error from server (AlreadyExists): error when creating "./nginx-secure-app.yaml": services "my-nginx" already exists');
    const bad = await sh('kubectl apply -f bad.yaml');
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('The Deployment "bad" is invalid:');
    expect(bad.err).toContain('spec.selector: Required value');
    expect(bad.err).toContain('spec.template.spec.containers[0].image: Required value');
  });

  it('bounds kubectl get pods -w with a timeout and shows the rows', async () => {
    await sh('kubectl run watched --image=nginx');
    const w = await sh('timeout 3 kubectl get pods watched -w');
    expect(w.out.split('\n')[0]).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE$/);
    expect(w.out).toMatch(/^watched\s+\d\/1\s+\w+/m);
  });
});
