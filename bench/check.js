// `check` of a lesson on the sim vs a plain bash script running the same commands against a sim
// (target ≤ 1.3×), for a passing lesson, the corrected connect-applications page (passes end to
// end, default settle) and the published page (settle off, so both sides run each command once).
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { loadLesson } from '../dist/parse/index.js';
import { buildPlan } from '../dist/plan/index.js';
import { runPlan } from '../dist/run/index.js';
import { simBackend } from '../dist/backends/sim/backend.js';
import { startSim } from '../dist/backends/sim/index.js';
import { report, time } from './util.js';

async function one(name, path, options) {
  const plan = buildPlan(await loadLesson(path, options.examplesDir ? { examplesDir: options.examplesDir } : {}));
  const tmp = mkdtempSync(join(tmpdir(), 'kdt-bench-'));
  let result;
  const checkMs = await time(async () => {
    result = await runPlan(plan, simBackend(options.sim ?? {}), {
      settleMs: options.settleMs,
      keep: true,
      tmpDir: tmp,
      handleSignals: false,
      gatherFacts: false,
      ...(options.filesDir ? { filesDir: options.filesDir } : {}),
    });
  });
  // The same commands, each as many times as check ran it, with the same waits between (a reader
  // also waits until the pods are up before the output looks like the doc's).
  const script = result.steps
    .filter((s) => s.kind === 'command' && s.status !== 'skipped' && s.ran)
    .map((s) => {
      const runs = [s.ran];
      for (let i = 1, delay = 250; i < s.attempts; i++, delay = Math.min(delay * 2, 2000)) runs.push(`sleep ${delay / 1000}`, s.ran);
      return runs.join('\n');
    })
    .join('\n');
  const home = mkdtempSync(join(tmpdir(), 'kdt-bench-home-'));
  cpSync(join(result.keptDir, 'home'), home, { recursive: true });
  const sim = await startSim(options.sim ?? {});
  let bashMs;
  try {
    bashMs = await time(() =>
      execa('bash', ['--noprofile', '--norc', '-c', script], {
        cwd: home,
        env: { ...process.env, KUBECONFIG: sim.kubeconfigPath, HOME: home },
        reject: false,
        timeout: 600_000,
        stdin: 'ignore',
      }),
    );
  } finally {
    await sim.stop();
    rmSync(home, { recursive: true, force: true });
    rmSync(tmp, { recursive: true, force: true });
  }
  const passed = result.steps.filter((s) => s.status === 'pass').length;
  report(`check ${name} (${passed}/${result.steps.length} pass) vs bash`, checkMs, bashMs, 'ms', 1.3);
}

export default async function checkBench() {
  await one('env-vars-pass.md', 'docs/examples/env-vars-pass.md', { settleMs: 30_000 });
  // The connect-applications page brought up to 1.32 passes end to end: the default settle costs nothing.
  await one('connect-applications (corrected)', 'fixtures/run/connect-applications/corrected-k8s-1.32.md', {
    examplesDir: 'fixtures/corpus/examples',
    filesDir: 'fixtures/corpus/k8s-examples',
    sim: { loadBalancer: true },
    settleMs: 30_000,
  });
  await one('connect-applications', 'fixtures/corpus/docs/tutorials/services/connect-applications-service.md', {
    examplesDir: 'fixtures/corpus/examples',
    settleMs: 0,
  });
}
