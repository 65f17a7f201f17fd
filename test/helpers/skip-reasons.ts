/**
 * A vitest reporter that lists every skipped test with its reason at the end of the run: the note
 * given to `ctx.skip(note)`, else the test's name (tests skipped with `skipIf` put the reason
 * there). The default reporter shows only a count of skipped tests.
 */
import type { Reporter, TestCase } from 'vitest/node';

interface Skipped {
  file: string;
  name: string;
  note: string | undefined;
}

export default class SkipReasonsReporter implements Reporter {
  private readonly skipped: Skipped[] = [];

  private readonly write: (text: string) => void;

  /** vitest passes the reporter's options object; tests pass `write`. */
  constructor(options: { write?: (text: string) => void } = {}) {
    this.write = options.write ?? ((t) => process.stdout.write(t));
  }

  onTestCaseResult(test: TestCase): void {
    const r = test.result();
    if (r.state !== 'skipped' || test.options.mode === 'todo') return;
    this.skipped.push({ file: test.module.moduleId.replace(`${process.cwd()}/`, ''), name: test.fullName, note: r.note });
  }

  onTestRunEnd(): void {
    if (this.skipped.length === 0) return;
    const lines = this.skipped.map((s) => `  - ${s.file} > ${s.name}${s.note ? `: ${s.note}` : ''}`);
    this.write(`\n${this.skipped.length} skipped, and why:\n${lines.join('\n')}\n`);
    this.skipped.length = 0;
  }
}
