import { describe, expect, it } from 'vitest';
import { createContext } from '../../src/lint/context.js';
import { cmd, plan } from './helpers.js';

describe('remote shell tracking', () => {
  it('treats commands after `kubectl exec -ti … -- bash` as remote until exit or a local tool', () => {
    const steps = [
      cmd(1, 'kubectl exec -ti my-pod -- bash', { section: 'A' }),
      cmd(2, 'cat server.js', { section: 'A' }),
      cmd(3, 'exit', { section: 'A' }),
      cmd(4, 'cat local.txt', { section: 'A' }),
      cmd(5, 'kubectl run -it --rm t --image=busybox', { section: 'A' }),
      cmd(6, 'nslookup my-nginx', { section: 'A' }),
      cmd(7, 'kubectl get pods', { section: 'A' }),
      cmd(8, 'kubectl exec -it p -- sh', { section: 'A' }),
      cmd(9, 'ls', { section: 'B' }),
    ];
    const ctx = createContext(plan(...steps));
    expect(steps.filter((s) => ctx.isRemote(s)).map((s) => s.line)).toEqual([2, 3, 6]);
  });
});
