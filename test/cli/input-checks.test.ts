import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, runCli } from '../helpers/cli.js';

let dir: string;
let lesson: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kdt-inputs-'));
  lesson = join(dir, 'lesson.md');
  writeFileSync(lesson, '# Lesson\n\n```shell\nkubectl get namespaces default\n```\n');
}, 120_000);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Exit 2 with the code on the only line of stderr: the option was refused before any lesson ran. */
function refusedUpFront(r: { code: number | undefined; stderr: string; stdout: string }, code: string): void {
  expect(r.code).toBe(2);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).toMatch(new RegExp(`^kubedoctest: ${code}: `));
  expect(r.stdout).toBe('');
}

describe('options checked before any work', () => {
  it('--k8s-version outside what the kubectl dispatcher serves', async () => {
    const r = await runCli(['check', '--k8s-version', '9.99', lesson]);
    refusedUpFront(r, 'ERR_INVALID_OPTION');
    expect(r.stderr).toContain('--k8s-version "9.99" is not a supported Kubernetes version — use 1.27 to 1.33, e.g. 1.32');
    refusedUpFront(await runCli(['check', '--k8s-version', '1.26', lesson]), 'ERR_INVALID_OPTION');
    refusedUpFront(await runCli(['walk', '--auto', '--k8s-version', '2.30', lesson]), 'ERR_INVALID_OPTION');
    refusedUpFront(await runCli(['sim', 'start', '--k8s-version', 'latest']), 'ERR_INVALID_OPTION');
  });

  it('--examples-dir that does not exist', async () => {
    for (const command of [['check'], ['lint'], ['plan']]) {
      const r = await runCli([...command, '--examples-dir', '/nonexistent/examples', lesson]);
      refusedUpFront(r, 'ERR_INVALID_OPTION');
      expect(r.stderr).toContain('--examples-dir /nonexistent/examples: no such folder');
    }
  });

  it('-o to a path that cannot be written, before the run', async () => {
    for (const command of [['check'], ['lint'], ['plan']]) {
      const r = await runCli([...command, '-o', '/nonexistent/dir/report.txt', lesson]);
      refusedUpFront(r, 'ERR_OUTPUT_WRITE');
      expect(r.stderr).toContain('--output /nonexistent/dir/report.txt: no such folder /nonexistent/dir');
    }
    const folder = await runCli(['check', '-o', dir, lesson]);
    refusedUpFront(folder, 'ERR_OUTPUT_WRITE');
    expect(folder.stderr).toContain('is a folder');
  });

  it('-o to a writable path still writes the report', async () => {
    const out = join(dir, 'plan.json');
    const r = await runCli(['plan', '-o', out, lesson]);
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).files[0].steps.length).toBeGreaterThan(0);
  });
});

describe('a file with nothing to check', () => {
  it('is reported as a finding and exits 1, empty or prose only', async () => {
    const empty = join(dir, 'empty.md');
    const prose = join(dir, 'prose.md');
    writeFileSync(empty, '');
    writeFileSync(prose, '# Notes\n\nOnly words here.\n\n```yaml\na: 1\n```\n');
    const r = await runCli(['check', '--format', 'json', empty, prose]);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { files: { path: string; findings: { ruleId: string; severity: string; line: number }[] }[] };
    expect(report.files).toHaveLength(2);
    for (const l of report.files) expect(l.findings).toContainEqual(expect.objectContaining({ ruleId: 'nothing-to-check', severity: 'error', line: 1 }));
    const text = await runCli(['check', empty]);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('no command steps: nothing in this file was run or checked (nothing-to-check)');
  });
});

describe('sim start --kubeconfig', () => {
  it('leaves an existing file alone without --force', async () => {
    const existing = join(dir, 'config');
    writeFileSync(existing, 'precious: true\n');
    const r = await runCli(['sim', 'start', '--kubeconfig', existing]);
    refusedUpFront(r, 'ERR_INVALID_OPTION');
    expect(r.stderr).toContain(`--kubeconfig ${existing} already exists; it was left as it is — name a new file, or add --force to replace it`);
    expect(readFileSync(existing, 'utf8')).toBe('precious: true\n');
  });

  it('replaces it with --force, and writes a new file without it', async () => {
    for (const [file, extra] of [
      [join(dir, 'forced'), ['--force']],
      [join(dir, 'fresh'), []],
    ] as const) {
      if (extra.length) writeFileSync(file, 'precious: true\n');
      const child = execa(process.execPath, [CLI, 'sim', 'start', '--kubeconfig', file, ...extra], { reject: false, env: { NO_COLOR: '1' } });
      await new Promise<void>((resolve, reject) => {
        let out = '';
        child.stdout!.on('data', (c: Buffer) => {
          out += c.toString();
          if (out.includes(`export KUBECONFIG=${file}`)) resolve();
        });
        child.on('exit', () => reject(new Error(`sim start ended early: ${out}`)));
      });
      expect(readFileSync(file, 'utf8')).toContain('certificate-authority-data');
      child.kill('SIGINT');
      expect((await child).exitCode).toBe(0);
    }
  }, 60_000);
});
