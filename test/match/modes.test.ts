import { describe, expect, test } from 'vitest';
import { matchOutput } from '../../src/match/index.js';
import type { MatchMode } from '../../src/plan/types.js';

const run = (mode: MatchMode, expected: string, actual: string, command?: string) =>
  matchOutput({ expected, actual, mode, line: 10, column: 3, ...(command ? { command } : {}) });

describe('modes', () => {
  test('exact: trailing whitespace and final newlines are trimmed, nothing else', () => {
    expect(run('exact', 'a  \nb\n\n', 'a\nb').ok).toBe(true);
    expect(run('exact', 'NAME   READY', 'NAME  READY').ok).toBe(false);
    expect(run('exact', 'ip 10.0.0.1', 'ip 10.0.0.2').differences).toMatchObject([{ kind: 'wrong-value', line: 10, column: 3 }]);
  });

  test('similar: column padding and blank lines are ignored, volatile values tolerated', () => {
    expect(run('similar', 'Type:   ClusterIP\n\nIP:  10.0.0.1', 'Type:          ClusterIP\nIP:            10.96.0.1').ok).toBe(true);
  });

  test('contains: doc lines in order, anywhere in the output', () => {
    expect(run('contains', 'b\nd', 'a\nb\nc\nd\ne').ok).toBe(true);
    expect(run('contains', 'd\nb', 'a\nb\nc\nd\ne').differences).toMatchObject([{ kind: 'missing-line', line: 11 }]);
  });

  test('lines: the same lines in any order', () => {
    expect(run('lines', 'x\ny', 'y\nx').ok).toBe(true);
    expect(run('lines', 'x\ny', 'y\nx\nz').differences).toMatchObject([{ kind: 'extra-line', message: 'extra in actual output: z' }]);
  });

  test('regex: a multiline regular expression over the whole output', () => {
    expect(run('regex', '^pod/\\S+ created$', 'namespace/x created\npod/busybox created').ok).toBe(true);
    expect(run('regex', '^pod/\\S+ deleted$', 'pod/busybox created').differences).toMatchObject([{ kind: 'wrong-value', line: 10, column: 3 }]);
    expect(run('regex', '(unclosed', 'x').differences[0]?.message).toMatch(/regular expression is invalid/);
  });

  test('differences carry the output column (list indentation)', () => {
    const r = run('similar', 'NAME   READY\nfoo    1/1', 'NAME   READY\nfoo    0/1');
    expect(r.differences).toEqual([
      { kind: 'wrong-value', message: 'row foo, column READY: doc 1/1, actual 0/1', line: 11, column: 10, expected: '1/1', actual: '0/1' },
    ]);
  });

  test('the diff is a unified diff labelled doc and actual', () => {
    expect(run('similar', 'a\nb', 'a\nc').diff).toBe('--- doc\n+++ actual\n@@ -1,2 +1,2 @@\n a\n-b\n+c\n');
  });
});

describe('stale docs', () => {
  test('a renamed describe field is a stale wrong-value', () => {
    const r = matchOutput({
      expected: 'Name:   my-nginx\nTarget Port:   80/TCP',
      actual: 'Name:      my-nginx\nTargetPort:   80/TCP',
      mode: 'similar',
      line: 1,
      column: 1,
    });
    expect(r.differences).toMatchObject([
      {
        kind: 'wrong-value',
        line: 2,
        stale: true,
        message: 'field Target Port is TargetPort in actual output (renamed by a newer version; the doc may be stale)',
      },
    ]);
  });

  test('node names in kubectl get nodes tables vary; other node properties are reported as the environment', () => {
    const r = matchOutput({
      expected: 'NAME       STATUS   ROLES           AGE   VERSION\nminikube   Ready    control-plane   10d   v1.28.3',
      actual: 'NAME                 STATUS   ROLES           AGE   VERSION\nkind-control-plane   Ready    control-plane   4m    v1.32.0',
      mode: 'similar',
      line: 1,
      column: 1,
      command: 'kubectl get nodes',
    });
    // The doc shows the nodes of the cluster it was written on: their version is reported, not failed.
    expect(r.differences).toMatchObject([
      { kind: 'wrong-value', message: expect.stringContaining('row minikube, column VERSION: doc v1.28.3, actual v1.32.0'), environment: true },
    ]);
    expect(r.ok).toBe(true);
    expect(r.bindings).toEqual([{ doc: 'minikube', actual: 'kind-control-plane', kind: 'node-name' }]);
  });
});

describe('structured lists', () => {
  test('items of a List pair by metadata.name in any order', () => {
    const item = (name: string, phase: string) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name }, status: { phase } });
    const doc = JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [item('web-0', 'Running'), item('my-nginx-cf54cdbf7-vr96x', 'Running')] }, null, 2);
    const actual = JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [item('my-nginx-7d9c6f8b4-k2x9p', 'Running'), item('web-0', 'Pending')] }, null, 2);
    const r = matchOutput({ expected: doc, actual, mode: 'similar', line: 1, column: 1, command: 'kubectl get pods -o json' });
    expect(r.differences).toMatchObject([
      { kind: 'wrong-value', path: 'items[0].status.phase', message: 'items[0].status.phase: doc Running, actual Pending' },
    ]);
  });

  test('similar: an output opening with ... and no other elision is an excerpt, open at its end', () => {
    const page = '<!DOCTYPE html>\n<html>\n<body>\n<h1>Welcome to nginx!</h1>\n<p>If you see this page</p>\n</body>';
    expect(run('similar', '...\n<h1>Welcome to nginx!</h1>', page).ok).toBe(true);
    // Still ordered and still strict about the lines it shows.
    expect(run('similar', '...\n<h1>Welcome to Apache!</h1>', page).ok).toBe(false);
    // Without the opening elision, the lines after the doc's last line are extra.
    expect(run('similar', '<!DOCTYPE html>\n<html>', page).differences.some((d) => d.kind === 'extra-line')).toBe(true);
    // An elision elsewhere keeps the doc's own shape: nothing is implied at the end.
    expect(run('similar', '...\n<h1>Welcome to nginx!</h1>\n...\n<p>If you see this page</p>', page).differences.some((d) => d.kind === 'extra-line')).toBe(
      true,
    );
  });

  test('similar: a <...> line elides output like ...', () => {
    const actual = 'Name: web\nReplicas: 3\nConditions:\n  Type       Status\n  ----       ------\n  Available  True\nEvents: <none>';
    expect(run('similar', 'Name: web\n<...>\nEvents: <none>', actual).ok).toBe(true);
    expect(run('similar', '<...>\nAvailable  True\nEvents: <none>', 'Name: web\nReplicas: 3\nAvailable  True\nEvents: <none>').ok).toBe(true);
    // The lines it keeps are still compared.
    expect(run('similar', 'Labels: web\n<...>\nEvents: <none>', actual).ok).toBe(false);
    // Without the elision the left-out lines are missing from the doc.
    expect(run('similar', 'Name: web\nEvents: <none>', actual).ok).toBe(false);
  });

  test('similar: a row of an object the cluster makes in every namespace is stale when the doc lacks it', () => {
    const doc = 'NAME             DATA   AGE\nnginxconfigmap   1      114s';
    const actual = 'NAME               DATA   AGE\nkube-root-ca.crt   1      2m6s\nnginxconfigmap     1      29s';
    const r = run('similar', doc, actual, 'kubectl get configmaps');
    expect(r.ok).toBe(true);
    expect(r.differences).toMatchObject([{ kind: 'extra-line', stale: true }]);
    expect(r.differences[0]!.message).toContain('since Kubernetes 1.20');
    // Any other extra row still fails.
    expect(run('similar', doc, actual.replace('kube-root-ca.crt', 'other-config    '), 'kubectl get configmaps').ok).toBe(false);
  });

  test('similar: an ls listing is its names in order, wherever a terminal broke the lines', () => {
    expect(run('similar', 'password username', 'password\nusername\n', 'ls').strategy).toBe('listing');
    expect(run('similar', 'password username', 'password\nusername\n', 'ls').ok).toBe(true);
    expect(run('similar', 'a.txt  b.txt\nc.txt', 'a.txt  b.txt  c.txt', 'ls /data').ok).toBe(true);
    expect(run('similar', 'password username', 'password\n', 'ls').differences).toMatchObject([{ kind: 'missing-line', expected: 'username' }]);
    expect(run('similar', 'password username', 'username\npassword\n', 'ls').ok).toBe(false);
    // A long listing is compared by lines.
    expect(run('similar', 'total 0', 'total 0\n', 'ls -l').strategy).toBe('lines');
  });
});
