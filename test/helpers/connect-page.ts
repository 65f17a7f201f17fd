/**
 * Runs the "Connecting Applications with Services" page (or its corrected copy) on the simulator
 * as `kubedoctest check` would, with the linked repository's files and load-balancer emulation.
 * Confined when bubblewrap works here, so `make keys` writes its /tmp files in a private /tmp;
 * otherwise the files the page writes to /tmp are removed afterwards if they were not there before.
 */
import { existsSync, rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simBackend } from '../../src/backends/sim/backend.js';
import { loadLesson } from '../../src/parse/index.js';
import { buildPlan } from '../../src/plan/index.js';
import { preflightConfine } from '../../src/run/confine.js';
import { runPlan } from '../../src/run/run-plan.js';
import type { LessonResult } from '../../src/run/types.js';

export const FIXTURES = join(import.meta.dirname, '../../fixtures');
export const CONNECT_PAGE = join(FIXTURES, 'corpus/docs/tutorials/services/connect-applications-service.md');
export const CORRECTED_PAGE = join(FIXTURES, 'run/connect-applications/corrected-k8s-1.32.md');

/** Programs the page runs on this machine that may be absent (`make keys` runs openssl). */
export function missingTools(): string[] {
  const path = (process.env.PATH ?? '').split(':');
  return ['make', 'openssl'].filter((tool) => !path.some((dir) => dir && existsSync(join(dir, tool))));
}

/** Why the page cannot run here (a tool it runs is missing), or undefined. */
export function whyNotRunnable(): string | undefined {
  const missing = missingTools();
  return missing.length ? `the page runs ${missing.join(' and ')}, which ${missing.length > 1 ? 'are' : 'is'} not installed here` : undefined;
}

const PAGE_TMP_FILES = ['/tmp/nginx.key', '/tmp/nginx.crt'];

export async function checkConnectPage(path: string): Promise<LessonResult> {
  const confine = await preflightConfine().then(
    () => true,
    () => false,
  );
  const before = PAGE_TMP_FILES.filter((f) => existsSync(f));
  const dir = await mkdtemp(join(tmpdir(), 'kdt-connect-'));
  try {
    const plan = buildPlan(await loadLesson(path, { examplesDir: join(FIXTURES, 'corpus/examples') }));
    return await runPlan(plan, simBackend({ loadBalancer: true }), {
      tmpDir: dir,
      handleSignals: false,
      filesDir: join(FIXTURES, 'corpus/k8s-examples'),
      confine,
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
    if (!confine) for (const f of PAGE_TMP_FILES) if (!before.includes(f)) rmSync(f, { force: true });
  }
}
