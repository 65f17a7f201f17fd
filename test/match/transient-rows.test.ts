import { describe, expect, test } from 'vitest';
import { matchOutput } from '../../src/match/index.js';

const run = (expected: string, actual: string) => matchOutput({ expected, actual, mode: 'similar', line: 5, column: 1, command: 'kubectl get pods' });

const HEAD = 'NAME        READY   STATUS        RESTARTS   AGE';

describe('rows on their way out', () => {
  test('a Terminating row the run no longer lists is timing, not a difference', () => {
    const doc = [HEAD, 'web-x2kqp   1/1     Running       0          10m', 'extra       0/1     Terminating   0          1s'].join('\n');
    const actual = [HEAD, 'web-x2kqp   1/1     Running       0          12s'].join('\n');
    expect(run(doc, actual).differences).toEqual([]);
  });

  test('a missing Running row still fails, and so does a Terminating row the run shows Running', () => {
    const doc = [HEAD, 'web-x2kqp   1/1     Running       0          10m', 'extra       0/1     Terminating   0          1s'].join('\n');
    expect(run(doc, HEAD).differences.map((d) => [d.kind, d.line])).toEqual([['missing-line', 6]]);
    const stillRunning = [HEAD, 'web-x2kqp   1/1     Running       0          12s', 'extra       1/1     Running       0          12s'].join('\n');
    expect(run(doc, stillRunning).ok).toBe(false);
  });
});
