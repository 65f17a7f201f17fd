import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type KubectlSim, kubectlSim } from './kubectl-helpers.js';

let k: KubectlSim;

const runcMissing = (prog: string) =>
  new RegExp(
    `^error: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "[0-9a-f]{64}": OCI runtime exec failed: exec failed: unable to start container process: exec: "${prog}": executable file not found in \\$PATH: unknown$`,
  );

describe('the pause image: FROM scratch with only /pause', () => {
  beforeAll(async () => {
    k = await kubectlSim();
    await k.apply(`apiVersion: v1
kind: Pod
metadata: { name: ephemeral-demo }
spec:
  containers:
  - { name: ephemeral-demo, image: registry.k8s.io/pause:3.1 }
---
apiVersion: v1
kind: Pod
metadata: { name: old-pause }
spec:
  containers:
  - { name: c, image: k8s.gcr.io/pause }
`);
    for (const p of ['ephemeral-demo', 'old-pause']) await k.until(['pod', p], (o) => o.status?.phase === 'Running');
  });
  afterAll(async () => {
    await k?.stop();
  });

  it.each([
    ['ephemeral-demo', 'sh'],
    ['ephemeral-demo', 'ls'],
    ['old-pause', 'cat'],
  ])('kubectl exec %s -- %s fails as runc cannot find the program', async (pod, prog) => {
    const r = await k.kubectl(['exec', pod, '--', prog, ...(prog === 'cat' ? ['/etc/hostname'] : [])]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(runcMissing(prog));
    expect(r.out).toBe('');
  });

  it('keeps running: /pause waits for a signal and prints nothing', async () => {
    await k.sim.passTime(120_000);
    const pod = await k.until(['pod', 'ephemeral-demo'], () => true);
    expect(pod.status.phase).toBe('Running');
    expect(pod.status.containerStatuses[0].restartCount).toBe(0);
    expect((await k.kubectl(['logs', 'ephemeral-demo'])).out).toBe('');
  });
});
