import { Agent, request, type RequestOptions } from 'node:https';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSim, type SimHandle } from '../../../src/backends/sim/index.js';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function call(
  sim: SimHandle,
  method: string,
  path: string,
  body?: string | Buffer,
  headers: Record<string, string> = {},
  token = sim.token,
  agent: Agent | false = false,
): Promise<Reply> {
  const url = new URL(path, sim.url);
  const options: RequestOptions = {
    method,
    host: url.hostname,
    port: url.port,
    path: url.pathname + url.search,
    ca: sim.caPem,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...headers },
    agent,
  };
  return new Promise((resolve, reject) => {
    const req = request(options, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('sim API server robustness', () => {
  let sim: SimHandle;
  beforeAll(async () => {
    sim = await startSim({ controllers: false });
  });
  afterAll(async () => {
    await sim?.stop();
  });

  it('rejects a wrong token; without one, allows anonymous requests only health and version', async () => {
    expect((await call(sim, 'GET', '/api/v1/namespaces', undefined, {}, 'wrong')).status).toBe(401);
    // No credentials: anonymous, which RBAC allows no resource (a real server answers 403, not 401).
    const anonymous = await call(sim, 'GET', '/api/v1/pods', undefined, { Authorization: '' });
    expect(anonymous.status).toBe(403);
    expect(JSON.parse(anonymous.body)).toMatchObject({ kind: 'Status', reason: 'Forbidden', code: 403 });
    expect((await call(sim, 'GET', '/healthz')).body).toBe('ok');
    expect(JSON.parse((await call(sim, 'GET', '/version')).body).gitVersion).toBe('v1.32.4');
  });

  it('serves aggregated and legacy discovery, and openapi v3', async () => {
    const agg = await call(sim, 'GET', '/apis', undefined, { Accept: 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json' });
    expect(agg.headers['content-type']).toBe('application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList');
    const apps = JSON.parse(agg.body).items.find((i: { metadata: { name: string } }) => i.metadata.name === 'apps');
    const deploy = apps.versions[0].resources.find((r: { resource: string }) => r.resource === 'deployments');
    expect(deploy).toMatchObject({ shortNames: ['deploy'], categories: ['all'], scope: 'Namespaced' });
    const legacy = JSON.parse((await call(sim, 'GET', '/api/v1')).body);
    expect(legacy.resources.find((r: { name: string }) => r.name === 'pods/exec')).toMatchObject({ kind: 'PodExecOptions' });
    const root = JSON.parse((await call(sim, 'GET', '/openapi/v3')).body);
    const doc = JSON.parse((await call(sim, 'GET', root.paths['apis/apps/v1'].serverRelativeURL)).body);
    const patch = doc.paths['/apis/apps/v1/namespaces/{namespace}/deployments/{name}'].patch;
    expect(patch['x-kubernetes-group-version-kind']).toEqual({ group: 'apps', version: 'v1', kind: 'Deployment' });
    // v2 is served without definitions (the types are in v3); kubectl only falls back to it.
    const v2 = await call(sim, 'GET', '/openapi/v2');
    expect(v2.status).toBe(200);
    expect(JSON.parse(v2.body)).toEqual({ swagger: '2.0', info: { title: 'Kubernetes', version: 'v1.32.4' }, paths: {}, definitions: {} });
  });

  it('answers malformed, oversized and unknown requests with real Status bodies', async () => {
    const bad = await call(sim, 'POST', '/api/v1/namespaces/default/configmaps', '{"kind":');
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body).message).toBe("couldn't get version/kind; json parse error: unexpected end of JSON input");
    const big = await call(sim, 'POST', '/api/v1/namespaces/default/configmaps', Buffer.alloc(3 * 1024 * 1024 + 10, 0x20));
    expect(big.status).toBe(413);
    expect(JSON.parse(big.body).message).toBe('Request entity too large: limit is 3145728');
    // A resource path no group serves ends at the real server's not-found handler, Go's
    // http.NotFound (k8s.io/apiserver/pkg/util/notfoundhandler): plain text, not a Status.
    const unknown = await call(sim, 'GET', '/apis/frobs.example.com/v1/frobs');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toBe('404 page not found\n');
    const media = await call(sim, 'POST', '/api/v1/namespaces/default/configmaps', 'x', { 'Content-Type': 'text/plain' });
    expect(media.status).toBe(415);
  });

  it('answers 1,000 concurrent GETs', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 64, ca: sim.caPem });
    try {
      const replies = await Promise.all(
        Array.from({ length: 1000 }, () => call(sim, 'GET', '/api/v1/namespaces/default/services/kubernetes', undefined, {}, sim.token, agent)),
      );
      expect(replies.filter((r) => r.status === 200)).toHaveLength(1000);
    } finally {
      agent.destroy();
    }
  });

  it('survives a watch client that vanishes', async () => {
    await new Promise<void>((resolve, reject) => {
      const url = new URL('/api/v1/namespaces/default/configmaps?watch=true', sim.url);
      const req = request(
        { host: url.hostname, port: url.port, path: url.pathname + url.search, ca: sim.caPem, headers: { Authorization: `Bearer ${sim.token}` }, agent: false },
        (res) => {
          expect(res.statusCode).toBe(200);
          res.once('data', () => {
            req.destroy();
            resolve();
          });
        },
      );
      req.on('error', (e) => ((e as NodeJS.ErrnoException).code === 'ECONNRESET' ? undefined : reject(e)));
      req.end();
    });
    for (let i = 0; i < 20; i++) {
      const r = await call(
        sim,
        'POST',
        '/api/v1/namespaces/default/configmaps',
        JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `after-${i}` } }),
      );
      expect(r.status).toBe(201);
    }
    expect((await call(sim, 'GET', '/healthz')).body).toBe('ok');
  });

  it('never crashes on random JSON posted to random resources', async () => {
    const paths = [
      '/api/v1/namespaces/default/configmaps',
      '/api/v1/namespaces/default/pods',
      '/apis/apps/v1/namespaces/default/deployments',
      '/api/v1/namespaces',
      '/api/v1/namespaces/default/services',
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...paths),
        fc.oneof(fc.jsonValue(), fc.record({ apiVersion: fc.string(), kind: fc.string(), metadata: fc.jsonValue(), spec: fc.jsonValue() })),
        async (path, value) => {
          const r = await call(sim, 'POST', path, JSON.stringify(value));
          expect(r.status).toBeGreaterThanOrEqual(200);
          expect(r.status).not.toBe(500);
          expect(() => JSON.parse(r.body)).not.toThrow();
        },
      ),
      { numRuns: 150 },
    );
    expect((await call(sim, 'GET', '/healthz')).body).toBe('ok');
  });

  it('serves autoscaling/v1 HorizontalPodAutoscalers over the stored v2 objects', async () => {
    const body = {
      apiVersion: 'autoscaling/v1',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'h' },
      spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }, minReplicas: 1, maxReplicas: 3, targetCPUUtilizationPercentage: 50 },
    };
    const created = await call(sim, 'POST', '/apis/autoscaling/v1/namespaces/default/horizontalpodautoscalers', JSON.stringify(body));
    expect(created.status).toBe(201);
    expect(JSON.parse(created.body)).toMatchObject({ apiVersion: 'autoscaling/v1', spec: { targetCPUUtilizationPercentage: 50 } });
    const v2 = JSON.parse((await call(sim, 'GET', '/apis/autoscaling/v2/namespaces/default/horizontalpodautoscalers/h')).body);
    expect(v2.spec.metrics).toEqual([{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } }]);
    const patched = await call(
      sim,
      'PATCH',
      '/apis/autoscaling/v1/namespaces/default/horizontalpodautoscalers/h',
      JSON.stringify({ spec: { maxReplicas: 5 } }),
      { 'Content-Type': 'application/merge-patch+json' },
    );
    expect(JSON.parse(patched.body).spec).toMatchObject({ maxReplicas: 5, targetCPUUtilizationPercentage: 50 });
    const groups = JSON.parse((await call(sim, 'GET', '/apis/autoscaling')).body);
    expect(groups.versions.map((v: { version: string }) => v.version)).toEqual(['v2', 'v1']);
  });

  it('sends an ERROR event with 410 Expired for a watch from a resourceVersion it no longer has', async () => {
    const small = await startSim({ controllers: false });
    try {
      const history = 10_000;
      for (let i = 0; i < history + 5; i++)
        small.api.store.create(small.api.resolve('configmaps')!, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `c${i}`, namespace: 'default' } });
      const r = await call(small, 'GET', '/api/v1/namespaces/default/configmaps?watch=true&resourceVersion=2&timeoutSeconds=1');
      const event = JSON.parse(r.body.trim().split('\n')[0]!);
      expect(event.type).toBe('ERROR');
      expect(event.object).toMatchObject({ kind: 'Status', code: 410, reason: 'Expired' });
    } finally {
      await small.stop();
    }
  });

  it('ends watches after timeoutSeconds and replays events newer than the resourceVersion', async () => {
    const list = JSON.parse((await call(sim, 'GET', '/api/v1/namespaces/default/configmaps')).body);
    await call(sim, 'POST', '/api/v1/namespaces/default/configmaps', JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'later' } }));
    const started = Date.now();
    const r = await call(sim, 'GET', `/api/v1/namespaces/default/configmaps?watch=true&resourceVersion=${list.metadata.resourceVersion}&timeoutSeconds=1`);
    expect(Date.now() - started).toBeLessThan(5_000);
    const events = r.body
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { type: string; object: { metadata: { name: string } } });
    expect(events.map((e) => `${e.type} ${e.object.metadata.name}`)).toEqual(['ADDED later']);
  });

  it('ends open watches and closes every socket on stop()', async () => {
    const own = await startSim({ controllers: false });
    const url = new URL('/api/v1/namespaces/default/configmaps?watch=true', own.url);
    const ended = new Promise<string>((resolve, reject) => {
      const req = request(
        { host: url.hostname, port: url.port, path: url.pathname + url.search, ca: own.caPem, headers: { Authorization: `Bearer ${own.token}` }, agent: false },
        (res) => {
          res.resume();
          res.on('end', () => resolve('end'));
          res.on('close', () => resolve('close'));
        },
      );
      req.on('error', () => resolve('error'));
      req.end();
      setTimeout(() => reject(new Error('the watch was not ended by stop()')), 10_000).unref();
    });
    await new Promise((r) => setTimeout(r, 200));
    await own.stop();
    expect(['end', 'close', 'error']).toContain(await ended);
    await expect(call(own, 'GET', '/healthz')).rejects.toThrow();
  });

  it('binds a pod through pods/binding and evicts it through pods/eviction', async () => {
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'bindme' }, spec: { containers: [{ name: 'c', image: 'busybox' }] } };
    expect((await call(sim, 'POST', '/api/v1/namespaces/default/pods', JSON.stringify(pod))).status).toBe(201);
    const bound = await call(
      sim,
      'POST',
      '/api/v1/namespaces/default/pods/bindme/binding',
      JSON.stringify({
        apiVersion: 'v1',
        kind: 'Binding',
        metadata: { name: 'bindme' },
        target: { apiVersion: 'v1', kind: 'Node', name: 'kind-control-plane' },
      }),
    );
    expect(bound.status).toBe(201);
    const got = JSON.parse((await call(sim, 'GET', '/api/v1/namespaces/default/pods/bindme')).body);
    expect(got.spec.nodeName).toBe('kind-control-plane');
    const evicted = await call(
      sim,
      'POST',
      '/api/v1/namespaces/default/pods/bindme/eviction',
      JSON.stringify({ apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name: 'bindme' }, deleteOptions: { gracePeriodSeconds: 0 } }),
    );
    expect(evicted.status).toBe(201);
    expect((await call(sim, 'GET', '/api/v1/namespaces/default/pods/bindme')).status).toBe(404);
  });

  it('serves events.k8s.io/v1 Events over the stored core Events', async () => {
    const core = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: 'e1' },
      involvedObject: { kind: 'Pod', name: 'p', namespace: 'default' },
      reason: 'Started',
      message: 'Started container c',
      type: 'Normal',
      count: 1,
    };
    expect((await call(sim, 'POST', '/api/v1/namespaces/default/events', JSON.stringify(core))).status).toBe(201);
    const list = JSON.parse((await call(sim, 'GET', '/apis/events.k8s.io/v1/namespaces/default/events')).body);
    expect(list.kind).toBe('EventList');
    expect(list.items[0]).toMatchObject({
      apiVersion: 'events.k8s.io/v1',
      regarding: { name: 'p' },
      note: 'Started container c',
      deprecatedCount: 1,
      reason: 'Started',
    });
  });
});
