/**
 * The lesson sandbox: a fresh temp dir per lesson (mode 0711, the runner's).
 * - `home/`: cwd and HOME of the lesson; manifests are written here under the doc's names;
 * - `run/`: TMPDIR of the lesson and the files it may touch (its kubeconfig, editor scripts,
 *   background logs, the supervisor's state);
 *   both belong to the lesson's user and are all a confined lesson can write;
 * - `private/`: the runner's alone (0700, never bound into the sandbox): the backend's work dir
 *   with the kubeconfig diagnostics and hints use, HOME of those kubectl calls;
 * - `net/`: read-only for the lesson: the supervisor's bash.
 */
import { chmodSync, chownSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { delimiter, isAbsolute, join, relative, resolve } from 'node:path';
import yaml from 'js-yaml';
import type { BackendSession } from '../backends/backend.js';
import type { ManifestStep } from '../plan/types.js';
import { UnsafePathError, writeInside, type Owner } from './safe-write.js';

/** Paths of one lesson sandbox. */
export interface Sandbox {
  root: string;
  home: string;
  run: string;
  /** The runner's own dir, out of the lesson's reach. */
  private: string;
  /** The backend's work dir (inside `private`). */
  backend: string;
  net: string;
  /** The host user that owns `home` and `run`, when it is not the runner's. */
  owner?: Owner;
}

/** Creates the sandbox dirs under `parent`; `home` and `run` are given to `owner` when set. */
export function createSandbox(parent: string, owner?: Owner): Sandbox {
  const root = mkdtempSync(join(parent, 'kubedoctest-'));
  const priv = join(root, 'private');
  const sandbox: Sandbox = { root, home: join(root, 'home'), run: join(root, 'run'), private: priv, backend: join(priv, 'backend'), net: join(root, 'net') };
  if (owner) sandbox.owner = owner;
  chmodSync(root, 0o711);
  for (const dir of [sandbox.home, sandbox.run, sandbox.private, sandbox.backend]) mkdirSync(dir, { mode: 0o700 });
  mkdirSync(sandbox.net, { mode: 0o711 });
  if (owner) for (const dir of [sandbox.home, sandbox.run]) chownSync(dir, owner.uid, owner.gid);
  return sandbox;
}

/** The API server a kubeconfig's current context talks to. */
export function kubeconfigServer(text: string): URL | null {
  try {
    const config = yaml.load(text) as {
      'current-context'?: string;
      contexts?: { name: string; context: { cluster: string } }[];
      clusters?: { name: string; cluster: { server: string } }[];
    };
    const context = config.contexts?.find((c) => c.name === config['current-context']) ?? config.contexts?.[0];
    const cluster = config.clusters?.find((c) => c.name === context?.context.cluster) ?? config.clusters?.[0];
    return cluster ? new URL(cluster.cluster.server) : null;
  } catch {
    return null;
  }
}

/**
 * The lesson's own copy of the backend's kubeconfig, in `run/` (the lesson may change it:
 * `kubectl config set-context`). The runner keeps using the original, which the lesson cannot reach.
 */
export function lessonKubeconfig(sandbox: Sandbox, backendKubeconfig: string, options: { loopbackPort?: number } = {}): string {
  let text = readFileSync(backendKubeconfig, 'utf8');
  const server = kubeconfigServer(text);
  if (options.loopbackPort !== undefined && server && (!LOOPBACK.has(server.hostname) || Number(server.port) !== options.loopbackPort)) {
    // Confined, the API server is reached through the forwarder on 127.0.0.1; TLS still checks its own name.
    const config = yaml.load(text) as { clusters?: { cluster: Record<string, unknown> }[] };
    for (const c of config.clusters ?? []) {
      if (c.cluster.server !== server.href && c.cluster.server !== server.href.replace(/\/$/, '')) continue;
      if (!LOOPBACK.has(server.hostname)) c.cluster['tls-server-name'] ??= server.hostname;
      c.cluster.server = `https://127.0.0.1:${options.loopbackPort}`;
    }
    text = yaml.dump(config);
  }
  return writeInside(sandbox.run, 'kubeconfig', text, { mode: 0o600, ...(sandbox.owner ? { owner: sandbox.owner } : {}) });
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost']);

/** The environment of the runner's own kubectl calls (diagnostics, hints): nothing from the lesson. */
export function runnerEnv(
  sandbox: Sandbox,
  session: Pick<BackendSession, 'kubeconfigPath' | 'env'>,
  userEnv: NodeJS.ProcessEnv = process.env,
): Record<string, string> {
  const { PATH: sessionPath, ...sessionRest } = session.env;
  const path = [...(sessionPath ?? '').split(delimiter), ...(userEnv.PATH ?? '/usr/local/bin:/usr/bin:/bin').split(delimiter)].filter(Boolean).join(delimiter);
  return { ...sessionRest, PATH: path, HOME: sandbox.private, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8', TZ: 'UTC', KUBECONFIG: session.kubeconfigPath };
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
 * Writes a manifest under the names the doc uses: `file` (in its `folder` under `cwd`, which must
 * be inside `home`, when the prose gives one), and for an example also its examples-relative path.
 * Returns the names written (a folder's file as seen from `cwd`), or a reason when nothing could be written.
 */
export function writeManifest(home: string, step: ManifestStep, owner?: Owner, cwd: string = home): { written: string[] } | { reason: string } {
  if (step.content === null) return { reason: `the content of ${step.examplePath ?? step.file ?? 'this manifest'} is not available` };
  // A file the prose names with folders (`base/deployment.yaml`) goes there, under the shell's working directory.
  const file = step.file && step.folder ? join(relative(home, cwd), step.folder, step.file) : step.file;
  const names = [file, step.origin === 'example' ? step.examplePath : undefined].filter((n): n is string => typeof n === 'string' && n.length > 0);
  if (names.length === 0) return { reason: 'the doc gives this manifest no file name' };
  const written: string[] = [];
  for (const name of new Set(names)) {
    const target = insideHome(home, name);
    if (!target) return { reason: `the file name ${JSON.stringify(name)} points outside the sandbox; not written` };
    try {
      writeInside(home, relative(home, target), step.content.endsWith('\n') ? step.content : `${step.content}\n`, owner ? { owner } : {});
    } catch (e) {
      if (e instanceof UnsafePathError) return { reason: e.message };
      throw e;
    }
    // Named as the page's commands name it from that working directory (`base/deployment.yaml`).
    written.push(name === file && step.folder ? `${step.folder}/${step.file}` : name);
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
  sandbox: Pick<Sandbox, 'home' | 'run'> & Partial<Sandbox>,
  session: Pick<BackendSession, 'kubeconfigPath' | 'env'>,
  extra: Record<string, string>,
  userEnv: NodeJS.ProcessEnv = process.env,
  kubeconfig: string = session.kubeconfigPath,
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
    KUBECONFIG: kubeconfig,
  });
  return Object.assign(env, sessionRest, extra);
}
