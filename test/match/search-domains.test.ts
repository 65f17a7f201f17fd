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

  test('the search line pairs up when the runtime writes it before the nameserver and the doc after', () => {
    const doc = 'nameserver 10.0.0.10\nsearch default.svc.cluster.local svc.cluster.local cluster.local example.com\noptions ndots:5';
    const run = (search: string) => `search ${search}\nnameserver 10.96.0.10\noptions ndots:5`;
    const m2 = (actual: string) => matchOutput({ expected: doc, actual, mode: 'similar', line: 1, column: 1, command: cmd });
    expect(m2(run('default.svc.cluster.local svc.cluster.local cluster.local')).ok).toBe(true);
    expect(m2(run('other.svc.cluster.local svc.cluster.local cluster.local')).ok).toBe(false);
  });
});
