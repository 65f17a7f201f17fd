import { describe, expect, it, test } from 'vitest';
import { ELISION_SHAPES, isElisionLine } from '../../src/match/elisions.js';
import { matchOutput } from '../../src/match/index.js';

describe('elision shapes', () => {
  for (const shape of ELISION_SHAPES) {
    describe(shape.id, () => {
      it.each(shape.trigger)('reads %j as an elision', (line) => {
        expect(shape.pattern.test(line.trim())).toBe(true);
        expect(isElisionLine(`  ${line}  `)).toBe(true);
      });
      it.each(shape.clean)('does not read %j as one', (line) => {
        expect(isElisionLine(line)).toBe(false);
      });
    });
  }
  it('reads a blank line as no elision', () => {
    expect(isElisionLine('   ')).toBe(false);
  });
});

const APT = [
  'Get:1 http://archive.ubuntu.com/ubuntu bionic InRelease [242 kB]',
  'Get:2 http://archive.ubuntu.com/ubuntu bionic-updates InRelease [88.7 kB]',
  'Fetched 331 kB in 1s (331 kB/s)',
  'Reading package lists...',
].join('\n');

const PODS = [
  'NAME                         READY   STATUS    RESTARTS   AGE',
  'coredns-6f6b679f8f-4x2mn     1/1     Running   0          5m',
  'etcd-kind-control-plane      1/1     Running   0          5m',
  'my-scheduler-5d8f7c9b4-abcde 1/1     Running   0          1m',
  'kube-proxy-7xk2p             1/1     Running   0          5m',
].join('\n');

const match = (expected: string, actual: string, command?: string) =>
  matchOutput({ expected, actual, mode: 'similar', line: 1, column: 1, ...(command ? { command } : {}) });

describe('elisions the page writes elide any number of lines', () => {
  test.each([
    ['a note between dots', '.... [ lots of output ] ....\nReading package lists...'],
    ['a bracketed note', 'Get:1 http://archive.ubuntu.com/ubuntu bionic InRelease [242 kB]\n[ lots of output ]\nReading package lists...'],
    ['a <snip> line', 'Get:1 http://archive.ubuntu.com/ubuntu bionic InRelease [242 kB]\n<snip>'],
    ['four dots', '....\nFetched 331 kB in 1s (331 kB/s)\n....'],
  ])('%s', (_name, expected) => {
    const r = match(expected, APT);
    expect(r.ok, JSON.stringify(r.differences)).toBe(true);
  });

  test('a line the page shows is still compared around an elision', () => {
    const r = match('.... [ lots of output ] ....\nFetched 999 kB in 1s (999 kB/s)\n.... [ lots of output ] ....', APT);
    expect(r.ok).toBe(false);
  });

  test('a .... row in a table elides rows; the rows shown still match', () => {
    const r = match(
      'NAME                         READY   STATUS    RESTARTS   AGE\n....\nmy-scheduler-5d8f7c9b4-abcde 1/1     Running   0          2m\n....',
      PODS,
      'kubectl get pods',
    );
    expect(r.ok, JSON.stringify(r.differences)).toBe(true);
  });

  test('a .... row does not excuse a wrong row', () => {
    const r = match(
      'NAME                         READY   STATUS    RESTARTS   AGE\n....\nmy-scheduler-5d8f7c9b4-abcde 0/1     Pending   0          2m\n....',
      PODS,
      'kubectl get pods',
    );
    expect(r.ok).toBe(false);
    expect(r.differences.map((d) => d.message).join('\n')).toMatch(/Pending|0\/1/);
  });

  test('a .... row does not excuse a header the cluster does not print', () => {
    const r = match(
      'NAME                         READY   STATUS    RESTARTS   NODE\n....\nmy-scheduler-5d8f7c9b4-abcde 1/1     Running   0          node-1\n....',
      PODS,
      'kubectl get pods',
    );
    expect(r.ok).toBe(false);
  });
});
