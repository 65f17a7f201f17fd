import { describe, expect, test } from 'vitest';
import { SYSTEM_NAMESPACES, systemNamespaceOf } from '../../src/match/distribution.js';
import { matchOutput } from '../../src/match/index.js';
import type { MatchMode } from '../../src/plan/types.js';

const run = (expected: string, actual: string, command: string, mode: MatchMode = 'similar') =>
  matchOutput({ expected, actual, mode, line: 1, column: 1, command });

const DISTRIBUTION =
  "a value set by the cluster's distribution in kube-system: it differs on this cluster's distribution; the doc's cluster may have installed the add-on differently";

/** Captured on a GCE cluster. */
const KUBE_DNS_DOC = `NAME       TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)         AGE
kube-dns   ClusterIP   10.0.0.10    <none>        53/UDP,53/TCP   8m
`;
/** kind and kubeadm run CoreDNS, which also serves metrics on 9153. */
const KUBE_DNS_KIND = `NAME       TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)                  AGE
kube-dns   ClusterIP   10.96.0.10   <none>        53/UDP,53/TCP,9153/TCP   69s
`;

describe('systemNamespaceOf', () => {
  test.each([
    ['kubectl get services kube-dns --namespace=kube-system', 'kube-system'],
    ['kubectl get services kube-dns --namespace kube-system', 'kube-system'],
    ['kubectl get services kube-dns -n kube-system', 'kube-system'],
    ['kubectl get services kube-dns -nkube-system', 'kube-system'],
    ['kubectl -n kube-system get pods', 'kube-system'],
    ['kubectl get configmap cluster-info -n kube-public -o yaml', 'kube-public'],
    ['kubectl get leases -n kube-node-lease', 'kube-node-lease'],
    ['kubectl get pods -n kube-system | grep dns', 'kube-system'],
  ])('%s → %s', (command, namespace) => {
    expect(systemNamespaceOf(command)).toBe(namespace);
  });

  test.each([
    'kubectl get services kube-dns',
    'kubectl get pods -n default',
    'kubectl get pods -n kube-systemx',
    'kubectl get pods --all-namespaces',
    'kubectl get pods -A | grep -n kube-system',
  ])('%s → undefined', (command) => {
    expect(systemNamespaceOf(command)).toBeUndefined();
  });
});

describe('values set by the cluster distribution', () => {
  test('should pass a kube-system table cell that differs, flagged environment', () => {
    const r = run(KUBE_DNS_DOC, KUBE_DNS_KIND, 'kubectl get services kube-dns --namespace=kube-system');
    expect(r.ok).toBe(true);
    expect(r.diff).toBe('');
    expect(r.differences).toEqual([
      {
        kind: 'wrong-value',
        message: `row kube-dns, column PORT(S): doc 53/UDP,53/TCP, actual 53/UDP,53/TCP,9153/TCP (${DISTRIBUTION})`,
        line: 2,
        column: 51,
        expected: '53/UDP,53/TCP',
        actual: '53/UDP,53/TCP,9153/TCP',
        environment: true,
      },
    ]);
  });

  test('should fail the same table outside the system namespaces', () => {
    const r = run(KUBE_DNS_DOC, KUBE_DNS_KIND, 'kubectl get services kube-dns');
    expect(r.ok).toBe(false);
    expect(r.differences).toEqual([
      expect.objectContaining({ kind: 'wrong-value', message: 'row kube-dns, column PORT(S): doc 53/UDP,53/TCP, actual 53/UDP,53/TCP,9153/TCP' }),
    ]);
    expect(r.differences[0]?.environment).toBeUndefined();
  });

  test('should fail the same table in exact mode', () => {
    expect(run(KUBE_DNS_DOC, KUBE_DNS_KIND, 'kubectl get services kube-dns -n kube-system', 'exact').ok).toBe(false);
  });

  test.each(SYSTEM_NAMESPACES)('should pass a %s `Key: value` field that differs', (namespace) => {
    const doc = 'Name:       coredns\nReplicas:   2 desired | 2 updated | 2 total | 2 available | 0 unavailable\n';
    const r = run(doc, doc.replace(/2/g, '1'), `kubectl describe deployment coredns -n ${namespace}`);
    expect(r.ok).toBe(true);
    expect(r.differences).toMatchObject([
      { kind: 'wrong-value', line: 2, environment: true, message: expect.stringContaining(`set by the cluster's distribution in ${namespace}`) },
    ]);
  });

  test('should pass a YAML value that differs in kube-system', () => {
    const doc = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: coredns\nspec:\n  replicas: 2\n';
    const r = run(doc, doc.replace('replicas: 2', 'replicas: 1'), 'kubectl get deployment coredns -n kube-system -o yaml');
    expect(r.ok).toBe(true);
    expect(r.differences).toMatchObject([{ kind: 'wrong-value', path: 'spec.replicas', environment: true }]);
  });

  test('should still fail a pod the cluster does not run (kube-dns where the cluster has coredns)', () => {
    const doc = 'NAME                 READY     STATUS    RESTARTS   AGE\nkube-dns-v20-6caix   3/3       Running   0          1d\n';
    const actual = 'NAME                       READY   STATUS    RESTARTS   AGE\ncoredns-7db6d8ff4d-8nxkq   1/1     Running   0          3m\n';
    const r = run(doc, actual, 'kubectl get pods --namespace=kube-system');
    expect(r.ok).toBe(false);
    expect(r.differences).toMatchObject([
      { kind: 'missing-line', message: 'row kube-dns-v20-6caix: missing in actual output' },
      { kind: 'extra-line', message: 'row coredns-7db6d8ff4d-8nxkq: extra in actual output' },
    ]);
    expect(r.differences.some((d) => d.environment)).toBe(false);
  });

  test('should still fail an extra line in kube-system', () => {
    const doc = 'Name:              kube-dns\nPort:              dns  53/UDP\n';
    const r = run(doc, `${doc}Port:              metrics  9153/TCP\n`, 'kubectl describe svc kube-dns -n kube-system');
    expect(r.ok).toBe(false);
    expect(r.differences).toMatchObject([{ kind: 'extra-line', message: 'extra in actual output: Port: metrics 9153/TCP' }]);
    expect(r.differences[0]?.environment).toBeUndefined();
  });

  test('should keep a renamed field stale and failing in kube-system', () => {
    const r = run('Name:   kube-dns\nTarget Port:   53/UDP\n', 'Name:   kube-dns\nTargetPort:   53/UDP\n', 'kubectl describe svc kube-dns -n kube-system');
    expect(r.ok).toBe(false);
    expect(r.differences).toMatchObject([{ kind: 'wrong-value', stale: true }]);
    expect(r.differences[0]?.environment).toBeUndefined();
  });

  test('should not flag a changed line that is not a field', () => {
    const r = run('coredns is running\n', 'coredns is stopped\n', 'kubectl exec -n kube-system deploy/coredns -- status');
    expect(r.ok).toBe(false);
    expect(r.differences).toMatchObject([{ kind: 'wrong-value' }]);
    expect(r.differences[0]?.environment).toBeUndefined();
  });
});

describe("the cluster's nodes", () => {
  const node = (kernel: string, taints: string) =>
    `Name:               minikube\nRoles:              control-plane\nTaints:             ${taints}\nKernel Version:     ${kernel}`;
  test.each<[string, string, string, boolean]>([
    ['kernel and role of the environment', node('5.15.0-1049-gke', '<none>'), node('6.1.0-18-amd64', '<none>'), true],
    ['a taint the tutorial set', node('5.15.0', 'disktype=ssd:NoSchedule'), node('5.15.0', '<none>'), false],
  ])('describe node: %s', (_name, expected, actual, ok) => {
    const r = matchOutput({ expected, actual, mode: 'similar', line: 1, column: 1, command: 'kubectl describe node minikube' });
    expect(r.ok, JSON.stringify(r.differences)).toBe(ok);
    if (ok) expect(r.differences.every((d) => d.environment === true)).toBe(true);
  });

  test('the same values in other output stay exact', () => {
    const r = matchOutput({
      expected: 'Kernel Version:     5.15.0',
      actual: 'Kernel Version:     6.1.0',
      mode: 'similar',
      line: 1,
      column: 1,
      command: 'kubectl describe pod x',
    });
    expect(r.ok).toBe(false);
  });
});
