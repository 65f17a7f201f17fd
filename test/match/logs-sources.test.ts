import { describe, expect, test } from 'vitest';
import { matchOutput } from '../../src/match/index.js';
import { readsSeveralLogSources } from '../../src/match/logs-sources.js';

const check = (command: string, expected: string, actual: string) => matchOutput({ expected, actual, mode: 'similar', line: 1, column: 1, command });

describe('readsSeveralLogSources', () => {
  test.each([
    'kubectl logs -l app=worker',
    'kubectl logs -f -l app=worker',
    'kubectl logs --selector=app=worker --tail=5',
    'kubectl logs mypod --all-containers',
    'kubectl logs deploy/web --all-pods=true',
    'kubectl -n jobs logs -l job-name=pi -f',
  ])('%s → several sources', (command) => {
    expect(readsSeveralLogSources(command)).toBe(true);
  });

  test.each([
    ['kubectl logs mypod', 'one pod, one container'],
    ['kubectl logs mypod -c sidecar', 'one named container'],
    ['kubectl logs -l app=worker | sort', 'sort prints its own order'],
    ['kubectl get pods -l app=worker', 'not logs'],
    ['echo kubectl logs -l app=worker', 'not kubectl'],
  ])('%s → one source (%s)', (command) => {
    expect(readsSeveralLogSources(command)).toBe(false);
  });
});

describe('logs of several sources', () => {
  const doc = 'worker a started\nworker b started\nworker c started\n';

  test('should accept the sources in any order', () => {
    expect(check('kubectl logs -l app=worker', doc, 'worker c started\nworker a started\nworker b started\n').ok).toBe(true);
  });

  test('should still report a line the doc shows that no source printed', () => {
    const r = check('kubectl logs -f -l app=worker', doc, 'worker c started\nworker a started\n');
    expect(r.ok).toBe(false);
    expect(r.differences.map((d) => d.kind)).toContain('missing-line');
  });

  test('should still report a line no source printed that the doc omits', () => {
    const r = check('kubectl logs -l app=worker', doc, 'worker c started\nworker a started\nworker b started\nworker d crashed\n');
    expect(r.ok).toBe(false);
  });

  test('should keep the order of one pod’s lines', () => {
    expect(check('kubectl logs worker-a', 'one\ntwo\n', 'two\none\n').ok).toBe(false);
  });
});

describe('a pod table of a Job from an old cluster', () => {
  const doc = 'NAME                        READY     STATUS      RESTARTS   AGE\nprocess-item-apple-kixwv    0/1       Completed   0          4m\n';

  test('should take the NAME ending in a 5-letter part for a generated name', () => {
    expect(
      check(
        'kubectl get pods -l jobgroup=x',
        doc,
        'NAME                       READY   STATUS      RESTARTS   AGE\nprocess-item-apple-2qfnj   0/1     Completed   0          9s\n',
      ).ok,
    ).toBe(true);
  });

  test('should still report another prefix or another status', () => {
    expect(
      check(
        'kubectl get pods',
        doc,
        'NAME                      READY   STATUS      RESTARTS   AGE\nprocess-item-pear-2qfnj   0/1     Completed   0          9s\n',
      ).ok,
    ).toBe(false);
    expect(
      check('kubectl get pods', doc, 'NAME                       READY   STATUS   RESTARTS   AGE\nprocess-item-apple-2qfnj   0/1     Error    0          9s\n')
        .ok,
    ).toBe(false);
  });
});
