import { describe, expect, it } from 'vitest';
import { matchOutput } from '../../src/match/index.js';
import { isWatchCommand, withoutEarlierStates } from '../../src/match/watch-states.js';

const HEAD = 'NAME   READY   STATUS              RESTARTS   AGE';
const run = (expected: string, actual: string, command = 'kubectl get pod web --watch') =>
  matchOutput({ expected, actual, mode: 'similar', line: 20, column: 1, command });
const doc = ['NAME   READY   STATUS    RESTARTS   AGE', 'web    1/1     Running   0          13s'].join('\n');

describe('isWatchCommand', () => {
  it.each([
    ['kubectl get pod web --watch', true],
    ['kubectl get --watch pod web', true],
    ['kubectl get pods -w', true],
    ['timeout --foreground 30 kubectl get pods -l app=web -w', true],
    ['kubectl get pods --watch-only', true],
    ['kubectl get pods', false],
    ['kubectl rollout status deployment/web -w', false],
    ['kubectl get pods --watch=false', false],
  ])('%s → %s', (command, expected) => {
    expect(isWatchCommand(command)).toBe(expected);
  });
});

describe('withoutEarlierStates', () => {
  it('should offer the listing without the first rows of the object that opens it, keeping its last row', () => {
    const actual = [
      HEAD,
      'web    0/1     Pending             0          0s',
      'web    0/1     ContainerCreating   0          0s',
      'web    1/1     Running             0          2s',
      '',
    ].join('\n');
    expect(withoutEarlierStates(actual)).toEqual([
      [HEAD, 'web    0/1     ContainerCreating   0          0s', 'web    1/1     Running             0          2s', ''].join('\n'),
      [HEAD, 'web    1/1     Running             0          2s', ''].join('\n'),
    ]);
    expect(withoutEarlierStates([HEAD, 'web    1/1     Running   0   2s', 'db     1/1     Running   0   2s'].join('\n'))).toEqual([]);
    expect(withoutEarlierStates('pod/web created')).toEqual([]);
  });
});

describe('a watch started before its object reached the state the page shows', () => {
  it('should pass when the page shows the row of the state the object reached', () => {
    const actual = [HEAD, 'web    0/1     ContainerCreating   0          0s', 'web    1/1     Running             0          1s', ''].join('\n');
    expect(run(doc, actual).ok).toBe(true);
  });

  it('should still fail when the object never reaches the state the page shows', () => {
    const actual = [HEAD, 'web    0/1     ContainerCreating   0          0s', 'web    0/1     ErrImagePull        0          3s', ''].join('\n');
    expect(run(doc, actual).ok).toBe(false);
  });

  it('should still fail on a later failure the page does not show, and on rows of another object', () => {
    const later = [
      HEAD,
      'web    0/1     ContainerCreating   0          0s',
      'web    1/1     Running             0          1s',
      'web    0/1     Error               1          9s',
      '',
    ].join('\n');
    expect(run(doc, later).ok).toBe(false);
    const other = [HEAD, 'db     0/1     ContainerCreating   0          0s', 'web    1/1     Running             0          1s', ''].join('\n');
    expect(run(doc, other).ok).toBe(false);
  });

  it('should not drop rows of a plain listing', () => {
    const actual = [HEAD, 'web    0/1     ContainerCreating   0          0s', 'web    1/1     Running             0          1s', ''].join('\n');
    expect(run(doc, actual, 'kubectl get pods').ok).toBe(false);
  });
});
