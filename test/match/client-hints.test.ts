import { describe, expect, it } from 'vitest';
import { matchOutput } from '../../src/match/index.js';

const hint = "If you don't see a command prompt, try pressing enter.";
const run = (expected: string, actual: string, mode: 'similar' | 'exact' = 'similar') =>
  matchOutput({ expected, actual, mode, line: 10, column: 1, command: 'kubectl run -it box --image=busybox -- sh -c "echo hello"' });

describe('client hints', () => {
  it("does not fail a page that leaves out kubectl's attach hint", () => {
    expect(run('hello\nhello\n', `${hint}\nhello\nhello\n`).ok).toBe(true);
  });

  it('compares the hint like any line when the page shows it', () => {
    expect(run(`${hint}\nhello\n`, `${hint}\nhello\n`).ok).toBe(true);
    expect(run(`${hint}\nhello\n`, 'hello\n').ok).toBe(false);
  });

  it('still fails what else differs', () => {
    const r = run('hello\nhello\n', `${hint}\nhello\ngoodbye\n`);
    expect(r.ok).toBe(false);
    expect(r.differences.map((d) => d.message).join('\n')).not.toContain('pressing enter');
  });

  it('drops nothing in exact mode', () => {
    expect(run('hello\n', `${hint}\nhello\n`, 'exact').ok).toBe(false);
  });
});
