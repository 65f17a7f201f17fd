import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

describe('kubedoctest CLI', () => {
  it('--help lists the commands and exits 0', async () => {
    const r = await runCli(['--help']);
    expect(r.code).toBe(0);
    for (const c of ['check', 'lint', 'plan', 'sim', 'doctor']) expect(r.stdout).toContain(c);
  });

  it('--version prints the package version', async () => {
    const r = await runCli(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('an unknown flag is a tool error: exit 2 with ERR_INVALID_OPTION', async () => {
    const r = await runCli(['lint', '--nope', 'x.md']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('ERR_INVALID_OPTION');
  });

  it('a bad option value says what it takes', async () => {
    const r = await runCli(['lint', '--format', 'xml', 'docs/examples/env-vars-pass.md']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('ERR_INVALID_OPTION: --format must be one of text, json, junit, github, sarif');
  });

  it('a missing file is a tool error with ERR_NO_INPUT', async () => {
    const r = await runCli(['lint', 'no/such/file.md']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^kubedoctest: ERR_NO_INPUT: no files match "no\/such\/file.md"/);
  });

  it('lint of a clean doc exits 0; of the seed exits 1 with findings at lines', async () => {
    const clean = await runCli(['lint', 'docs/examples/env-vars-pass.md']);
    expect(clean.code).toBe(0);
    const seed = await runCli(['lint', 'fixtures/seed/connecting-applications-seed.md']);
    expect(seed.code).toBe(1);
    expect(seed.stdout).toMatch(/^fixtures\/seed\/connecting-applications-seed\.md:\d+:\d+ {2}error {2}.+ {2}\(unknown-command\)$/m);
    expect(seed.stdout).toMatch(/\(typographic-dash\)/);
  });

  it('lint --format junit and github produce their formats', async () => {
    const junit = await runCli(['lint', '--format', 'junit', 'fixtures/seed/connecting-applications-seed.md']);
    expect(junit.stdout.startsWith('<?xml')).toBe(true);
    const gh = await runCli(['lint', '--format', 'github', 'fixtures/seed/connecting-applications-seed.md']);
    expect(gh.stdout).toMatch(/^::error file=fixtures\/seed\/connecting-applications-seed\.md,line=\d+/m);
  });

  it('plan prints the versioned JSON contract', async () => {
    const r = await runCli(['plan', 'docs/examples/env-vars-pass.md']);
    expect(r.code).toBe(0);
    const plan = JSON.parse(r.stdout);
    expect(plan.version).toBe(1);
    const steps = plan.files[0].steps;
    expect(steps.find((s: { kind: string }) => s.kind === 'manifest').file).toBe('run-my-nginx.yaml');
    const apply = steps.find((s: { command?: string }) => s.command === 'kubectl apply -f ./run-my-nginx.yaml');
    expect(apply.expected.text.trim()).toBe('deployment.apps/my-nginx created');
  });

  it('--output writes the report to a file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kdt-cli-'));
    const out = join(dir, 'lint.json');
    const r = await runCli(['lint', '--format', 'json', '--output', out, 'docs/examples/env-vars-pass.md']);
    expect(r.code).toBe(0);
    expect(JSON.parse((await import('node:fs')).readFileSync(out, 'utf8')).version).toBe(1);
  });

  it('a binary file is reported, not crashed on', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kdt-cli-'));
    const bin = join(dir, 'blob.md');
    writeFileSync(bin, Buffer.from([0, 1, 2, 255, 254, 0, 0, 7]));
    const r = await runCli(['lint', bin]);
    expect([1, 2]).toContain(r.code);
    expect(r.stderr + r.stdout).not.toContain('internal error');
  });

  it('doctor reports node and kubectl', async () => {
    const r = await runCli(['doctor']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/✓ node +Node\.js 20/);
    expect(r.stdout).toMatch(/✓ kubectl/);
  });
});

describe('lint --fix', () => {
  it('applies the mechanical fixes in place and leaves every other byte', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kdt-fix-'));
    const doc = join(dir, 'doc.md');
    const source = '# Fix me\n\n```shell\nkubectl exec my-pod – printenv\nubectl get pods\n```\n\nSome  prose   stays.\n';
    writeFileSync(doc, source);
    const r = await runCli(['lint', '--fix', doc]);
    const fixed = (await import('node:fs')).readFileSync(doc, 'utf8');
    expect(fixed).toBe(source.replace('–', '--').replace('ubectl get', 'kubectl get'));
    expect(r.stdout).not.toContain('typographic-dash');
  });
});
