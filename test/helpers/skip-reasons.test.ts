import { describe, expect, it } from 'vitest';
import type { TestCase } from 'vitest/node';
import SkipReasonsReporter from './skip-reasons.js';

function testCase(fullName: string, result: { state: string; note?: string }, mode = 'skip'): TestCase {
  return { fullName, options: { mode }, module: { moduleId: `${process.cwd()}/test/x.test.ts` }, result: () => result } as unknown as TestCase;
}

describe('skip reasons reporter', () => {
  it('lists each skipped test with its note at the end of the run, not passing tests or todos', () => {
    let out = '';
    const r = new SkipReasonsReporter({ write: (t) => (out += t) });
    r.onTestCaseResult(testCase('confine > runs', { state: 'skipped', note: 'bubblewrap is not installed' }, 'run'));
    r.onTestCaseResult(testCase('html > renders (chromium is not installed)', { state: 'skipped' }));
    r.onTestCaseResult(testCase('passes', { state: 'passed' }, 'run'));
    r.onTestCaseResult(testCase('later', { state: 'skipped' }, 'todo'));
    r.onTestRunEnd();
    expect(out).toBe(
      '\n2 skipped, and why:\n  - test/x.test.ts > confine > runs: bubblewrap is not installed\n  - test/x.test.ts > html > renders (chromium is not installed)\n',
    );
  });
});
