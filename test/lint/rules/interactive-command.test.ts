import { describe, expect, it } from 'vitest';
import { cmd, lintOne } from '../helpers.js';

describe('interactive-command', () => {
  it('reports interactive commands and says how they will be run', () => {
    const ds = lintOne(
      'interactive-command',
      cmd(1, 'kubectl edit svc my-nginx'),
      cmd(2, 'kubectl exec -it pod -- sh'),
      cmd(3, 'kubectl get pods -w'),
      cmd(4, 'kubectl port-forward svc/x 8080:80'),
      cmd(5, 'kubectl run -i --tty --image busybox:1.37 dns-test --restart=Never --rm'),
      cmd(6, 'kubectl logs -f deploy/x'),
      cmd(7, 'kubectl proxy'),
      cmd(8, 'kubectl attach pod -i'),
    );
    expect(ds.map((d) => d.line)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(ds.every((d) => d.severity === 'warning')).toBe(true);
    expect(ds[0]!.message).toMatch(/editor script .* applies the change the doc describes/);
    expect(ds[1]!.message).toMatch(/`kubectl exec -i`/);
    expect(ds[2]!.message).toMatch(/until the expected lines appear/);
    expect(ds[3]!.message).toMatch(/background process for the following steps/);
  });

  it('says nothing of a watch shown again only for the output of the one kept running', () => {
    const first = cmd(1, 'kubectl get pods -w -l app=web');
    const again = cmd(9, 'kubectl get pods -w -l app=web', { showsOutputOf: { line: 1, cue: 'in the first terminal' } });
    expect(lintOne('interactive-command', first, again).map((d) => d.line)).toEqual([1]);
  });

  it('accepts non-interactive forms', () => {
    expect(
      lintOne(
        'interactive-command',
        cmd(1, 'kubectl exec pod -- printenv'),
        cmd(2, 'kubectl get pods -o wide'),
        cmd(3, 'kubectl logs pod'),
        cmd(4, 'kubectl run x --image=nginx'),
      ),
    ).toEqual([]);
  });
});
