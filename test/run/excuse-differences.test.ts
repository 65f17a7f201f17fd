/** An excuse applies to the differences it explains; the rest decide the verdict. */
import { describe, expect, it } from 'vitest';
import type { Difference } from '../../src/match/types.js';
import { excuseDifferences } from '../../src/run/excuse-differences.js';
import type { StepResult } from '../../src/run/types.js';

const header: Difference = { kind: 'column-layout', message: 'column MIN-AVAILABLE is MIN AVAILABLE in actual table', line: 5, column: 11 };
const cell: Difference = { kind: 'wrong-value', message: 'row web, column READY: doc 1/1, actual 0/1', line: 6, column: 9, expected: '1/1', actual: '0/1' };
const name: Difference = { kind: 'wrong-value', message: 'row web, column IMAGE: doc nginx:1, actual nginx:2', line: 6, column: 20 };
const stale: Difference = { kind: 'extra-line', message: 'extra in actual output: Node-Selectors: <none>', line: 7, column: 1, stale: true };

function failed(differences: Difference[]): StepResult {
  return { id: 's1', line: 3, kind: 'command', status: 'fail', attempts: 1, differences, diff: '--- doc\n+++ actual\n' } as unknown as StepResult;
}

describe('excuseDifferences', () => {
  it('fails on a table header and notes the excused cell', () => {
    const r = failed([header, cell]);
    expect(excuseDifferences(r, 'pod web-0 cannot become Ready')).toBe(false);
    expect(r.status).toBe('fail');
    expect(r.differences).toEqual([header]);
    expect(r.excused).toEqual([{ ...cell, excuse: 'pod web-0 cannot become Ready' }]);
  });

  it('leaves a step whose only failing differences are excused unchecked with the reason', () => {
    const r = failed([cell, stale]);
    expect(excuseDifferences(r, 'pod web-0 cannot become Ready')).toBe(true);
    expect(r.status).toBe('unchecked');
    expect(r.uncheckedReason).toBe('pod web-0 cannot become Ready');
    expect(r.differences).toEqual([]);
    expect(r.diff).toBeUndefined();
    expect(r.excused).toBeUndefined();
  });

  it('changes nothing when the reason explains none of the differences', () => {
    const r = failed([header, name]);
    expect(excuseDifferences(r, 'a state passed through', (d) => /column READY:/.test(d.message))).toBe(false);
    expect(r.excused).toBeUndefined();
    expect(r.status).toBe('fail');
    expect(r.differences).toEqual([header, name]);
  });

  it('never excuses a table header, whatever the reason says it explains', () => {
    const r = failed([header]);
    expect(excuseDifferences(r, 'anything', () => true)).toBe(false);
    expect(r.differences).toEqual([header]);
  });

  it('leaves a step that did not fail alone', () => {
    const r = { ...failed([cell]), status: 'pass' } as StepResult;
    expect(excuseDifferences(r, 'why')).toBe(false);
    expect(r.status).toBe('pass');
  });
});
