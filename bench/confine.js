// `check --confine` vs `--no-confine` on the corrected connect-applications page (target ≤ 1.10×),
// and the cost of one step in the lesson shell (one bash per step under the supervisor).
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadLesson } from '../dist/parse/index.js';
import { buildPlan } from '../dist/plan/index.js';
import { runPlan } from '../dist/run/index.js';
import { preflightConfine } from '../dist/run/confine.js';
import { LessonShell } from '../dist/run/shell.js';
import { simBackend } from '../dist/backends/sim/backend.js';
import { median, report, time } from './util.js';

const PAGE = 'fixtures/run/connect-applications/corrected-k8s-1.32.md';

async function page(confine) {
  const plan = buildPlan(await loadLesson(PAGE, { examplesDir: 'fixtures/corpus/examples' }));
  const tmp = mkdtempSync(join(tmpdir(), 'kdt-bench-'));
  let result;
  try {
    const ms = await time(async () => {
      result = await runPlan(plan, simBackend({ loadBalancer: true }), {
        settleMs: 30_000,
        tmpDir: tmp,
        handleSignals: false,
        gatherFacts: false,
        filesDir: 'fixtures/corpus/k8s-examples',
        confine,
      });
    });
    const failed = result.steps.filter((s) => s.status === 'fail' || s.status === 'error').length;
    if (result.error || failed)
      throw new Error(`the page did not pass ${confine ? 'confined' : 'unconfined'}: ${result.error?.message ?? `${failed} steps failed`}`);
    return ms;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

async function stepCost(n) {
  const dir = mkdtempSync(join(tmpdir(), 'kdt-bench-shell-'));
  mkdirSync(join(dir, 'home'));
  mkdirSync(join(dir, 'run'));
  const shell = LessonShell.start({
    cwd: join(dir, 'home'),
    runDir: join(dir, 'run'),
    env: { PATH: process.env.PATH ?? '', HOME: join(dir, 'home'), LANG: 'C.UTF-8' },
  });
  try {
    await shell.run('export A=1; B=2; f() { :; }; alias g=true', { timeoutMs: 20_000 });
    const times = [];
    for (let i = 0; i < n; i++) times.push(await time(() => shell.run('true', { timeoutMs: 20_000 })));
    return median(times);
  } finally {
    await shell.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The same step in one persistent bash fed through stdin with a trailing marker (the former protocol). */
async function persistentCost(n) {
  const bash = spawn('bash', ['--noprofile', '--norc'], { stdio: ['pipe', 'pipe', 'inherit'] });
  let buffer = '';
  bash.stdout.setEncoding('utf8');
  bash.stdout.on('data', (c) => (buffer += c));
  const step = (i) =>
    new Promise((resolve) => {
      bash.stdin.write(`eval "true" </dev/null 2>&1; printf '\\n__M_${i}_%s__\\n' "$?"\n`);
      const check = () => (buffer.includes(`__M_${i}_`) ? resolve() : setImmediate(check));
      check();
    });
  const times = [];
  for (let i = 0; i < n; i++) times.push(await time(() => step(i)));
  bash.stdin.end();
  return median(times);
}

export default async function confineBench() {
  const stepMs = await stepCost(40);
  const persistentMs = await persistentCost(40);
  report('one step: fresh bash per step vs one persistent bash', stepMs, persistentMs, 'ms');
  try {
    await preflightConfine();
  } catch (e) {
    console.log(`check --confine vs --no-confine: skipped: ${e.message}`);
    return;
  }
  // Interleaved pairs; the medians are compared, and each pair's ratio is printed to show the noise.
  const confined = [];
  const open = [];
  for (let i = 0; i < 3; i++) {
    open.push(await page(false));
    confined.push(await page(true));
  }
  report('check --confine vs --no-confine (connect, corrected)', median(confined), median(open), 'ms', 1.1);
  console.log(`${''.padEnd(48)} pairs: ${confined.map((c, i) => (c / open[i]).toFixed(2)).join(', ')}`);
}
