import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/parse/index.js';
import { buildPlan } from '../../src/plan/index.js';
import type { CommandStep, Plan } from '../../src/plan/types.js';

function plan(path: string): Plan {
  return buildPlan(parseMarkdown(readFileSync(path, 'utf8'), { path, examplesDir: 'fixtures/corpus/examples' }));
}

const seed = plan('fixtures/seed/connecting-applications-seed.md');
const fenced = plan('fixtures/seed/connecting-applications-seed.fenced.md');
const cmds = (p: Plan): CommandStep[] => p.steps.filter((s): s is CommandStep => s.kind === 'command');

describe('the seed page', () => {
  it('should keep its defects visible at their doc positions', () => {
    const at = (line: number): CommandStep | undefined => cmds(seed).find((s) => s.line === line);
    expect(at(80)).toMatchObject({ command: 'service/my-nginx exposed', position: { line: 80, column: 3, endLine: 80, endColumn: 27 }, class: 'other' });
    expect(at(126)).toMatchObject({ command: 'kubectl exec my-nginx-cf54cdbf7-vr96x \u2013 printenv | grep SERVICE' });
    expect(at(154)).toMatchObject({ command: 'make keys KEY=/tmp/nginx.key CERT=/tmp/nginx.crt', class: 'host-tool' });
    expect(at(167)).toMatchObject({ command: 'ubectl get configmaps', program: 'ubectl', position: { line: 167, column: 3, endLine: 167, endColumn: 24 } });
    expect(at(176)?.command).toContain('-keyout /d/tmp/nginx.key');
    expect(at(245)).toMatchObject({ command: 'curl -k', host: { kind: 'node', prompt: 'node $', name: 'node' } });
    expect(cmds(seed).every((s) => s.inferred)).toBe(true);
  });

  it('should bind the mangled manifests to the files later commands apply', () => {
    const m = seed.steps.filter((s) => s.kind === 'manifest');
    expect(m.map((s) => [s.line, s.kind === 'manifest' ? s.file : ''])).toEqual([
      [36, 'run-my-nginx.yaml'],
      [84, null],
      [183, 'nginxsecrets.yaml'],
      [202, 'nginx-secure-app.yaml'],
      [250, 'curlpod.yaml'],
    ]);
  });

  it('should read the same commands, hosts and outputs from the fenced rendition', () => {
    const shape = (p: Plan) => cmds(p).map((s) => [s.command, s.class, s.host.kind, s.expected?.text ?? null]);
    expect(shape(fenced)).toEqual(shape(seed));
    expect(cmds(fenced).every((s) => !s.inferred)).toBe(true);
  });
});
