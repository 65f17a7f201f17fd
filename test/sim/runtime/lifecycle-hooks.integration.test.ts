import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type KubectlSim, kubectlSim } from './kubectl-helpers.js';

// lifecycle-demo and termination-demo are the pods of the kubernetes.io pages "Attach Handlers to
// Container Lifecycle Events" and "Determine the Reason for Pod Failure" (Apache-2.0 examples).
const manifests = `
apiVersion: v1
kind: Pod
metadata:
  name: lifecycle-demo
spec:
  containers:
  - name: lifecycle-demo-container
    image: nginx
    lifecycle:
      postStart:
        exec:
          command: ["/bin/sh", "-c", "echo Hello from the postStart handler > /usr/share/message"]
      preStop:
        exec:
          command: ["/bin/sh","-c","nginx -s quit; while killall -0 nginx; do sleep 1; done"]
---
apiVersion: v1
kind: Pod
metadata:
  name: termination-demo
spec:
  containers:
  - name: termination-demo-container
    image: debian
    command: ["/bin/sh"]
    args: ["-c", "sleep 10 && echo Sleep expired > /dev/termination-log"]
---
apiVersion: v1
kind: Pod
metadata: { name: fallback }
spec:
  restartPolicy: Never
  containers:
  - name: app
    image: busybox:1.36
    command: [sh, -c, 'echo starting; echo boom >&2; exit 3']
    terminationMessagePolicy: FallbackToLogsOnError
---
apiVersion: v1
kind: Pod
metadata: { name: bad-hook }
spec:
  terminationGracePeriodSeconds: 5
  containers:
  - name: app
    image: busybox:1.36
    command: [sh, -c, 'sleep 3600']
    lifecycle:
      postStart:
        exec: { command: [sh, -c, 'cat /no/such/file'] }
`;

let k: KubectlSim;

describe('lifecycle hooks and termination messages', () => {
  beforeAll(async () => {
    k = await kubectlSim({ speed: 10 });
    await k.apply(manifests);
  });
  afterAll(async () => {
    await k?.stop();
  });

  it('postStart runs in the container: /usr/share/message holds what the handler wrote', async () => {
    const w = await k.kubectl(['wait', '--for=condition=Ready', 'pod/lifecycle-demo', '--timeout=30s']);
    expect(w.code, w.err).toBe(0);
    let out = '';
    for (let i = 0; i < 50 && !out; i++) out = (await k.kubectl(['exec', 'lifecycle-demo', '--', 'cat', '/usr/share/message'])).out;
    expect(out).toBe('Hello from the postStart handler');
  });

  it('a failing postStart hook is reported, the container killed and restarted', async () => {
    await k.until(['pod', 'bad-hook'], (p) => p.status.containerStatuses[0].restartCount >= 1);
    const events = await k.events('bad-hook');
    expect(events).toContain('Warning FailedPostStartHook: PostStartHook failed');
    expect(events).toContain('Normal Killing: FailedPostStartHook');
  });

  it('the termination-log file becomes lastState.terminated.message', async () => {
    await k.until(['pod', 'termination-demo'], (p) => p.status.containerStatuses[0].restartCount >= 1);
    const msg = await k.kubectl([
      'get',
      'pod',
      'termination-demo',
      '-o',
      'go-template={{range .status.containerStatuses}}{{.lastState.terminated.message}}{{end}}',
    ]);
    expect(msg.out).toBe('Sleep expired');
    const pod = JSON.parse((await k.kubectl(['get', 'pod', 'termination-demo', '-o', 'json'])).out);
    expect(pod.status.containerStatuses[0].lastState.terminated).toMatchObject({ exitCode: 0, reason: 'Completed', message: 'Sleep expired\n' });
  });

  it('FallbackToLogsOnError takes the end of the log of a failed container', async () => {
    const w = await k.kubectl(['wait', '--for=jsonpath={.status.phase}=Failed', 'pod/fallback', '--timeout=30s']);
    expect(w.code, w.err).toBe(0);
    const pod = JSON.parse((await k.kubectl(['get', 'pod', 'fallback', '-o', 'json'])).out);
    expect(pod.status.containerStatuses[0].state.terminated).toMatchObject({ exitCode: 3, reason: 'Error', message: 'starting\nboom\n' });
  });
});
