import { describe, expect, test } from 'vitest';
import { matchOutput } from '../../src/match/index.js';

const similar = (expected: string, actual: string, command = 'kubectl apply -f pod.yaml') =>
  matchOutput({ expected, actual, mode: 'similar', line: 10, column: 0, command });

const LONG =
  'Error from server (Forbidden): error when creating "https://k8s.io/examples/admin/resource/memory-constraints-pod-2.yaml": pods "constraints-mem-demo-2" is forbidden: maximum memory usage per Container is 1Gi, but limit is 1536Mi.';

describe('a doc line soft-wrapped in two', () => {
  test('two adjacent doc lines that join with a blank to one actual line match it', () => {
    const doc =
      'Error from server (Forbidden): error when creating "examples/admin/resource/memory-constraints-pod-2.yaml":\n' +
      'pods "constraints-mem-demo-2" is forbidden: maximum memory usage per Container is 1Gi, but limit is 1536Mi.';
    expect(similar(doc, LONG)).toMatchObject({ ok: true, differences: [] });
  });

  test('a break inside a word joins with nothing between', () => {
    expect(similar('pod/my-nginx-cf54cd\nbf7-vr96x created', 'pod/my-nginx-cf54cdbf7-vr96x created').ok).toBe(true);
  });

  test('the lines around the wrapped one are compared as usual, and its values are bound', () => {
    const doc = 'before\npod "web-7d4f8b9c6-abcde" is\nforbidden by 10.0.0.12\nafter';
    const r = similar(doc, 'before\npod "web-5f6d7c8b9-xk2zq" is forbidden by 10.96.3.4\nafter');
    expect(r.ok).toBe(true);
    expect(r.bindings.map((b) => [b.kind, b.doc, b.actual])).toEqual([
      ['pod-name', 'web-7d4f8b9c6-abcde', 'web-5f6d7c8b9-xk2zq'],
      ['ip', '10.0.0.12', '10.96.3.4'],
    ]);
  });

  test('a join that differs from the actual line still fails, at the doc lines', () => {
    const doc = 'Error from server (Forbidden): error when creating "pod-2.yaml":\npods "demo-2" is forbidden: maximum memory usage per Container is 2Gi';
    const r = similar(
      doc,
      'Error from server (Forbidden): error when creating "pod-2.yaml": pods "demo-2" is forbidden: maximum memory usage per Container is 1Gi',
    );
    expect(r.ok).toBe(false);
    expect(r.differences.map((d) => [d.kind, d.line])).toEqual([
      ['wrong-value', 10],
      ['missing-line', 11],
    ]);
  });

  test('only adjacent doc lines join: a blank line between them keeps them apart', () => {
    expect(similar('pods "demo-2" is\n\nforbidden', 'pods "demo-2" is forbidden').ok).toBe(false);
  });

  test('a doc line that is only the start of the actual line is not a wrap', () => {
    const r = similar('pods "demo-2" is forbidden:', 'pods "demo-2" is forbidden: maximum memory usage per Container is 1Gi');
    expect(r.ok).toBe(false);
  });

  test('a wrapped pair is one actual line: it does not stand for two', () => {
    expect(similar('alpha beta\ngamma delta\nomega', 'alpha beta gamma delta\nomega').ok).toBe(true);
    const r = similar('alpha beta\ngamma delta', 'alpha beta gamma delta\nalpha beta gamma delta');
    expect(r.differences.map((d) => d.kind)).toEqual(['extra-line']);
  });

  test("doc lines that join to the actual line without kubectl's wrapper match it", () => {
    const actual =
      'Error from server (Forbidden): error when creating "https://example.test/claim-2.yaml": persistentvolumeclaims "claim-2" is forbidden: exceeded quota: claims, requested: persistentvolumeclaims=1, used: persistentvolumeclaims=1, limited: persistentvolumeclaims=1';
    const doc =
      'persistentvolumeclaims "claim-2" is forbidden:\nexceeded quota: claims, requested: persistentvolumeclaims=1,\nused: persistentvolumeclaims=1, limited: persistentvolumeclaims=1';
    expect(similar(doc, actual, 'kubectl create -f claim-2.yaml')).toMatchObject({ ok: true, differences: [] });
    // Only the wrapper of an API error comes off: `Error from server: ` with no reason, and `error: `.
    expect(similar('pods "web" is\nforbidden: no', 'Error from server: pods "web" is forbidden: no').ok).toBe(true);
    expect(similar('unknown flag:\n--frobnicate', 'error: unknown flag: --frobnicate').ok).toBe(true);
  });

  test('a wrapped error whose words differ from the unwrapped actual line still fails', () => {
    const actual =
      'Error from server (Forbidden): error when creating "claim-2.yaml": persistentvolumeclaims "claim-2" is forbidden: exceeded quota: claims, requested: persistentvolumeclaims=1, used: persistentvolumeclaims=1, limited: persistentvolumeclaims=1';
    const doc =
      'persistentvolumeclaims "claim-2" is forbidden:\nexceeded quota: claims, requested: persistentvolumeclaims=1,\nused: persistentvolumeclaims=0, limited: persistentvolumeclaims=1';
    expect(similar(doc, actual).ok).toBe(false);
    // Text in front of the message that is not kubectl's wrapper does not come off.
    expect(similar('pods "web" is\nforbidden: no', 'Warning: pods "web" is forbidden: no').ok).toBe(false);
    // Three lines join only at blanks: a break inside a word needs a two-line wrap.
    expect(similar('alpha be\nta gam\nma', 'alpha beta gamma').ok).toBe(false);
  });
});
