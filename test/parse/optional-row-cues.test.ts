import { describe, expect, it } from 'vitest';
import { OPTIONAL_ROW_CUES, optionalRowNames } from '../../src/parse/data/optional-row-cues.js';
import { parseMarkdown } from '../../src/parse/index.js';
import { matchOutput } from '../../src/match/index.js';
import { commands } from './helpers.js';

describe('optional-row cues', () => {
  for (const cue of OPTIONAL_ROW_CUES) {
    describe(cue.id, () => {
      it.each(cue.trigger.map((t) => [t.sentence, t.names]))('reads %j as making %j optional', (sentence, names) => {
        expect(optionalRowNames(sentence as string)).toEqual(names);
      });
      it.each(cue.clean)('makes nothing optional in %j', (sentence) => {
        expect(optionalRowNames(sentence)).toEqual([]);
      });
    });
  }
});

const PAGE = `# Autoscaler

List the Deployments:

\`\`\`shell
kubectl get deployment --namespace=kube-system
\`\`\`

The output is similar to this:

    NAME             READY   UP-TO-DATE   AVAILABLE   AGE
    coredns          2/2     2            2           5m
    dns-autoscaler   1/1     1            1           5m

If you see "dns-autoscaler" in the output, autoscaling is already enabled.
`;

describe('rows the page calls optional', () => {
  const lesson = parseMarkdown(PAGE, { path: 'page.md', readFile: () => undefined });
  const step = commands(lesson)[0]!;

  it('are recorded from the prose after the output', () => {
    expect(step.expected?.optionalRows).toEqual(['dns-autoscaler']);
  });

  const match = (actual: string) =>
    matchOutput({
      expected: step.expected!.text,
      actual,
      mode: 'similar',
      line: 11,
      column: 5,
      command: 'kubectl get deployment',
      optionalRows: step.expected!.optionalRows!,
    });
  const HEAD = 'NAME             READY   UP-TO-DATE   AVAILABLE   AGE\n';

  it('pass when the row is absent', () => {
    expect(match(`${HEAD}coredns          2/2     2            2           1m`).ok).toBe(true);
  });
  it('pass when the row is present', () => {
    expect(match(`${HEAD}coredns          2/2     2            2           1m\ndns-autoscaler   1/1     1            1           1m`).ok).toBe(true);
  });
  it('still compare the row when both show it', () => {
    expect(match(`${HEAD}coredns          2/2     2            2           1m\ndns-autoscaler   0/1     1            0           1m`).ok).toBe(false);
  });
  it('do not excuse another missing row', () => {
    const r = match(`${HEAD}dns-autoscaler   1/1     1            1           1m`);
    expect(r.ok).toBe(false);
    expect(JSON.stringify(r.differences)).toContain('coredns');
  });
  it('without the cue, a missing row fails', () => {
    const r = matchOutput({
      expected: step.expected!.text,
      actual: `${HEAD}coredns          2/2     2            2           1m`,
      mode: 'similar',
      line: 11,
      column: 5,
      command: 'kubectl get deployment',
    });
    expect(r.ok).toBe(false);
  });
});
