import { describe, expect, test } from 'vitest';
import { matchOutput } from '../../src/match/index.js';

describe("a pod's resolv.conf", () => {
  const cmd = 'kubectl exec -ti dnsutils -- cat /etc/resolv.conf';
  const resolv = (search: string) => `search ${search}\nnameserver 10.96.0.10\noptions ndots:5`;
  const m = (doc: string, actual: string) => matchOutput({ expected: resolv(doc), actual: resolv(actual), mode: 'similar', line: 1, column: 1, command: cmd });

  test("the node's own search domains after the cluster's are the environment", () => {
    expect(
      m(
        'default.svc.cluster.local svc.cluster.local cluster.local google.internal c.proj.internal',
        'default.svc.cluster.local svc.cluster.local cluster.local',
      ).ok,
    ).toBe(true);
  });

  test('a wrong cluster part still fails', () => {
    expect(m('default.svc.cluster.local svc.cluster.local cluster.local', 'other.svc.cluster.local svc.cluster.local cluster.local').ok).toBe(false);
    expect(m('default.svc.cluster.local cluster.local', 'default.svc.cluster.local svc.cluster.local cluster.local').ok).toBe(false);
  });
});
