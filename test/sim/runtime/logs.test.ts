import { bootedApi } from './helpers.js';
import { createServer, get, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
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

async function start(containers: unknown[]): Promise<(q: string) => Promise<{ status: number; body: string }>> {
  const clock = new ManualClock('2024-01-01T00:00:00Z');
  const api = bootedApi(clock, 5);
  runtime = createRuntime(api);
  const created = api.create(api.resolve('pods')!, 'default', {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p' },
    spec: { nodeName: 'kind-control-plane', containers },
  } as KObject);
  const pod = { ...created, status: { phase: 'Running', podIP: '10.244.0.30' } };
  runtime.podStarted(pod);
  const rt = runtime;
  server = createServer((req, res) => rt.log(pod, new URL(req.url ?? '/', 'http://x').searchParams, req, res));
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  const port = (server!.address() as AddressInfo).port;
  return (q) =>
    new Promise((resolve, reject) => {
      get(`http://127.0.0.1:${port}/log?${q}`, (res) => {
        let body = '';
        res.on('data', (d: Buffer) => (body += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      }).on('error', reject);
    });
}

describe('pods/log', () => {
  it('serves nginx start-up lines with tailLines and timestamps', async () => {
    const fetch = await start([{ name: 'web', image: 'nginx:1.27' }]);
    const all = await fetch('container=web');
    expect(all.body.split('\n')[0]).toBe('/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration');
    expect(all.body).toContain('2024/01/01 00:00:00 [notice] 1#1: nginx/1.27.3\n');
    const tail = await fetch('container=web&tailLines=2&timestamps=true');
    expect(tail.body).toMatch(
      /^2024-01-01T00:00:00\.000000000Z 2024\/01\/01 00:00:00 \[notice\] 1#1: start worker process 35\n2024-01-01T00:00:00\.000000000Z .*start worker process 36\n$/,
    );
    expect((await fetch('container=web&previous=true')).body).toContain('previous terminated container \\"web\\" in pod \\"p\\" not found');
    expect((await fetch('container=zzz')).status).toBe(400);
  });

  it('follows a busy main process until the client goes away', async () => {
    const fetch = await start([{ name: 'ticker', image: 'busybox', command: ['sh', '-c', 'i=0; while true; do i=$((i+1)); echo tick $i; sleep 1; done'] }]);
    const port = (server!.address() as AddressInfo).port;
    const lines = await new Promise<string[]>((resolve, reject) => {
      const req = get(`http://127.0.0.1:${port}/log?follow=true`, (res) => {
        let body = '';
        res.on('data', (d: Buffer) => {
          body += d.toString();
          if (body.split('\n').length > 4) {
            req.destroy();
            resolve(body.split('\n').slice(0, 4));
          }
        });
      });
      req.on('error', (e) => (String(e).includes('socket hang up') ? undefined : reject(e)));
    });
    expect(lines).toEqual(['tick 1', 'tick 2', 'tick 3', 'tick 4']);
    expect((await fetch('tailLines=1')).body).toMatch(/^tick \d+\n$/);
  });

  it("expands $(VAR) in the pod's command and args with the container's variables, as kubelet does", async () => {
    const fetch = await start([
      {
        name: 'echo',
        image: 'busybox',
        command: ['/bin/echo', '$(LEVEL) $(KIND)'],
        args: ['$(MISSING)', '$$(LEVEL)', 'x$$y'],
        env: [
          { name: 'LEVEL', value: 'very' },
          { name: 'KIND', value: 'charm' },
        ],
      },
    ]);
    // Unknown references stay as written; `$$` is a literal `$`.
    expect((await fetch('container=echo')).body).toBe('very charm $(MISSING) $(LEVEL) x$y\n');
  });
});
