import { bootedApi } from './helpers.js';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { ManualClock } from '../../../src/backends/sim/clock.js';
import type { KObject } from '../../../src/backends/sim/types.js';
import { createRuntime, type SimPodRuntime } from '../../../src/backends/sim/runtime/index.js';

let server: Server | undefined;
let runtime: SimPodRuntime | undefined;

afterEach(async () => {
  await runtime?.close?.();
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  server = undefined;
});

async function start(): Promise<{ url: string; pod: KObject }> {
  const clock = new ManualClock('2024-01-01T00:00:00Z');
  const api = bootedApi(clock, 3);
  runtime = createRuntime(api);
  const created = api.create(api.resolve('pods')!, 'default', {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p' },
    spec: { nodeName: 'kind-control-plane', containers: [{ name: 'c', image: 'busybox:1.36', command: ['sleep', '1d'] }] },
  } as KObject);
  const pod = { ...created, status: { phase: 'Running', podIP: '10.244.0.20' } };
  runtime.podStarted(pod);
  const rt = runtime;
  server = createServer((_req, res) => res.writeHead(404).end());
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://x');
    rt.upgrade('exec', pod, url.searchParams, req, socket, head);
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  return { url: `ws://127.0.0.1:${(server!.address() as AddressInfo).port}/api/v1/namespaces/default/pods/p/exec`, pod };
}

/** Speaks v5.channel.k8s.io like kubectl: returns what came on each channel. */
function exec(
  url: string,
  query: string,
  stdin?: string,
): Promise<{ out: string; err: string; status: Record<string, unknown>; protocol: string; code?: number }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${url}?${query}`, ['v5.channel.k8s.io']);
    let out = '';
    let err = '';
    let status: Record<string, unknown> = {};
    ws.on('open', () => {
      if (stdin !== undefined) {
        ws.send(Buffer.concat([Buffer.from([0]), Buffer.from(stdin)]));
        ws.send(Buffer.from([255, 0]));
      }
    });
    ws.on('message', (d: Buffer) => {
      const ch = d[0];
      const text = d.subarray(1).toString();
      if (ch === 1) out += text;
      else if (ch === 2) err += text;
      else if (ch === 3) status = JSON.parse(text) as Record<string, unknown>;
    });
    ws.on('unexpected-response', (_req, res) => resolve({ out, err, status, protocol: '', code: res.statusCode }));
    ws.on('close', () => resolve({ out, err, status, protocol: ws.protocol }));
    ws.on('error', reject);
  });
}

describe('exec over WebSocket (v5.channel.k8s.io)', () => {
  it('splits stdout and stderr and reports the exit code on channel 3', async () => {
    const { url } = await start();
    const r = await exec(url, 'command=sh&command=-c&command=echo%20out%3B%20echo%20err%20%3E%262%3B%20exit%203&container=c&stdout=true&stderr=true');
    expect(r.protocol).toBe('v5.channel.k8s.io');
    expect(r.out).toBe('out\n');
    expect(r.err).toBe('err\n');
    expect(r.status).toEqual({
      metadata: {},
      status: 'Failure',
      message: 'command terminated with non-zero exit code: error executing command [sh -c echo out; echo err >&2; exit 3], exit code 3',
      reason: 'NonZeroExitCode',
      details: { causes: [{ reason: 'ExitCode', message: '3' }] },
    });
  });

  it('reads stdin until channel 255 closes it', async () => {
    const { url } = await start();
    const r = await exec(url, 'command=wc&command=-l&container=c&stdin=true&stdout=true&stderr=true', 'a\nb\n');
    expect(r.out).toBe('2\n');
    expect(r.status).toEqual({ metadata: {}, status: 'Success' });
  });

  it('runs an interactive shell over a tty: prompt, echo, exit', async () => {
    const { url } = await start();
    const text = await new Promise<string>((resolve, reject) => {
      const ws = new WebSocket(`${url}?command=sh&container=c&stdin=true&stdout=true&tty=true`, ['v5.channel.k8s.io']);
      let out = '';
      ws.on('open', () => {
        ws.send(Buffer.concat([Buffer.from([4]), Buffer.from('{"Width":80,"Height":24}\n')]));
        ws.send(Buffer.concat([Buffer.from([0]), Buffer.from('cd /tmp; echo hi\r')]));
        ws.send(Buffer.concat([Buffer.from([0]), Buffer.from('exit\r')]));
      });
      ws.on('message', (d: Buffer) => {
        if (d[0] === 1) out += d.subarray(1).toString();
      });
      ws.on('close', () => resolve(out));
      ws.on('error', reject);
    });
    expect(text).toBe('/ # cd /tmp; echo hi\r\nhi\r\n/tmp # exit\r\n');
  });

  it('refuses an unknown container with 400', async () => {
    const { url } = await start();
    const r = await exec(url, 'command=true&container=nope&stdout=true');
    expect(r.code).toBe(400);
  });
});
