import { describe, expect, it } from 'vitest';
import { lintPlan } from '../../src/lint/index.js';
import { expandedSize, loadManifestText, splitDocuments } from '../../src/lint/yaml-load.js';
import { planOf } from './parse-helpers.js';

describe('loadManifestText', () => {
  it('reads YAML as Kubernetes does: timestamps stay strings, merge keys work', () => {
    const r = loadManifestText('metadata:\n  creationTimestamp: 2016-02-18T19:14:38Z\nbase: &b {x: 1}\nother:\n  <<: *b\n  y: 2\n');
    expect(r.ok && r.documents[0]!.value).toEqual({ metadata: { creationTimestamp: '2016-02-18T19:14:38Z' }, base: { x: 1 }, other: { x: 1, y: 2 } });
  });

  it('keeps the first line of each document', () => {
    expect(splitDocuments('a: 1\n---\nb: 2\n--- {c: 3}\n').map((d) => d.startLine)).toEqual([0, 2, 3]);
  });

  it('sizes shared subtrees without expanding them', () => {
    let node: unknown = ['x'];
    for (let i = 0; i < 40; i++) node = [node, node];
    expect(expandedSize(node, 1000)).toBeGreaterThan(1000);
  });

  it('reports an alias bomb in a parsed tutorial quickly', () => {
    const started = Date.now();
    const { plan, source } = planOf('fixtures/lint/yaml-syntax/alias-bomb.md');
    const found = lintPlan(plan, { source });
    expect(Date.now() - started).toBeLessThan(3000);
    expect(found.filter((d) => d.severity === 'error').map((d) => [d.line, d.ruleId])).toEqual([[3, 'yaml-syntax']]);
    expect(found[0]!.message).toMatch(/expands to more than 100000 nodes through \d+ YAML aliases/);
  });
});
