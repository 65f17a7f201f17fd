import { describe, expect, it } from 'vitest';
import { probeKillMessage, probesOf, tally, type ProbeTally } from '../../../src/backends/sim/controllers/kubelet-probes.js';
import { runHandler, type HandlerTarget } from '../../../src/backends/sim/runtime/probe.js';

describe('probe settings and counting', () => {
  it('fills the API defaults and keeps startup, liveness, readiness order', () => {
    const [startup, liveness, readiness] = probesOf({
      readinessProbe: { httpGet: { port: 80 }, successThreshold: 2 },
      livenessProbe: { exec: { command: ['true'] }, initialDelaySeconds: 5, periodSeconds: 5, terminationGracePeriodSeconds: 3 },
      startupProbe: { tcpSocket: { port: 80 }, failureThreshold: 30 },
    });
    expect(startup).toMatchObject({ type: 'Startup', periodMs: 10_000, timeoutMs: 1000, failureThreshold: 30, successThreshold: 1 });
    expect(liveness).toMatchObject({ type: 'Liveness', initialDelayMs: 5000, periodMs: 5000, failureThreshold: 3, graceSeconds: 3 });
    expect(readiness).toMatchObject({ type: 'Readiness', successThreshold: 2 });
  });

  it('settles only after the thresholds, as the kubelet probe worker', () => {
    const [liveness] = probesOf({ livenessProbe: { exec: { command: ['x'] } } });
    const t: ProbeTally = { run: 0 };
    expect([tally(t, 'failure', liveness!), tally(t, 'failure', liveness!), tally(t, 'failure', liveness!)]).toEqual([undefined, undefined, 'failure']);
    // After a kill the count starts over.
    expect(tally(t, 'failure', liveness!)).toBeUndefined();
    const [readiness] = probesOf({ readinessProbe: { exec: { command: ['x'] }, successThreshold: 2, failureThreshold: 1 } });
    const r: ProbeTally = { run: 0 };
    expect([tally(r, 'success', readiness!), tally(r, 'success', readiness!), tally(r, 'failure', readiness!)]).toEqual([undefined, 'success', 'failure']);
    expect(probeKillMessage('web', 'Startup')).toBe('Container web failed startup probe, will be restarted');
  });
});

describe('runHandler', () => {
  const target = (exec: HandlerTarget['exec']): HandlerTarget => ({
    pod: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'c', ports: [{ name: 'http', containerPort: 8080 }] }] } },
    container: 'c',
    podIP: '10.244.0.9',
    exec,
    listener: () => undefined,
    wait: () => Promise.resolve(),
    userAgent: 'kube-probe/1.32',
  });

  it('an exec probe that outlives timeoutSeconds fails with the exec prober message', async () => {
    const never: HandlerTarget['exec'] = (_argv, _io, signal) => new Promise((resolve) => signal.addEventListener('abort', () => resolve({ code: 137 })));
    expect(await runHandler(target(never), { exec: { command: ['sleep', '10'] } }, 1000)).toEqual({
      result: 'failure',
      output: 'command "sleep 10" timed out',
    });
  });

  it('named ports resolve from the container; nothing listening is refused', async () => {
    const t = target(async () => ({ code: 0 }));
    expect(await runHandler(t, { httpGet: { port: 'http', path: '/healthz' } })).toEqual({
      result: 'failure',
      output: 'Get "http://10.244.0.9:8080/healthz": dial tcp 10.244.0.9:8080: connect: connection refused',
    });
    expect(await runHandler(t, { grpc: { port: 2379 } }, 1000)).toEqual({
      result: 'failure',
      output: 'timeout: failed to connect service "10.244.0.9:2379" within 1s: context deadline exceeded',
    });
    expect(await runHandler(t, { exec: { command: ['true'] } })).toEqual({ result: 'success', output: '' });
  });
});
