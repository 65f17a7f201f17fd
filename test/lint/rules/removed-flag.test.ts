import { describe, expect, it } from 'vitest';
import { cmd, lintOne } from '../helpers.js';

describe('removed-flag', () => {
  it('reports removed flags and subcommands as errors, deprecated ones as warnings', () => {
    const ds = lintOne(
      'removed-flag',
      cmd(1, 'kubectl run nginx --image=nginx --replicas=2'),
      cmd(2, 'kubectl run nginx --image=nginx --generator=run/v1'),
      cmd(3, 'kubectl get deploy x --export -o yaml'),
      cmd(4, 'kubectl rolling-update frontend --image=image:v2'),
      cmd(5, 'kubectl apply -f x.yaml --record'),
    );
    expect(ds.map((d) => [d.line, d.severity])).toEqual([
      [1, 'error'],
      [2, 'error'],
      [3, 'error'],
      [4, 'error'],
      [5, 'warning'],
    ]);
    expect(ds[0]!.message).toMatch(/^`kubectl run --replicas` was removed in kubectl 1\.18/);
  });

  it('accepts current flags', () => {
    expect(lintOne('removed-flag', cmd(1, 'kubectl scale deployment x --replicas=2'), cmd(2, 'kubectl apply -f x.yaml --dry-run=client'))).toEqual([]);
  });
});
