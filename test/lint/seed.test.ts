import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/parse/index.js';
import { buildPlan } from '../../src/plan/index.js';
import { applyFixes, lintPlan } from '../../src/lint/index.js';
import { EXAMPLES_DIR, planOf } from './parse-helpers.js';

const SEED = 'fixtures/seed/connecting-applications-seed.md';

describe('the seed tutorial (scraped, no fences)', () => {
  const { plan, source } = planOf(SEED);
  const found = lintPlan(plan, { source });
  const at = (severity: string) => found.filter((d) => d.severity === severity).map((d) => `${d.line} ${d.ruleId}`);

  it('reports every defect a reader hits, at its line', () => {
    expect(at('error')).toEqual([
      '38 yaml-syntax', // Deployment: metadata/spec keys lost
      '80 prompt-in-output', // $ service/my-nginx exposed
      '86 yaml-syntax', // Service: metadata/spec keys lost
      '126 incomplete-command', // kubectl exec … – printenv: no `--`
      '126 typographic-dash',
      '142 incomplete-command',
      '142 typographic-dash',
      '154 missing-file', // make keys, no Makefile
      '156 prompt-in-output', // $ secret/nginxsecret created
      '166 prompt-in-output', // $ configmap/nginxconfigmap created
      '167 unknown-command', // ubectl
      '185 yaml-syntax', // Secret: metadata/data keys lost
      '204 yaml-syntax', // Service + Deployment
      '245 incomplete-command', // curl -k without URL
      '252 yaml-syntax', // curl Deployment
    ]);
    expect(at('warning')).toEqual([
      '165 missing-file', // --from-file=default.conf: the reader's own file, as the run says
      '176 host-specific-path',
      '176 host-specific-path',
      '178 host-specific-path',
      '179 host-specific-path',
      '288 interactive-command',
    ]);
  });

  it('says what is wrong in terms of the manifest and the command', () => {
    const byLine = (line: number, rule: string) => found.find((d) => d.line === line && d.ruleId === rule)!;
    expect(byLine(38, 'yaml-syntax').message).toContain('`name: my-nginx` is indented under `kind: Deployment`');
    expect(byLine(38, 'yaml-syntax').message).toContain('`metadata:`');
    expect(byLine(126, 'typographic-dash')).toMatchObject({ column: 41, fix: { replacement: '--' } });
    expect(byLine(167, 'unknown-command').fix).toMatchObject({ replacement: 'kubectl' });
    expect(byLine(165, 'missing-file').message).toContain("default.conf is a file on the reader's machine");
    expect(byLine(154, 'missing-file').message).toContain('needs a Makefile');
    expect(byLine(288, 'interactive-command').message).toContain('editor script');
  });

  it('applies the mechanical fixes and keeps every other byte', () => {
    const fixed = applyFixes(source, found);
    const before = source.split('\n');
    const after = fixed.split('\n');
    expect(after).toHaveLength(before.length);
    const changed = before.map((l, i) => (l === after[i] ? null : i + 1)).filter((n) => n !== null);
    expect(changed).toEqual([80, 126, 142, 156, 166, 167]);
    expect(after[79]).toBe('service/my-nginx exposed');
    expect(after[125]).toBe('$ kubectl exec my-nginx-cf54cdbf7-vr96x -- printenv | grep SERVICE');
    expect(after[166]).toBe('$ kubectl get configmaps');
    const again = lintPlan(buildPlan(parseMarkdown(fixed, { path: SEED, examplesDir: EXAMPLES_DIR })), { source: fixed });
    const rules = new Set(again.map((d) => d.ruleId));
    for (const gone of ['typographic-dash', 'unknown-command', 'prompt-in-output']) expect(rules.has(gone)).toBe(false);
  });
});
