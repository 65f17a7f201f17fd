/**
 * Runs one command step: bindings and placeholders, rewrites, execution (lesson shell or node
 * shell), settling of read-only steps, matching, and a root-cause hint when it fails.
 */
import type { CommandStep } from '../plan/types.js';
import type { MatchResult } from '../match/types.js';
import { observe, placeholderVars, resolvePlaceholders } from './bind.js';
import { dependsOn, producedNames } from './depends.js';
import { gatherDiagnostics } from './diagnostics.js';
import { findHint, gatherFacts } from './hints/index.js';
import { copyLinkedFiles, filesReadBy, planLinkedFiles } from './linked-files.js';
import { missingCloudFeature } from './cloud-only.js';
import { offline } from './network.js';
import { stepTimeout } from './options.js';
import { baseResult, exitDifference, skipped } from './outcome.js';
import { prepareCommand, takePodCwd, type Prepared } from './rewrite/index.js';
import { shQuote } from './rewrite/words.js';
import { LessonShell } from './shell.js';
import type { LessonState } from './state.js';
import type { Rewrite, StepResult } from './types.js';

type Run = Extract<Prepared, { action: 'run' }>;

interface Attempt {
  output: string;
  exitCode: number | null;
  error?: string;
}

/** Errors that waiting cannot cure, so a read-only step is not retried. */
const PERMANENT = /\((NotImplemented|MethodNotAllowed|BadRequest|Forbidden|Unauthorized)\)|unknown (flag|command|shorthand flag)|command not found|error: the server doesn't have a resource type/;

function permanent(output: string): boolean {
  return PERMANENT.test(output);
}

/**
 * Errors of a command that never reached its container because the pod is not up yet (a reader
 * typing the next command would not see them): such a step is retried like a read-only one,
 * whatever it does, since it did nothing.
 */
const NOT_STARTED = /unable to upgrade connection: container not found|is waiting to start: (?:ContainerCreating|PodInitializing)|does not have a host assigned/;

const seconds = (ms: number): string => `${Number((ms / 1000).toFixed(1))}s`;

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Runs an internal helper script in the lesson shell (not a doc step); returns its output. */
async function internal(state: LessonState, script: string): Promise<string> {
  const r = await state.shell.run(script, { timeoutMs: 30_000, ...(state.options.signal ? { signal: state.options.signal } : {}) });
  if (r.timedOut || r.shellExited) await restartShell(state);
  return r.output;
}

/** Replaces a dead or killed shell with a fresh one in the sandbox home. */
export async function restartShell(state: LessonState): Promise<void> {
  await state.shell.stop();
  state.shell = LessonShell.start(state.shellOptions);
}

async function unsetVars(state: LessonState, names: string[]): Promise<Set<string>> {
  if (names.length === 0) return new Set();
  const out = await internal(state, `for __kdt_v in ${names.join(' ')}; do [ -z "\${!__kdt_v+x}" ] && echo "$__kdt_v"; done; unset __kdt_v`);
  return new Set(out.split('\n').filter(Boolean));
}

async function execute(state: LessonState, step: CommandStep, prepared: Run, command: string): Promise<Attempt> {
  const remaining = state.deadline - Date.now();
  const timeoutMs = Math.max(1, Math.min(stepTimeout(step, state.options), remaining));
  if (prepared.onNode) {
    const nodeExec = state.session.nodeExec?.bind(state.session);
    if (!nodeExec) return { output: '', exitCode: null, error: 'needs a node shell; not available on this backend' };
    const r = await nodeExec(prepared.script, { timeoutMs, ...(prepared.onNode.name ? { node: prepared.onNode.name } : {}) });
    return { output: r.stdout + r.stderr, exitCode: r.exitCode };
  }
  const expected = step.expected;
  const stopWhen =
    prepared.bounded && expected
      ? (out: string): boolean => match(state, step, out, command).ok
      : undefined;
  const r = await state.shell.run(prepared.script, {
    timeoutMs,
    ...(state.options.signal ? { signal: state.options.signal } : {}),
    ...(stopWhen ? { stopWhen } : {}),
  });
  if (r.aborted || state.options.signal?.aborted) return { output: r.output, exitCode: null, error: 'the run was interrupted' };
  if (r.timedOut || r.shellExited) {
    await restartShell(state);
    state.shellRestartedAt = step.line;
    if (r.timedOut && timeoutMs === remaining) {
      state.lessonTimedOut = true;
      return { output: r.output, exitCode: null, error: 'the lesson time limit was reached during this step' };
    }
    const lost = 'a new shell was started for the following steps: the working directory, exported and shell variables of earlier steps are lost';
    if (r.timedOut) return { output: r.output, exitCode: null, error: `timed out after ${seconds(timeoutMs)} and was killed; ${lost}` };
    return { output: r.output, exitCode: null, error: `the shell exited during this step (an \`exit\` or \`set -e\`); ${lost}` };
  }
  if (prepared.tracksPodCwd) {
    const taken = takePodCwd(r.output);
    r.output = taken.output;
    if (taken.cwd && state.podShell) state.podShell.cwd = taken.cwd;
  }
  let exitCode = r.exitCode;
  if (prepared.bounded && exitCode !== null && prepared.bounded.stoppedCodes.includes(exitCode)) exitCode = 0;
  return { output: r.output, exitCode };
}

function match(state: LessonState, step: CommandStep, actual: string, command: string): MatchResult {
  const e = step.expected!;
  return state.matcher.matchOutput({ expected: e.text, actual, mode: e.mode, line: e.position.line, column: e.position.column, command });
}

/** Turns a step that ran into a skipped one (its actual output kept): it could not be judged here. */
function skipAfterRun(result: StepResult, reason: string): void {
  Object.assign(result, { status: 'skipped', skipReason: reason, differences: [] });
  delete result.hint;
  delete result.diff;
}

/** Copies the linked files a local step needs into its working directory, or says why it cannot run. */
async function provideLinkedFiles(state: LessonState, step: CommandStep, command: string): Promise<{ skip: string } | { rewrites: Rewrite[] }> {
  const needs = filesReadBy(command);
  if (needs.length === 0) return { rewrites: [] };
  const out = await internal(state, `pwd; for __kdt_f in ${needs.map(shQuote).join(' ')}; do [ -e "$__kdt_f" ] || echo "$__kdt_f"; done; unset __kdt_f`);
  const [cwd, ...missing] = out.split('\n').filter(Boolean);
  const linked = planLinkedFiles(missing, state.plan.links ?? [], step.line, state.options.filesDir);
  if (linked.action === 'skip') return { skip: linked.reason };
  if (linked.action === 'none' || !cwd) return { rewrites: [] };
  return { rewrites: copyLinkedFiles(linked.copies, cwd, state.options.filesDir!, { home: state.sandbox.home, ...(state.sandbox.owner ? { owner: state.sandbox.owner } : {}) }).map((r) => ({ kind: 'file' as const, ...r })) };
}

/** Runs a command step to its result. */
export async function runCommandStep(state: LessonState, step: CommandStep, index: number): Promise<StepResult> {
  const started = Date.now();
  if (step.skip) return skipped(step, step.skip);
  const rewrites: Rewrite[] = [];
  const warnings: string[] = [];
  let command = step.command;

  if (state.inPod && step.host.kind !== 'pod' && state.podShell?.removeAfter) {
    const pod = state.podShell;
    await internal(state, `kubectl delete pod ${shQuote(pod.target)} ${pod.flags.map(shQuote).join(' ')} --wait=false >/dev/null 2>&1`);
    warnings.push(`pod ${pod.target} (started with --rm at line ${pod.line}) was deleted when the doc left its shell`);
    state.podShell = null;
  }
  state.inPod = step.host.kind === 'pod';

  const bound = state.bindings.length ? state.matcher.applyBindings(command, state.bindings) : command;
  if (bound !== command) {
    rewrites.push({ kind: 'binding', from: command, to: bound, reason: 'values the doc showed are replaced by the ones this run produced' });
    command = bound;
  }
  const vars = placeholderVars(command);
  const filled = resolvePlaceholders(command, state.observations, await unsetVars(state, vars), step.section ?? '');
  if ('unresolved' in filled) return skipped(step, filled.unresolved, rewrites, warnings);
  rewrites.push(...filled.rewrites);
  command = filled.command;

  const prepared = prepareCommand(step, command, {
    steps: state.plan.steps,
    index,
    runDir: state.sandbox.run,
    examples: state.examples,
    capabilities: state.session.capabilities,
    podShell: state.podShell,
    watchMs: Math.max(1000, Math.min(state.options.settleMs, stepTimeout(step, state.options) - 1000)),
  });
  rewrites.push(...prepared.rewrites);
  warnings.push(...prepared.warnings);
  if (prepared.action === 'skip') return skipped(step, prepared.reason, rewrites, warnings);
  if (prepared.onNode && !state.session.nodeExec) return skipped(step, 'needs a node shell; not available on this backend', rewrites, warnings);
  // A shared cluster's guard: steps outside the lesson's namespace are not run there.
  const refused = state.session.refuse?.(prepared.script);
  if (refused) return skipped(step, `refused on a shared cluster: ${refused}`, rewrites, warnings);
  // Runs on the reader's machine: not in a pod, not on a node.
  const onLocalHost = step.host.kind === 'local' && !prepared.onNode;
  const unreachable = onLocalHost ? state.session.unreachable?.(prepared.script) : undefined;
  if (unreachable) return skipped(step, unreachable, rewrites, warnings);

  if (onLocalHost && state.plan.links?.length) {
    const linked = await provideLinkedFiles(state, step, command);
    if ('skip' in linked) {
      state.skippedProducers.push({ line: step.line, reason: linked.skip, names: producedNames(command) });
      return skipped(step, linked.skip, rewrites, warnings);
    }
    rewrites.push(...linked.rewrites);
  }

  const result = baseResult(step);
  result.ran = prepared.script;
  result.rewrites = rewrites;
  const compare = step.expected !== null && !prepared.ignoreOutput;
  if (step.expected && prepared.ignoreOutput) warnings.push('the output the doc shows is an interactive session; it was not compared');
  const settle = compare && state.options.settleMs > 0 && !prepared.bounded && (step.class === 'read-only' || prepared.settle === true);

  let attempt: Attempt;
  let matched: MatchResult | null = null;
  let delay = state.options.settleIntervalMs;
  let previous: string | undefined;
  for (;;) {
    result.attempts++;
    attempt = await execute(state, step, prepared, command);
    matched = compare && !attempt.error ? match(state, step, attempt.output, command) : null;
    const ok = attempt.error === undefined && (matched ? matched.ok : true) && exitDifference(step, attempt.exitCode, state.matcher) === null;
    const notStarted = state.options.settleMs > 0 && NOT_STARTED.test(attempt.output);
    if (ok || !(settle || notStarted) || attempt.error || state.options.signal?.aborted || permanent(attempt.output)) break;
    const left = state.options.settleMs - (Date.now() - started);
    if (delay > left) break;
    // The same differences twice (ages and other volatile values aside) while the cluster is at
    // rest: waiting longer cannot change the outcome.
    const outcome = matched ? JSON.stringify([attempt.exitCode, matched.differences.map((d) => [d.kind, d.line, d.column, d.message])]) : `${attempt.exitCode}\n${attempt.output}`;
    if (outcome === previous && state.session.atRest?.(left)) {
      result.settledEarly = true;
      break;
    }
    previous = outcome;
    await sleep(delay);
    delay = Math.min(delay * 2, 2000);
  }
  result.actual = attempt.output;
  result.exitCode = attempt.exitCode;
  state.ran.push({ line: step.line, ran: prepared.script, output: attempt.output, ok: attempt.exitCode === 0 });
  result.durationMs = Date.now() - started;
  if (attempt.error) {
    result.status = 'error';
    result.error = attempt.error;
  } else {
    const exit = exitDifference(step, attempt.exitCode, state.matcher);
    result.differences = [...(matched?.differences ?? []), ...(exit ? [exit] : [])];
    if (matched?.diff && !matched.ok) result.diff = matched.diff;
    result.status = (matched ? matched.ok : true) && !exit ? 'pass' : 'fail';
    if (matched) {
      result.bindings = matched.bindings;
      if (matched.ok) state.bindings.push(...matched.bindings);
    }
    observe(command, attempt.output, state.observations);
    if (prepared.opensPodShell && result.status === 'pass') state.podShell = prepared.opensPodShell;
  }
  if (state.shellRestartedAt !== null && state.shellRestartedAt !== step.line && result.status !== 'pass') {
    warnings.push(`the shell was restarted after line ${state.shellRestartedAt}; state from before it is lost`);
  }
  // What this backend or machine cannot give (a cloud, the internet) is not the doc's defect: such
  // a step is skipped before any cluster facts are gathered for it.
  const cloud = result.status === 'fail' && step.expected ? missingCloudFeature(step.expected.text, attempt.output, state.session.capabilities) : undefined;
  const unplugged = result.status === 'fail' && step.host.kind === 'local' ? offline(prepared.script, attempt.output) : undefined;
  const cannot = cloud ?? unplugged;
  if (cannot) {
    skipAfterRun(result, cannot);
    state.skippedProducers.push({ line: step.line, reason: cannot, names: unplugged ? producedNames(command) : new Set<string>() });
  }
  if (result.status === 'fail') {
    const facts = state.options.gatherFacts ? await gatherFacts(state.env, state.session.namespace, state.sandbox.private) : null;
    const hint = findHint({
      step,
      output: attempt.output,
      exitCode: attempt.exitCode,
      expected: step.expected?.text ?? null,
      earlier: state.earlier,
      manifests: state.manifests,
      lintFindings: state.options.lintFindings,
      facts,
    });
    if (hint) result.hint = hint;
    if (state.options.gatherFacts) {
      result.diagnostics = await gatherDiagnostics(state.env, state.session.namespace, state.sandbox.private, facts, `${command}\n${attempt.output}`);
    }
  }
  if ((result.status === 'fail' || result.status === 'pass') && state.skippedProducers.length) {
    // A failure that names what a skipped step would have made, or any step that reads it (its
    // success on a missing or empty input means nothing), depends on that skip.
    const seen = result.status === 'pass' ? command : [command, step.expected?.text ?? '', attempt.output, result.diagnostics?.events ?? ''].join('\n');
    const producer = dependsOn(seen, state.skippedProducers);
    if (producer) {
      skipAfterRun(result, `depends on line ${producer.line}, which was skipped: ${producer.reason}`);
      state.skippedProducers.push({ line: step.line, reason: producer.reason, names: producedNames(command) });
    }
  }
  if (warnings.length) result.warnings = warnings;
  state.earlier.push({ step, ran: prepared.script, status: result.status });
  return result;
}
