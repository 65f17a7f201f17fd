/** Running a command step: in the lesson shell or a node shell, paced, retried while it settles. */
import { sessionFacts, sessionMessageDifferences } from '../session-messages.js';
import { readsOnlyLocalFiles } from '../../plan/classify.js';
import type { CommandStep } from '../../plan/types.js';
import type { MatchResult } from '../../match/types.js';
import { recreateFor } from '../recreate.js';
import { stepTimeout } from '../options.js';
import { baseResult, shownExitDifference } from '../outcome.js';
import { takePodState } from '../rewrite/index.js';
import { asReaderShellShows } from '../rewrite/pod-shell-output.js';
import { firstKubectlCall } from '../../shell/index.js';
import { AwaitedOutput, ClusterTime, OUTPUT_WAIT, timePassesAtOnce } from '../pace.js';
import type { ShellRunOptions } from '../shell.js';
import { internal, restartShell } from '../internal.js';
import { answerSleep, clearSleepRequest, sleepsInShell, withReaderSleep } from '../reader-sleep.js';
import type { LessonContext, LessonProgress, LessonState } from '../state.js';
import type { Run, Attempt, ReadyStep, Attempted } from './types.js';
import { match, matchShown } from './compare.js';

/**
 * Errors that waiting cannot cure, so a read-only step is not retried: refusals of the API server,
 * a command kubectl does not know, and a server that is not there (a kubeconfig or `--server`
 * naming an address where nothing listens: nothing the lesson does later will start it).
 */
const PERMANENT =
  /\((NotImplemented|MethodNotAllowed|BadRequest|Forbidden|Unauthorized)\)|unknown (flag|command|shorthand flag)|command not found|error: the server doesn't have a resource type|The connection to the server \S+ was refused|Unable to connect to the server: dial tcp [^\n]*: (?:connect: connection refused|no such host)/;

function permanent(output: string): boolean {
  return PERMANENT.test(output);
}

/**
 * Errors of a command that never reached its container because the pod is not up yet (a reader
 * typing the next command would not see them): such a step is retried like a read-only one,
 * whatever it does, since it did nothing.
 */
const NOT_STARTED =
  /unable to upgrade connection: container not found|is waiting to start: (?:ContainerCreating|PodInitializing)|does not have a host assigned/;

/** An object that is not there: only something still at work in the cluster could create it. */
const NOT_FOUND = /Error from server \(NotFound\)/;

export const seconds = (ms: number): string => `${Number((ms / 1000).toFixed(1))}s`;

async function execute(state: LessonState, step: CommandStep, prepared: Run, command: string, notes: string[] = []): Promise<Attempt> {
  const remaining = state.deadline - Date.now();
  const timeoutMs = Math.max(1, Math.min(stepTimeout(step, state.options), remaining));
  if (prepared.onNode) {
    const nodeExec = state.session.nodeExec?.bind(state.session);
    if (!nodeExec) return { output: '', exitCode: null, error: 'needs a node shell; not available on this backend' };
    const r = await nodeExec(prepared.script, {
      timeoutMs,
      ...(prepared.onNode.name ? { node: prepared.onNode.name } : {}),
      ...(prepared.onNode.tty ? { tty: true } : {}),
    });
    return { output: r.stdout + r.stderr, exitCode: r.exitCode };
  }
  const expected = step.expected;
  const stopWhen = prepared.bounded && expected ? (out: string): boolean => match(state, step, out, command).ok : undefined;
  const paced = { boundReached: false };
  // A `sleep` of the page's own shell waits for the cluster: its time passes at once where it can.
  const sleeps = !prepared.bounded && step.host.kind === 'local' && sleepsInShell(prepared.script);
  const script = sleeps ? withReaderSleep(prepared.script, state.sandbox.run) : prepared.script;
  const tick = prepared.bounded
    ? prepared.bounded.realTime
      ? undefined
      : watchPacer(state, step, command, prepared.bounded.ms, paced)
    : both(sleeps ? sleepPacer(state, timeoutMs, notes) : undefined, waitPacer(state, prepared.script));
  const r = await state.shell.run(script, {
    timeoutMs,
    ...(state.options.signal ? { signal: state.options.signal } : {}),
    ...(stopWhen ? { stopWhen } : {}),
    ...(tick ? { tick } : {}),
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
    return { output: r.output, exitCode: null, error: `the lesson's shell ended during this step; ${lost}` };
  }
  // A terminal ends lines with CR LF; the doc shows them as lines.
  if (prepared.pty) r.output = r.output.replace(/\r\n/g, '\n');
  if (prepared.tracksPodState) {
    const taken = takePodState(r.output);
    r.output = taken.output;
    const shell = state.podShell;
    if (taken.cwd && shell) shell.cwd = taken.cwd;
    if (shell) {
      const { assigned } = prepared.tracksPodState;
      for (const [name, value] of Object.entries(taken.vars)) {
        const exported = assigned[name] === true || shell.vars?.[name]?.exported === true;
        shell.vars = { ...shell.vars, [name]: { value, exported } };
      }
    }
  }
  // Typed in a pod's shell the page opened: the reader's terminal shows neither kubectl's lines for
  // the exec nor a script's wording of errors; the exit status stays the step's.
  if (prepared.readerShell) r.output = asReaderShellShows(r.output, prepared.readerShell.shell);
  let exitCode = r.exitCode;
  // Stopped by the runner once the doc's lines appeared: how the watch then ends (124, 143, or 1
  // when kubectl handles the SIGTERM itself) is the runner's doing, not the command's.
  if (prepared.bounded && exitCode !== null && (r.stoppedEarly || prepared.bounded.stoppedCodes.includes(exitCode))) exitCode = 0;
  return {
    output: r.output,
    exitCode,
    ...(prepared.bounded && (!r.stoppedEarly || paced.boundReached) ? { boundReached: true } : {}),
    ...(r.endedOwnShell ? { note: ENDED_OWN_SHELL } : {}),
  };
}

/** Said of a step that ended its own shell: its status counts, its changes to the shell do not. */
export const ENDED_OWN_SHELL =
  'the step ended its shell (`exit`, `set -e` or `exec`); its exit status is the result, and the working directory and variables it set are not kept';

/** How often a running watch is looked at, and how much of the cluster's time then passes when it printed nothing. */
const WATCH_TICK_MS = 50;

const WATCH_QUANTUM_MS = 500;

/** Past its bound, a watch still waiting for the doc's rows lets the cluster's time pass in larger quanta. */
const WATCH_LATE_QUANTUM_MS = 5000;

/**
 * While a watch runs and prints nothing, the cluster's time passes in quanta (unless `realtime`);
 * the watch ends once the rows the doc shows have appeared (with the matcher's tolerances, other
 * rows in between allowed) and the cluster is at rest, or once its bound has passed in the
 * cluster's time, as it would have in real time. Past the bound, while the doc's rows have not all
 * appeared and the cluster has work due (a CronJob's next run a minute away), the watch goes on up to
 * `OUTPUT_WAIT.windowMs` of the cluster's time, as a reader told the rows come "in around one minute"
 * goes on watching.
 */
function watchPacer(state: LessonProgress, step: CommandStep, command: string, boundMs: number, paced: { boundReached: boolean }): ShellRunOptions['tick'] {
  if (!timePassesAtOnce(state)) return undefined;
  const clock = new ClusterTime(state);
  return {
    everyMs: WATCH_TICK_MS,
    fn: async (output, quietMs) => {
      // Not before the watch has listed what is there (its first lines): what happens before that
      // would be missing from the rows it shows.
      if (quietMs < WATCH_TICK_MS || (output === '' && clock.elapsed() < 1000)) return false;
      if (clock.elapsed() >= boundMs) {
        const left = OUTPUT_WAIT.windowMs - clock.elapsed();
        if (!step.expected || left <= 0 || state.session.atRest?.(left) !== false) return (paced.boundReached = true);
        if (shownRowsAppeared(match(state, step, output, command))) return true;
        // Nothing due within a quantum: on to the cluster's next work in larger steps.
        await clock.pause(state.session.atRest?.(WATCH_QUANTUM_MS) ? WATCH_LATE_QUANTUM_MS : WATCH_QUANTUM_MS);
        return false;
      }
      await clock.pause(WATCH_QUANTUM_MS);
      if (!step.expected || !state.session.atRest?.(WATCH_QUANTUM_MS)) return false;
      return shownRowsAppeared(match(state, step, output, command));
    },
  };
}

/** `kubectl wait …`: a command that only waits for the cluster to reach a state. */
const WAITS = /(?:^|[\s;&|({])kubectl\s+(?:[^\n;&|]*\s)?wait\s/;

/**
 * While a `kubectl wait` runs and prints nothing, the cluster's time passes in quanta (unless
 * `realtime`), as between attempts: the state it waits for comes as soon as the cluster can reach
 * it, and its `--timeout` still counts real time, which only ends it later than on a cluster.
 */
function waitPacer(state: Pick<LessonContext, 'options' | 'session'>, script: string): ShellRunOptions['tick'] {
  if (!timePassesAtOnce(state) || !WAITS.test(script)) return undefined;
  const clock = new ClusterTime(state);
  return {
    everyMs: WATCH_TICK_MS,
    fn: async (_output, quietMs) => {
      if (quietMs >= WATCH_TICK_MS) await clock.pause(WATCH_QUANTUM_MS);
      return false;
    },
  };
}

/**
 * Answers the `sleep` requests of the step's shell (see reader-sleep.ts): the cluster's time passes
 * at once where it can; elsewhere the step sleeps, its time limit moved past a sleep that would
 * outlast it (never past the lesson's), with a note.
 */
function sleepPacer(state: Pick<LessonState, 'options' | 'session' | 'sandbox' | 'deadline'>, timeoutMs: number, notes: string[]): ShellRunOptions['tick'] {
  const atOnce = timePassesAtOnce(state);
  clearSleepRequest(state.sandbox.run);
  const started = Date.now();
  let limit = started + timeoutMs;
  return {
    everyMs: WATCH_TICK_MS,
    fn: async (_output, _quietMs, extendTimeout) => {
      const asked = await answerSleep(state.sandbox.run, {
        ...(atOnce ? { passAtOnce: (ms: number) => state.session.passTime!(ms) } : {}),
        allowReal: (ms) => {
          // A second of margin for what follows the sleep.
          const needed = Math.min(Date.now() + ms + 1000, state.deadline) - limit;
          if (needed <= 0) return;
          extendTimeout(needed);
          limit += needed;
          note(notes, `the page's \`sleep\` waits ${seconds(ms)}; this step's time limit was raised to ${seconds(limit - started)} to cover it`);
        },
      });
      if (asked !== undefined && atOnce) note(notes, `the page's \`sleep\` of ${seconds(asked)} let that much of the cluster's time pass at once`);
      return false;
    },
  };
}

const note = (notes: string[], text: string): void => void (notes.includes(text) || notes.push(text));

/** Two tick functions as one (either may be absent). */
function both(a: ShellRunOptions['tick'], b: ShellRunOptions['tick']): ShellRunOptions['tick'] {
  if (!a || !b) return a ?? b;
  return {
    everyMs: Math.min(a.everyMs, b.everyMs),
    fn: async (output, quietMs, extend) => (await a.fn(output, quietMs, extend)) || b.fn(output, quietMs, extend),
  };
}

/** Every line the doc shows is there (or the output matches outright): only extra lines differ. */
function shownRowsAppeared(m: MatchResult): boolean {
  return m.ok || (m.differences.length > 0 && m.differences.every((d) => d.kind === 'extra-line'));
}

/**
 * Runs a step, again while a read-only step settles (its output not yet the doc's, the cluster
 * still at work), and once more after removing what the page created another way.
 */
export async function attemptStep(state: LessonState, step: CommandStep, ready: ReadyStep, started: number): Promise<Attempted> {
  const { command, prepared, rewrites, warnings } = ready;
  const result = baseResult(step);
  result.ran = prepared.script;
  result.rewrites = rewrites;
  // Output of a container the step starts is compared with its log once the step ran, not with the step's output.
  const log = step.expected?.log;
  const compare = step.expected !== null && !prepared.ignoreOutput && !log;
  if (step.expected && prepared.ignoreOutput) {
    warnings.push(
      sessionFacts(command)
        ? "the output the doc shows is an interactive session; only kubectl's own lines in it (session-messages.ts) were compared"
        : 'the output the doc shows is an interactive session; it was not compared',
    );
  }
  // A read of local files only (`kubectl kustomize dir`) gives the same answer however long the cluster works.
  const settle =
    compare &&
    state.options.settleMs > 0 &&
    !prepared.bounded &&
    ((step.class === 'read-only' && !readsOnlyLocalFiles(step.command)) || prepared.settle === true);

  let attempt: Attempt;
  let matched: MatchResult | null;
  let delay = state.options.settleIntervalMs;
  let previous: string | undefined;
  // The settle window counts the cluster's time: real time spent running attempts, plus the
  // pauses between them (passed at once or slept).
  const clock = new ClusterTime(state, started);
  // Only output a container prints (its log, a command run in it) can still grow by itself.
  const awaited = printsContainerOutput(prepared.script) ? new AwaitedOutput(state, clock) : undefined;
  // From here on, "at rest" means: nothing written since the previous attempt.
  if (settle) state.session.atRest?.(state.options.settleMs);
  for (;;) {
    result.attempts++;
    attempt = await execute(state, step, prepared, command, warnings);
    matched = compare && !attempt.error ? await matchShown(state, step, prepared, attempt.output, command) : null;
    const ok =
      attempt.error === undefined &&
      (matched ? matched.ok : true) &&
      shownExitDifference(step, attempt.exitCode, state.matcher, prepared.readerShell !== undefined) === null;
    const notStarted = state.options.settleMs > 0 && NOT_STARTED.test(attempt.output);
    // A container not started yet is answered with BadRequest, which waiting does cure.
    if (ok || !(settle || notStarted) || attempt.error || state.options.signal?.aborted || (permanent(attempt.output) && !notStarted)) break;
    // Lines a container has yet to print (a logger's next lines): the window stretches for them.
    const awaiting = settle && awaited !== undefined && awaited.awaiting(attempt.output, matched);
    const left = (awaiting ? Math.max(state.options.settleMs, OUTPUT_WAIT.windowMs) : state.options.settleMs) - clock.elapsed();
    if (delay > left) break;
    // The same differences twice (ages and other volatile values aside), or an object that is not
    // there, while the cluster is at rest (nothing written since the previous attempt, nothing due
    // but retry loops that cannot change the outcome): waiting longer cannot change the outcome.
    const outcome = matched
      ? JSON.stringify([attempt.exitCode, matched.differences.map((d) => [d.kind, d.line, d.column, d.message])])
      : `${attempt.exitCode}\n${attempt.output}`;
    const atRest = state.session.atRest?.(left) ?? false;
    if (atRest && !awaiting && (outcome === previous || NOT_FOUND.test(attempt.output))) {
      result.settledEarly = true;
      break;
    }
    previous = outcome;
    await clock.pause(delay);
    delay = Math.min(delay * 2, 2000);
  }
  if (attempt.note) warnings.push(attempt.note);
  // Another way to create what the page already created: remove it and run the step again.
  const again = !attempt.error && attempt.exitCode !== 0 ? recreateFor(step, attempt.output, state.created) : null;
  if (again) {
    await internal(state, again.script);
    warnings.push(again.note);
    result.attempts++;
    attempt = await execute(state, step, prepared, command, warnings);
    matched = compare && !attempt.error ? await matchShown(state, step, prepared, attempt.output, command) : null;
  }
  // An interactive session the runner holds detached: kubectl's own lines in it are still the command line's.
  if (step.expected && prepared.ignoreOutput && !attempt.error && !matched) {
    const differences = sessionMessageDifferences(command, step.expected.text, step.expected.position.line);
    if (differences.length) matched = { ok: false, differences, diff: '', bindings: [] };
  }
  return { result, attempt, matched };
}

/** kubectl subcommands whose output is what a container prints. */
const CONTAINER_OUTPUT = new Set(['logs', 'exec', 'attach']);

/** True when the step's kubectl call shows what a container prints (`kubectl logs`, `exec`, `attach`). */
function printsContainerOutput(script: string): boolean {
  const sub = firstKubectlCall(script)?.path[0]?.value;
  return sub !== undefined && CONTAINER_OUTPUT.has(sub);
}
