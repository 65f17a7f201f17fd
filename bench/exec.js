// 100 sequential `kubectl exec … -- echo hi` vs 100 `kubectl version --client`, as a ratio.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSim } from '../dist/backends/sim/index.js';
import { paired, report, run } from './util.js';

export default async function execBench() {
  const home = mkdtempSync(join(tmpdir(), 'kdt-bench-'));
  const sim = await startSim({});
  try {
    const env = { ...process.env, KUBECONFIG: sim.kubeconfigPath, HOME: home };
    await run('kubectl', ['run', 'bench', '--image=nginx'], { env });
    await run('kubectl', ['wait', '--for=condition=Ready', 'pod/bench', '--timeout=60s'], { env });
    const { a, b } = await paired(
      100,
      () => run('kubectl', ['exec', 'bench', '--', 'echo', 'hi'], { env }),
      () => run('kubectl', ['version', '--client'], { env }),
    );
    report('kubectl exec echo hi vs version --client (100 each)', a, b);
  } finally {
    await sim.stop();
    rmSync(home, { recursive: true, force: true });
  }
}
