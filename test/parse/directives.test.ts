import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/parse/index.js';
import { commands, manifests, parseFixture } from './helpers.js';

describe('kubedoctest directives', () => {
  const lesson = parseFixture('directives.md');
  const steps = commands(lesson);

  it('should turn commands written inside a setup comment into setup steps at their own lines', () => {
    expect(steps[0]).toMatchObject({
      id: 's1',
      command: 'kubectl create namespace demo',
      position: { line: 4, column: 1, endLine: 4, endColumn: 30 },
      setup: true,
    });
  });

  it('should mark the fence after a setup directive as setup', () => {
    expect(steps[1]).toMatchObject({ command: 'kubectl config set-context --current --namespace=demo', setup: true, line: 9 });
  });

  it('should skip the next step, with the given reason or a default one', () => {
    expect(steps[2]).toMatchObject({ command: 'kubectl get svc my-nginx', skip: 'needs a cloud load balancer', setup: false });
    expect(steps.find((s) => s.command === 'kubectl edit svc my-nginx')?.skip).toBe('skipped by directive');
  });

  it('should apply expect and timeout to the next command and its output', () => {
    const rollout = steps.find((s) => s.subcommand === 'rollout')!;
    expect(rollout.timeoutMs).toBe(90_000);
    expect(rollout.expected).toEqual({
      text: 'successfully rolled out',
      position: { line: 22, column: 1, endLine: 22, endColumn: 24 },
      form: 'fence',
      mode: 'contains',
    });
  });

  it('should bind the next fence to the file a file= directive names', () => {
    expect(manifests(lesson)).toEqual([
      {
        id: 's5',
        kind: 'manifest',
        line: 26,
        position: { line: 26, column: 1, endLine: 28, endColumn: 4 },
        file: 'default.conf',
        language: 'text',
        content: 'server { listen 80; }',
        origin: 'inline',
        inferred: false,
        section: 'Directives',
      },
    ]);
  });

  it('should report unknown directives and bad values, and ignore other comments', () => {
    expect(lesson.findings.map((f) => [f.ruleId, f.severity, f.line, f.column])).toEqual([
      ['unknown-directive', 'warning', 35, 1],
      ['invalid-directive', 'warning', 36, 1],
    ]);
  });

  it('should read timeouts in ms, s and m', () => {
    const src = [
      '<!-- kubedoctest: timeout=1500ms -->',
      '```shell',
      'kubectl get pods',
      '```',
      '',
      '<!-- kubedoctest: timeout=2m -->',
      '```shell',
      'kubectl get ns',
      '```',
      '',
    ].join('\n');
    expect(commands(parseMarkdown(src, { path: 't.md' })).map((s) => s.timeoutMs)).toEqual([1500, 120_000]);
  });
});
