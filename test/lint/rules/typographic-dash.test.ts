import { describe, expect, it } from 'vitest';
import { cmd, lintOne } from '../helpers.js';

describe('typographic-dash', () => {
  it('reports an en dash where -- was meant, with a mechanical fix', () => {
    const ds = lintOne(
      'typographic-dash',
      cmd(126, 'kubectl exec my-nginx-cf54cdbf7-vr96x – printenv | grep SERVICE', { position: { line: 126, column: 3, endLine: 126, endColumn: 70 } }),
    );
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({ line: 126, column: 41, severity: 'error', actual: '–', expected: '--' });
    expect(ds[0]!.fix).toMatchObject({ replacement: '--', range: { line: 126, column: 41, endColumn: 42 } });
  });

  it('maps a dash before a single letter to -', () => {
    const [d] = lintOne('typographic-dash', cmd(1, 'kubectl get pods –o wide —namespace x'));
    expect(d!.fix!.replacement).toBe('-');
  });

  it('maps a dash next to a hyphen to one hyphen, so the fix gives --image, not ---image', () => {
    for (const text of ['kubectl run x –-image=nginx', 'kubectl run x -–image=nginx']) {
      const ds = lintOne('typographic-dash', cmd(1, text));
      expect(ds).toHaveLength(1);
      const at = text.indexOf('–');
      expect(text.slice(0, at) + ds[0]!.fix!.replacement + text.slice(at + 1)).toBe('kubectl run x --image=nginx');
    }
  });

  it('accepts ASCII dashes', () => {
    expect(lintOne('typographic-dash', cmd(1, 'kubectl exec pod -- printenv'))).toEqual([]);
  });
});
