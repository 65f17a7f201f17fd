/**
 * `runPlan`: runs one lesson's steps in order against a backend, in a fresh sandbox with one
 * persistent shell, and returns a LessonResult. Never throws for a doc problem or a tool error:
 * those are in the result (`error` for the tool, findings for the doc).
 */
import type { Backend, BackendSession } from '../backends/backend.js';
import { sortDiagnostics } from '../diag/diagnostic.js';
import { isKubedoctestError } from '../diag/errors.js';
import type { ManifestStep, Plan } from '../plan/types.js';
import { emptyObservations } from './bind.js';
import { fillManifest } from './fill-manifest.js';
import { fillManifestPlaceholders, recordTemplates } from './manifest-placeholders.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bwrapArgs, findOnPath, lessonOwner, preflightConfine, sandboxParent, unreadableBash } from './confine.js';
import { startRelay, type Relay } from './forward.js';
import { loadMatcher, normalizeRunOptions, type RunOptions } from './options.js';
import { baseResult, skipped, stepFindings } from './outcome.js';
import { createSandbox, kubeconfigServer, lessonEnv, lessonKubeconfig, removeSandbox, runnerEnv, writeManifest, type Sandbox } from './sandbox.js';
import type { Owner } from './safe-write.js';
import { stepRoles } from './select.js';
import { LessonShell, type ShellOptions } from './shell.js';
import { registerCleanup } from './signals.js';
import type { LessonState } from './state.js';
import { runCommandStep } from './step/index.js';
import { dependsOn, producedNames, readable } from './depends.js';
import { finishConcurrent, hasShown, runsConcurrently, startConcurrent, type Concurrent } from './concurrent.js';
import type { LessonResult, StepResult } from './types.js';

function errorOf(code: string, e: unknown): { code: string; message: string } {
  if (isKubedoctestError(e)) return { code: e.code, message: e.hint ? `${e.message} — ${e.hint}` : e.message };
  return { code, message: e instanceof Error ? e.message : String(e) };
}

function writeManifests(home: string, steps: ManifestStep[], owner?: Owner): Map<string, string> {
  const examples = new Map<string, string>();
  const seen = new Set<string>();
  for (const step of steps) {
    // Two examples of one base name (`php-apache.yaml` and `hpa/php-apache.yaml`) are two files.
    const name = step.examplePath ?? step.file;
    if (name && seen.has(name)) continue;
    if (name) seen.add(name);
    const r = writeManifest(home, step, owner);
    if ('written' in r && step.examplePath) examples.set(step.examplePath, step.examplePath);
  }
  return examples;
}

/** Runs a lesson plan against a backend. */
export async function runPlan(plan: Plan, backend: Backend, options: RunOptions = {}): Promise<LessonResult> {
  const started = Date.now();
  const normalized = normalizeRunOptions(options);
  // One abort for the caller's signal and for SIGINT/SIGTERM of this process.
  const abort = new AbortController();
  if (normalized.signal?.aborted) abort.abort();
  normalized.signal?.addEventListener('abort', () => abort.abort(), { once: true });
  const o = { ...normalized, signal: abort.signal };
  const result: LessonResult = { path: plan.path, backend: backend.name, steps: [], findings: [...o.lintFindings], durationMs: 0 };
  const finish = (): LessonResult => {
    result.findings = sortDiagnostics(result.findings);
    result.durationMs = Date.now() - started;
    return result;
  };

  let bwrap: string | undefined;
  let matcher;
  try {
    matcher = await loadMatcher(o);
    if (o.confine) bwrap = await preflightConfine();
  } catch (e) {
    result.error = errorOf('ERR_INTERNAL', e);
    return finish();
  }

  let sandbox: Sandbox;
  try {
    const owner = bwrap ? lessonOwner() : undefined;
    sandbox = createSandbox(sandboxParent(o.tmpDir, owner), owner);
  } catch (e) {
    result.error = errorOf('ERR_INTERNAL', e);
    return finish();
  }

  let session: BackendSession | null = null;
  let shell: LessonShell | null = null;
  let relay: Relay | null = null;
  let state: LessonState | null = null;
  let stopping: Promise<void> | null = null;
  const teardown = (): Promise<void> => (stopping ??= stop());
  const stop = async (): Promise<void> => {
    await (state?.shell ?? shell)?.stop().catch(() => undefined);
    await relay?.close();
    if (session) {
      const backendWarnings = session.warnings?.() ?? [];
      if (backendWarnings.length) result.warnings = backendWarnings;
      try {
        if (session.leakCheck) {
          const leaks = await session.leakCheck();
          if (leaks.length) result.leaks = leaks;
        }
      } catch {
        // a leak check is best effort
      }
      await session.stop().catch((e: unknown) => {
        result.error ??= errorOf('ERR_BACKEND_STOP', e);
      });
    }
    if (o.keep) {
      result.keptDir = sandbox.root;
      o.log(`kept the sandbox of ${plan.path} in ${sandbox.root}`);
    } else removeSandbox(sandbox);
  };
  const unregister = o.handleSignals
    ? registerCleanup({
        kill: () => {
          abort.abort();
          (state?.shell ?? shell)?.killNow();
        },
        stop: async () => {
          await teardown();
        },
      })
    : () => undefined;

  try {
    try {
      session = await backend.start({
        workDir: sandbox.backend,
        ...(o.k8sVersion ? { k8sVersion: o.k8sVersion } : {}),
        ...(o.signal ? { signal: o.signal } : {}),
        log: o.log,
      });
    } catch (e) {
      result.error = errorOf('ERR_BACKEND_START', e);
      return finish();
    }
    const manifests = plan.steps.filter((s): s is ManifestStep => s.kind === 'manifest');
    let shellOptions: ShellOptions;
    try {
      let wrap: ShellOptions['wrap'];
      const server = kubeconfigServer(readFileSync(session.kubeconfigPath, 'utf8'));
      const port = server ? Number(server.port || (server.protocol === 'http:' ? 80 : 443)) : undefined;
      // Inside, the forwarder listens where the lesson's user may (ports below 1024 are privileged).
      const insidePort = port && port >= 1024 ? port : 6443;
      const env = lessonEnv(sandbox, session, o.env, process.env, lessonKubeconfig(sandbox, session.kubeconfigPath, bwrap ? { loopbackPort: insidePort } : {}));
      if (bwrap) {
        if (!server || !port) throw new Error(`confinement needs the API server address, which the kubeconfig ${session.kubeconfigPath} does not give`);
        const bash = findOnPath('bash');
        if (!bash) throw new Error('bash is not on PATH');
        const socket = join(sandbox.net, 'api.sock');
        relay = await startRelay(socket, { host: server.hostname, port }, sandbox.owner);
        wrap = {
          file: bwrap,
          args: bwrapArgs({ sandbox, path: env.PATH ?? '', node: process.execPath, ...(process.env.HOME ? { hostHome: process.env.HOME } : {}) }),
          bash: unreadableBash(sandbox.net, bash),
          forwarder: { node: process.execPath, socket, port: insidePort },
          ...(sandbox.owner ?? {}),
        };
      }
      shellOptions = { cwd: bwrap ? '/' : sandbox.home, env, runDir: sandbox.run, ...(wrap ? { wrap } : {}) };
      shell = LessonShell.start(shellOptions);
    } catch (e) {
      result.error = errorOf('ERR_SHELL', e);
      return finish();
    }
    state = {
      plan,
      session,
      sandbox,
      env: runnerEnv(sandbox, session),
      shell,
      shellOptions,
      options: o,
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
      created: [],
      ran: [],
      outputs: new Map(),
      shellRestartedAt: null,
      deadline: started + o.lessonTimeoutMs,
      lessonTimedOut: false,
    };
    await runSteps(state, result);
  } catch (e) {
    result.error ??= errorOf('ERR_INTERNAL', e);
  } finally {
    await teardown();
    unregister();
  }
  return finish();
}

async function runSteps(state: LessonState, result: LessonResult): Promise<void> {
  const { plan, options: o } = state;
  const roles = stepRoles(plan.steps, o.select);
  const total = roles.filter((r) => r !== 'omit').length;
  let n = 0;
  let quit = false;
  // Steps running in another terminal, finished when their lines appear or their section ends.
  let pending: Concurrent[] = [];
  const finish = async (c: Concurrent, waitMs: number): Promise<void> => {
    pending = pending.filter((p) => p !== c);
    const r = await finishConcurrent(state, c, waitMs);
    result.findings.push(...stepFindings(c.step, r));
    o.onStepResult(r, c.step);
  };
  for (const [index, step] of plan.steps.entries()) {
    const role = roles[index]!;
    if (role === 'omit') continue;
    for (const c of [...pending]) {
      if (step.section !== c.step.section) await finish(c, o.settleMs);
    }
    if (Date.now() >= state.deadline) state.lessonTimedOut = true;
    const stop = o.signal?.aborted
      ? 'the run was interrupted'
      : state.lessonTimedOut
        ? 'the lesson time limit was reached'
        : quit
          ? 'the reader quit the walk-through'
          : null;
    const position = n++;
    o.onStepStart(step, position, total);
    let r: StepResult;
    const decision = !stop && step.kind === 'command' && o.beforeStep ? await o.beforeStep(step, position, total) : undefined;
    if (decision?.action === 'quit') quit = true;
    if (stop) r = skipped(step, stop);
    else if (decision?.action === 'quit') r = skipped(step, 'the reader quit the walk-through');
    else if (decision?.action === 'skip') r = skipped(step, 'skipped by the reader');
    else if (step.kind === 'command' && runsConcurrently(step) && !decision && dependsOn(step.command, readable(step.command, state.skippedProducers))) {
      // Kept running in another terminal or not, what it reads was never made (a file, an object
      // by name or through its pods: `port-forward mongo-75f59d57f4-4nd6q` of a Deployment never applied).
      const p = dependsOn(step.command, readable(step.command, state.skippedProducers))!;
      r = skipped(step, `depends on line ${p.line}, which was skipped: ${p.reason}`);
      state.skippedProducers.push({ line: step.line, reason: p.reason, names: producedNames(step.command) });
    } else if (step.kind === 'command' && runsConcurrently(step) && !decision) {
      const c = await startConcurrent(state, step, index);
      if (role === 'replay') c.result.replay = true;
      result.steps.push(c.result);
      pending.push(c);
      continue;
    } else if (step.kind === 'manifest') {
      const filled = step.content === null ? null : fillManifest(step.content, state.ran);
      // `<pod-name>`-like values are filled as in commands; a file left with one is a template.
      const reader = filled && step.language !== 'text' ? fillManifestPlaceholders(filled.content, state.observations, step.section ?? '') : null;
      const written = writeManifest(state.sandbox.home, reader ? { ...step, content: reader.content } : step, state.sandbox.owner);
      r = 'reason' in written ? skipped(step, written.reason) : baseResult(step);
      if ('written' in written) recordTemplates(state.templateManifests, written.written, step, reader?.left ?? []);
      const rewrites = [...(filled?.rewrites ?? []), ...(reader?.rewrites ?? [])];
      if (rewrites.length) r.rewrites = rewrites;
    } else if (decision?.action === 'run' && decision.command !== undefined && decision.command !== step.command) {
      r = await runCommandStep(state, { ...step, command: decision.command }, index);
      r.command = step.command;
      r.rewrites.unshift({ kind: 'edit', from: step.command, to: decision.command, reason: 'edited by the reader' });
    } else r = await runCommandStep(state, step, index);
    if (role === 'replay') r.replay = true;
    result.steps.push(r);
    if (step.kind === 'command') {
      result.findings.push(...stepFindings(step, r));
      state.previousCommand = {
        line: step.line,
        status: r.status,
        exitDiffers: r.differences.some((d) => d.kind === 'exit-status'),
        exitCode: r.exitCode ?? null,
      };
    }
    o.onStepResult(r, step);
    for (const c of [...pending]) {
      if (await hasShown(state, c)) await finish(c, 0);
    }
  }
  for (const c of [...pending]) await finish(c, o.signal?.aborted ? 0 : o.settleMs);
  if (o.signal?.aborted) result.error ??= { code: 'ERR_INTERRUPTED', message: 'the run was interrupted; remaining steps were not run' };
  else if (state.lessonTimedOut) {
    result.error ??= {
      code: 'ERR_LESSON_TIMEOUT',
      message: `the lesson exceeded its time limit of ${Math.round(o.lessonTimeoutMs / 1000)}s; raise it with the lesson timeout option`,
    };
  }
}
