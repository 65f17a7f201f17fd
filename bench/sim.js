// Simulator: `kubectl get pods` with 1,000 started pods vs `kubectl version --client` (the process floor);
// memory with 10,000 pods; GETs of one pod per second under a bounded loopback load.
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSim } from '../dist/backends/sim/index.js';
import { paired, report, run } from './util.js';

function pod(i) {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: `bench-${i}`, namespace: 'default', labels: { app: 'bench' } },
    spec: { containers: [{ name: 'c', image: 'nginx' }] },
  };
}

async function addPods(sim, from, to) {
  const type = sim.api.resolve('pods');
  for (let i = from; i < to; i++) sim.api.create(type, 'default', pod(i));
}

function getOnce(sim, path) {
  const url = new URL(sim.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path, ca: sim.caPem, headers: { Authorization: `Bearer ${sim.token}` } }, (res) => {
      res.resume();
      res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`HTTP ${res.statusCode}`))));
    });
    req.on('error', reject);
    req.end();
  });
}

export default async function simBench() {
  const home = mkdtempSync(join(tmpdir(), 'kdt-bench-'));
  const sim = await startSim({});
  try {
    const env = { ...process.env, KUBECONFIG: sim.kubeconfigPath, HOME: home };
    await addPods(sim, 0, 1000);
    // The pods start first (two minutes of the cluster's time, passed at once): measured while
    // the kubelet is still starting them, the figure would be the kubelet's work, not the get's.
    await sim.passTime(120_000);
    await run('kubectl', ['get', 'pods'], { env }); // warm the discovery cache
    const { a, b } = await paired(
      10,
      () => run('kubectl', ['get', 'pods'], { env }),
      () => run('kubectl', ['version', '--client'], { env }),
    );
    report('kubectl get pods (1,000 pods) vs version --client', a, b, 'ms', 2);

    // Bounded load: 8 concurrent clients for 3 s against one pod.
    const deadline = performance.now() + 3000;
    let done = 0;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (performance.now() < deadline) {
          await getOnce(sim, '/api/v1/namespaces/default/pods/bench-1');
          done++;
        }
      }),
    );
    console.log(`${'GET one pod, 8 clients, 3 s'.padEnd(48)} ${(done / 3).toFixed(0)} requests/s`);

    global.gc?.();
    const before = process.memoryUsage().heapUsed;
    await addPods(sim, 1000, 10_000);
    global.gc?.();
    const after = process.memoryUsage().heapUsed;
    const mib = after / 2 ** 20;
    console.log(
      `${'sim heap with 10,000 pods'.padEnd(48)} ${mib.toFixed(0)} MiB (+${((after - before) / 2 ** 20).toFixed(0)} MiB for 9,000 pods)  (target < 500 MB: ${after < 500e6 ? 'met' : 'NOT met'})`,
    );
  } finally {
    await sim.stop();
    rmSync(home, { recursive: true, force: true });
  }
}
