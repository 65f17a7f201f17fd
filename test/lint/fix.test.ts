import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diagnostic, type Diagnostic } from '../../src/diag/diagnostic.js';
import { applyFixes } from '../../src/lint/index.js';

const fixAt = (line: number, column: number, actual: string, replacement: string): Diagnostic =>
  diagnostic('x', 'error', { line, column }, 'm', {
    actual,
    fix: { description: 'd', range: { line, column, endLine: line, endColumn: column + actual.length }, replacement },
  });

describe('applyFixes', () => {
  it('replaces exactly the ranged text and keeps every other byte, CRLF included', () => {
    const source = 'a\r\n$ kubectl exec p – env\r\n$ ubectl get x\r\n';
    const out = applyFixes(source, [fixAt(2, 18, '–', '--'), fixAt(3, 3, 'ubectl', 'kubectl')]);
    expect(out).toBe('a\r\n$ kubectl exec p -- env\r\n$ kubectl get x\r\n');
  });

  it('re-finds the text on the reported line when the column is off', () => {
    expect(applyFixes('  - $ service/x exposed\n', [fixAt(1, 1, '$ service/x exposed', 'service/x exposed')])).toBe('  - service/x exposed\n');
  });

  it('skips a fix whose text is not on its line, and fixes without a range', () => {
    const noRange = diagnostic('x', 'error', { line: 1, column: 1 }, 'm', { fix: { description: 'move it' } });
    expect(applyFixes('kubectl get pods\n', [fixAt(1, 1, 'ubectl', 'kubectl'), noRange])).toBe('kubectl get pods\n');
  });

  it('applies one of two overlapping fixes', () => {
    expect(applyFixes('ab\n', [fixAt(1, 1, 'ab', 'X'), fixAt(1, 2, 'b', 'Y')])).toBe('X\n');
  });

  it('is the identity without fixes', () => {
    fc.assert(fc.property(fc.string(), (s) => applyFixes(s, []) === s));
  });
});
