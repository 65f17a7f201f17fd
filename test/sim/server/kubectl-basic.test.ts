import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixture, type SimFixture } from './helpers.js';

describe('the sim API server with the real kubectl', () => {
  let f: SimFixture;
  beforeAll(async () => {
    f = await startFixture();
  });
  afterAll(async () => {
    await f?.stop();
  });

  it('kubectl version shows the server version', async () => {
    const r = await f.kubectl(['version']);
    expect(r.stdout).toContain('Server Version: v1.32.4');
    expect(r.exitCode).toBe(0);
  });

  it('get ns lists the four namespaces', async () => {
    const r = await f.kubectl(['get', 'ns', '-o', 'name']);
    expect(r.stderr).toBe('');
    expect(r.stdout.trim().split('\n').sort()).toEqual(['namespace/default', 'namespace/kube-node-lease', 'namespace/kube-public', 'namespace/kube-system']);
  });

  it('refuses a Secret whose data is not base64, at the byte Go reports, on create and on apply over an existing one', async () => {
    const file = join(f.home, 'bad-secret.yaml');
    await writeFile(file, 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: certs\ntype: Opaque\ndata:\n  tls.crt: "REPLACE_WITH_BASE64_CERT"\n');
    const created = await f.kubectl(['apply', '-f', file]);
    expect(created.exitCode).toBe(1);
    expect(created.stderr).toContain('Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte 7');
    expect((await f.kubectl(['get', 'secret', 'certs'])).exitCode).toBe(1);
    const made = await f.kubectl(['create', 'secret', 'generic', 'certs', '--from-literal=tls.crt=hello']);
    expect(made.stdout.trim()).toBe('secret/certs created');
    const applied = await f.kubectl(['apply', '-f', file]);
    expect(applied.exitCode).toBe(1);
    expect(applied.stderr).toContain('illegal base64 data at input byte 7');
    const kept = await f.kubectl(['get', 'secret', 'certs', '-o', 'jsonpath={.data.tls\\.crt}']);
    expect(Buffer.from(kept.stdout, 'base64').toString()).toBe('hello');
    await f.kubectl(['delete', 'secret', 'certs']);
  });

  it('fails an apply of a removed API version as a real cluster does', async () => {
    const file = join(f.home, 'old-deploy.yaml');
    await writeFile(file, 'apiVersion: extensions/v1beta1\nkind: Deployment\nmetadata:\n  name: old\nspec:\n  replicas: 1\n');
    const r = await f.kubectl(['apply', '-f', file]);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe(
      `error: resource mapping not found for name: "old" namespace: "" from "${file}": no matches for kind "Deployment" in version "extensions/v1beta1"\nensure CRDs are installed first`,
    );
  });

  it('applies, gets and deletes a configmap from a YAML file', async () => {
    const file = join(f.home, 'cm.yaml');
    await writeFile(file, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: game\ndata:\n  lives: "3"\n');
    const created = await f.kubectl(['apply', '-f', file]);
    expect(created.stderr).toBe('');
    expect(created.stdout.trim()).toBe('configmap/game created');
    const again = await f.kubectl(['apply', '-f', file]);
    expect(again.stdout.trim()).toBe('configmap/game unchanged');
    await writeFile(file, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: game\ndata:\n  lives: "5"\n');
    const changed = await f.kubectl(['apply', '-f', file]);
    expect(changed.stdout.trim()).toBe('configmap/game configured');
    const got = await f.kubectl(['get', 'cm', 'game', '-o', 'jsonpath={.data.lives}']);
    expect(got.stdout).toBe('5');
    const deleted = await f.kubectl(['delete', '-f', file]);
    expect(deleted.stdout.trim()).toBe('configmap "game" deleted');
    const missing = await f.kubectl(['get', 'cm', 'game']);
    expect(missing.stderr.trim()).toBe('Error from server (NotFound): configmaps "game" not found');
  });

  it('creates a secret from a protobuf body and reads it back', async () => {
    const created = await f.kubectl(['create', 'secret', 'generic', 's', '--from-literal=a=b']);
    expect(created.stdout.trim()).toBe('secret/s created');
    const got = await f.kubectl(['get', 'secret', 's', '-o', 'jsonpath={.data.a} {.type}']);
    expect(got.stdout).toBe(`${Buffer.from('b').toString('base64')} Opaque`);
    const twice = await f.kubectl(['create', 'secret', 'generic', 's', '--from-literal=a=b']);
    expect(twice.exitCode).toBe(1);
    expect(twice.stderr.trim()).toBe('error: failed to create secret secrets "s" already exists');
  });

  it('creates configmaps, namespaces, deployments and services from protobuf bodies', async () => {
    expect((await f.kubectl(['create', 'configmap', 'cfg', '--from-literal=x=y'])).stdout.trim()).toBe('configmap/cfg created');
    expect((await f.kubectl(['get', 'cm', 'cfg', '-o', 'jsonpath={.data.x}'])).stdout).toBe('y');
    expect((await f.kubectl(['create', 'namespace', 'team'])).stdout.trim()).toBe('namespace/team created');
    const deploy = await f.kubectl(['create', 'deployment', 'web', '--image=nginx:1.27', '--replicas=2', '--port=80', '-n', 'team']);
    expect(deploy.stdout.trim()).toBe('deployment.apps/web created');
    const spec = JSON.parse((await f.kubectl(['get', 'deploy', 'web', '-n', 'team', '-o', 'json'])).stdout).spec;
    expect(spec.replicas).toBe(2);
    expect(spec.selector).toEqual({ matchLabels: { app: 'web' } });
    expect(spec.template.spec.containers[0]).toMatchObject({ name: 'nginx', image: 'nginx:1.27', ports: [{ containerPort: 80 }] });
    const svc = await f.kubectl(['create', 'service', 'nodeport', 'web', '--tcp=80:8080', '--node-port=30080', '-n', 'team']);
    expect(svc.stdout.trim()).toBe('service/web created');
    const ports = JSON.parse((await f.kubectl(['get', 'svc', 'web', '-n', 'team', '-o', 'jsonpath={.spec.ports}'])).stdout);
    expect(ports[0]).toMatchObject({ port: 80, targetPort: 8080, nodePort: 30080 });
    const again = await f.kubectl(['create', 'deployment', 'web', '--image=nginx', '-n', 'team']);
    expect(again.stderr.trim()).toBe('error: failed to create deployment: deployments.apps "web" already exists');
  });

  it('reports NotFound and AlreadyExists as a real server does', async () => {
    const missing = await f.kubectl(['get', 'pod', 'nope']);
    expect(missing.exitCode).toBe(1);
    expect(missing.stderr.trim()).toBe('Error from server (NotFound): pods "nope" not found');
    const deploy = await f.kubectl(['get', 'deploy', 'nope']);
    expect(deploy.stderr.trim()).toBe('Error from server (NotFound): deployments.apps "nope" not found');
    const file = join(f.home, 'dup.yaml');
    await writeFile(file, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: dup\n');
    expect((await f.kubectl(['create', '-f', file])).exitCode).toBe(0);
    const dup = await f.kubectl(['create', '-f', file]);
    expect(dup.exitCode).toBe(1);
    expect(dup.stderr.trim()).toBe(`Error from server (AlreadyExists): error when creating "${file}": configmaps "dup" already exists`);
    const unknown = await f.kubectl(['get', 'frobs']);
    expect(unknown.stderr.trim()).toBe(`error: the server doesn't have a resource type "frobs"`);
  });

  it('rejects unknown fields when kubectl validates strictly', async () => {
    const file = join(f.home, 'bad.yaml');
    await writeFile(file, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: bad\nspec:\n  foo: 1\n');
    const r = await f.kubectl(['apply', '-f', file]);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('unknown field "spec"');
  });

  it('answers 401 to a wrong token', async () => {
    const r = await f.kubectl(['get', 'pods', '--token', 'wrong']);
    expect(r.exitCode).toBe(1);
    expect(r.stderr.trim()).toBe('error: You must be logged in to the server (Unauthorized)');
  });

  it('streams watch events to kubectl get -w', async () => {
    const watch = f.kubectl(['get', 'cm', '-w', '--request-timeout=4s'], { timeoutMs: 10_000 });
    await new Promise((r) => setTimeout(r, 1_000));
    expect((await f.kubectl(['create', 'configmap', 'watched'])).exitCode).toBe(0);
    const r = await watch;
    expect(r.stdout).toMatch(/^watched\s+0\s+\d+s$/m);
  });

  it('lists with label selectors, tables and -A', async () => {
    await f.kubectl(['create', 'configmap', 'l1', '--from-literal=a=b']);
    await f.kubectl(['label', 'cm', 'l1', 'tier=fe']);
    const r = await f.kubectl(['get', 'cm', '-l', 'tier in (fe,be)', '-o', 'name']);
    expect(r.stdout.trim()).toBe('configmap/l1');
    const all = await f.kubectl(['get', 'cm', '-A']);
    expect(all.stdout).toMatch(/^NAMESPACE\s+NAME\s+DATA\s+AGE/);
    expect(all.stdout).toMatch(/kube-system\s+kube-root-ca.crt\s+1/);
  });
});
