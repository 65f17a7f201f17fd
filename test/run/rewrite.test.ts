import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runPlan } from '../../src/run/run-plan.js';
import type { Matcher, RunOptions } from '../../src/run/options.js';
import { FakeBackend, plainMatcher, type FakeEntry } from './fake-backend.js';
import { eventually, processesMatching, tempDir } from './helpers.js';
import { cmd, manifest, plan } from './plan-builder.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

function setup(table: FakeEntry[] = [], extra?: ConstructorParameters<typeof FakeBackend>[2]): { backend: FakeBackend; options: RunOptions } {
  const t = tempDir();
  cleanups.push(t.remove);
  return {
    backend: new FakeBackend(join(t.dir, 'fake'), table, extra),
    options: { matcher: plainMatcher, tmpDir: t.dir, settleIntervalMs: 10, gatherFacts: false, handleSignals: false },
  };
}

describe('interactive rewrites', () => {
  it('should run a loop of exec -t with a program that ends under a pseudo-terminal instead of skipping it', async () => {
    const { backend, options } = setup([
      { args: 'exec -i -t web-0 -- hostname', responses: [{ stdout: 'web-0\n' }] },
      { args: 'exec -i -t web-1 -- hostname', responses: [{ stdout: 'web-1\n' }] },
    ]);
    const loop = 'for i in 0 1; do kubectl exec -i -t "web-$i" -- hostname; done';
    const r = await runPlan(plan([cmd(3, loop, { expected: 'web-0\nweb-1', cls: 'interactive' })]), backend, options);
    expect(r.steps[0]).toMatchObject({ status: 'pass' });
    expect(r.steps[0]!.ran).toContain(`script -qec '${loop}' /dev/null`);
    // A loop that opens shells is still not something to run.
    const shells = await runPlan(plan([cmd(3, 'for i in 0 1; do kubectl exec -i -t "web-$i" -- sh; done', { cls: 'interactive' })]), backend, options);
    expect(shells.steps[0]!.status).toBe('skipped');
  });

  it("should skip kubectl run -it of a database client's prompt, naming it, instead of waiting for the session to end", async () => {
    const { backend, options } = setup([]);
    const r = await runPlan(
      plan([
        cmd(3, 'kubectl run -it --rm --image=mysql:5.6 --restart=Never mysql-client -- mysql -h mysql -ppassword', { expected: 'mysql>', cls: 'interactive' }),
      ]),
      backend,
      options,
    );
    expect(r.steps[0]).toMatchObject({ status: 'skipped' });
    expect(r.steps[0]!.skipReason).toMatch(/mysql client's interactive prompt/);
    // With a statement to run, the client exits by itself: not skipped by this rule.
    const once = await runPlan(
      plan([cmd(3, 'kubectl run -it --rm --image=mysql:5.6 --restart=Never mysql-client -- mysql -h mysql -ppassword -e "SELECT 1"', { cls: 'interactive' })]),
      backend,
      options,
    );
    expect(once.steps[0]!.skipReason ?? '').not.toMatch(/interactive prompt/);
  });

  it('should run exec -it under a pseudo-terminal and record the rewrite', async () => {
    const { backend, options } = setup([{ args: 'exec -it web -- printenv', responses: [{ stdout: 'HOME=/root\n' }] }]);
    const r = await runPlan(plan([cmd(3, 'kubectl exec -it web -- printenv', { expected: 'HOME=/root', cls: 'interactive' })]), backend, options);
    expect(r.steps[0]).toMatchObject({ status: 'pass' });
    expect(r.steps[0]!.ran).toMatch(/script -qec 'kubectl exec -it web -- printenv' \/dev\/null/);
    // The terminal's CR LF line ends are the doc's lines.
    expect(r.steps[0]!.actual).toBe('HOME=/root\n');
    expect(r.steps[0]!.rewrites[0]).toMatchObject({
      kind: 'interactive',
      from: 'kubectl exec -it web -- printenv',
      reason: "runs under a pseudo-terminal, as in a reader's terminal",
    });
  });

  it('should run the steps shown inside a pod shell with kubectl exec -i', async () => {
    const { backend, options } = setup([
      { args: 'exec -i curl-abc -- sh -c true', responses: [{}] },
      { args: 'exec -i -t curl-abc -- sh -c nslookup my-nginx', responses: [{ stdout: 'Name: my-nginx\n' }] },
    ]);
    const pod = { kind: 'pod' as const, prompt: '[ root@curl-abc:/ ]$ ', source: { by: 'prompt' as const } };
    const r2 = await runPlan(
      plan([
        // kubectl exec prints no "If you don't see a command prompt" line (exec.go): the session shows the prompt.
        cmd(3, 'kubectl exec -it curl-abc -- sh', { cls: 'interactive', expected: '[ root@curl-abc:/ ]$' }),
        cmd(5, 'nslookup my-nginx', { host: pod, expected: 'Name: my-nginx' }),
      ]),
      backend,
      options,
    );
    expect(r2.steps.map((s) => s.status)).toEqual(['pass', 'pass']);
    expect(r2.steps[0]!.warnings).toEqual([
      "the output the doc shows is an interactive session; only kubectl's own lines in it (session-messages.ts) were compared",
    ]);
    // The shell was opened with a terminal: the line runs with one, under a pseudo-terminal.
    expect(r2.steps[1]!.ran).toMatch(
      /^if command -v script .* then KDT_POD=curl-abc script -qec 'kubectl exec -i -t "\$KDT_POD" -- sh -c .*nslookup my-nginx.*' \/dev\/null; else kubectl exec -i curl-abc -- sh -c 'nslookup my-nginx'; fi$/,
    );
    expect(r2.steps[1]!.rewrites[0]!.reason).toBe('runs in the pod shell opened at line 3');
  });

  it('should start kubectl run -it pods detached, exec into them, and delete --rm pods when the doc leaves the shell', async () => {
    const { backend, options } = setup([
      { args: 'run curl --image=radial/busyboxplus:curl --command -- sleep 3600', responses: [{ stdout: 'pod/curl created\n' }] },
      { args: 'wait --for=condition=Ready pod/curl --timeout=60s', responses: [{}] },
      { args: 'exec -i -t curl -- sh -c nslookup my-nginx', responses: [{ stdout: 'Name: my-nginx\n' }] },
      { args: 'delete pod curl --wait=false', responses: [{}] },
      { args: 'get pods', responses: [{ stdout: 'No resources found in default namespace.\n' }] },
    ]);
    const pod = { kind: 'pod' as const, prompt: '[ root@curl:/ ]$ ', source: { by: 'prompt' as const } };
    const r = await runPlan(
      plan([
        cmd(3, 'kubectl run curl --image=radial/busyboxplus:curl -i --tty --rm', { cls: 'interactive' }),
        cmd(5, 'nslookup my-nginx', { host: pod, expected: 'Name: my-nginx' }),
        cmd(9, 'kubectl get pods', { cls: 'read-only', expected: 'No resources found in default namespace.' }),
      ]),
      backend,
      options,
    );
    expect(r.steps.map((s) => s.status)).toEqual(['pass', 'pass', 'pass']);
    expect(r.steps[0]!.ran).toBe(
      'kubectl run curl --image=radial/busyboxplus:curl --command -- sleep 3600 && { kubectl wait --for=condition=Ready pod/curl --timeout=60s >/dev/null 2>&1 || true; }',
    );
    expect(r.steps[2]!.warnings).toEqual(['pod curl (started with --rm at line 3) was deleted when the doc left its shell']);
    expect(backend.calls().map((c) => c.args)).toEqual([
      'run curl --image=radial/busyboxplus:curl --command -- sleep 3600',
      'wait --for=condition=Ready pod/curl --timeout=60s',
      'exec -i -t curl -- sh -c nslookup my-nginx',
      'delete pod curl --wait=false',
      'get pods',
    ]);
  });

  it('should run kubectl proxy in the background and wait until it serves', async () => {
    const tag = `kdt-proxy-${randomBytes(4).toString('hex')}`;
    const { backend, options } = setup();
    const r = await runPlan(
      plan([
        cmd(2, `kubectl() { sleep 0.3; echo "Starting to serve on 127.0.0.1:8001"; exec -a ${tag} sleep 1000; }; export -f kubectl`),
        cmd(4, 'kubectl proxy --port=8001', { expected: 'Starting to serve on 127.0.0.1:8001' }),
      ]),
      backend,
      options,
    );
    expect(r.steps[1]).toMatchObject({ status: 'pass', actual: 'Starting to serve on 127.0.0.1:8001\n' });
    expect(r.steps[1]!.rewrites[0]!.to).toBe('kubectl proxy --port=8001 &');
    expect(await eventually(() => processesMatching(tag).length === 0)).toBe(true);
  });

  it('should skip a pod step when no pod shell was opened, and a node step without a node shell', async () => {
    const { backend, options } = setup();
    const r = await runPlan(
      plan([
        cmd(5, 'nslookup my-nginx', { host: { kind: 'pod', prompt: 'root@x:/# ', source: { by: 'prompt' } } }),
        cmd(7, 'curl 10.0.0.1', { host: { kind: 'node', prompt: 'node $ ', source: { by: 'prompt' } } }),
      ]),
      backend,
      options,
    );
    expect(r.steps.map((s) => s.status)).toEqual(['skipped', 'skipped']);
    expect(r.steps[1]!.skipReason).toBe('runs on a node (node $); this backend has no node shell');
  });

  it('should run node steps through the backend node shell', async () => {
    const seen: string[] = [];
    const { backend, options } = setup([], { nodeExec: (c) => (seen.push(c), { stdout: 'ok\n', stderr: '', exitCode: 0 }) });
    const r = await runPlan(
      plan([cmd(7, 'curl 10.0.0.1', { host: { kind: 'node', prompt: 'node $ ', source: { by: 'prompt' } }, expected: 'ok' })]),
      backend,
      options,
    );
    expect(r.steps[0]!.status).toBe('pass');
    expect(seen).toEqual(['curl 10.0.0.1']);
  });

  it('should drop a sudo that asks for root from node steps, since the node shell runs as root', async () => {
    const seen: string[] = [];
    const { backend, options } = setup([], { nodeExec: (c) => (seen.push(c), { stdout: '', stderr: '', exitCode: 0 }) });
    const node = { kind: 'node' as const, prompt: 'node $ ', source: { by: 'prompt' as const } };
    const r = await runPlan(plan([cmd(7, 'sudo mkdir /srv/x', { host: node }), cmd(8, 'sudo -u app touch /srv/x/f', { host: node })]), backend, options);
    expect(seen).toEqual(['mkdir /srv/x', 'sudo -u app touch /srv/x/f']);
    expect(r.steps[0]!.rewrites[0]).toMatchObject({ from: 'sudo mkdir /srv/x', to: 'mkdir /srv/x' });
    expect(r.steps[1]!.rewrites).toEqual([]);
  });

  it('should bound kubectl get -w with timeout when the doc lines never appear', async () => {
    const { backend, options } = setup([{ args: 'get pods -w', responses: [{ sleepMs: 600_000 }] }]);
    const r = await runPlan(plan([cmd(4, 'kubectl get pods -w', { expected: 'NAME READY\nweb 1/1', cls: 'read-only' })]), backend, {
      ...options,
      settleMs: 1000,
    });
    expect(r.steps[0]!.rewrites[0]!.to).toBe('timeout 1 kubectl get pods -w');
    expect(r.steps[0]).toMatchObject({ status: 'fail', exitCode: 0, attempts: 1 });
    expect(await eventually(() => processesMatching(backend.processTag).length === 0)).toBe(true);
  });

  it('should stop a streaming watch as soon as the doc lines are printed', async () => {
    const { backend, options } = setup([{ args: 'get pods --watch', responses: [{ stdout: 'NAME READY\nweb 1/1\n', holdMs: 600_000 }] }]);
    const r = await runPlan(plan([cmd(6, 'kubectl get pods --watch', { expected: 'NAME READY\nweb 1/1', cls: 'read-only' })]), backend, {
      ...options,
      settleMs: 600_000,
      stepTimeoutMs: 600_000,
    });
    expect(r.steps[0]).toMatchObject({ status: 'pass', exitCode: 0, actual: 'NAME READY\nweb 1/1\n' });
    expect(await eventually(() => processesMatching(backend.processTag).length === 0)).toBe(true);
  });

  it('should stop a rollout status that waits on a stuck rollout once the doc lines are printed', async () => {
    const progress = 'Waiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated...';
    const { backend, options } = setup([{ args: 'rollout status deployment/web', responses: [{ stdout: progress + '\n', holdMs: 600_000 }] }]);
    const r = await runPlan(plan([cmd(4, 'kubectl rollout status deployment/web', { expected: progress, cls: 'read-only' })]), backend, {
      ...options,
      settleMs: 600_000,
      stepTimeoutMs: 600_000,
    });
    expect(r.steps[0]).toMatchObject({ status: 'pass', actual: progress + '\n' });
    expect(r.steps[0]!.rewrites[0]!.to).toMatch(/^timeout \d+ kubectl rollout status deployment\/web$/);
    expect(await eventually(() => processesMatching(backend.processTag).length === 0)).toBe(true);
  });

  it('should leave a rollout status that stops by itself as written', async () => {
    const { backend, options } = setup([
      { args: 'rollout status deployment/web --timeout=5s', responses: [{ stdout: 'deployment "web" successfully rolled out\n' }] },
    ]);
    const r = await runPlan(
      plan([cmd(4, 'kubectl rollout status deployment/web --timeout=5s', { expected: 'deployment "web" successfully rolled out', cls: 'read-only' })]),
      backend,
      options,
    );
    expect(r.steps[0]).toMatchObject({ status: 'pass' });
    expect(r.steps[0]!.rewrites).toEqual([]);
  });

  it('should follow kubectl logs -f and stop it once the doc lines are printed', async () => {
    const { backend, options } = setup([{ args: 'logs -f web', responses: [{ stdout: 'started\nready\n', holdMs: 600_000 }] }]);
    const r = await runPlan(plan([cmd(4, 'kubectl logs -f web', { expected: 'started\nready' })]), backend, {
      ...options,
      settleMs: 600_000,
      stepTimeoutMs: 600_000,
    });
    expect(r.steps[0]).toMatchObject({ status: 'pass', exitCode: 0, actual: 'started\nready\n' });
    expect(r.steps[0]!.rewrites[0]!.to).toMatch(/^timeout \d+ kubectl logs -f web$/);
    expect(await eventually(() => processesMatching(backend.processTag).length === 0)).toBe(true);
  });

  it('should report kubectl logs -f that ended by itself with other lines than the doc', async () => {
    const { backend, options } = setup([{ args: 'logs -f job/pi', responses: [{ stdout: 'done\n' }] }]);
    const r = await runPlan(plan([cmd(4, 'kubectl logs -f job/pi', { expected: 'finished' })]), backend, options);
    expect(r.steps[0]).toMatchObject({ status: 'fail', exitCode: 0, actual: 'done\n' });
  });

  it('should apply the change the next output shows through KUBE_EDITOR', async () => {
    const { backend, options } = setup([{ args: 'edit svc my-nginx', responses: [{ stdout: 'service/my-nginx edited\n' }] }]);
    const r = await runPlan(
      plan([
        cmd(4, 'kubectl edit svc my-nginx', { cls: 'interactive' }),
        cmd(8, 'kubectl get svc my-nginx -o yaml', { expected: 'spec:\n  type: LoadBalancer', mode: 'contains', skip: 'not needed' }),
      ]),
      backend,
      options,
    );
    expect(r.steps[0]!.status).toBe('pass');
    expect(r.steps[0]!.ran).toMatch(/^KUBE_EDITOR=\S+editor-0\.sh kubectl edit svc my-nginx$/);
    expect(r.steps[0]!.rewrites[0]!.to).toContain('s/^  type: .*/  type: LoadBalancer/');
  });

  it('should skip kubectl edit when no change can be derived, with a warning', async () => {
    const { backend, options } = setup();
    const r = await runPlan(plan([cmd(4, 'kubectl edit deployment web', { cls: 'interactive' })]), backend, options);
    expect(r.steps[0]).toMatchObject({ status: 'skipped', warnings: ['kubectl edit skipped: no change could be derived'] });
  });

  it('should skip kubectl create --edit, which opens the same editor, when no change can be derived', async () => {
    const { backend, options } = setup();
    const r = await runPlan(plan([cmd(4, 'kubectl create --edit -f /tmp/svc.yaml')]), backend, options);
    expect(r.steps[0]).toMatchObject({ status: 'skipped', warnings: ['kubectl create --edit skipped: no change could be derived'] });
    expect(r.steps[0]!.skipReason).toMatch(/^`kubectl create --edit` needs an editor/);
  });

  it('should skip minikube and browser steps with a reason', async () => {
    const { backend, options } = setup();
    const r = await runPlan(
      plan([
        cmd(1, 'minikube service my-nginx'),
        cmd(2, 'minikube ip'),
        cmd(3, 'open http://localhost:8080'),
        cmd(4, 'curl http://"$(minikube ip):$NODE_PORT"'),
      ]),
      backend,
      options,
    );
    expect(r.steps.map((s) => s.status)).toEqual(['skipped', 'skipped', 'skipped', 'skipped']);
    expect(r.steps[2]!.skipReason).toBe('opens a browser; not run');
    expect(r.steps[3]!.skipReason).toBe('`minikube ip` gives an address of a minikube cluster; not available on this backend');
  });

  it('should run port-forward in the background for later steps and stop it at the end', async () => {
    const tag = `kdt-pf-${randomBytes(4).toString('hex')}`;
    const { backend, options } = setup();
    const r = await runPlan(
      plan([
        cmd(2, `kubectl() { echo "Forwarding from 127.0.0.1:8080 -> 80"; exec -a ${tag} sleep 1000; }; export -f kubectl`),
        cmd(4, 'kubectl port-forward svc/web 8080:80', { expected: 'Forwarding from 127.0.0.1:8080 -> 80' }),
        cmd(6, `pgrep -f ${tag} >/dev/null && echo running`, { expected: 'running' }),
      ]),
      backend,
      options,
    );
    expect(r.steps.map((s) => s.status)).toEqual(['pass', 'pass', 'pass']);
    expect(await eventually(() => processesMatching(tag).length === 0)).toBe(true);
  });

  it('should stop waiting for a port-forward to listen once it has ended', async () => {
    const { backend, options } = setup();
    const r = await runPlan(
      plan([
        cmd(
          2,
          `kubectl() { echo 'Error from server (NotFound): pods "nope" not found' >&2; return 1; }; sleep() { echo . >>"$HOME/sleeps"; command sleep "$@"; }; export -f kubectl sleep; : >"$HOME/sleeps"`,
        ),
        cmd(4, 'kubectl port-forward pod/nope 28015:27017', { expected: 'Forwarding from 127.0.0.1:28015 -> 27017' }),
        // The wait polls every 0.1 s for up to 100 times: a forward that ended is not waited for.
        cmd(6, '[ "$(wc -l <"$HOME/sleeps")" -lt 100 ] && echo "not waited out"', { expected: 'not waited out' }),
      ]),
      backend,
      options,
    );
    expect(r.steps[1]!.actual).toBe('Error from server (NotFound): pods "nope" not found\n');
    expect(r.steps[2]!.status).toBe('pass');
  });

  it('should use the example file instead of downloading it', async () => {
    const { backend, options } = setup([
      { args: 'apply -f ./service/networking/run-my-nginx.yaml', responses: [{ stdout: 'deployment.apps/my-nginx created\n' }] },
    ]);
    const r = await runPlan(
      plan([
        manifest(2, 'run-my-nginx.yaml', 'kind: Deployment\n', 'service/networking/run-my-nginx.yaml'),
        cmd(9, 'kubectl apply -f https://k8s.io/examples/service/networking/run-my-nginx.yaml', {
          expected: 'deployment.apps/my-nginx created',
          cls: 'mutating',
        }),
      ]),
      backend,
      options,
    );
    expect(r.steps[1]!.status).toBe('pass');
    expect(r.steps[1]!.rewrites[0]).toMatchObject({ kind: 'path', to: './service/networking/run-my-nginx.yaml' });
  });

  it('should run a command with a typographic dash as written', async () => {
    const { backend, options } = setup();
    const r = await runPlan(plan([cmd(3, 'kubectl get pods –o wide')]), backend, options);
    expect(r.steps[0]!.ran).toBe('kubectl get pods –o wide');
    expect(r.steps[0]!.status).toBe('fail');
  });
});

describe('bindings and placeholders', () => {
  it('should apply matcher bindings to later commands', async () => {
    const matcher: Matcher = {
      ...plainMatcher,
      matchOutput: (input) => ({
        ...plainMatcher.matchOutput({ ...input, expected: input.actual }),
        bindings: input.expected.includes('web-7d4b9-abcde') ? [{ doc: 'web-7d4b9-abcde', actual: 'web-55f6c-zzzzz', kind: 'pod-name' }] : [],
      }),
    };
    const { backend, options } = setup([
      { args: 'get pods', responses: [{ stdout: 'NAME   READY\nweb-55f6c-zzzzz   1/1\n' }] },
      { args: 'logs web-55f6c-zzzzz', responses: [{ stdout: 'hello\n' }] },
    ]);
    const r = await runPlan(
      plan([
        cmd(3, 'kubectl get pods', { expected: 'NAME   READY\nweb-7d4b9-abcde   1/1', cls: 'read-only' }),
        cmd(8, 'kubectl logs web-7d4b9-abcde', { expected: 'hello' }),
      ]),
      backend,
      { ...options, matcher },
    );
    expect(r.steps[1]).toMatchObject({ status: 'pass', ran: 'kubectl logs web-55f6c-zzzzz' });
    expect(r.steps[1]!.rewrites[0]).toMatchObject({ kind: 'binding' });
  });

  it('should fill <pod-name> and an unset $POD_NAME from the last get pods output', async () => {
    const { backend, options } = setup([
      {
        args: 'get pods',
        responses: [{ stdout: 'NAME                       READY   STATUS\nweb-55f6c8d9b7-zzzzz   1/1     Running\nweb-55f6c8d9b7-yyyyy   1/1     Running\n' }],
      },
      { args: 'logs web-55f6c8d9b7-zzzzz', responses: [{ stdout: 'hello\n' }] },
    ]);
    const r = await runPlan(
      plan([
        cmd(3, 'kubectl get pods', { cls: 'read-only' }),
        cmd(5, 'kubectl logs <pod-name>', { expected: 'hello' }),
        cmd(7, 'kubectl logs $POD_NAME', { expected: 'hello' }),
        cmd(9, 'kubectl logs <CLUSTER-IP>'),
        cmd(11, 'POD_NAME=mine; echo $POD_NAME', { expected: 'mine' }),
      ]),
      backend,
      options,
    );
    expect(r.steps.map((s) => s.status)).toEqual(['pass', 'pass', 'pass', 'skipped', 'pass']);
    expect(r.steps[1]!.rewrites).toEqual([{ kind: 'placeholder', from: '<pod-name>', to: 'web-55f6c8d9b7-zzzzz', reason: 'pod-name from an earlier output' }]);
    expect(r.steps[2]!.ran).toBe('kubectl logs web-55f6c8d9b7-zzzzz');
    expect(r.steps[3]!.skipReason).toBe('cannot fill in <CLUSTER-IP>: no earlier output shows a Service');
  });
});

describe('host-specific paths', () => {
  it('should map a Git Bash drive path to a sandbox folder that exists, the same in every step', async () => {
    const { backend, options } = setup();
    const r = await runPlan(
      plan([
        cmd(3, 'echo secret > /d/tmp/nginx.key && echo made', { expected: 'made' }),
        cmd(4, 'cat /d/tmp/nginx.key | base64', { expected: 'c2VjcmV0Cg==' }),
      ]),
      backend,
      options,
    );
    expect(r.steps.map((s) => s.status)).toEqual(['pass', 'pass']);
    const rewrite = r.steps[1]!.rewrites[0]!;
    expect(rewrite).toMatchObject({ kind: 'path', from: '/d/tmp/nginx.key' });
    expect(rewrite.to).toMatch(/\/drives\/d\/tmp\/nginx\.key$/);
    expect(rewrite.reason).toContain('drive D:');
    expect(r.steps[1]!.ran).toBe(`cat ${rewrite.to} | base64`);
  });
});

describe('website addresses of shown files', () => {
  it("should apply the file the page shows for an older page's address that ends with its include path", async () => {
    const { asReaderSees, rewriteExampleUrls, unfetchedSiteUrls } = await import('../../src/run/rewrite/index.js');
    // The lesson's copies: an include (`commands.yaml`) with its ghlink, and a k8s.io/examples file.
    const examples = new Map([
      ['commands.yaml', 'commands.yaml'],
      ['docs/tasks/configure-pod-container/commands.yaml', 'commands.yaml'],
      ['pods/simple-pod.yaml', 'pods/simple-pod.yaml'],
      ['dapi-volume.yaml', 'dapi-volume.yaml'],
    ]);
    const cases: Array<[string, string]> = [
      ['kubectl create -f http://k8s.io/docs/tasks/configure-pod-container/commands.yaml', 'kubectl create -f ./commands.yaml'],
      [
        'kubectl apply --filename=https://kubernetes.io/docs/tasks/configure-pod-container/commands.yaml -n demo',
        'kubectl apply --filename=./commands.yaml -n demo',
      ],
      [
        'kubectl create -f https://raw.githubusercontent.com/kubernetes/website/master/docs/tasks/configure-pod-container/commands.yaml',
        'kubectl create -f ./commands.yaml',
      ],
      // A file included by its name only (a Hugo `code` shortcode) is named by any address ending with it.
      ['kubectl create -f https://k8s.io/docs/tasks/inject-data-application/dapi-volume.yaml', 'kubectl create -f ./dapi-volume.yaml'],
      ['kubectl apply -f https://k8s.io/examples/pods/simple-pod.yaml', 'kubectl apply -f ./pods/simple-pod.yaml'],
    ];
    for (const [command, to] of cases) {
      expect(rewriteExampleUrls(command, examples).command).toBe(to);
      expect(unfetchedSiteUrls(command, examples)).toEqual([]);
    }
    // kubectl's echo of the file names the address the reader gave.
    const { rewrites } = rewriteExampleUrls(cases[0]![0], examples);
    expect(asReaderSees('error when creating "./commands.yaml": x', rewrites)).toBe(
      'error when creating "http://k8s.io/docs/tasks/configure-pod-container/commands.yaml": x',
    );
    // No shown file of that name: fetched as written, which this run does not do.
    const other = 'kubectl create -f https://k8s.io/docs/tasks/administer-cluster/cpu-defaults.yaml';
    expect(rewriteExampleUrls(other, examples).rewrites).toEqual([]);
    expect(unfetchedSiteUrls(other, examples)).toEqual(['https://k8s.io/docs/tasks/administer-cluster/cpu-defaults.yaml']);
    // A file included with its ghlink is known by that path: another folder's file of its name is another file.
    expect(unfetchedSiteUrls('kubectl create -f https://k8s.io/docs/tasks/other/commands.yaml', examples)).toEqual([
      'https://k8s.io/docs/tasks/other/commands.yaml',
    ]);
    // Another repository's address is not the website's file.
    expect(unfetchedSiteUrls('kubectl apply -f https://raw.githubusercontent.com/kubernetes/dashboard/v2.7.0/commands.yaml', examples)).toEqual([]);
  });
});

describe('example downloads', () => {
  it("should copy a downloaded k8s.io example from the lesson's copy, to where curl or wget would write it", async () => {
    const { rewriteExampleDownloads } = await import('../../src/run/rewrite/index.js');
    const examples = new Map([['application/job/job-tmpl.yaml', 'application/job/job-tmpl.yaml']]);
    const url = 'https://k8s.io/examples/application/job/job-tmpl.yaml';
    const cases: Array<[string, string]> = [
      [`curl -L -s -O ${url}`, `mkdir -p "$(dirname job-tmpl.yaml)" && cp ./application/job/job-tmpl.yaml job-tmpl.yaml`],
      [`curl -L ${url} -o jobs/tmpl.yaml && ls jobs`, `mkdir -p "$(dirname jobs/tmpl.yaml)" && cp ./application/job/job-tmpl.yaml jobs/tmpl.yaml && ls jobs`],
      [`wget ${url} -O configure/x.yaml`, `mkdir -p "$(dirname configure/x.yaml)" && cp ./application/job/job-tmpl.yaml configure/x.yaml`],
      [`curl -sL ${url} | kubectl apply -f -`, `cat ./application/job/job-tmpl.yaml | kubectl apply -f -`],
      [`wget -qO- ${url} | kubectl apply -f -`, `cat ./application/job/job-tmpl.yaml | kubectl apply -f -`],
      [`curl -fsSLo tmpl.yaml ${url}`, `mkdir -p "$(dirname tmpl.yaml)" && cp ./application/job/job-tmpl.yaml tmpl.yaml`],
    ];
    for (const [command, to] of cases) expect(rewriteExampleDownloads(command, examples).command).toBe(to);
    // The options read as curl and wget read them (the old word split missed these): `wget -P`
    // saves into the folder, a quoted `-o` name is one file, `curl --output-dir` is where `-O` saves.
    const folder: Array<[string, string]> = [
      [`wget -q -P configure ${url}`, `mkdir -p "$(dirname configure/job-tmpl.yaml)" && cp ./application/job/job-tmpl.yaml configure/job-tmpl.yaml`],
      [`curl -L -o "my job.yaml" ${url}`, `mkdir -p "$(dirname 'my job.yaml')" && cp ./application/job/job-tmpl.yaml 'my job.yaml'`],
      [`curl --output-dir jobs -O ${url}`, `mkdir -p "$(dirname jobs/job-tmpl.yaml)" && cp ./application/job/job-tmpl.yaml jobs/job-tmpl.yaml`],
    ];
    for (const [command, to] of folder) expect(rewriteExampleDownloads(command, examples).command).toBe(to);
    // An example the lesson does not have is downloaded as written.
    expect(rewriteExampleDownloads('curl -O https://k8s.io/examples/other.yaml', examples).rewrites).toEqual([]);
  });

  it('should run the rewritten download in the lesson shell', async () => {
    const { backend, options } = setup();
    const r = await runPlan(
      plan([
        manifest(2, null, 'kind: Job\n', 'application/job/job-tmpl.yaml'),
        cmd(5, 'curl -L -s -O https://k8s.io/examples/application/job/job-tmpl.yaml && cat job-tmpl.yaml', { expected: 'kind: Job' }),
      ]),
      backend,
      options,
    );
    expect(r.steps[1]).toMatchObject({ status: 'pass' });
    expect(r.steps[1]!.rewrites[0]).toMatchObject({ kind: 'path', reason: 'the example file the doc downloads is copied from the examples folder' });
  });
});
