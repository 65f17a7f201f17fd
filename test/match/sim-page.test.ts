import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { matchOutput } from '../../src/match/index.js';
import type { Binding, MatchResult } from '../../src/match/index.js';
import { startFixture, type SimFixture } from '../sim/server/helpers.js';

// What a reader sees: the real kubectl against the simulator, compared with what pages show.
describe('matching real kubectl output from the simulator', () => {
  let f: SimFixture;
  beforeAll(async () => {
    f = await startFixture({ controllers: true });
    await f.kubectl(['create', 'deployment', 'my-nginx', '--image=nginx', '--replicas=1']);
    await f.kubectl(['expose', 'deployment', 'my-nginx', '--port=80', '--type=NodePort']);
  }, 60_000);
  afterAll(async () => {
    await f?.stop();
  });

  /** Runs each command and matches its output with the page's, passing the page's bindings on. */
  async function page(steps: { command: string[]; expected: string }[]): Promise<MatchResult[]> {
    const bindings: Binding[] = [];
    const out: MatchResult[] = [];
    for (const [i, s] of steps.entries()) {
      const r = await f.kubectl(s.command);
      expect(r.exitCode, r.stderr).toBe(0);
      const m = matchOutput({
        expected: s.expected,
        actual: r.stdout,
        mode: 'similar',
        line: 10 * (i + 1),
        column: 1,
        command: ['kubectl', ...s.command].join(' '),
        bindings,
      });
      if (m.ok) bindings.push(...m.bindings.map((b) => ({ ...b, line: 10 * (i + 1) })));
      out.push(m);
    }
    return out;
  }

  const getSvc = {
    command: ['get', 'svc', 'my-nginx'],
    expected: 'NAME       TYPE       CLUSTER-IP     EXTERNAL-IP   PORT(S)        AGE\nmy-nginx   NodePort   10.0.162.149   <none>        80:31704/TCP   21s',
  };

  test.each<[string, string, boolean]>([
    ['the IP and NodePort the page showed before', 'clusterIP: 10.0.162.149\n  ...\n  ports:\n  - nodePort: 31704\n    port: 80', true],
    ['another IP for the same Service', 'clusterIP: 10.0.162.150\n  ...\n  ports:\n  - nodePort: 31704\n    port: 80', false],
    ['a wrong port', 'clusterIP: 10.0.162.149\n  ...\n  ports:\n  - nodePort: 31704\n    port: 8080', false],
  ])(
    'get svc, then an excerpt of -o yaml with %s',
    async (_name, excerpt, ok) => {
      const [first, second] = await page([getSvc, { command: ['get', 'svc', 'my-nginx', '-o', 'yaml'], expected: `spec:\n  ${excerpt}` }]);
      expect(first!.ok, JSON.stringify(first!.differences)).toBe(true);
      expect(second!.strategy).toBe('structured');
      expect(second!.ok, JSON.stringify(second!.differences)).toBe(ok);
    },
    30_000,
  );

  test.each<[string, string, boolean]>([
    ['a minikube kubeconfig', 'minikube', true],
    ['a kubeconfig whose context the tutorial named itself', 'dev-frontend', false],
  ])(
    'config view against %s',
    async (_name, name, ok) => {
      const doc = `apiVersion: v1
clusters:
- cluster:
    certificate-authority: /home/user/.minikube/ca.crt
    server: https://192.168.49.2:8443
  name: minikube
contexts:
- context:
    cluster: minikube
    namespace: default
    user: minikube
  name: ${name}
current-context: ${name}
kind: Config
preferences: {}
users:
- name: minikube
  user:
    client-certificate: /home/user/.minikube/profiles/minikube/client.crt
    client-key: /home/user/.minikube/profiles/minikube/client.key`;
      const [view] = await page([{ command: ['config', 'view'], expected: doc }]);
      expect(view!.ok, JSON.stringify(view!.differences)).toBe(ok);
      if (ok) expect(view!.bindings.map((b) => b.kind).sort()).toEqual(['api-server', 'kube-cluster', 'kube-context', 'kube-user']);
    },
    30_000,
  );
});
