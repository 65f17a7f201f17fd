import { describe, expect, test } from 'vitest';
import { applyBindings, matchOutput } from '../../src/match/index.js';
import type { Binding } from '../../src/match/index.js';

const POD: Binding = { doc: 'my-nginx-cf54cdbf7-vr96x', actual: 'my-nginx-7d9c6f8b4-k2x9p', kind: 'pod-name' };
const IP: Binding = { doc: '10.0.0.1', actual: '10.96.0.1', kind: 'ip' };

describe('applyBindings', () => {
  test('should rewrite whole tokens only', () => {
    expect(applyBindings('kubectl exec my-nginx-cf54cdbf7-vr96x -- printenv', [POD])).toEqual({
      command: 'kubectl exec my-nginx-7d9c6f8b4-k2x9p -- printenv',
      applied: [POD],
    });
    expect(applyBindings('kubectl logs my-nginx-cf54cdbf7-vr96xz', [POD])).toEqual({ command: 'kubectl logs my-nginx-cf54cdbf7-vr96xz', applied: [] });
    expect(applyBindings('curl 10.0.0.12', [IP]).command).toBe('curl 10.0.0.12');
    expect(applyBindings('curl http://10.0.0.1:80/ && curl 10.0.0.1.', [IP]).command).toBe('curl http://10.96.0.1:80/ && curl 10.96.0.1.');
    expect(applyBindings('kubectl get pod/my-nginx-cf54cdbf7-vr96x', [POD]).command).toBe('kubectl get pod/my-nginx-7d9c6f8b4-k2x9p');
  });

  test('should replace placeholders and prefer longer doc values', () => {
    const bindings: Binding[] = [
      { doc: 'my-nginx-cf54cdbf7', actual: 'my-nginx-7d9c6f8b4', kind: 'pod-name' },
      POD,
      { doc: '<pod-name>', actual: 'busybox', kind: 'placeholder' },
    ];
    const out = applyBindings('kubectl exec <pod-name> && kubectl get rs my-nginx-cf54cdbf7 && kubectl delete pod my-nginx-cf54cdbf7-vr96x', bindings);
    expect(out.command).toBe('kubectl exec busybox && kubectl get rs my-nginx-7d9c6f8b4 && kubectl delete pod my-nginx-7d9c6f8b4-k2x9p');
    expect(out.applied).toHaveLength(3);
  });

  test('should leave a command without bindings alone', () => {
    expect(applyBindings('kubectl get pods', [])).toEqual({ command: 'kubectl get pods', applied: [] });
  });
});

describe('bindings from matchOutput', () => {
  test('should keep the first actual value of a doc value seen twice', () => {
    const result = matchOutput({
      expected: 'connected to 10.0.0.1\nconnected to 10.0.0.1\n',
      actual: 'connected to 10.96.0.1\nconnected to 10.96.0.2\n',
      mode: 'similar',
      line: 1,
      column: 1,
    });
    expect(result.ok).toBe(true);
    expect(result.bindings).toEqual([IP]);
  });

  test('should bind only aligned values, not values of unmatched lines', () => {
    const result = matchOutput({
      expected: 'pod my-nginx-cf54cdbf7-vr96x ready\n',
      actual: 'pod my-nginx-7d9c6f8b4-k2x9p failed\n',
      mode: 'similar',
      line: 1,
      column: 1,
    });
    expect(result.ok).toBe(false);
    expect(result.bindings).toEqual([]);
  });
});
