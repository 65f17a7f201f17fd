import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { serveExec, type ExecRequest } from '../../../src/backends/sim/runtime/exec/ws.js';

let server: Server | undefined;

afterEach(async () => {
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  server = undefined;
});

async function listen(er: ExecRequest): Promise<string> {
  server = createServer((_req, res) => res.writeHead(404).end());
  server.on('upgrade', (req, socket, head) => serveExec(req, socket, head, ['echo', 'hi'], er, 0));
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  return `ws://127.0.0.1:${(server!.address() as AddressInfo).port}/exec`;
}

/**
 * A client that reads the socket before it has made its streams, as kubectl 1.32 does: a frame that
 * comes before then is dropped. It makes its streams when its reader first sees the server's ping and
 * answers that ping only afterwards (`autoPong: false`), so nothing here depends on timing.
 */
function lateStreamsClient(url: string): Promise<{ out: string; status: string; dropped: number }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, ['v5.channel.k8s.io'], { autoPong: false });
    let streams = false;
    let out = '';
    let status = '';
    let dropped = 0;
    ws.on('ping', (data: Buffer) => {
      streams = true;
      ws.pong(data);
    });
    ws.on('message', (d: Buffer) => {
      if (!streams) return void dropped++;
      if (d[0] === 1) out += d.subarray(1).toString();
      if (d[0] === 3) status = JSON.parse(d.subarray(1).toString()).status;
    });
    ws.on('close', () => resolve({ out, status, dropped }));
    ws.on('error', reject);
  });
}

describe('exec output waits until the client has made its streams', () => {
  it('a command that writes at once: its output and status come after the client answered the ping', async () => {
    const url = await listen({ stdin: false, tty: false, run: async (io) => (io.out('hi\n'), { code: 0 }) });
    expect(await lateStreamsClient(url)).toEqual({ out: 'hi\n', status: 'Success', dropped: 0 });
  });

  // This client never answers a ping: only its stdin frame can let the output through.
  it('a client that sends stdin has its streams: the output does not wait for the ping', async () => {
    const url = await listen({ stdin: true, tty: false, run: async (io) => (io.out(io.stdin.readAll().toString()), { code: 0 }) });
    const ws = new WebSocket(url, ['v5.channel.k8s.io'], { autoPong: false });
    let out = '';
    ws.on('open', () => {
      ws.send(Buffer.concat([Buffer.from([0]), Buffer.from('piped\n')]));
      ws.send(Buffer.from([255, 0]));
    });
    ws.on('message', (d: Buffer) => void (d[0] === 1 && (out += d.subarray(1).toString())));
    await new Promise((r) => ws.on('close', r));
    expect(out).toBe('piped\n');
  });
});
