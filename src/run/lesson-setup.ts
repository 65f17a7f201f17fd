/**
 * Setting a lesson up before its first step: the matcher, confinement's preflight, the sandbox,
 * the lesson shell's options (for a confined shell, where its API listener connects to), and the
 * lesson's initial state.
 */
import type { BackendSession } from '../backends/backend.js';
import type { ManifestStep, Plan } from '../plan/types.js';
import { readFileSync } from 'node:fs';
import { emptyObservations } from './bind.js';
import { bwrapArgs, findOnPath, lessonOwner, preflightConfine, sandboxParent, unreadableBash } from './confine.js';
import { loadMatcher, type Matcher, type NormalizedRunOptions } from './options.js';
import { createSandbox, kubeconfigServer, lessonEnv, lessonKubeconfig, runnerEnv, writeManifest, type Sandbox } from './sandbox.js';
import type { Owner } from './safe-write.js';
import type { LessonShell, ShellOptions } from './shell.js';
import type { LessonState } from './state.js';

/** What a lesson holds while it runs, for the tear-down to release; each is null until started. */
export interface LessonResources {
  session: BackendSession | null;
  shell: LessonShell | null;
  state: LessonState | null;
}

/** What a lesson is prepared with before its backend starts. */
export interface PreparedLesson {
  matcher: Matcher;
  /** The bwrap binary when the lesson is confined. */
  bwrap: string | undefined;
  sandbox: Sandbox;
}

/** Loads the matcher, checks that confinement can work (when asked for) and creates the sandbox. */
export async function prepareLesson(o: NormalizedRunOptions): Promise<PreparedLesson> {
  const matcher = await loadMatcher(o);
  const bwrap = o.confine ? await preflightConfine() : undefined;
  const owner = bwrap ? lessonOwner() : undefined;
  const sandbox = createSandbox(sandboxParent(o.tmpDir, owner), owner);
  return { matcher, bwrap, sandbox };
}

/**
 * The lesson shell's options: its environment and kubeconfig, and for a confined lesson the bwrap
 * wrapping and where its API listener connects to.
 */
export function lessonShellOptions(sandbox: Sandbox, session: BackendSession, o: NormalizedRunOptions, bwrap: string | undefined): ShellOptions {
  let wrap: ShellOptions['wrap'];
  const server = kubeconfigServer(readFileSync(session.kubeconfigPath, 'utf8'));
  const port = server ? Number(server.port || (server.protocol === 'http:' ? 80 : 443)) : undefined;
  // Inside, the API listener listens where the lesson's user may (ports below 1024 are privileged).
  const insidePort = port && port >= 1024 ? port : 6443;
  const env = lessonEnv(sandbox, session, o.env, process.env, lessonKubeconfig(sandbox, session.kubeconfigPath, bwrap ? { loopbackPort: insidePort } : {}));
  if (bwrap) {
    if (!server || !port) throw new Error(`confinement needs the API server address, which the kubeconfig ${session.kubeconfigPath} does not give`);
    const bash = findOnPath('bash');
    if (!bash) throw new Error('bash is not on PATH');
    wrap = {
      file: bwrap,
      args: bwrapArgs({ sandbox, path: env.PATH ?? '', node: process.execPath, ...(process.env.HOME ? { hostHome: process.env.HOME } : {}) }),
      bash: unreadableBash(sandbox.net, bash),
      api: { node: process.execPath, port: insidePort, target: { host: server.hostname, port } },
      ...(sandbox.owner ?? {}),
    };
  }
  return { cwd: bwrap ? '/' : sandbox.home, env, runDir: sandbox.run, ...(wrap ? { wrap } : {}) };
}

function writeManifests(home: string, steps: ManifestStep[], owner?: Owner): Map<string, string> {
  const examples = new Map<string, string>();
  const seen = new Set<string>();
  for (const step of steps) {
    // Lines to add to a file are not the file.
    if (step.partial) continue;
    // A file in a folder under the shell's working directory is written when its step runs, where the shell then is.
    if (step.folder) continue;
    // Two examples of one base name (`php-apache.yaml` and `hpa/php-apache.yaml`) are two files.
    const name = step.examplePath ?? step.file;
    if (name && seen.has(name)) continue;
    if (name) seen.add(name);
    const r = writeManifest(home, step, owner);
    if (!('written' in r) || !step.examplePath) continue;
    examples.set(step.examplePath, step.examplePath);
    // The site paths it is included by (a ghlink) name the same copy.
    for (const p of step.sitePaths ?? []) if (!examples.has(p)) examples.set(p, step.examplePath);
  }
  return examples;
}

/** What the lesson starts its first step with. */
export interface LessonStart {
  plan: Plan;
  session: BackendSession;
  sandbox: Sandbox;
  shell: LessonShell;
  shellOptions: ShellOptions;
  options: NormalizedRunOptions;
  matcher: Matcher;
  /** Epoch ms when the lesson time limit is reached. */
  deadline: number;
}

/** The lesson's state before its first step; writes the plan's manifests into the sandbox (examples by path). */
export function initialState({ plan, session, sandbox, shell, shellOptions, options, matcher, deadline }: LessonStart): LessonState {
  const manifests = plan.steps.filter((s): s is ManifestStep => s.kind === 'manifest');
  return {
    plan,
    session,
    sandbox,
    env: runnerEnv(sandbox, session),
    shell,
    shellOptions,
    options,
    matcher,
    bindings: [],
    observations: emptyObservations(),
    podShell: null,
    inPod: false,
    examples: writeManifests(sandbox.home, manifests, sandbox.owner),
    manifests,
    earlier: [],
    skippedProducers: [],
    templateManifests: new Map(),
    foundPrograms: new Set(),
    created: [],
    ran: [],
    outputs: new Map(),
    shellRestartedAt: null,
    deadline,
    lessonTimedOut: false,
  };
}
