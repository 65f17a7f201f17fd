import { describe, expect, it } from 'vitest';
import { INSIDE_STATE_PROSE } from '../../src/parse/data/cues.js';
import { parseMarkdown } from '../../src/parse/index.js';
import type { CommandStep } from '../../src/plan/types.js';

const parse = (md: string) => parseMarkdown(md, { path: 'doc.md', readFile: () => undefined });
const cmds = (md: string): CommandStep[] => parse(md).steps.filter((s): s is CommandStep => s.kind === 'command');
const block = (tag: string, ...lines: string[]): string => ['```' + tag, ...lines, '```', ''].join('\n');

describe('INSIDE_STATE_PROSE', () => {
  const reads = (s: string): boolean => INSIDE_STATE_PROSE.pattern.test(s) && !INSIDE_STATE_PROSE.exclude.test(s);
  it.each(INSIDE_STATE_PROSE.trigger)('takes %s', (s) => expect(reads(s)).toBe(true));
  it.each(INSIDE_STATE_PROSE.clean)('leaves %s', (s) => expect(reads(s)).toBe(false));
});

describe('a block the prose says is inside a container', () => {
  const files = ['/etc/config/user', '/etc/config/level'];

  it('should not pair it with the command before, nor run it (trigger)', () => {
    for (const tag of ['', 'shell']) {
      const l = parse(
        [block('shell', 'kubectl apply -f pods.yaml'), 'Each container will have these files present on its filesystem:', '', block(tag, ...files)].join('\n'),
      );
      const steps = l.steps.filter((s): s is CommandStep => s.kind === 'command');
      expect(steps.map((s) => [s.command, s.expected])).toEqual([['kubectl apply -f pods.yaml', null]]);
      expect(l.findings.some((f) => f.ruleId === 'not-a-command')).toBe(true);
    }
  });

  it('should still pair a block that prose introduces as output (clean)', () => {
    const steps = cmds(
      [block('shell', 'kubectl exec web -- ls /etc/config'), 'The output shows the files present in the container:', '', block('', 'level', 'user')].join('\n'),
    );
    expect(steps[0]!.expected?.text).toBe('level\nuser');
  });
});
