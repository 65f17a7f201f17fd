import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isKubedoctestError } from '../../src/diag/errors.js';
import { lintPlan, lintRules } from '../../src/lint/index.js';
import { cmd, manifest, plan } from './helpers.js';

describe('lintPlan', () => {
  it('runs every rule and sorts findings by line, column and rule id', () => {
    const found = lintPlan(plan(cmd(9, 'ubectl get pods'), manifest(1, 'a: [\n'), cmd(5, 'curl -k')));
    expect(found.filter((d) => d.severity !== 'info').map((d) => `${d.line} ${d.ruleId}`)).toEqual([
      '2 yaml-syntax',
      '5 incomplete-command',
      '9 unknown-command',
    ]);
  });

  it('runs only the selected rules and rejects unknown rule ids', () => {
    expect(lintPlan(plan(cmd(9, 'ubectl get pods'), cmd(5, 'curl -k')), { rules: ['unknown-command'] }).map((d) => d.ruleId)).toEqual(['unknown-command']);
    let error: unknown;
    try {
      lintPlan(plan(), { rules: ['no-such-rule'] });
    } catch (e) {
      error = e;
    }
    expect(isKubedoctestError(error) && error.code).toBe('ERR_INVALID_OPTION');
  });

  it('lists its rules with unique kebab-case ids, severities and descriptions', () => {
    const ids = lintRules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of lintRules) {
      expect(r.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(['error', 'warning', 'info']).toContain(r.severity);
      expect(r.description.length).toBeGreaterThan(10);
    }
    expect(ids.length).toBeGreaterThanOrEqual(13);
  });

  it('never throws on arbitrary commands and manifests, and reports valid positions', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 80 }), { maxLength: 5 }), fc.string({ maxLength: 200 }), (commands, yaml) => {
        const steps = [manifest(1, yaml), ...commands.map((c, i) => cmd(10 + i * 5, c))];
        for (const d of lintPlan(plan(...steps))) {
          expect(d.line).toBeGreaterThanOrEqual(1);
          expect(d.column).toBeGreaterThanOrEqual(1);
        }
      }),
      { numRuns: 200 },
    );
  });
});
