import { describe, expect, it } from 'vitest';
import { diagnostic } from '../../src/diag/diagnostic.js';
import { parseMarkdown } from '../../src/parse/index.js';
import { buildPlan, planToJson } from '../../src/plan/index.js';

const source = ['# T', '', '```yaml', 'kind: Pod', '```', '', '```shell', 'kubectl apply -f a.yaml', '```', '```', 'pod/a created', '```', ''].join('\n');

describe('planToJson', () => {
  const plan = buildPlan(parseMarkdown(source, { path: 'doc.md', examplesDir: 'none' }));

  it('should give every step command and expected (null for manifests) and keep the plan fields', () => {
    const json = planToJson([plan]);
    expect(json.version).toBe(1);
    expect(json.files).toHaveLength(1);
    expect(json.files[0]!.path).toBe('doc.md');
    expect(json.files[0]!.title).toBe('T');
    expect(json.files[0]!.steps[0]).toEqual({
      id: 's1',
      line: 3,
      kind: 'manifest',
      command: null,
      expected: null,
      position: { line: 3, column: 1, endLine: 5, endColumn: 4 },
      file: 'a.yaml',
      language: 'yaml',
      content: 'kind: Pod',
      origin: 'inline',
      inferred: false,
      section: 'T',
    });
    expect(json.files[0]!.steps[1]).toMatchObject({
      id: 's2',
      line: 8,
      kind: 'command',
      command: 'kubectl apply -f a.yaml',
      class: 'mutating',
      references: ['s1'],
      expected: { text: 'pod/a created', form: 'fence', mode: 'similar' },
    });
  });

  it('should report the findings given for a path, projected to the contract fields', () => {
    const finding = diagnostic('output-mismatch', 'error', { line: 11, column: 1 }, 'differs', { stepId: 's2', actual: 'x', fix: { description: 'update' } });
    const json = planToJson([plan], { 'doc.md': [finding] });
    expect(json.files[0]!.findings).toEqual([
      { ruleId: 'output-mismatch', severity: 'error', line: 11, column: 1, message: 'differs', stepId: 's2', fix: { description: 'update' } },
    ]);
    expect(planToJson([plan], new Map([['doc.md', []]])).files[0]!.findings).toEqual([]);
  });

  it('should round-trip through JSON.stringify', () => {
    const json = planToJson([plan]);
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
    expect(JSON.parse(JSON.stringify(plan))).toEqual(plan);
  });
});
