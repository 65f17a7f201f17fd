/**
 * Runs one command step: bindings and placeholders, rewrites, execution (lesson shell or node
 * shell), settling of read-only steps, matching, and a root-cause hint when it fails.
 */
import type { CommandStep } from '../plan/types.js';
import type { MatchResult } from '../match/types.js';
import { observe, placeholderVars, resolvePlaceholders } from './bind.js';
import { changedNames, dependsOn, producedNames, readable, type SkippedProducer } from './depends.js';
import { gatherDiagnostics } from './diagnostics.js';
import { findHint, gatherFacts } from './hints/index.js';
import { copyLinkedFiles, filesReadBy, planLinkedFiles } from './linked-files.js';
import { cannotCheck } from './unchecked.js';
import { createdIn, recreateFor } from './recreate.js';
import { stepTimeout } from './options.js';
import { baseResult, exitDifference, skipped, unchecked } from './outcome.js';
import { prepareCommand, takePodCwd, type Prepared } from './rewrite/index.js';
import { shQuote } from '../shell/index.js';
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
  // A terminal ends lines with CR LF; the doc shows them as lines.
  if (prepared.pty) r.output = r.output.replace(/\r\n/g, '\n');
  let exitCode = r.exitCode;
  // Stopped by the runner once the doc's lines appeared: how the watch then ends (124, 143, or 1
  // when kubectl handles the SIGTERM itself) is the runner's doing, not the command's.
  if (prepared.bounded && exitCode !== null && (r.stoppedEarly || prepared.bounded.stoppedCodes.includes(exitCode))) exitCode = 0;
  return { output: r.output, exitCode };
}

function match(state: LessonState, step: CommandStep, actual: string, command: string): MatchResult {
  const e = step.expected!;
  // The page's earlier bindings: a value the cluster assigned must stay the same value later on.
  return state.matcher.matchOutput({ expected: e.text, actual, mode: e.mode, line: e.position.line, column: e.position.column, command, bindings: state.bindings });
}

/**
 * What the doc's output block shows of this step: its output; with the outputs of the earlier
 * commands of its block before it when the block shows them together (`covers`); or the content of
 * the file the command wrote when the doc shows that file (`expected.file`).
 */
async function shown(state: LessonState, step: CommandStep, prepared: Run, output: string): Promise<string> {
  const e = step.expected!;
  if (e.file) return readWritten(state, step, prepared, e.file);
  if (!e.covers?.length) return output;
  return e.covers.map((id) => state.outputs.get(id) ?? '').join('') + output;
}

/** The content of a file a step wrote, read where the step ran (this machine, its pod, its node). */
async function readWritten(state: LessonState, step: CommandStep, prepared: Run, file: string): Promise<string> {
  // `~/x` and `$HOME/x` as the reader's shell expands them; anything else quoted as written.
  const path = /^~\//.test(file) ? `"$HOME"/${shQuote(file.slice(2))}` : /^\$HOME\//.test(file) ? `"$HOME"/${shQuote(file.slice(6))}` : shQuote(file);
  const cat = `cat -- ${path} 2>&1`;
  if (prepared.onNode) {
    const nodeExec = state.session.nodeExec?.bind(state.session);
    if (!nodeExec) return '';
    const r = await nodeExec(cat, { timeoutMs: 30_000, ...(prepared.onNode.name ? { node: prepared.onNode.name } : {}) });
    return r.stdout + r.stderr;
  }
  if (step.host.kind === 'pod' && prepared.podTarget) {
    const pod = prepared.podTarget;
    return internal(state, `${['kubectl', 'exec', '-i', pod.target, ...pod.flags, '--', 'sh', '-c'].map(shQuote).join(' ')} ${shQuote(`${pod.cwd ? `cd ${shQuote(pod.cwd)} 2>/dev/null; ` : ''}${cat}`)}`);
  }
  return internal(state, cat);
}

/** Turns a step that ran into an unchecked one (its actual output kept): the backend cannot model its outcome. */
function markUnchecked(result: StepResult, reason: string): void {
  Object.assign(result, { status: 'unchecked', uncheckedReason: reason, differences: [] });
  delete result.hint;
  delete result.diff;
}

/** Turns a step that ran into a skipped one (its actual output kept): it could not be judged here. */
function skipAfterRun(result: StepResult, reason: string): void {
  Object.assign(result, { status: 'skipped', skipReason: reason, differences: [] });
  delete result.hint;
  delete result.diff;
}

/**
 * Dependencies excuse only what they explain. A step that reads what a skipped step would have
 * made (its command names the file or object) is skipped whatever happened: success or failure on
 * a missing input means nothing. Otherwise each difference of a failed step is excused only when
 * it names what a skipped step would have made (an exit-status difference: when the output or the
 * events do); the others still fail.
 */
function excuse(result: StepResult, command: string, output: string, producers: readonly SkippedProducer[]): { all?: SkippedProducer; dropped: string[] } {
  const reads = dependsOn(command, readable(command, producers));
  if (reads) return { all: reads, dropped: [] };
  if (result.status !== 'fail') return { dropped: [] };
  const events = result.diagnostics?.events ?? '';
  const explainedBy = result.differences.map((d) =>
    d.kind === 'exit-status' ? dependsOn(`${output}\n${events}`, producers) : dependsOn([d.message, d.expected ?? '', d.actual ?? ''].join('\n'), producers),
  );
  if (result.differences.length > 0 && explainedBy.every(Boolean)) return { all: explainedBy[0]!, dropped: [] };
  const dropped: string[] = [];
  const kept = result.differences.filter((d, i) => {
    const p = explainedBy[i];
    if (p) dropped.push(`line ${d.line}: ${d.message} — excused: depends on line ${p.line}, which was skipped`);
    return !p;
  });
  result.differences = kept;
  return { dropped };
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
  if (step.skip) {
    // A line the reader must fill in makes nothing here; a skipped tab's alternative was run as the first tab.
    if (step.placeholders?.length) state.skippedProducers.push({ line: step.line, reason: step.skip, names: producedNames(step.command) });
    return skipped(step, step.skip);
  }
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
  if ('unresolved' in filled) {
    state.skippedProducers.push({ line: step.line, reason: filled.unresolved, names: producedNames(command) });
    return skipped(step, filled.unresolved, rewrites, warnings);
  }
  rewrites.push(...filled.rewrites);
  command = filled.command;

  const prepared = prepareCommand(step, command, {
    steps: state.plan.steps,
    index,
    runDir: state.sandbox.run,
    examples: state.examples,
    capabilities: state.session.capabilities,
    podShell: state.podShell,
    bind: (value: string) => (state.bindings.length ? state.matcher.applyBindings(value, state.bindings) : value),
    watchMs: Math.max(1000, Math.min(state.options.settleMs, stepTimeout(step, state.options) - 1000)),
  });
  rewrites.push(...prepared.rewrites);
  warnings.push(...prepared.warnings);
  if (prepared.action === 'skip') {
    // What it would have made (a `kubectl debug` copy, an object of a remote line) is missing for later steps.
    state.skippedProducers.push({ line: step.line, reason: prepared.reason, names: producedNames(command), changed: changedNames(command) });
    return skipped(step, prepared.reason, rewrites, warnings);
  }
  if (prepared.onNode && !state.session.nodeExec) return skipped(step, 'needs a node shell; not available on this backend', rewrites, warnings);
  // A shared cluster's guard: steps outside the lesson's namespace are not run there.
  const refused = state.session.refuse?.(prepared.script);
  if (refused) return skipped(step, `refused on a shared cluster: ${refused}`, rewrites, warnings);
  // Runs on the reader's machine: not in a pod, not on a node.
  const onLocalHost = step.host.kind === 'local' && !prepared.onNode;
  const unreachable = onLocalHost ? state.session.unreachable?.(prepared.script) : undefined;
  if (unreachable) return unchecked(step, unreachable, rewrites, warnings);

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
    matched = compare && !attempt.error ? match(state, step, await shown(state, step, prepared, attempt.output), command) : null;
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
  // Another way to create what the page already created: remove it and run the step again.
  const again = !attempt.error && attempt.exitCode !== 0 ? recreateFor(step, attempt.output, state.created) : null;
  if (again) {
    await internal(state, again.script);
    warnings.push(again.note);
    result.attempts++;
    attempt = await execute(state, step, prepared, command);
    matched = compare && !attempt.error ? match(state, step, await shown(state, step, prepared, attempt.output), command) : null;
  }
  if (!attempt.error && attempt.exitCode === 0) state.created.push(...createdIn(attempt.output, step));
  result.actual = attempt.output;
  result.exitCode = attempt.exitCode;
  state.ran.push({ line: step.line, ran: prepared.script, output: attempt.output, ok: attempt.exitCode === 0 });
  state.outputs.set(step.id, attempt.output);
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
      if (matched.ok) state.bindings.push(...matched.bindings.map((b) => ({ ...b, line: step.expected!.position.line })));
    }
    observe(command, attempt.output, state.observations);
    if (prepared.opensPodShell && result.status === 'pass') state.podShell = prepared.opensPodShell;
  }
  if (state.shellRestartedAt !== null && state.shellRestartedAt !== step.line && result.status !== 'pass') {
    warnings.push(`the shell was restarted after line ${state.shellRestartedAt}; state from before it is lost`);
  }
  // What this backend or machine cannot give (an API it does not serve, a cloud, the internet) is
  // not the doc's defect: such a step is unchecked, decided before any cluster facts are gathered.
  if (result.status === 'fail') {
    const cannot = cannotCheck({ command: prepared.script, output: attempt.output, expected: step.expected?.text ?? null, onHost: onLocalHost }, state.session);
    if (cannot) {
      markUnchecked(result, cannot.reason);
      state.skippedProducers.push({ line: step.line, reason: cannot.reason, names: cannot.rule === 'offline' ? producedNames(command) : new Set<string>() });
    }
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
    const excused = excuse(result, command, attempt.output, state.skippedProducers);
    if (excused.all) {
      skipAfterRun(result, `depends on line ${excused.all.line}, which was skipped: ${excused.all.reason}`);
      state.skippedProducers.push({ line: step.line, reason: excused.all.reason, names: producedNames(command) });
    } else if (excused.dropped.length) {
      warnings.push(...excused.dropped);
    }
  }
  if (warnings.length) result.warnings = warnings;
  state.earlier.push({ step, ran: prepared.script, status: result.status });
  return result;
}
