import { describe, expect, test } from 'vitest';
import { applyBindings, matchOutput } from '../../src/match/index.js';
import type { Binding, MatchInput, MatchResult } from '../../src/match/index.js';

/** Matches the steps of a page in order, passing each the bindings of the steps before (as the runner does). */
function page(steps: Omit<MatchInput, 'mode' | 'line' | 'column' | 'bindings'>[]): MatchResult[] {
  const bindings: Binding[] = [];
  return steps.map((s, i) => {
    const r = matchOutput({ ...s, mode: 'similar', line: 10 * (i + 1), column: 1, bindings });
    if (r.ok) bindings.push(...r.bindings.map((b) => ({ ...b, line: 10 * (i + 1) })));
    return r;
  });
}

const GET_SVC = {
  command: 'kubectl get svc my-nginx',
  expected: 'NAME       TYPE       CLUSTER-IP   EXTERNAL-IP   PORT(S)        AGE\nmy-nginx   NodePort   10.0.0.11    <none>        80:30080/TCP   5m',
  actual: 'NAME       TYPE       CLUSTER-IP    EXTERNAL-IP   PORT(S)        AGE\nmy-nginx   NodePort   10.96.5.3     <none>        80:31234/TCP   3s',
};
const describeSvc = (ip: string, nodePort: string) => ({
  command: 'kubectl describe svc my-nginx',
  expected: `Name:              my-nginx\nIP:                ${ip}\nNodePort:          <unset>  ${nodePort}/TCP`,
  actual: 'Name:              my-nginx\nIP:                10.96.5.3\nNodePort:          <unset>  31234/TCP',
});
const pods = (rows: string[]) =>
  `NAME                        READY   STATUS    RESTARTS   AGE\n${rows.map((r) => `${r}   1/1     Running   0          1m`).join('\n')}`;
const X1 = 'my-nginx-cf54cdbf7-vr96x';
const X2 = 'my-nginx-cf54cdbf7-k2x9p';
const X3 = 'my-nginx-cf54cdbf7-zz4n8';
const P1 = 'my-nginx-7d9c6f8b4-bbbbb';
const P2 = 'my-nginx-7d9c6f8b4-ccccc';
const P3 = 'my-nginx-7d9c6f8b4-ddddd';

describe('values the cluster assigns are consistent across a page', () => {
  test.each<[string, ReturnType<typeof describeSvc>, boolean, string | undefined]>([
    ['the same IP and NodePort later on the page', describeSvc('10.0.0.11', '30080'), true, undefined],
    [
      'another IP for the same Service contradicts the page',
      describeSvc('10.0.0.12', '30080'),
      false,
      'the page showed 10.96.5.3 as 10.0.0.11 at line 10, here as 10.0.0.12',
    ],
    [
      'another NodePort for the same port contradicts the page',
      describeSvc('10.0.0.11', '30081'),
      false,
      'the page showed 31234 as 30080 at line 10, here as 30081',
    ],
  ])('%s', (_name, later, ok, message) => {
    const [first, second] = page([GET_SVC, later]);
    expect(first!.ok).toBe(true);
    expect(second!.ok, JSON.stringify(second!.differences)).toBe(ok);
    if (message) expect(second!.differences.map((d) => d.message).join('\n')).toContain(message);
  });

  test('without the page bindings the same step passes: only the page makes it a contradiction', () => {
    const alone = describeSvc('10.0.0.12', '30081');
    expect(matchOutput({ ...alone, mode: 'similar', line: 1, column: 1 }).ok).toBe(true);
  });

  test('rows pair the way earlier steps paired them, so a new pod takes the new row', () => {
    const pending = (table: string, name: string) => table.replace(`${name}   1/1     Running`, `${name}   0/1     Pending`);
    const [first, second] = page([
      // Their status tells the doc's pods apart, so the first step pairs them for sure.
      { command: 'kubectl get pods', expected: pending(pods([X1, X2]), X2), actual: pending(pods([P1, P2]), P2) },
      // X2 was deleted; the Deployment made a new pod. The cluster sorts by its random names.
      { command: 'kubectl get pods', expected: pods([X1, X3]), actual: pods([P3, P1]) },
    ]);
    expect(first!.bindings.filter((b) => b.kind === 'pod-name')).toEqual([
      { doc: X1, actual: P1, kind: 'pod-name' },
      { doc: X2, actual: P2, kind: 'pod-name' },
    ]);
    expect(second!.ok, JSON.stringify(second!.differences)).toBe(true);
    expect(second!.bindings.filter((b) => b.doc === X3)).toEqual([{ doc: X3, actual: P3, kind: 'pod-name' }]);
  });

  test('pods alike but for their names pair by chance and bind nothing for later steps', () => {
    // guestbook.md: five frontend pods, then two after scaling down; which two the cluster keeps
    // is its choice, and the first pairing was a draw among alike rows.
    const [first, second] = page([
      { command: 'kubectl get pods', expected: pods([X1, X2, X3]), actual: pods([P1, P2, P3]) },
      { command: 'kubectl get pods', expected: pods([X2, X3]), actual: pods([P1, P2]) },
    ]);
    expect(first!.bindings.every((b) => b.loose === true)).toBe(true);
    expect(second!.ok, JSON.stringify(second!.differences)).toBe(true);
  });

  test('a doc value equal to the actual one is right, whatever the page showed before', () => {
    // guestbook.md shows the kubernetes Service as 10.0.0.1, later as 10.96.0.1.
    const svc = (ip: string) =>
      `NAME         TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE\nkubernetes   ClusterIP   ${ip}    <none>        443/TCP   1m`;
    const [, second] = page([
      { command: 'kubectl get service', expected: svc('10.0.0.1'), actual: svc('10.96.0.1') },
      { command: 'kubectl get service', expected: svc('10.96.0.1'), actual: svc('10.96.0.1') },
    ]);
    expect(second!.ok, JSON.stringify(second!.differences)).toBe(true);
  });

  test('a pod shown under a second name contradicts the page', () => {
    const [, second] = page([
      { command: 'kubectl get pods', expected: pods([X1]), actual: pods([P1]) },
      { command: 'kubectl get pods', expected: pods([X3]), actual: pods([P1]) },
    ]);
    expect(second!.ok).toBe(false);
    expect(second!.differences.map((d) => d.kind)).toEqual(['wrong-value']);
    expect(second!.differences[0]!.message).toContain(`the page showed ${P1} as ${X1}`);
  });

  test('pods in output compared in order may come in any order (ReplicaSet pods sort by random names)', () => {
    const [, second] = page([
      { command: 'kubectl get pods', expected: pods([X1, X2]), actual: pods([P1, P2]) },
      { command: 'kubectl get pods -o name', expected: `pod/${X1}\npod/${X2}`, actual: `pod/${P2}\npod/${P1}` },
    ]);
    expect(second!.ok, JSON.stringify(second!.differences)).toBe(true);
  });

  test('one node may be shown under several names (a doc from a larger cluster); pod IPs come in any order', () => {
    const wide = (rows: [string, string, string][]) =>
      `NAME                        READY   STATUS    IP            NODE\n${rows.map(([n, ip, node]) => `${n}   1/1     Running   ${ip}   ${node}`).join('\n')}`;
    const [, second, third] = page([
      {
        command: 'kubectl get pods -o wide',
        expected: wide([
          [X1, '10.244.2.5', 'gke-node-a'],
          [X2, '10.244.3.4', 'gke-node-b'],
        ]),
        actual: wide([
          [P1, '10.244.0.11', 'kind-control-plane'],
          [P2, '10.244.0.12', 'kind-control-plane'],
        ]),
      },
      {
        command: 'kubectl describe svc my-nginx',
        expected: 'Endpoints:         10.244.3.4:80,10.244.2.5:80',
        actual: 'Endpoints:         10.244.0.11:80,10.244.0.12:80',
      },
      { command: 'kubectl get pods -o wide', expected: wide([[X1, '10.244.2.5', 'gke-node-a']]), actual: wide([[P1, '10.244.0.11', 'kind-control-plane']]) },
    ]);
    expect(second!.ok, JSON.stringify(second!.differences)).toBe(true);
    expect(third!.ok, JSON.stringify(third!.differences)).toBe(true);
  });

  test('kubeconfig names: one context name per page, but cluster, user and context names may all be one actual name', () => {
    const view = {
      command: 'kubectl config view',
      expected:
        'clusters:\n- cluster:\n    server: https://10.0.0.1:6443\n  name: kubernetes\ncontexts:\n- context:\n    cluster: kubernetes\n    user: kubernetes-admin\n  name: kubernetes-admin@kubernetes\ncurrent-context: kubernetes-admin@kubernetes',
      actual:
        'apiVersion: v1\nclusters:\n- cluster:\n    certificate-authority-data: DATA+OMITTED\n    server: https://127.0.0.1:36999\n  name: kubedoctest-sim\ncontexts:\n- context:\n    cluster: kubedoctest-sim\n    namespace: default\n    user: kubedoctest-sim\n  name: kubedoctest-sim\ncurrent-context: kubedoctest-sim\nkind: Config\npreferences: {}\nusers:\n- name: kubedoctest-sim\n  user:\n    token: REDACTED',
    };
    const current = (name: string) => ({ command: 'kubectl config current-context', expected: name, actual: 'kubedoctest-sim' });
    const [a, b] = page([view, current('kubernetes-admin@kubernetes')]);
    expect(a!.ok, JSON.stringify(a!.differences)).toBe(true);
    expect(b!.ok).toBe(true);
    const [, c] = page([view, current('minikube')]);
    expect(c!.ok).toBe(false);
    expect(c!.differences[0]!.message).toContain('contradicts itself');
  });
  test("kubeconfig entries an installer made are the author's own; entries the page made are compared", () => {
    // A kube-up.sh (GCE) kubeconfig: a certificate user and a basic-auth user; the reader has a token user.
    const author = (contexts: string) =>
      `apiVersion: v1\nclusters:\n- cluster:\n    certificate-authority-data: REDACTED\n    server: https://104.0.0.1\n  name: proj-1_kubernetes\ncontexts:\n- context:\n    cluster: proj-1_kubernetes\n    user: proj-1_kubernetes\n  name: proj-1_kubernetes\n${contexts}current-context: proj-1_kubernetes\nkind: Config\npreferences: {}\nusers:\n- name: proj-1_kubernetes\n  user:\n    client-certificate-data: REDACTED\n    client-key-data: REDACTED\n    token: abcdef0123456789\n- name: proj-1_kubernetes-basic-auth\n  user:\n    password: secret\n    username: admin`;
    const reader = (contexts: string) =>
      `apiVersion: v1\nclusters:\n- cluster:\n    certificate-authority-data: DATA+OMITTED\n    server: https://127.0.0.1:36999\n  name: kubedoctest-sim\ncontexts:\n${contexts}- context:\n    cluster: kubedoctest-sim\n    namespace: default\n    user: kubedoctest-sim\n  name: kubedoctest-sim\ncurrent-context: kubedoctest-sim\nkind: Config\npreferences: {}\nusers:\n- name: kubedoctest-sim\n  user:\n    token: REDACTED`;
    const dev = (ns: string, cluster: string) => `- context:\n    cluster: ${cluster}\n    namespace: ${ns}\n    user: ${cluster}\n  name: dev\n`;
    const [untouched] = page([{ command: 'kubectl config view', expected: author(''), actual: reader('') }]);
    expect(untouched!.ok, JSON.stringify(untouched!.differences)).toBe(true);
    // The missing basic-auth user is reported, as the environment's, not failed.
    expect(untouched!.differences.some((d) => d.environment === true && /basic-auth/.test(d.message))).toBe(true);
    const [made] = page([
      { command: 'kubectl config view', expected: author(dev('development', 'proj-1_kubernetes')), actual: reader(dev('development', 'kubedoctest-sim')) },
    ]);
    expect(made!.ok, JSON.stringify(made!.differences)).toBe(true);
    // A context the page made with another namespace than the reader gets is the page's defect.
    const [wrong] = page([
      { command: 'kubectl config view', expected: author(dev('development', 'proj-1_kubernetes')), actual: reader(dev('production', 'kubedoctest-sim')) },
    ]);
    expect(wrong!.ok).toBe(false);
    expect(wrong!.differences.filter((d) => d.environment !== true && d.stale !== true).map((d) => d.path)).toEqual(['contexts[1].context.namespace']);
  });

  test("in a merged view the reader's own entries are the environment; a page-made entry's key paths are the page's values", () => {
    const entry = (name: string, ns: string) => `- context:\n    cluster: ${name}\n    namespace: ${ns}\n    user: ${name}\n  name: ${name}\n`;
    // The page merged two files of its own into $KUBECONFIG and shows their contexts as an excerpt.
    const excerpt = `contexts:\n${entry('alpha', 'a')}${entry('beta', 'b')}`;
    const merged = (extra: string) => `apiVersion: v1\ncontexts:\n${entry('alpha', 'a')}${entry('beta', 'b')}${extra}current-context: my-own\nkind: Config\n`;
    const [readers] = page([{ command: 'kubectl config view', expected: excerpt, actual: merged(entry('my-own', 'default')) }]);
    expect(readers!.ok, JSON.stringify(readers!.differences)).toBe(true);
    expect(readers!.differences.some((d) => d.environment === true && /reader's own kubeconfig entry/.test(d.message))).toBe(true);
    // Another context the page did not show, which is not the reader's current one, still fails.
    const [other] = page([{ command: 'kubectl config view', expected: excerpt, actual: merged(entry('gamma', 'c')) }]);
    expect(other!.ok).toBe(false);
    // A user the page made with `set-credentials developer --client-key=key-a`: the doc's other key path is its defect.
    const users = (key: string) => `apiVersion: v1\nkind: Config\nusers:\n- name: developer\n  user:\n    client-certificate: cert\n    client-key: ${key}\n`;
    const [made] = page([{ command: 'kubectl config --kubeconfig=demo view', expected: users('key-b'), actual: users('key-a') }]);
    expect(made!.ok).toBe(false);
    expect(made!.differences.filter((d) => d.environment !== true).map((d) => d.path)).toEqual(['users[0].user.client-key']);
    // The same key under an installer's user is the author's environment.
    const minikube = (key: string) => users(key).replace('developer', 'minikube');
    const [installer] = page([{ command: 'kubectl config view', expected: minikube('/home/me/.minikube/client.key'), actual: minikube('key-a') }]);
    expect(installer!.ok, JSON.stringify(installer!.differences)).toBe(true);
  });
});

describe('a NodePort the page shows again for a new Service', () => {
  const table = (svc: string, port: string) =>
    `NAME   TYPE       CLUSTER-IP      EXTERNAL-IP   PORT(S)          AGE\n${svc}   NodePort   10.111.36.142   <none>        5678:${port}/TCP   72s`;
  test('a later command reaches the Service shown last, not the deleted one', () => {
    const [first, second] = page([
      { command: 'kubectl get svc one', expected: table('one', '32373'), actual: table('one', '31928').replace('10.111.36.142', '10.96.44.1') },
      { command: 'kubectl get svc two', expected: table('two', '32373'), actual: table('two', '30555').replace('10.111.36.142', '10.96.44.2') },
    ]);
    expect(first!.ok && second!.ok).toBe(true);
    const bindings = [...first!.bindings, ...second!.bindings];
    expect(applyBindings('curl localhost:32373', bindings).command).toBe('curl localhost:30555');
    expect(applyBindings('curl 10.111.36.142:5678', bindings).command).toBe('curl 10.96.44.2:5678');
  });
  test('a value bound once keeps it, and a pod name keeps its first binding', () => {
    const [first] = page([{ command: 'kubectl get svc one', expected: table('one', '32373'), actual: table('one', '31928') }]);
    expect(applyBindings('curl localhost:32373', first!.bindings).command).toBe('curl localhost:31928');
    const pod = (actual: string) => ({ doc: 'web-abc12', actual, kind: 'pod-name' }) as Binding;
    expect(applyBindings('kubectl logs web-abc12', [pod('web-x1'), pod('web-x2')]).command).toBe('kubectl logs web-x1');
  });
});
