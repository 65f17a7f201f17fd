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
});
