import { describe, expect, it } from 'vitest';
import { cmd, lintOne, manifest } from '../helpers.js';

describe('yaml-syntax', () => {
  it('reports a manifest that lost its parent keys at the failing line inside the doc', () => {
    const m = manifest(35, 'apiVersion: apps/v1\nkind: Deployment\n  name: my-nginx\n      run: my-nginx\n', { inferred: true });
    const [d, ...rest] = lintOne('yaml-syntax', m);
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ ruleId: 'yaml-syntax', severity: 'error', line: 37, column: 3 });
    expect(d!.message).toContain('bad indentation of a mapping entry (line 3 of the manifest)');
    expect(d!.message).toContain('`name: my-nginx` is indented under `kind: Deployment`');
    expect(d!.message).toContain('`metadata:`');
  });

  it('places errors of a fenced manifest one line below the fence', () => {
    const [d] = lintOne('yaml-syntax', manifest(10, 'a: [1, 2\nb: 3\n'));
    expect(d!.line).toBeGreaterThanOrEqual(11);
  });

  it('reads a `...` line as an elision, judging the rest of the snippet', () => {
    expect(lintOne('yaml-syntax', manifest(1, '...\nspec:\n  selector:\n    app: web\n...\n'))).toEqual([]);
    const ds = lintOne('yaml-syntax', manifest(1, '...\nspec:\n  selector: app\n    name: web\n'));
    expect(ds).toHaveLength(1);
    expect(ds[0]!.message).not.toContain('single document');
    expect(ds[0]!.actual).toBe('    name: web');
  });

  it('reports invalid JSON', () => {
    const [d] = lintOne('yaml-syntax', manifest(1, '{"apiVersion": "v1",, }', { language: 'json' }));
    expect(d!.message).toMatch(/^JSON does not parse/);
  });

  it('accepts valid block, flow and multi-document YAML', () => {
    const good = manifest(1, 'apiVersion: v1\nkind: Service\nmetadata:\n  name: a\n---\n{ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "b" } }\n');
    expect(lintOne('yaml-syntax', good, cmd(20, 'kubectl get pods'))).toEqual([]);
  });

  it('reports an alias bomb quickly instead of expanding it', () => {
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 12; i++)
      levels.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10)
          .fill(`*${String.fromCharCode(96 + i)}`)
          .join(',')}]`,
      );
    const started = Date.now();
    const [d] = lintOne('yaml-syntax', manifest(1, levels.join('\n')));
    expect(Date.now() - started).toBeLessThan(2000);
    expect(d).toMatchObject({ ruleId: 'yaml-syntax', severity: 'error' });
    expect(d!.message).toMatch(/alias bomb/);
  });

  it('reports a manifest over the size cap without parsing it', () => {
    const huge = `data:\n  x: "${'a'.repeat(1_100_000)}"\n`;
    const [d] = lintOne('yaml-syntax', manifest(1, huge));
    expect(d!.message).toMatch(/at most 1000000/);
  });
});
