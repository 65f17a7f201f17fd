import { request } from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSim, type SimHandle } from '../../../src/backends/sim/index.js';
import { checkYamlValue } from '../../../src/backends/sim/server/decode-limits.js';
import { call, messageOf } from './http.js';

/** The classic "billion laughs" document: `levels` anchors, each a list of `fanout` aliases to the one before. */
function laughs(levels: number, fanout = 9, root = 'data'): string {
  const lines = ['apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: lol}', 'a0: &a0 ["lol"]'];
  for (let i = 1; i < levels; i++) lines.push(`a${i}: &a${i} [${Array.from({ length: fanout }, () => `*a${i - 1}`).join(',')}]`);
  lines.push(`${root}: {x: *a${levels - 1}}`);
  return `${lines.join('\n')}\n`;
}

const YAML = { 'Content-Type': 'application/yaml' };

describe('request body limits', () => {
  let sim: SimHandle;
  beforeAll(async () => {
    sim = await startSim({ controllers: false });
  });
  afterAll(async () => {
    await sim?.stop();
  });

  it('rejects a billion-laughs body with 400, without expanding it, while other requests are served', async () => {
    const bomb = laughs(9);
    expect(bomb.length).toBeLessThan(600);
    const heapBefore = process.memoryUsage().heapUsed;
    const started = performance.now();
    const [rejected, other] = await Promise.all([
      call(sim, 'POST', '/api/v1/namespaces/default/configmaps', bomb, YAML),
      call(sim, 'GET', '/api/v1/namespaces/default/services/kubernetes'),
    ]);
    const ms = performance.now() - started;
    const heapMiB = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
    console.info(`billion laughs (${bomb.length} bytes): rejected in ${ms.toFixed(0)} ms, heap +${heapMiB.toFixed(1)} MiB`);
    expect(rejected.status).toBe(400);
    expect(JSON.parse(rejected.body)).toMatchObject({ reason: 'BadRequest', code: 400 });
    expect(messageOf(rejected)).toMatch(
      /^the object provided is unrecognized \(must be of type ConfigMap\): yaml: document contains excessive aliasing \([0-9a-f]{60} \.\.\.\)$/,
    );
    expect(other.status).toBe(200);
    // 9^8 strings would be hundreds of MiB once expanded.
    expect(heapMiB).toBeLessThan(100);
  });

  it('rejects the smaller bomb that used to be stored, and stores nothing', async () => {
    const r = await call(sim, 'POST', '/api/v1/namespaces/default/configmaps', laughs(7), YAML);
    expect(r.status).toBe(400);
    expect(messageOf(r)).toContain('yaml: document contains excessive aliasing');
    expect((await call(sim, 'GET', '/api/v1/namespaces/default/configmaps/lol')).status).toBe(404);
  });

  it('accepts ordinary anchors and aliases', async () => {
    const body = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: anchored\n  labels: &l {app: web}\n  annotations: *l\ndata: {a: x}\n';
    const r = await call(sim, 'POST', '/api/v1/namespaces/default/configmaps', body, YAML);
    expect(r.status).toBe(201);
    expect(JSON.parse(r.body).metadata).toMatchObject({ labels: { app: 'web' }, annotations: { app: 'web' } });
  });

  it("rejects an apply patch that is a bomb with the apply handler's message", async () => {
    const r = await call(sim, 'PATCH', '/api/v1/namespaces/default/configmaps/lol?fieldManager=m', laughs(9), {
      'Content-Type': 'application/apply-patch+yaml',
    });
    expect(r.status).toBe(400);
    expect(messageOf(r)).toBe('error decoding YAML: error converting YAML to JSON: yaml: document contains excessive aliasing');
  });

  it('rejects deeply nested YAML and JSON with 400, never 500', async () => {
    const deepYaml = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: deep}\nx: ${'['.repeat(5000)}${']'.repeat(5000)}\n`;
    const y = await call(sim, 'POST', '/api/v1/namespaces/default/configmaps', deepYaml, YAML);
    expect(y.status).toBe(400);
    expect(messageOf(y)).toMatch(/yaml: exceeded max depth of \d+/);
    for (const depth of [2000, 200_000]) {
      const deepJson = `{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"deep"},"x":${'['.repeat(depth)}${']'.repeat(depth)}}`;
      const j = await call(sim, 'POST', '/api/v1/namespaces/default/configmaps', deepJson);
      expect(j.status).toBe(400);
      expect(messageOf(j)).toBe("couldn't get version/kind; json parse error: exceeded max depth");
    }
    const patch = await call(sim, 'PATCH', '/api/v1/namespaces/default/configmaps/anchored', `{"x":${'{"y":'.repeat(3000)}1${'}'.repeat(3000)}}`, {
      'Content-Type': 'application/merge-patch+json',
    });
    expect(patch.status).toBe(400);
    expect(messageOf(patch)).toBe('error decoding patch: exceeded max depth');
  });

  it('counts the work of aliases as go-yaml does', () => {
    const shared = ['x'];
    expect(checkYamlValue({ a: shared, b: shared })).toBeUndefined();
    const level = (inner: unknown) => Array.from({ length: 10 }, () => inner);
    // 10^3 leaves through aliases pass, 10^4 do not (go-yaml v2 and v3 agree on these).
    const three = level(level(level('x')));
    expect(checkYamlValue({ a: three, b: three })).toBeUndefined();
    const l1 = level('x');
    const l2 = level(l1);
    const l3 = level(l2);
    const l4 = level(l3);
    expect(checkYamlValue({ l1, l2, l3, l4 })).toBe('excessive aliasing');
    const self: Record<string, unknown> = {};
    self.me = self;
    expect(checkYamlValue(self)).toBe('self reference');
  });
});

describe('request paths', () => {
  let sim: SimHandle;
  beforeAll(async () => {
    sim = await startSim({ controllers: false });
  });
  afterAll(async () => {
    await sim?.stop();
  });

  it("answers a malformed escape with 400, as Go's HTTP server does", async () => {
    const r = await call(sim, 'GET', '/api/v1/namespaces/%ZZ/pods');
    expect(r.status).toBe(400);
    expect(r.body).toBe('400 Bad Request');
  });

  it('routes nothing through dot segments, escaped or not', async () => {
    for (const path of [
      '/api/v1/namespaces/%2e%2e/pods',
      '/api/v1/namespaces/%2E%2E/configmaps',
      '/api/v1/namespaces/default/pods/%2e',
      '/api/v1/namespaces/default/%2e%2e/%2e%2e/nodes',
    ]) {
      const r = await call(sim, 'GET', path);
      expect(r.status, path).toBe(404);
      expect(messageOf(r)).toBe('the server could not find the requested resource');
    }
    expect((await call(sim, 'GET', '/api/v1/namespaces/default/pods')).status).toBe(200);
  });
});

describe('watches of clients that do not read', () => {
  let sim: SimHandle;
  beforeAll(async () => {
    sim = await startSim({ controllers: false, watchLimits: { maxPendingEvents: 20, maxPendingBytes: 512 * 1024 } });
  });
  afterAll(async () => {
    await sim?.stop();
  });

  it('are closed instead of buffered without bound', async () => {
    const url = new URL('/api/v1/namespaces/default/configmaps?watch=true', sim.url);
    const res = await new Promise<import('node:http').IncomingMessage>((resolve, reject) => {
      const req = request(
        { host: url.hostname, port: url.port, path: url.pathname + url.search, ca: sim.caPem, headers: { Authorization: `Bearer ${sim.token}` }, agent: false },
        resolve,
      );
      req.on('error', () => undefined);
      req.end();
      setTimeout(() => reject(new Error('no watch response')), 10_000).unref();
    });
    // The client stops reading; loopback sockets absorb a few MiB, the rest would pile up in the server.
    res.pause();
    const big = 'x'.repeat(256 * 1024);
    const total = 120;
    for (let i = 0; i < total; i++) {
      const r = await call(
        sim,
        'POST',
        '/api/v1/namespaces/default/configmaps',
        JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `big-${i}` }, data: { big } }),
      );
      expect(r.status).toBe(201);
    }
    let received = 0;
    let tail = '';
    res.on('data', (c: Buffer) => {
      const text = tail + c.toString();
      const lines = text.split('\n');
      tail = lines.pop()!;
      received += lines.length;
    });
    res.on('error', () => undefined);
    res.resume();
    await new Promise<void>((resolve) => res.once('close', () => resolve()));
    console.info(`slow watcher: ${received} of ${total} events of 256 KiB delivered before the server closed it`);
    expect(received).toBeGreaterThan(0);
    expect(received).toBeLessThan(total);
    expect((await call(sim, 'GET', '/healthz')).body).toBe('ok');
  });
});
