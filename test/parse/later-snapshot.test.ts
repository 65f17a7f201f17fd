import { describe, expect, it } from 'vitest';
import { LATER_SNAPSHOT_CUE } from '../../src/parse/data/cues.js';
import { parseMarkdown } from '../../src/parse/index.js';
import type { CommandStep } from '../../src/plan/types.js';

const cmds = (md: string): CommandStep[] =>
  parseMarkdown(md, { path: 'doc.md', readFile: () => undefined }).steps.filter((s): s is CommandStep => s.kind === 'command');
const block = (tag: string, ...lines: string[]): string => ['```' + tag, ...lines, '```', ''].join('\n');

describe('LATER_SNAPSHOT_CUE', () => {
  it.each(LATER_SNAPSHOT_CUE.trigger)('takes %s', (s) => expect(LATER_SNAPSHOT_CUE.pattern.test(s)).toBe(true));
  it.each(LATER_SNAPSHOT_CUE.clean)('leaves %s', (s) => expect(LATER_SNAPSHOT_CUE.pattern.test(s)).toBe(false));
});

describe('a later snapshot of the same command', () => {
  const page = [
    block('shell', 'kubectl get rs'),
    block('', 'NAME   DESIRED   CURRENT   READY   AGE', 'web    2         2         0       5s'),
    'After a while, the output is:',
    '',
    block('shell', 'NAME   DESIRED   CURRENT   READY   AGE', 'web    2         2         2       1m'),
  ].join('\n');

  it('should be the same command run again with the block as its output (trigger)', () => {
    const steps = cmds(page);
    expect(steps.map((s) => [s.command, s.expected?.text.split('\n')[1]])).toEqual([
      ['kubectl get rs', 'web    2         2         0       5s'],
      ['kubectl get rs', 'web    2         2         2       1m'],
    ]);
    expect(steps[0]!.laterSnapshot?.line).toBe(steps[1]!.line);
  });

  it('should not re-run a command that changes the cluster (clean)', () => {
    const steps = cmds(
      [
        block('shell', 'kubectl scale rs web --replicas=2'),
        block('', 'replicaset.apps/web scaled'),
        'After a while, the output is:',
        '',
        block('', 'web scaled'),
      ].join('\n'),
    );
    expect(steps.map((s) => s.command)).toEqual(['kubectl scale rs web --replicas=2']);
  });
});
