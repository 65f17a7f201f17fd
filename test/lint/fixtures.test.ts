import { describe, expect, it } from 'vitest';
import { lintPlan, lintRules } from '../../src/lint/index.js';
import { planOf } from './parse-helpers.js';

describe('rule fixtures (fixtures/lint/<rule-id>)', () => {
  for (const rule of lintRules) {
    it(`${rule.id}: trigger.md triggers it, clean.md does not`, () => {
      const trigger = planOf(`fixtures/lint/${rule.id}/trigger.md`);
      const found = lintPlan(trigger.plan, { rules: [rule.id], source: trigger.source });
      expect(found.length).toBeGreaterThan(0);
      expect(found.every((d) => d.ruleId === rule.id)).toBe(true);
      const clean = planOf(`fixtures/lint/${rule.id}/clean.md`);
      expect(lintPlan(clean.plan, { rules: [rule.id], source: clean.source })).toEqual([]);
    });
  }
});
