/** Test helpers: temp dirs, process checks, a lesson run on the simulator. */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execaSync } from 'execa';
import { simBackend } from '../../src/backends/sim/backend.js';
import { loadLesson } from '../../src/parse/index.js';
import { buildPlan } from '../../src/plan/index.js';
import type { RunOptions } from '../../src/run/options.js';
import { runPlan } from '../../src/run/run-plan.js';
import type { LessonResult } from '../../src/run/types.js';
import { LessonShell } from '../../src/run/shell.js';

/** A temp dir removed by the returned function. */
export function tempDir(prefix = 'kdt-test-'): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A lesson shell in a fresh temp home, stopped and removed by the `cleanups` the test file runs after each test. */
export function startShell(cleanups: Array<() => Promise<void> | void>): { shell: LessonShell; home: string } {
  const t = tempDir();
  const home = join(t.dir, 'home');
  const run = join(t.dir, 'run');
  mkdirSync(home);
  mkdirSync(run);
  const shell = LessonShell.start({ cwd: home, runDir: run, env: { PATH: process.env.PATH ?? '', HOME: home, LANG: 'C.UTF-8' } });
  cleanups.push(t.remove, () => shell.stop());
  return { shell, home };
}

/** Pids of live (non-zombie) processes whose full command line contains `text`. */
export function processesMatching(text: string): number[] {
  const r = execaSync('pgrep', ['-f', '--', text], { reject: false });
  const pids = String(r.stdout).split('\n').filter(Boolean).map(Number);
  return pids.filter((pid) => {
    try {
      const stat = execaSync('cat', [`/proc/${pid}/stat`], { reject: false }).stdout as string;
      const state = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0];
      return state !== 'Z' && state !== 'X';
    } catch {
      return false;
    }
  });
}

/** Waits until `predicate` holds, polling; gives up after `limitMs` (no timing is asserted). */
export async function eventually(predicate: () => boolean, limitMs = 10_000): Promise<boolean> {
  for (let waited = 0; waited < limitMs; waited += 100) {
    if (predicate()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return predicate();
}

/** Reads a lesson file and runs it on a fresh simulator in a temp dir of its own, removed afterwards. */
export async function runOnSim(path: string, options: Omit<RunOptions, 'tmpDir' | 'handleSignals'> = {}): Promise<LessonResult> {
  const t = tempDir();
  try {
    return await runPlan(buildPlan(await loadLesson(path)), simBackend(), { tmpDir: t.dir, handleSignals: false, ...options });
  } finally {
    t.remove();
  }
}
