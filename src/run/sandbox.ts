/**
 * The lesson sandbox: a fresh temp dir per lesson.
 * - `home/`: cwd and HOME of the lesson shell; manifests are written here under the doc's names;
 * - `run/`: the runner's own files (step scripts, editor scripts, background logs);
 * - `backend/`: the backend's work dir (its kubeconfig lives there).
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { delimiter, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import type { BackendSession } from '../backends/backend.js';
import type { ManifestStep } from '../plan/types.js';

/** Paths of one lesson sandbox. */
export interface Sandbox {
  root: string;
  home: string;
  run: string;
  backend: string;
}

/** Creates the sandbox dirs under `parent`. */
export function createSandbox(parent: string): Sandbox {
  const root = mkdtempSync(join(parent, 'kubedoctest-'));
  const sandbox = { root, home: join(root, 'home'), run: join(root, 'run'), backend: join(root, 'backend') };
  for (const dir of [sandbox.home, sandbox.run, sandbox.backend]) mkdirSync(dir, { mode: 0o700 });
  return sandbox;
}

/** Removes the sandbox (synchronously, so it also works from a signal handler). */
export function removeSandbox(sandbox: Sandbox): void {
  rmSync(sandbox.root, { recursive: true, force: true, maxRetries: 3 });
}

/** Resolves a doc-given relative path inside `home`, or null when it would escape it. */
export function insideHome(home: string, file: string): string | null {
  if (isAbsolute(file)) return null;
  const target = resolve(home, file);
  const rel = relative(home, target);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return null;
  return target;
}

/**
 * Writes a manifest under the names the doc uses: `file`, and for an example also its
 * examples-relative path. Returns the paths written, or a reason when nothing could be written.
 */
export function writeManifest(home: string, step: ManifestStep): { written: string[] } | { reason: string } {
  if (step.content === null) return { reason: `the content of ${step.examplePath ?? step.file ?? 'this manifest'} is not available` };
  const names = [step.file, step.origin === 'example' ? step.examplePath : undefined].filter(
    (n): n is string => typeof n === 'string' && n.length > 0,
  );
  if (names.length === 0) return { reason: 'the doc gives this manifest no file name' };
  const written: string[] = [];
  for (const name of new Set(names)) {
    const target = insideHome(home, name);
    if (!target) return { reason: `the file name ${JSON.stringify(name)} points outside the sandbox; not written` };
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, step.content.endsWith('\n') ? step.content : `${step.content}\n`);
    written.push(name);
  }
  return { written };
}

/** Variables of the user's environment that pass into the lesson shell; nothing else does. */
const PASSED = ['USER', 'LOGNAME'] as const;

/**
 * The lesson shell's environment: pinned locale/terminal, HOME=sandbox, KUBECONFIG from the
 * session only, PATH = session PATH entries first, then the user's.
 */
export function lessonEnv(
  sandbox: Sandbox,
  session: Pick<BackendSession, 'kubeconfigPath' | 'env'>,
  extra: Record<string, string>,
  userEnv: NodeJS.ProcessEnv = process.env,
): Record<string, string> {
  const env: Record<string, string> = {};
  for (const key of PASSED) {
    const value = userEnv[key];
    if (value !== undefined) env[key] = value;
  }
  const { PATH: sessionPath, ...sessionRest } = session.env;
  const path = [...(sessionPath ?? '').split(delimiter), ...(userEnv.PATH ?? '/usr/local/bin:/usr/bin:/bin').split(delimiter)]
    .filter((p, i, all) => p !== '' && all.indexOf(p) === i)
    .join(delimiter);
  Object.assign(env, {
    PATH: path,
    HOME: sandbox.home,
    TMPDIR: sandbox.run,
    LANG: 'C.UTF-8',
    LC_ALL: 'C.UTF-8',
    TZ: 'UTC',
    COLUMNS: '120',
    TERM: 'dumb',
    NO_COLOR: '1',
    KUBECONFIG: session.kubeconfigPath,
  });
  return Object.assign(env, sessionRest, extra);
}
