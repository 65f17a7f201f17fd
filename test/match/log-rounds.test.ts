import { describe, expect, it } from 'vitest';
import { matchOutput } from '../../src/match/index.js';
import { firstRounds, isWholeLog, roundLength } from '../../src/match/log-rounds.js';

const run = (expected: string, actual: string, command = 'kubectl logs kubernetes-downwardapi-volume-example') =>
  matchOutput({ expected, actual, mode: 'similar', line: 70, column: 1, command });

const LABELS = ['cluster="test-cluster1"', 'rack="rack-22"', 'zone="us-est-coast"', '', 'build="two"', 'builder="john-doe"'];
const rounds = (block: string[], n: number) => Array.from({ length: n }, () => ['', '', ...block]).flat();

describe('isWholeLog', () => {
  it.each([
    ['kubectl logs web', true],
    ['kubectl logs -f web -c app', true],
    ['kubectl logs web --tail=5', false],
    ['kubectl logs web --since=1m', false],
    ['kubectl logs web | head -3', false],
    ['kubectl get pods', false],
  ])('%s → %s', (command, expected) => {
    expect(isWholeLog(command)).toBe(expected);
  });
});

describe('roundLength', () => {
  it('should find the shortest repeating block, a cut last round allowed', () => {
    expect(roundLength(['a', 'b', 'c', 'a', 'b', 'c', 'a'])).toBe(3);
    expect(roundLength(['x', 'x', 'x'])).toBe(1);
  });
  it('should read dates and counters that change each round as the same line', () => {
    expect(roundLength(['Tue Dec  8 05:13:28 UTC 2026', 'Tue Dec  8 05:13:38 UTC 2026', 'Tue Dec  8 05:13:48 UTC 2026'])).toBe(1);
    expect(roundLength(['count 1', 'done', 'count 2', 'done'])).toBe(2);
  });
  it('should find no block in output that does not repeat, or holds less than two rounds', () => {
    expect(roundLength(['a', 'b', 'c', 'd'])).toBeUndefined();
    expect(roundLength(['a', 'b', 'c', 'd', 'a'])).toBeUndefined();
    expect(roundLength(['a', 'b', 'c', 'd', 'a', 'b'])).toBe(4);
    expect(roundLength(['count 2', 'count 1'])).toBeUndefined();
  });
});

describe('firstRounds', () => {
  it('should cut the actual after as many rounds as the doc shows', () => {
    const cut = firstRounds(LABELS.join('\n'), rounds(LABELS, 3).join('\n'));
    expect(cut?.split('\n').filter((l) => l.trim() !== '')).toEqual(LABELS.filter((l) => l !== ''));
  });
  it('should not cut when the doc shows part of a round or as many rounds as the actual', () => {
    expect(firstRounds(LABELS.slice(0, 3).join('\n'), rounds(LABELS, 3).join('\n'))).toBeUndefined();
    expect(firstRounds(rounds(LABELS, 2).join('\n'), rounds(LABELS, 2).join('\n'))).toBeUndefined();
  });
});

describe('kubectl logs of a looping container', () => {
  it('should match when the doc shows one round and the log has three', () => {
    const result = run(LABELS.join('\n'), rounds(LABELS, 3).join('\n'));
    expect(result.ok).toBe(true);
    expect(result.differences).toEqual([]);
  });
  it('should match one round against a round and a second one cut short', () => {
    expect(run(LABELS.join('\n'), rounds(LABELS, 2).slice(0, -1).join('\n')).ok).toBe(true);
  });
  it('should match two rounds of dates against four', () => {
    const doc = 'Mon Jan  1 00:00:00 UTC 2001\nMon Jan  1 00:00:10 UTC 2001';
    const actual = ['Tue Dec  8 05:13:28 UTC 2026', 'Tue Dec  8 05:13:38 UTC 2026', 'Tue Dec  8 05:13:48 UTC 2026', 'Tue Dec  8 05:13:58 UTC 2026'];
    expect(run(doc, actual.join('\n'), 'kubectl logs dates').ok).toBe(true);
  });
  it('should still fail a doc block that differs from the block the container repeats', () => {
    const doc = ['cluster="test-cluster1"', 'rack="rack-23"', 'zone="us-est-coast"', 'build="two"', 'builder="john-doe"'].join('\n');
    const result = run(doc, rounds(LABELS, 3).join('\n'));
    expect(result.ok).toBe(false);
    expect(result.differences.some((d) => d.kind === 'wrong-value' && d.expected === 'rack="rack-23"')).toBe(true);
  });
  it('should still fail a doc that shows part of a round', () => {
    expect(run(LABELS.slice(0, 3).join('\n'), rounds(LABELS, 3).join('\n')).ok).toBe(false);
  });
  it('should still report the missing round when the log has fewer rounds than the doc (the runner waits on missing lines)', () => {
    const result = run(rounds(LABELS, 2).join('\n'), rounds(LABELS, 1).join('\n'));
    expect(result.ok).toBe(false);
    expect(result.differences.every((d) => d.kind === 'missing-line')).toBe(true);
  });
  it('should not read more rounds under --tail, where the doc shows the last lines', () => {
    expect(run(LABELS.join('\n'), rounds(LABELS, 3).join('\n'), 'kubectl logs web --tail=5').ok).toBe(false);
  });
  it('should fail output that does not repeat and has lines the doc lacks', () => {
    expect(run('starting\nready', 'starting\nready\nstopped', 'kubectl logs web').ok).toBe(false);
  });
});
