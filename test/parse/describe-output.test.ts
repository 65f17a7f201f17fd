import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/parse/index.js';
import { DESCRIBE_FIRST_LINE } from '../../src/parse/data/output-blocks.js';
import type { CommandStep } from '../../src/plan/types.js';

// kubectl describe's output in its own shell fence: never commands. After a command it is that
// command's output; elsewhere an illustration. Generic pages, not any real page's lines.
const parse = (md: string) => parseMarkdown(md, { path: 'doc.md', readFile: () => undefined });
const cmds = (md: string): CommandStep[] => parse(md).steps.filter((s): s is CommandStep => s.kind === 'command');
const block = (tag: string, ...lines: string[]): string => ['```' + tag, ...lines, '```', ''].join('\n');

describe('DESCRIBE_FIRST_LINE', () => {
  it.each(DESCRIBE_FIRST_LINE.trigger)('takes %s', (line) => expect(DESCRIBE_FIRST_LINE.pattern.test(line)).toBe(true));
  it.each(DESCRIBE_FIRST_LINE.clean)('leaves %s', (line) => expect(DESCRIBE_FIRST_LINE.pattern.test(line)).toBe(false));
});

describe("kubectl describe's output in a shell fence", () => {
  const described = ['Name:         limits', 'Namespace:    team-a', 'Resource      Used  Hard', '--------      ----  ----', 'pods          0     4'];

  it('should pair it with the describe before it, not run it (trigger)', () => {
    const steps = cmds([block('shell', 'kubectl describe quota'), block('shell', ...described)].join('\n'));
    expect(steps.map((s) => s.command)).toEqual(['kubectl describe quota']);
    expect(steps[0]!.expected?.text).toBe(described.join('\n'));
  });

  it('should pair a one-line multi-word key after an output cue (trigger)', () => {
    const steps = cmds([block('shell', 'kubectl describe rs/web'), 'The output shows:', '', block('shell', 'Pods Status:  2 Running / 0 Waiting')].join('\n'));
    expect(steps.map((s) => s.command)).toEqual(['kubectl describe rs/web']);
    expect(steps[0]!.expected?.text).toBe('Pods Status:  2 Running / 0 Waiting');
  });

  it('should make it an illustration when no command waits for output (trigger)', () => {
    const l = parse(['Describe output looks like this.', '', block('shell', ...described)].join('\n'));
    expect(l.steps.filter((s) => s.kind === 'command')).toEqual([]);
  });

  it('should never run a block whose first word is a key, whatever follows (trigger)', () => {
    const l = parse(['Then:', '', block('shell', 'Status:  Bound', 'volume   pv-1   1Gi')].join('\n'));
    expect(l.steps.filter((s) => s.kind === 'command')).toEqual([]);
  });

  it('should keep commands that mention a key as commands (clean)', () => {
    const steps = cmds([block('shell', 'kubectl get pods'), 'Then run:', '', block('shell', 'Name=x env', 'echo Name: x')].join('\n'));
    expect(steps.map((s) => s.command)).toEqual(['kubectl get pods', 'Name=x env', 'echo Name: x']);
  });
});
