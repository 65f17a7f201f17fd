import { describe, expect, it } from 'vitest';
import { NO_OUTPUT_CUE } from '../../src/parse/data/cues.js';
import { parseMarkdown } from '../../src/parse/index.js';
import type { CommandStep } from '../../src/plan/types.js';

describe('prose announcing that a command prints nothing', () => {
  it.each(NO_OUTPUT_CUE.trigger.map((t) => [t]))('reads %s as an empty output', (s) => expect(NO_OUTPUT_CUE.pattern.test(s)).toBe(true));
  it.each(NO_OUTPUT_CUE.clean.map((t) => [t]))('does not read %s as one', (s) => expect(NO_OUTPUT_CUE.pattern.test(s)).toBe(false));

  it('gives the command right before it an empty expected output, and nothing to a command further up', () => {
    const md = [
      '```shell',
      'kubectl get pods | grep web',
      '```',
      '',
      '(you should not see any output)',
      '',
      '```shell',
      'kubectl get svc',
      '```',
      '',
      'Wait a minute.',
      '',
      'You should not see any output.',
      '',
    ].join('\n');
    const steps = parseMarkdown(md, { path: 'doc.md', readFile: () => undefined }).steps as CommandStep[];
    expect(steps[0]!.expected).toMatchObject({ text: '', form: 'cue', mode: 'exact', position: { line: 5 } });
    expect(steps[1]!.expected).toBeNull();
  });
});

describe('an HTTP request written out', () => {
  it('is not a command, whatever the fence says', () => {
    const md = [
      '```shell',
      'PATCH /api/v1/nodes/<your-node-name>/status HTTP/1.1',
      'Accept: application/json',
      'Host: k8s-master:8080',
      '',
      '[{"op": "add"}]',
      '```',
      '',
      '```shell',
      'kubectl get nodes',
      '```',
      '',
    ].join('\n');
    const steps = parseMarkdown(md, { path: 'doc.md', readFile: () => undefined }).steps as CommandStep[];
    expect(steps.map((s) => s.command)).toEqual(['kubectl get nodes']);
  });
});
