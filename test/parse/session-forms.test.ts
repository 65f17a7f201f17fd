import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/parse/index.js';
import { commands } from './helpers.js';

const lesson = (src: string[]) => parseMarkdown(src.join('\n'), { path: 'p.md', examplesDir: 'none' });

describe('a fence of commands typed in a pod shell', () => {
  it('reads a program installed on the line before as the next command, not as its output', () => {
    const steps = commands(lesson(['```shell', 'kubectl exec -it web -- /bin/bash', '```', '', '```shell', 'apt-get install -y lsof', 'lsof', '```', '']));
    expect(steps.map((s) => [s.command, s.host.kind, s.expected?.text ?? null])).toEqual([
      ['kubectl exec -it web -- /bin/bash', 'local', null],
      ['apt-get install -y lsof', 'pod', null],
      ['lsof', 'pod', null],
    ]);
  });
});

describe('leaving a pod shell', () => {
  it('ends the session at `exit` with a trailing comment, so later lines are the reader machine again', () => {
    const steps = commands(
      lesson(['```shell', 'kubectl exec -it web -- sh', '```', '', '```shell', 'ls /', '```', '', '```shell', 'exit # To quit the shell in the container', '```', '', '```shell', 'ls /', '```', '']),
    );
    expect(steps.map((s) => [s.command, s.host.kind])).toEqual([
      ['kubectl exec -it web -- sh', 'local'],
      ['ls /', 'pod'],
      ['exit # To quit the shell in the container', 'pod'],
      ['ls /', 'local'],
    ]);
  });
});
