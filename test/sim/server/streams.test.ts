import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PodRuntime } from '../../../src/backends/sim/runtime/hooks.js';
import { startFixture, type SimFixture } from './helpers.js';

/** A runtime that records what the server hands it and answers simply. */
function recordingRuntime(calls: string[]): PodRuntime {
  return {
    canPull: () => true,
    podStarted: () => undefined,
    podRemoved: () => undefined,
    upgrade(kind, pod, query, _req, socket) {
      calls.push(`${kind} ${pod.metadata.name} ${query.getAll('command').join(' ')}`);
      const body = JSON.stringify({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'recorded', reason: 'BadRequest', code: 400 });
      socket.end(`HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    },
    log(pod, query, _req, res) {
      calls.push(`log ${pod.metadata.name} ${query.get('container') ?? ''}`);
      res.writeHead(200, { 'Content-Type': 'text/plain' }).end('line one\nline two\n');
    },
  };
}

describe('pod streams go to the runtime', () => {
  let f: SimFixture;
  const calls: string[] = [];
  beforeAll(async () => {
    f = await startFixture({ runtime: () => recordingRuntime(calls) });
    const pods = f.sim.api.resolve('pods')!;
    f.sim.api.create(pods, 'default', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'busybox' }] } });
  });
  afterAll(async () => {
    await f?.stop();
  });

  it('routes kubectl logs to runtime.log', async () => {
    const r = await f.kubectl(['logs', 'p']);
    expect(r.stdout).toBe('line one\nline two');
    expect(calls).toContain('log p c');
  });

  it('routes kubectl exec upgrades to runtime.upgrade', async () => {
    const r = await f.kubectl(['exec', 'p', '--', 'echo', 'hi']);
    expect(r.exitCode).not.toBe(0);
    expect(calls).toContain('exec p echo hi');
  });

  it('answers 404 for logs of a missing pod', async () => {
    const r = await f.kubectl(['logs', 'nope']);
    // kubectl words this one itself, from the server's 404 on the pod.
    expect(r.stderr.trim()).toBe('error: error from server (NotFound): pods "nope" not found in namespace "default"');
  });
});
