import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

describe('check --update', () => {
  it('rewrites the env-var fixture so that it then passes, changing only the wrong block', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kdt-update-'));
    const doc = join(dir, 'env-vars.md');
    copyFileSync('docs/examples/env-vars-fail.md', doc);
    const before = readFileSync(doc, 'utf8');

    const dry = await runCli(['check', doc, '--update', '--dry-run', '--settle', '5s']);
    expect(dry.code).toBe(1);
    expect(dry.stdout).toContain('-MY_NGINX_SERVICE_HOST=10.0.162.149');
    expect(readFileSync(doc, 'utf8')).toBe(before);

    const first = await runCli(['check', doc, '--update', '--settle', '5s']);
    expect(first.code).toBe(1);
    expect(first.stderr).toContain(`updated 1 output block in ${doc}`);
    const after = readFileSync(doc, 'utf8');
    expect(after).not.toContain('MY_NGINX_SERVICE_HOST');
    // The KUBERNETES_* lines keep the doc's own values (they differ only in volatile IPs).
    expect(after).toContain('KUBERNETES_SERVICE_HOST=10.0.0.1');
    const changed = before.split('\n').filter((l) => !after.split('\n').includes(l));
    expect(changed.sort()).toEqual(['MY_NGINX_SERVICE_HOST=10.0.162.149', 'MY_NGINX_SERVICE_PORT=80']);

    const second = await runCli(['check', doc]);
    expect(second.stdout).toMatch(/^\d+ passed, 0 failed, 0 skipped, \d+ unchecked/m);
    expect(second.code).toBe(0);
  }, 240_000);
});
