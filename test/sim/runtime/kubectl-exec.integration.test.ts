import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SimHandle, startSim } from '../../../src/backends/sim/index.js';

let sim: SimHandle;
let home: string;

const kubectl = async (args: string[], input?: string) => {
  const r = await execa('kubectl', args, {
    env: { KUBECONFIG: sim.kubeconfigPath, HOME: home },
    reject: false,
    timeout: 60_000,
    ...(input !== undefined ? { input } : {}),
  });
  return { out: r.stdout, err: r.stderr, code: r.exitCode };
};

const manifests = `apiVersion: v1
kind: Pod
metadata:
  name: web
  labels: { app: web }
spec:
  containers:
  - name: nginx
    image: nginx:1.27
    env:
    - name: GREETING
      value: hello
    - name: MESSAGE
      value: $(GREETING) world
    - name: MY_POD_NAME
      valueFrom: { fieldRef: { fieldPath: metadata.name } }
    volumeMounts:
    - { name: cfg, mountPath: /etc/config }
  volumes:
  - name: cfg
    configMap: { name: game-config }
---
apiVersion: v1
kind: ConfigMap
metadata: { name: game-config }
data:
  game.properties: |
    enemies=aliens
    lives=3
  ui.properties: color=blue
---
apiVersion: v1
kind: Pod
metadata: { name: box }
spec:
  containers:
  - name: box
    image: busybox:1.36
    command: ['sh', '-c', 'echo started; sleep 3600']
---
apiVersion: v1
kind: Pod
metadata: { name: hello, labels: { app: hello } }
spec:
  containers:
  - { name: hello, image: 'gcr.io/google-samples/hello-app:2.0', ports: [{ containerPort: 8080 }] }

---
apiVersion: v1
kind: Service
metadata: { name: hello }
spec:
  selector: { app: hello }
  ports: [{ port: 80, targetPort: 8080 }]
`;

describe('kubectl exec, logs and cp against the simulated runtime', () => {
  beforeAll(async () => {
    home = await mkdtemp(join(tmpdir(), 'kdt-rt-'));
    sim = await startSim({ speed: 4 });
    await writeFile(join(home, 'pods.yaml'), manifests);
    const svc = await kubectl(['create', 'service', 'clusterip', 'web', '--tcp=80:80']);
    expect(svc.code).toBe(0);
    await kubectl(['apply', '-f', join(home, 'pods.yaml')]);
    const wait = await kubectl(['wait', '--for=condition=Ready', 'pod/web', 'pod/box', 'pod/hello', '--timeout=30s']);
    expect(wait.code, wait.err).toBe(0);
  });
  afterAll(async () => {
    await sim?.stop();
    await rm(home, { recursive: true, force: true });
  });

  it('echo, exit codes, stderr', async () => {
    expect(await kubectl(['exec', 'web', '--', 'echo', 'hi'])).toMatchObject({ out: 'hi', code: 0 });
    expect((await kubectl(['exec', 'web', '--', 'false'])).code).toBe(1);
    const r = await kubectl(['exec', 'web', '--', 'sh', '-c', 'echo out; echo err >&2; exit 3']);
    expect(r).toMatchObject({ out: 'out', code: 3 });
    expect(r.err).toContain('err');
    expect(r.err).toContain('command terminated with exit code 3');
  });

  it('env with $(VAR) expansion, fieldRef, image env and service variables', async () => {
    const r = await kubectl(['exec', 'web', '--', 'printenv']);
    expect(r.out).toContain('MESSAGE=hello world');
    expect(r.out).toContain('MY_POD_NAME=web');
    expect(r.out).toContain('NGINX_VERSION=1.27.3');
    expect(r.out).toContain('HOSTNAME=web');
    expect(r.out).toMatch(/KUBERNETES_SERVICE_HOST=10\.96\.0\.1/);
    expect(r.out).toMatch(/WEB_SERVICE_HOST=10\.\d+\.\d+\.\d+/);
    expect(r.out.split('\n')[0]).toMatch(/^PATH=/);
  });

  it('missing binary gives the containerd error; missing command in a shell gives 127', async () => {
    const r = await kubectl(['exec', 'web', '--', 'nope']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(
      /^error: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "[0-9a-f]{64}": OCI runtime exec failed: exec failed: unable to start container process: exec: "nope": executable file not found in \$PATH: unknown$/,
    );
    const s = await kubectl(['exec', 'web', '--', 'sh', '-c', 'nope']);
    expect(s.code).toBe(127);
    expect(s.err).toContain('sh: 1: nope: not found');
  });

  it('wrong container is refused like the API server does', async () => {
    const r = await kubectl(['exec', 'web', '-c', 'zzz', '--', 'true']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('container zzz is not valid for pod web');
  });

  it('stdin with -i, pipes and the configMap volume', async () => {
    expect((await kubectl(['exec', '-i', 'web', '--', 'cat'], 'piped\n')).out).toBe('piped');
    expect((await kubectl(['exec', '-i', 'web', '--', 'sh'], 'echo $((6*7)) | tr 4 X\n')).out).toBe('X2');
    expect((await kubectl(['exec', 'web', '--', 'cat', '/etc/config/ui.properties'])).out).toBe('color=blue');
    const ls = await kubectl(['exec', 'web', '--', 'ls', '-la', '/etc/config']);
    expect(ls.out).toMatch(/lrwxrwxrwx 1 root root\s+\d+ \w+ +\d+ \d\d:\d\d \.\.data -> \.\.\d{4}_\d\d_\d\d_\d\d_\d\d_\d\d\.\d{9}/);
    expect(ls.out).toMatch(/game\.properties -> \.\.data\/game\.properties/);
    const ro = await kubectl(['exec', 'web', '--', 'sh', '-c', 'touch /etc/config/x']);
    expect(ro.err).toContain("touch: cannot touch '/etc/config/x': Read-only file system");
  });

  it('curl from a pod to a service name reaches nginx and logs the request', async () => {
    const r = await kubectl(['exec', 'box', '--', 'wget', '-qO-', 'http://web']);
    expect(r.out).toContain('<title>Welcome to nginx!</title>');
    const c = await kubectl(['exec', 'web', '--', 'curl', '-sI', 'web.default.svc.cluster.local']);
    expect({ out: c.out, err: c.err, code: c.code }).toMatchObject({ out: expect.stringContaining('Server: nginx/1.27.3') });
    const logs = await kubectl(['logs', 'web']);
    expect(logs.out).toContain('/docker-entrypoint.sh: Configuration complete; ready for start up');
    expect(logs.out).toMatch(/10\.244\.\d+\.\d+ - - \[\d\d\/\w{3}\/\d{4}:[\d:]+ \+0000\] "GET \/ HTTP\/1\.1" 200 615 "-" "Wget" "-"/);
    const tail = await kubectl(['logs', 'web', '--tail=1']);
    expect(tail.out.split('\n')).toHaveLength(1);
    const ns = await kubectl(['exec', 'box', '--', 'nslookup', 'web']);
    expect(ns.out).toMatch(/Name:\tweb\.default\.svc\.cluster\.local\nAddress: 10\.\d+\./);
  });

  it("curl's progress meter: printed without a terminal, left out when the data goes to one", async () => {
    const plain = await kubectl(['exec', 'web', '--', 'curl', 'http://localhost/']);
    expect(plain.err).toContain('% Total    % Received % Xferd');
    // A reader's terminal: kubectl exec -t under a pseudo-terminal (script from util-linux).
    const env = { KUBECONFIG: sim.kubeconfigPath, HOME: home };
    const onTty = await execa('script', ['-qec', 'kubectl exec -i -t web -- curl http://localhost/', '/dev/null'], {
      env,
      reject: false,
      timeout: 60_000,
      input: '',
    });
    expect(onTty.stdout).toContain('<title>Welcome to nginx!</title>');
    expect(onTty.stdout).not.toContain('% Total');
    // On a terminal, but piped: the meter is back (curl's stdout is the pipe).
    const piped = await execa('script', ['-qec', "kubectl exec -i -t web -- sh -c 'curl http://localhost/ | head -c 20'", '/dev/null'], {
      env,
      reject: false,
      timeout: 60_000,
      input: '',
    });
    expect(piped.stdout).toContain('% Total');
  });

  it('sample apps answer through their services', async () => {
    const hello = await kubectl(['exec', 'box', '--', 'wget', '-qO-', 'hello']);
    expect(hello.out).toBe('Hello, world!\nVersion: 2.0.0\nHostname: hello');
    expect((await kubectl(['logs', 'hello'])).out).toMatch(/Server listening on port 8080\n\d{4}\/\d\d\/\d\d [\d:]+ Serving request: \/$/);
    const missing = await kubectl(['exec', 'box', '--', 'wget', '-qO-', 'nosuchsvc']);
    expect(missing).toMatchObject({ code: 1 });
    expect(missing.err).toContain("wget: bad address 'nosuchsvc'");
  });

  it('logs of a busybox main process, also followed', async () => {
    expect((await kubectl(['logs', 'box'])).out).toBe('started');
    const follow = await execa('kubectl', ['logs', '-f', 'box'], { env: { KUBECONFIG: sim.kubeconfigPath, HOME: home }, reject: false, timeout: 1500 });
    expect(follow.timedOut).toBe(true);
    expect(follow.stdout).toBe('started');
  });

  it('kubectl cp both ways', async () => {
    const local = join(home, 'up.txt');
    await writeFile(local, 'uploaded\n');
    const up = await kubectl(['cp', local, 'box:/tmp/up.txt']);
    expect(up.code, up.err).toBe(0);
    expect((await kubectl(['exec', 'box', '--', 'cat', '/tmp/up.txt'])).out).toBe('uploaded');
    const down = await kubectl(['cp', 'web:/etc/config/ui.properties', join(home, 'ui.txt')]);
    expect(down.code, down.err).toBe(0);
  });

  it('port-forward serves HTTP from the pod on a local port', async () => {
    const pf = execa('kubectl', ['port-forward', 'pod/web', ':80'], { env: { KUBECONFIG: sim.kubeconfigPath, HOME: home }, reject: false });
    try {
      const port = await new Promise<string>((resolve, reject) => {
        let out = '';
        pf.stdout!.on('data', (d: Buffer) => {
          out += d.toString();
          const m = /Forwarding from 127\.0\.0\.1:(\d+) -> 80/.exec(out);
          if (m) resolve(m[1]!);
        });
        setTimeout(() => reject(new Error(`no forwarding line: ${out}`)), 15_000);
      });
      for (let i = 0; i < 2; i++) {
        const r = await execa('curl', ['-s', '-i', `http://127.0.0.1:${port}/`], { reject: false, timeout: 10_000 });
        expect(r.exitCode).toBe(0);
        expect(r.stdout).toContain('Server: nginx/1.27.3');
        expect(r.stdout).toContain('<title>Welcome to nginx!</title>');
      }
    } finally {
      pf.kill();
      await pf;
    }
  });
});
