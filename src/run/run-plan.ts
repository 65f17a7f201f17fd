/**
 * `runPlan`: runs one lesson's steps in order against a backend, in a fresh sandbox with one
 * persistent shell, and returns a LessonResult. Never throws for a doc problem or a tool error:
 * those are in the result (`error` for the tool, findings for the doc).
 */
import type { Backend } from '../backends/backend.js';
import { sortDiagnostics } from '../diag/diagnostic.js';
import type { Plan } from '../plan/types.js';
import { initialState, lessonShellOptions, prepareLesson, type LessonResources, type PreparedLesson } from './lesson-setup.js';
import { tearDownLesson, tearDownOnSignals } from './lesson-teardown.js';
import { normalizeRunOptions, type RunOptions } from './options.js';
import { errorOf } from './run-error.js';
import { LessonShell, type ShellOptions } from './shell.js';
import { runSteps } from './step-loop.js';
import type { LessonResult } from './types.js';

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

  let prepared: PreparedLesson;
  try {
    prepared = await prepareLesson(o);
  } catch (e) {
    result.error = errorOf('ERR_INTERNAL', e);
    return finish();
  }
  const { matcher, bwrap, sandbox } = prepared;
  const held: LessonResources = { session: null, shell: null, state: null };
  let stopping: Promise<void> | null = null;
  const teardown = (): Promise<void> => (stopping ??= tearDownLesson(held, sandbox, plan, o, result));
  const unregister = o.handleSignals ? tearDownOnSignals(abort, held, teardown) : () => undefined;

  try {
    try {
      held.session = await backend.start({
        workDir: sandbox.backend,
        ...(o.k8sVersion ? { k8sVersion: o.k8sVersion } : {}),
        ...(plan.cluster ? { nodes: plan.cluster.nodes } : {}),
        ...(o.signal ? { signal: o.signal } : {}),
        log: o.log,
      });
    } catch (e) {
      result.error = errorOf('ERR_BACKEND_START', e);
      return finish();
    }
    const session = held.session;
    let shellOptions: ShellOptions;
    let shell: LessonShell;
    try {
      shellOptions = lessonShellOptions(sandbox, session, o, bwrap);
      shell = held.shell = LessonShell.start(shellOptions);
    } catch (e) {
      result.error = errorOf('ERR_SHELL', e);
      return finish();
    }
    held.state = initialState({ plan, session, sandbox, shell, shellOptions, options: o, matcher, deadline: started + o.lessonTimeoutMs });
    await runSteps(held.state, result);
  } catch (e) {
    result.error ??= errorOf('ERR_INTERNAL', e);
  } finally {
    await teardown();
    unregister();
  }
  return finish();
}
