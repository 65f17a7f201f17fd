import { describe, expect, it } from 'vitest';
import { lintPlan } from '../../src/lint/index.js';
import { manifest, plan } from './helpers.js';

const ids = (...steps: Parameters<typeof plan>) => lintPlan(plan(...steps), { rules: ['yaml-syntax'] }).map((d) => d.line);

describe('yaml-syntax: what is no manifest to parse', () => {
  const excerpt = '"io.k8s.api.core.v1.PodSpec": {\n    ...\n     "containers": {\n      "x-kubernetes-patch-strategy": "merge"\n     },';

  it('should leave alone JSON cut short with `...` lines', () => {
    expect(ids(manifest(10, excerpt, { language: 'json', file: 'swagger.json' }))).toEqual([]);
  });

  it('should still report JSON that does not parse with nothing left out', () => {
    expect(ids(manifest(10, '{\n  "kind": "Pod"\n  "apiVersion": "v1"\n}', { language: 'json' }))).toHaveLength(1);
  });

  it('should leave alone an example file of another kind, but not an inline text block', () => {
    const conf = 'upstream Backend {\n    server backend;\n}\n';
    expect(ids(manifest(10, conf, { language: 'text', origin: 'example', file: 'frontend.conf', examplePath: 'service/frontend.conf' }))).toEqual([]);
    expect(ids(manifest(10, 'a: [\n', { language: 'yaml', origin: 'example', file: 'x.yaml', examplePath: 'x.yaml' }))).toHaveLength(1);
  });

  it('should keep a YAML document end marker `...` a YAML matter', () => {
    expect(ids(manifest(10, 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: dev\n...\n'))).toEqual([]);
  });
});
