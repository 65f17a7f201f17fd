import { describe, expect, it } from 'vitest';
import { matchOutput } from '../../src/match/index.js';
import { lifecycleRank } from '../../src/match/watch-states.js';

const CMD = 'kubectl get pods -w -l app=nginx';
const run = (expected: string, actual: string) => matchOutput({ expected, actual, mode: 'similar', line: 379, column: 1, command: CMD });

// A scale-down from five replicas to three, watched from before the fifth pod had started.
const DOC = [
  'NAME      READY     STATUS              RESTARTS   AGE',
  'web-0     1/1       Running             0          3h',
  'web-1     1/1       Running             0          3h',
  'web-2     1/1       Running             0          55s',
  'web-3     1/1       Running             0          36s',
  'web-4     0/1       ContainerCreating   0          18s',
  'NAME      READY     STATUS    RESTARTS   AGE',
  'web-4     1/1       Running   0          19s',
  'web-4     1/1       Terminating   0         24s',
  'web-4     1/1       Terminating   0         24s',
  'web-3     1/1       Terminating   0         42s',
  'web-3     1/1       Terminating   0         42s',
].join('\n');

// kubectl 1.32's watch started once web-4 was already on its way out.
const LATE = [
  'NAME    READY   STATUS        RESTARTS   AGE',
  'web-0   1/1     Running       0          32s',
  'web-1   1/1     Running       0          32s',
  'web-2   1/1     Running       0          31s',
  'web-3   1/1     Running       0          30s',
  'web-4   1/1     Terminating   0          30s',
  'web-4   0/1     Terminating   0          31s',
  'web-4   0/1     Completed     0          31s',
  'web-3   1/1     Terminating   0          31s',
  'web-3   0/1     Terminating   0          32s',
  'web-3   0/1     Completed     0          32s',
];

describe('lifecycleRank', () => {
  it.each([
    ['Pending', 0],
    ['ContainerCreating', 1],
    ['Init:0/1', 1],
    ['PodInitializing', 1],
    ['Running', 2],
    ['Terminating', 3],
    ['CrashLoopBackOff', undefined],
    ['Init:Error', undefined],
  ])('%s → %s', (status, rank) => {
    expect(lifecycleRank(status)).toBe(rank);
  });
});

describe('a watch started after a pod passed the early rows the doc shows', () => {
  it('should pass with a stale note for the early rows this run never printed', () => {
    const result = run(DOC, LATE.join('\n'));
    expect(result.ok).toBe(true);
    const notes = result.differences.filter((d) => d.stale && d.kind === 'missing-line');
    expect(notes.map((d) => d.line)).toEqual([386]);
    expect(notes[0]!.message).toMatch(/web-4: Running not in actual output \(web-4 was already Terminating/);
  });
  it('should pass without a note when the watch caught the pod Running (its ContainerCreating listing row is older)', () => {
    const actual = [...LATE.slice(0, 5), 'web-4   1/1     Running       0          30s', ...LATE.slice(5)];
    const result = run(DOC, actual.join('\n'));
    expect(result.ok).toBe(true);
    expect(result.differences).toEqual([]);
  });
  it('should still fail when the pod never reaches the final state the doc shows', () => {
    const actual = LATE.filter((l) => !l.startsWith('web-3   ') || l.includes('Running'));
    const result = run(DOC, actual.join('\n'));
    expect(result.ok).toBe(false);
    expect(result.differences.some((d) => d.kind === 'missing-line' && !d.stale && d.expected?.startsWith('web-3 1/1 Terminating'))).toBe(true);
  });
  it('should still fail an early row when the pod was at an earlier stage than it when the watch started', () => {
    const actual = [...LATE.slice(0, 5), 'web-4   0/1     Pending       0          1s', ...LATE.slice(5)];
    const result = run(DOC, actual.join('\n'));
    expect(result.ok).toBe(false);
    expect(result.differences.some((d) => d.kind === 'missing-line' && !d.stale && d.line === 386)).toBe(true);
  });
  it('should still fail a doc whose pod has no later row found (a missing later row is not an early one)', () => {
    const doc = DOC.split('\n')
      .filter((l) => !l.startsWith('web-4     1/1       Terminating'))
      .join('\n');
    const actual = LATE.filter((l) => !l.startsWith('web-4')).join('\n');
    expect(run(doc, actual).ok).toBe(false);
  });
});
