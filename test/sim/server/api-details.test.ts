import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixture, type SimFixture } from './helpers.js';
import { call, messageOf } from './http.js';

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: valid-pod
  labels: {name: valid-pod}
spec:
  containers:
  - name: kubernetes-serve-hostname
    image: registry.k8s.io/serve_hostname
`;

describe('API server details, with the real kubectl (Kubernetes 1.32)', () => {
  let f: SimFixture;
  beforeAll(async () => {
    f = await startFixture();
    await writeFile(join(f.home, 'pod.yaml'), POD);
    expect((await f.kubectl(['create', '-f', join(f.home, 'pod.yaml')])).exitCode).toBe(0);
  });
  afterAll(async () => {
    await f?.stop();
  });

  it('validates a patch after applying it, and a no-op patch changes nothing', async () => {
    const before = JSON.parse((await f.kubectl(['get', 'pod', 'valid-pod', '-o', 'json'])).stdout);
    const bad = await f.kubectl(['patch', 'pod', 'valid-pod', '-p', '{"metadata":{"labels":"invalid"}}']);
    expect(bad.exitCode).toBe(1);
    expect(bad.stderr).toContain('patch: Invalid value: "map[metadata:map[labels:invalid]]": cannot restore map from string');
    const merge = await f.kubectl(['patch', 'pod', 'valid-pod', '--type=merge', '-p', '{"metadata":{"labels":"invalid"}}']);
    expect(merge.exitCode).toBe(1);
    expect(merge.stderr).toContain('json: cannot unmarshal string into Go struct field ObjectMeta.metadata.labels of type map[string]string');
    const noop = await f.kubectl(['patch', 'pod', 'valid-pod', '-p', '{"metadata":{"labels":{"name":"valid-pod"}}}']);
    expect(noop.exitCode).toBe(0);
    expect(noop.stdout.trim()).toBe('pod/valid-pod patched (no change)');
    const after = JSON.parse((await f.kubectl(['get', 'pod', 'valid-pod', '-o', 'json'])).stdout);
    expect(after.metadata.resourceVersion).toBe(before.metadata.resourceVersion);
    expect(after.metadata.labels).toEqual({ name: 'valid-pod' });
  });

  it('treats resourceVersion "0" on update as unset, and answers a stale one with 409 before validating', async () => {
    expect((await f.kubectl(['create', 'configmap', 'rv', '--from-literal=a=1'])).exitCode).toBe(0);
    const cm = (rv: string, label: string) =>
      `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: rv\n  resourceVersion: "${rv}"\n  labels: {a: "${label}"}\ndata: {a: "2"}\n`;
    await writeFile(join(f.home, 'rv0.yaml'), cm('0', 'ok'));
    const zero = await f.kubectl(['replace', '-f', join(f.home, 'rv0.yaml')]);
    expect(zero.stderr).toBe('');
    expect(zero.stdout.trim()).toBe('configmap/rv replaced');
    await writeFile(join(f.home, 'stale.yaml'), cm('1', 'not valid!'));
    const stale = await f.kubectl(['replace', '-f', join(f.home, 'stale.yaml')]);
    expect(stale.exitCode).toBe(1);
    expect(stale.stderr.trim()).toBe(
      'Error from server (Conflict): error when replacing "' +
        join(f.home, 'stale.yaml') +
        '": Operation cannot be fulfilled on configmaps "rv": the object has been modified; please apply your changes to the latest version and try again',
    );
  });

  it('keeps spec.clusterIP immutable when a patch touches only that field', async () => {
    expect((await f.kubectl(['create', 'service', 'clusterip', 'web', '--tcp=80:80'])).exitCode).toBe(0);
    const ip = (await f.kubectl(['get', 'svc', 'web', '-o', 'jsonpath={.spec.clusterIP}'])).stdout;
    const r = await f.kubectl(['patch', 'svc', 'web', '-p', '{"spec":{"clusterIP":"10.96.100.100"}}']);
    expect(r.exitCode).toBe(1);
    expect(r.stderr.trim()).toBe('The Service "web" is invalid: spec.clusterIPs[0]: Invalid value: []string{"10.96.100.100"}: may not change once set');
    expect((await f.kubectl(['get', 'svc', 'web', '-o', 'jsonpath={.spec.clusterIP} {.spec.clusterIPs[0]}'])).stdout).toBe(`${ip} ${ip}`);
  });

  it('puts list items only the strategic merge patch has before the live ones', async () => {
    expect((await f.kubectl(['create', 'deployment', 'order', '--image=nginx'])).exitCode).toBe(0);
    const r = await f.kubectl(['patch', 'deployment', 'order', '-p', '{"spec":{"template":{"spec":{"containers":[{"name":"sidecar","image":"busybox"}]}}}}']);
    expect(r.stdout.trim()).toBe('deployment.apps/order patched');
    expect((await f.kubectl(['get', 'deployment', 'order', '-o', 'jsonpath={.spec.template.spec.containers[*].name}'])).stdout).toBe('sidecar nginx');
  });

  it('never deletes default, kube-system or kube-public', async () => {
    for (const ns of ['default', 'kube-system', 'kube-public']) {
      const r = await f.kubectl(['delete', 'namespace', ns]);
      expect(r.exitCode).toBe(1);
      expect(r.stderr.trim()).toBe(`Error from server (Forbidden): namespaces "${ns}" is forbidden: this namespace may not be deleted`);
    }
    expect((await f.kubectl(['get', 'ns', 'default', '-o', 'jsonpath={.status.phase}'])).stdout).toBe('Active');
  });

  it('answers an unknown subresource as an unknown path, and prints status and scale subresources with their columns', async () => {
    const unknown = await call(f.sim, 'GET', '/api/v1/namespaces/default/pods/valid-pod/scale');
    expect(unknown.status).toBe(404);
    expect(messageOf(unknown)).toBe('the server could not find the requested resource');
    const status = await f.kubectl(['get', 'pod', 'valid-pod', '--subresource=status']);
    expect(status.stdout.split('\n')[0]).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE$/);
    expect((await f.kubectl(['create', 'deployment', 'web', '--image=nginx', '--replicas=2'])).exitCode).toBe(0);
    const scale = await f.kubectl(['get', 'deployment', 'web', '--subresource=scale']);
    expect(scale.stdout.split('\n').map((l) => l.split(/\s+/).join(' '))).toEqual(['NAME DESIRED AVAILABLE', 'web 2 0']);
  });

  it('has the default ClusterRoles and bindings of a kind cluster', async () => {
    const roles = await f.kubectl([
      'get',
      'clusterroles',
      'cluster-admin',
      'admin',
      'edit',
      'view',
      'system:discovery',
      'system:basic-user',
      'system:public-info-viewer',
      '-o',
      'name',
    ]);
    expect(roles.exitCode).toBe(0);
    expect(roles.stdout.trim().split('\n')).toHaveLength(7);
    const admin = JSON.parse((await f.kubectl(['get', 'clusterrole', 'cluster-admin', '-o', 'json'])).stdout);
    expect(admin.rules).toEqual([
      { apiGroups: ['*'], resources: ['*'], verbs: ['*'] },
      { nonResourceURLs: ['*'], verbs: ['*'] },
    ]);
    expect(admin.metadata.labels).toEqual({ 'kubernetes.io/bootstrapping': 'rbac-defaults' });
    const view = JSON.parse((await f.kubectl(['get', 'clusterrole', 'view', '-o', 'json'])).stdout);
    expect(view.aggregationRule).toEqual({ clusterRoleSelectors: [{ matchLabels: { 'rbac.authorization.k8s.io/aggregate-to-view': 'true' } }] });
    const binding = JSON.parse((await f.kubectl(['get', 'clusterrolebinding', 'kubeadm:cluster-admins', '-o', 'json'])).stdout);
    expect(binding).toMatchObject({ roleRef: { name: 'cluster-admin' }, subjects: [{ kind: 'Group', name: 'kubeadm:cluster-admins' }] });
    expect((await f.kubectl(['create', 'rolebinding', 'viewers', '--clusterrole=view', '--user=jane'])).stdout.trim()).toBe(
      'rolebinding.rbac.authorization.k8s.io/viewers created',
    );
  });

  it("has kubeadm's CoreDNS ClusterRole, bound to CoreDNS's ServiceAccount", async () => {
    const d = await f.kubectl(['describe', 'clusterrole', 'system:coredns']);
    expect(d.exitCode).toBe(0);
    const rows = d.stdout
      .split('\n')
      .filter((l) => /\[list watch\]/.test(l))
      .map((l) => l.trim().split(/\s+/)[0]);
    expect(rows).toEqual(['endpoints', 'namespaces', 'pods', 'services', 'endpointslices.discovery.k8s.io']);
    const binding = JSON.parse((await f.kubectl(['get', 'clusterrolebinding', 'system:coredns', '-o', 'json'])).stdout);
    expect(binding).toMatchObject({ roleRef: { name: 'system:coredns' }, subjects: [{ kind: 'ServiceAccount', name: 'coredns', namespace: 'kube-system' }] });
  });

  it('serves kubectl auth whoami and TokenReview', async () => {
    const who = await f.kubectl(['auth', 'whoami']);
    expect(who.exitCode).toBe(0);
    expect(who.stdout.split('\n').map((l) => l.split(/\s{2,}/).join('|'))).toEqual([
      'ATTRIBUTE|VALUE',
      'Username|kubernetes-admin',
      'Groups|[kubeadm:cluster-admins system:authenticated]',
    ]);
    const review = await call(
      f.sim,
      'POST',
      '/apis/authentication.k8s.io/v1/tokenreviews',
      JSON.stringify({ apiVersion: 'authentication.k8s.io/v1', kind: 'TokenReview', spec: { token: f.sim.token } }),
    );
    expect(review.status).toBe(201);
    expect(JSON.parse(review.body).status).toMatchObject({ authenticated: true, user: { username: 'kubernetes-admin' } });
    const stranger = await call(f.sim, 'POST', '/apis/authentication.k8s.io/v1/tokenreviews', JSON.stringify({ kind: 'TokenReview', spec: { token: 'nope' } }));
    expect(JSON.parse(stranger.body).status.authenticated).toBeUndefined();
  });
});

describe('deprecation warnings', () => {
  it('warns about v1 Endpoints when the simulator reports 1.33, not 1.32', async () => {
    for (const [version, warned] of [
      ['1.33', true],
      ['1.32', false],
    ] as const) {
      const f = await startFixture({ version });
      try {
        const r = await f.kubectl(['get', 'endpoints']);
        expect(r.exitCode).toBe(0);
        expect(r.stderr.includes('Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice')).toBe(warned);
      } finally {
        await f.stop();
      }
    }
  });
});

describe('list paging', () => {
  let f: SimFixture;
  beforeAll(async () => {
    f = await startFixture();
    for (const name of ['p-a', 'p-b', 'p-c', 'p-d', 'p-e']) expect((await f.kubectl(['create', 'configmap', name, '-n', 'default'])).exitCode).toBe(0);
  });
  afterAll(async () => {
    await f?.stop();
  });

  it('honours limit and continue with tokens and remainingItemCount', async () => {
    const all = JSON.parse((await call(f.sim, 'GET', '/api/v1/namespaces/default/configmaps')).body);
    const names: string[] = [];
    let token = '';
    const pages: { n: number; remaining?: number }[] = [];
    do {
      const r = JSON.parse(
        (await call(f.sim, 'GET', `/api/v1/namespaces/default/configmaps?limit=2${token ? `&continue=${encodeURIComponent(token)}` : ''}`)).body,
      );
      names.push(...r.items.map((i: { metadata: { name: string } }) => i.metadata.name));
      pages.push({ n: r.items.length, remaining: r.metadata.remainingItemCount });
      token = r.metadata.continue ?? '';
      expect(r.metadata.resourceVersion).toBe(all.metadata.resourceVersion);
      if (token) expect(JSON.parse(Buffer.from(token, 'base64').toString())).toMatchObject({ v: 'meta.k8s.io/v1', rv: Number(all.metadata.resourceVersion) });
    } while (token);
    expect(names).toEqual(all.items.map((i: { metadata: { name: string } }) => i.metadata.name));
    expect(pages[0]).toEqual({ n: 2, remaining: all.items.length - 2 });
    expect(pages[pages.length - 1]!.remaining).toBeUndefined();
    const bad = await call(f.sim, 'GET', '/api/v1/namespaces/default/configmaps?limit=2&continue=bm9wZQ==');
    expect(bad.status).toBe(400);
    expect(messageOf(bad)).toMatch(/^continue key is not valid: /);
  });

  it('kubectl get --chunk-size pages through everything', async () => {
    const r = await f.kubectl(['get', 'configmaps', '--chunk-size=2', '-o', 'name']);
    expect(r.stdout.trim().split('\n')).toEqual([
      'configmap/kube-root-ca.crt',
      'configmap/p-a',
      'configmap/p-b',
      'configmap/p-c',
      'configmap/p-d',
      'configmap/p-e',
    ]);
    const table = await f.kubectl(['get', 'configmaps', '--chunk-size=2']);
    expect(
      table.stdout
        .trim()
        .split('\n')
        .map((l) => l.split(/\s+/)[0]),
    ).toEqual(['NAME', 'kube-root-ca.crt', 'p-a', 'p-b', 'p-c', 'p-d', 'p-e']);
  });
});
