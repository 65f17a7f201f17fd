import { describe, expect, test } from 'vitest';
import { matchOutput } from '../../src/match/index.js';
import { isWatchListing } from '../../src/match/watch-table.js';

const CMD = 'kubectl get pods -l app=demo --watch';
const run = (expected: string, actual: string, command = CMD) => matchOutput({ expected, actual, mode: 'similar', line: 40, column: 1, command });

// What kubectl 1.32 prints for a watch started before `kubectl delete pod -l app=demo` on a
// two-replica StatefulSet `db`: the listing, then each Pod going away and coming back.
const RUN = [
  'NAME   READY   STATUS              RESTARTS   AGE',
  'db-0   1/1     Running             0          40s',
  'db-1   1/1     Running             0          38s',
  'db-0   1/1     Terminating         0          41s',
  'db-1   1/1     Terminating         0          39s',
  'db-0   0/1     Terminating         0          42s',
  'db-0   0/1     Completed           0          42s',
  'db-0   0/1     Completed           0          42s',
  'db-0   0/1     Pending             0          0s',
  'db-0   0/1     Pending             0          0s',
  'db-0   0/1     ContainerCreating   0          0s',
  'db-0   1/1     Running             0          1s',
  'db-1   0/1     Terminating         0          40s',
  'db-1   0/1     Completed           0          41s',
  'db-1   0/1     Completed           0          41s',
  'db-1   0/1     Pending             0          0s',
  'db-1   0/1     Pending             0          0s',
  'db-1   0/1     ContainerCreating   0          0s',
  'db-1   1/1     Running             0          1s',
].join('\n');

describe('kubectl get --watch output is a stream of events', () => {
  test('recognizes watch listings only', () => {
    expect(isWatchListing('kubectl get pods --watch -l app=x')).toBe(true);
    expect(isWatchListing('kubectl get pod -w')).toBe(true);
    expect(isWatchListing('kubectl get pods --watch=false')).toBe(false);
    expect(isWatchListing('kubectl get pods')).toBe(false);
    expect(isWatchListing('kubectl rollout status sts/db --watch')).toBe(false);
  });

  test.each([
    [
      // An old kubectl printed the header again; the excerpt starts at the recreation and narrower rows follow a wider header.
      'a repeated header, an excerpt of later events, rows narrower than the header',
      [
        'NAME      READY     STATUS              RESTARTS   AGE',
        'db-0      0/1       ContainerCreating   0          0s',
        'NAME      READY     STATUS    RESTARTS   AGE',
        'db-0      1/1       Running   0          2s',
        'db-1      0/1       Pending   0         0s',
        'db-1      0/1       ContainerCreating   0         0s',
        'db-1      1/1       Running   0         34s',
      ].join('\n'),
    ],
    [
      'the same state printed several times counts once',
      [
        'NAME      READY     STATUS        RESTARTS   AGE',
        'db-0      1/1       Running       0          7m',
        'db-1      1/1       Running       0          7m',
        'db-0      1/1       Terminating   0          7m',
        'db-1      1/1       Terminating   0          7m',
        'db-0      0/1       Terminating   0          7m',
        'db-0      0/1       Terminating   0          7m',
        'db-0      0/1       Terminating   0          7m',
        'db-0      0/1       Pending       0          0s',
        'db-0      1/1       Running       0          3s',
      ].join('\n'),
    ],
    [
      'the excerpt stops once the Pods are going away',
      [
        'NAME   READY   STATUS        RESTARTS   AGE',
        'db-0   1/1     Running       0          3h',
        'db-0   1/1     Terminating   0          3h',
        'db-1   1/1     Terminating   0          3h',
      ].join('\n'),
    ],
  ])('passes: %s', (_name, doc) => {
    expect(run(doc, RUN).differences).toEqual([]);
  });

  test('a listing the author took earlier shows a state this run had passed', () => {
    const doc = [
      'NAME   READY   STATUS              RESTARTS   AGE',
      'db-0   0/1     ContainerCreating   0          5s',
      'db-0   1/1     Running             0          9s',
    ].join('\n');
    const actual = ['NAME   READY   STATUS    RESTARTS   AGE', 'db-0   1/1     Running   0          2s'].join('\n');
    expect(run(doc, actual).differences).toEqual([]);
  });

  test("a listing the author took later in a Pod's life shows the state this run reaches afterwards", () => {
    const doc = ['NAME   READY   STATUS    RESTARTS   AGE', 'db-0   1/1     Running   0          2m'].join('\n');
    const actual = [
      'NAME   READY   STATUS              RESTARTS   AGE',
      'db-0   0/1     ContainerCreating   0          1s',
      'db-0   1/1     Running             0          2s',
    ].join('\n');
    expect(run(doc, actual).differences).toEqual([]);
    const never = [
      'NAME   READY   STATUS              RESTARTS   AGE',
      'db-0   0/1     ContainerCreating   0          1s',
      'db-0   0/1     Error               0          2s',
    ].join('\n');
    expect(run(doc, never).ok).toBe(false);
  });

  test.each([['a state the run never shows', 'db-0      0/1       CrashLoopBackOff   1          9s', 41, 'missing-line']])(
    'fails: %s',
    (_name, rows, line, kind) => {
      const doc = `NAME      READY     STATUS    RESTARTS   AGE\n${rows}`;
      const r = run(doc, RUN);
      expect(r.ok).toBe(false);
      expect(r.differences.map((d) => [d.line, d.kind])).toContainEqual([line, kind]);
    },
  );

  test('fails: events in another order than the run printed them', () => {
    const doc = [
      'NAME   READY   STATUS    RESTARTS   AGE',
      'db-0   1/1     Running   0          40s',
      'db-1   1/1     Running   0          38s',
      'db-0   1/1     Running   0          1s',
      'db-0   0/1     Pending   0          0s',
    ].join('\n');
    const r = run(doc, RUN);
    expect(r.ok).toBe(false);
    expect(r.differences.filter((d) => d.kind === 'missing-line').map((d) => d.line)).toHaveLength(1);
  });

  test('a Pod the doc never shows, or a change of a Pod after its last doc row while the stream goes on, still fails', () => {
    const extraPod = `${RUN}\ndb-2   0/1     Pending   0          0s`;
    const doc = ['NAME   READY   STATUS    RESTARTS   AGE', 'db-0   1/1     Running   0          40s', 'db-1   1/1     Running   0          38s'].join('\n');
    expect(run(doc, extraPod).differences.map((d) => d.kind)).toContain('extra-line');
    // The doc says db-1 stays Running while db-0 is replaced: the run replaces db-1 in between.
    const onlyDb0 = [
      'NAME   READY   STATUS        RESTARTS   AGE',
      'db-0   1/1     Running       0          40s',
      'db-1   1/1     Running       0          38s',
      'db-0   1/1     Terminating   0          41s',
      'db-0   1/1     Running       0          1s',
    ].join('\n');
    const replaced = [
      'NAME   READY   STATUS        RESTARTS   AGE',
      'db-0   1/1     Running       0          40s',
      'db-1   1/1     Running       0          38s',
      'db-0   1/1     Terminating   0          41s',
      'db-1   1/1     Terminating   0          39s',
      'db-0   1/1     Running       0          1s',
    ].join('\n');
    const r = run(onlyDb0, replaced);
    expect(r.ok).toBe(false);
    expect(r.differences).toEqual([expect.objectContaining({ kind: 'extra-line', actual: 'db-1 1/1 Terminating 0 39s' })]);
  });

  test('rows shown without a header are later events of the stream, read with its columns', () => {
    const later = [
      'db-0      0/1       Pending             0         0s',
      'db-0      0/1       ContainerCreating   0         0s',
      'db-0      1/1       Running             0         1s',
      'db-1      0/1       Pending             0         0s',
      'db-1      1/1       Running             0         1s',
    ].join('\n');
    expect(run(later, RUN).differences).toEqual([]);
    // Pods the run never shows (another selector than the manifest's labels) still fail, row by row.
    const other = ['db-3      0/1       Pending   0         0s', 'db-3      1/1       Running   0         8s'].join('\n');
    const r = run(other, RUN);
    expect(r.ok).toBe(false);
    expect(r.differences.filter((d) => d.kind === 'missing-line').map((d) => d.line)).toEqual([40, 41]);
    // So does a state the run does not reach.
    expect(run('db-1      0/1       CrashLoopBackOff   1         9s', RUN).ok).toBe(false);
  });

  test('a new column of kubectl 1.32 is still a column-layout difference', () => {
    const doc = ['NAME   READY   STATUS    AGE', 'db-0   1/1     Running   40s'].join('\n');
    expect(run(doc, RUN).differences.map((d) => d.kind)).toContain('column-layout');
  });
});
