import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describePath, fromFieldsV1, leafFields, toFieldsV1 } from '../../../src/backends/sim/api/managed-fields.js';
import { type SimHandle, startSim } from '../../../src/backends/sim/index.js';

const deploy = (replicas: number, image: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: ${replicas}
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: web
        image: ${image}
`;

describe('managed fields', () => {
  it('names leaf fields as FieldsV1 does, list items by their merge key', () => {
    const leaves = [
      ...leafFields({
        apiVersion: 'v1',
        kind: 'X',
        metadata: { name: 'n', labels: { a: 'b' } },
        spec: { containers: [{ name: 'web', image: 'nginx' }], replicas: 2 },
      }).values(),
    ];
    const paths = leaves.map((l) => describePath(l.path)).sort();
    expect(paths).toEqual(['.metadata.labels.a', '.spec.containers[name="web"].image', '.spec.containers[name="web"].name', '.spec.replicas']);
    const f = toFieldsV1(leaves.map((l) => l.path));
    expect(f).toEqual({
      'f:metadata': { 'f:labels': { 'f:a': {} } },
      'f:spec': { 'f:containers': { 'k:{"name":"web"}': { 'f:image': {}, 'f:name': {} } }, 'f:replicas': {} },
    });
    expect(fromFieldsV1(f).length).toBe(4);
  });
});

describe('server-side apply with the real kubectl', () => {
  let sim: SimHandle;
  let home: string;
  const k = async (...args: string[]) => {
    const r = await execa('kubectl', args, { cwd: home, env: { KUBECONFIG: sim.kubeconfigPath, HOME: home }, reject: false, timeout: 60_000 });
    return { out: r.stdout, err: r.stderr, code: r.exitCode };
  };
  beforeAll(async () => {
    home = await mkdtemp(join(tmpdir(), 'kdt-ssa-'));
    sim = await startSim({ speed: 4 });
    await writeFile(join(home, 'a.yaml'), deploy(2, 'nginx'));
    await writeFile(join(home, 'b.yaml'), deploy(3, 'nginx:1.27'));
  });
  afterAll(async () => {
    await sim?.stop();
    await rm(home, { recursive: true, force: true });
  });

  it('reports a conflict with another manager, and --force-conflicts takes the fields over', async () => {
    expect((await k('apply', '--server-side', '-f', 'a.yaml')).out).toBe('deployment.apps/web serverside-applied');
    const conflict = await k('apply', '--server-side', '--field-manager=other', '-f', 'b.yaml');
    expect(conflict.code).toBe(1);
    expect(conflict.err.split('\n').slice(0, 3)).toEqual([
      'error: Apply failed with 2 conflicts: conflicts with "kubectl" using apps/v1:',
      '- .spec.replicas',
      '- .spec.template.spec.containers[name="web"].image',
    ]);
    expect(conflict.err).toContain('--force-conflicts');
    expect((await k('get', 'deploy', 'web', '-o', 'jsonpath={.spec.replicas}')).out).toBe('2');
    expect((await k('apply', '--server-side', '--field-manager=other', '--force-conflicts', '-f', 'b.yaml')).code).toBe(0);
    expect((await k('get', 'deploy', 'web', '-o', 'jsonpath={.spec.replicas} {.spec.template.spec.containers[0].image}')).out).toBe('3 nginx:1.27');
    // Applying the same values again co-owns them: no conflict.
    expect((await k('apply', '--server-side', '--field-manager=third', '-f', 'b.yaml')).code).toBe(0);
  });

  it("kubectl's server-side apply takes over what client-side apply set; another manager still conflicts", async () => {
    await k('delete', 'deploy', 'web');
    expect((await k('apply', '-f', 'a.yaml')).code).toBe(0);
    const other = await k('apply', '--server-side', '--field-manager=other', '-f', 'b.yaml');
    expect(other.code).toBe(1);
    expect(other.err).toContain('error: Apply failed with 2 conflicts: conflicts with "kubectl-client-side-apply" using apps/v1:');
    // The live values are still the last-applied ones, so the apiserver lets "kubectl" take them over.
    const r = await k('apply', '--server-side', '-f', 'b.yaml');
    expect(r.err).toBe('');
    expect(r.out).toBe('deployment.apps/web serverside-applied');
    expect((await k('get', 'deploy', 'web', '-o', 'jsonpath={.spec.replicas} {.spec.template.spec.containers[0].image}')).out).toBe('3 nginx:1.27');
    const fields = JSON.parse((await k('get', 'deploy', 'web', '-o', 'json', '--show-managed-fields')).out).metadata.managedFields as {
      manager: string;
      operation: string;
      fieldsV1: Record<string, unknown>;
    }[];
    const kubectl = fields.find((f) => f.manager === 'kubectl' && f.operation === 'Apply');
    expect(kubectl?.fieldsV1).toMatchObject({ 'f:spec': { 'f:replicas': {} } });
  });

  it('records --field-manager with --force-conflicts, and removes fields dropped from the applied configuration', async () => {
    await k('delete', 'deploy', 'web');
    const withLabel = deploy(2, 'nginx').replace('  name: web\n', '  name: web\n  labels: {team: a, tier: web}\n');
    await writeFile(join(home, 'labels.yaml'), withLabel);
    expect((await k('apply', '--server-side', '--field-manager=mine', '-f', 'labels.yaml')).code).toBe(0);
    expect((await k('apply', '--server-side', '--field-manager=forced', '--force-conflicts', '-f', 'b.yaml')).code).toBe(0);
    const managers = JSON.parse((await k('get', 'deploy', 'web', '-o', 'json', '--show-managed-fields')).out).metadata.managedFields.map(
      (f: { manager: string; operation: string }) => `${f.manager}/${f.operation}`,
    );
    expect(managers).toContain('forced/Apply');
    // A manager applying values that are already there still becomes an owner.
    expect((await k('apply', '--server-side', '--field-manager=same-values', '--force-conflicts', '-f', 'b.yaml')).code).toBe(0);
    expect((await k('get', 'deploy', 'web', '-o', 'jsonpath={.metadata.managedFields[*].manager}')).out.split(' ')).toContain('same-values');
    // "mine" applies again without the tier label: the label it alone owned goes.
    await writeFile(join(home, 'fewer.yaml'), deploy(3, 'nginx:1.27').replace('  name: web\n', '  name: web\n  labels: {team: a}\n'));
    expect((await k('apply', '--server-side', '--field-manager=mine', '-f', 'fewer.yaml')).code).toBe(0);
    expect((await k('get', 'deploy', 'web', '-o', 'jsonpath={.metadata.labels}')).out).toBe('{"team":"a"}');
  });
});
