/**
 * Runs one command step: bindings and placeholders, rewrites, execution (lesson shell or node
 * shell), settling of read-only steps, matching, and a root-cause hint when it fails.
 */
import type { CommandStep } from '../plan/types.js';
import type { MatchResult } from '../match/types.js';
import { onlyStateValues, transientCue } from '../match/transient-cues.js';
import { observe, placeholderVars, resolvePlaceholders } from './bind.js';
import { readerFile, readerFileObjects } from './reader-files.js';
import { readerValue } from './reader-value.js';
import { readContainerLog } from './container-log.js';
import { neededTemplateVars, templateReason } from './template-vars.js';
import { alreadyDeleted } from './conditional-cleanup.js';
import { changedNames, consumersOf, createdObjects, editedConfig, newObjects, dependsOn, isPathLike, producedNames, readable, type SkippedProducer } from './depends.js';
import { gatherDiagnostics } from './diagnostics.js';
import { findHint, gatherFacts } from './hints/index.js';
import { copyLinkedFiles, filesReadBy, planLinkedFiles } from './linked-files.js';
import { cannotCheck } from './unchecked.js';
import { changedBefore, createdIn, recreateFor, type DoneBefore, type EarlierRun } from './recreate.js';
import { exitStatusNotReproduced, withExitStatus } from './exit-status-reader.js';
import { absentPrerequisite, pageObjects, POD_MAKERS, type PageObjects } from './absent.js';
import { stepTimeout } from './options.js';
import { baseResult, exitDifference, skipped, unchecked } from './outcome.js';
import { missingExamples, podExec, prepareCommand, takePodCwd, type Prepared } from './rewrite/index.js';
import { firstKubectlCall, shQuote, shQuoteExpanding } from '../shell/index.js';
import { AwaitedOutput, ClusterTime, OUTPUT_WAIT, onlyMissingLines, timePassesAtOnce } from './pace.js';
import type { ShellRunOptions } from './shell.js';
import { internal, restartShell } from './internal.js';
import type { LessonState } from './state.js';
import type { Rewrite, StepResult } from './types.js';

type Run = Extract<Prepared, { action: 'run' }>;

interface Attempt {
  output: string;
  exitCode: number | null;
  error?: string;
  /** A bounded step ran until its bound, not stopped earlier on the doc's lines. */
  boundReached?: boolean;
}

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

const seconds = (ms: number): string => `${Number((ms / 1000).toFixed(1))}s`;

/** `host:port` addresses (and URLs) an output shows, as later commands would use them. */
function shownAddresses(text: string): Set<string> {
  const names = new Set<string>();
  for (const m of text.matchAll(/\b(?:https?:\/\/)?((?:\d{1,3}\.){3}\d{1,3}:\d{2,5}|localhost:\d{2,5}|[a-z0-9.-]+\.[a-z]{2,}:\d{2,5})\b/g)) names.add(m[1]!);
  return names;
}

/**
 * What a step that does not run leaves missing for later steps: what it would have made (the
 * files and objects its command names, the objects its shown output announces: `configmap/x-m9dm2f92bt
 * created`), and the addresses its shown output hands on.
 */
function leftMissing(step: CommandStep, command: string): Pick<SkippedProducer, 'names' | 'objects'> {
  const shown = step.expected?.text ?? '';
  return { names: new Set([...producedNames(command), ...shownAddresses(shown)]), objects: newObjects(shown) };
}

/** Random-name suffixes of pods a controller makes: `<deployment>-<pod-template-hash>-<5>`, `<job|daemonset|replicaset>-<5>`. */
const POD_SUFFIX = /^-(?:[bcdfghjklmnpqrstvwxz2456789]{6,10}-)?[bcdfghjklmnpqrstvwxz2456789]{5}$/;

/**
 * A pod name of the author's cluster that no earlier output showed (`kubectl delete pod
 * web-7768647bf9-b4b9s`, a pod of the page's Deployment `web`): the reader uses their own pod of
 * that workload, so this run uses one of its pods (not one already terminating) and binds the
 * doc's name to it for the later steps.
 */
async function bindGeneratedPods(state: LessonState, command: string, line: number): Promise<{ command: string; rewrite: Rewrite } | null> {
  const objects = objectsOf(state);
  const workloads = [...objects.byKind.entries()].filter(([k]) => POD_MAKERS.has(k)).flatMap(([, names]) => [...names]);
  if (workloads.length === 0) return null;
  for (const m of command.matchAll(/(?<![\w.$/-])([a-z0-9](?:[a-z0-9-]*[a-z0-9])?)(?![\w./-])/g)) {
    const name = m[1]!;
    const owner = workloads.find((w) => name.startsWith(`${w}-`) && POD_SUFFIX.test(name.slice(w.length)));
    if (!owner || state.bindings.some((b) => b.doc === name)) continue;
    const ns = /(?:^|\s)(?:-n|--namespace)[ =]([a-z0-9-]+)/.exec(command)?.[1];
    const rows = await internal(
      state,
      `kubectl get pods ${ns ? `-n ${shQuote(ns)} ` : ''}--no-headers -o custom-columns=NAME:.metadata.name,GONE:.metadata.deletionTimestamp 2>/dev/null`,
    );
    const pod = rows
      .split('\n')
      .map((l) => l.trim().split(/\s+/))
      .find(([n, gone]) => n && gone === '<none>' && n.startsWith(`${owner}-`) && POD_SUFFIX.test(n.slice(owner.length)))?.[0];
    if (!pod || pod === name) return null;
    state.bindings.push({ doc: name, actual: pod, kind: 'pod-name', line });
    return {
      command: command.slice(0, m.index) + pod + command.slice(m.index + name.length),
      rewrite: { kind: 'binding', from: name, to: pod, reason: `the doc names a pod of its ${owner} from the author's cluster; this run's pod of ${owner}` },
    };
  }
  return null;
}

/**
 * The command with the values its shell variables hold now, and a `for x in LIST` loop's variable
 * as the list's first word, so the addresses it would reach can be looked at before it runs
 * (`for node in $NODES; do curl $node:$NODEPORT; done`). Only for looking at, never run.
 */
async function withValues(state: LessonState, command: string): Promise<string> {
  const names = [...new Set([...command.matchAll(/\$\{?([A-Za-z_]\w*)\}?/g)].map((m) => m[1]!))];
  if (names.length === 0) return command;
  const out = await internal(state, `for __kdt_v in ${names.join(' ')}; do printf '%s=%s\\n' "$__kdt_v" "\${!__kdt_v}"; done; unset __kdt_v`);
  const values = new Map<string, string>();
  for (const line of out.split('\n')) {
    const eq = line.indexOf('=');
    if (eq > 0 && line.slice(eq + 1) !== '')
      values.set(
        line.slice(0, eq),
        line
          .slice(eq + 1)
          .replace(/\s+/g, ' ')
          .trim(),
      );
  }
  const expand = (text: string): string => text.replace(/\$\{?([A-Za-z_]\w*)\}?/g, (all, name: string) => values.get(name) ?? all);
  let text = expand(command);
  for (const m of text.matchAll(/\bfor\s+([A-Za-z_]\w*)\s+in\s+([^;\n]+?)\s*;/g)) {
    const first = m[2]!.trim().split(/\s+/)[0];
    if (first && !values.has(m[1]!)) values.set(m[1]!, first);
  }
  text = expand(text);
  return text;
}

/** kubectl verbs that change an existing object. */
const CHANGES = /^(?:set|patch|apply|replace|scale|label|annotate|edit|autoscale|rollout)$/;

/** True when an earlier step that ran changed every object a kubectl `edit`/change step names. */
function doneAnotherWay(state: LessonState, command: string): boolean {
  const k = firstKubectlCall(command);
  const words = k ? [...k.path, ...k.positionals].map((w) => w.value) : [];
  if (!k || !CHANGES.test(words[0] ?? '')) return false;
  const names = words
    .slice(1)
    .map((w) => w.split('/').pop()!)
    .filter((w) => /^[a-z0-9][a-z0-9.-]*$/.test(w));
  if (!names.length) return false;
  return names.every((n) => state.ran.some((r) => r.ok && CHANGES.test(firstKubectlCall(r.ran)?.path[0]?.value ?? '') && r.ran.includes(n)));
}

/** The steps that ran so far, with whether they succeeded and what they printed. */
function earlierRuns(state: LessonState): EarlierRun[] {
  return state.earlier.map((e) => ({
    step: e.step,
    ok: state.ran.some((r) => r.line === e.step.line && r.ok),
    output: state.outputs.get(e.step.id) ?? '',
  }));
}

/**
 * A change the page offers as another way to do what an earlier step of its section did: not run.
 * The output the page shows after both ways is the earlier way's when that one showed none.
 */
function doneAnotherWayResult(state: LessonState, step: CommandStep, command: string, done: DoneBefore, rewrites: Rewrite[], warnings: string[]): StepResult {
  const reason = `another way to do what line ${done.line} already did ("${step.alternative}"): a reader runs one or the other`;
  if (!step.expected || done.showedOutput) return skipped(step, reason, rewrites, warnings);
  const result = baseResult(step);
  const m = match(state, step, done.output, command);
  result.rewrites = rewrites;
  result.actual = done.output;
  result.differences = m.differences;
  if (m.diff && !m.ok) result.diff = m.diff;
  result.status = m.ok ? 'pass' : 'fail';
  result.warnings = [...warnings, `not run: ${reason}; the output the page shows after both ways was compared with line ${done.line}'s`];
  return result;
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
  const stopWhen = prepared.bounded && expected ? (out: string): boolean => match(state, step, out, command).ok : undefined;
  const paced = { boundReached: false };
  const tick = prepared.bounded
    ? prepared.bounded.realTime
      ? undefined
      : watchPacer(state, step, command, prepared.bounded.ms, paced)
    : waitPacer(state, prepared.script);
  const r = await state.shell.run(prepared.script, {
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
    return { output: r.output, exitCode: null, error: `the shell exited during this step (an \`exit\` or \`set -e\`); ${lost}` };
  }
  // A terminal ends lines with CR LF; the doc shows them as lines.
  if (prepared.pty) r.output = r.output.replace(/\r\n/g, '\n');
  if (prepared.tracksPodCwd) {
    const taken = takePodCwd(r.output);
    r.output = taken.output;
    if (taken.cwd && state.podShell) state.podShell.cwd = taken.cwd;
  }
  let exitCode = r.exitCode;
  // Stopped by the runner once the doc's lines appeared: how the watch then ends (124, 143, or 1
  // when kubectl handles the SIGTERM itself) is the runner's doing, not the command's.
  if (prepared.bounded && exitCode !== null && (r.stoppedEarly || prepared.bounded.stoppedCodes.includes(exitCode))) exitCode = 0;
  return { output: r.output, exitCode, ...(prepared.bounded && (!r.stoppedEarly || paced.boundReached) ? { boundReached: true } : {}) };
}

/** How often a running watch is looked at, and how much of the cluster's time then passes when it printed nothing. */
const WATCH_TICK_MS = 50;
const WATCH_QUANTUM_MS = 500;

/**
 * While a watch runs and prints nothing, the cluster's time passes in quanta (unless `realtime`);
 * the watch ends once the rows the doc shows have appeared (with the matcher's tolerances, other
 * rows in between allowed) and the cluster is at rest, or once its bound has passed in the
 * cluster's time, as it would have in real time.
 */
function watchPacer(state: LessonState, step: CommandStep, command: string, boundMs: number, paced: { boundReached: boolean }): ShellRunOptions['tick'] {
  if (!timePassesAtOnce(state)) return undefined;
  const clock = new ClusterTime(state);
  return {
    everyMs: WATCH_TICK_MS,
    fn: async (output, quietMs) => {
      // Not before the watch has listed what is there (its first lines): what happens before that
      // would be missing from the rows it shows.
      if (quietMs < WATCH_TICK_MS || (output === '' && clock.elapsed() < 1000)) return false;
      await clock.pause(WATCH_QUANTUM_MS);
      if (clock.elapsed() >= boundMs) return (paced.boundReached = true);
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
function waitPacer(state: LessonState, script: string): ShellRunOptions['tick'] {
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

/** Every line the doc shows is there (or the output matches outright): only extra lines differ. */
function shownRowsAppeared(m: MatchResult): boolean {
  return m.ok || (m.differences.length > 0 && m.differences.every((d) => d.kind === 'extra-line'));
}

function match(state: LessonState, step: CommandStep, actual: string, command: string): MatchResult {
  const e = step.expected!;
  // The page's earlier bindings: a value the cluster assigned must stay the same value later on.
  return state.matcher.matchOutput({
    expected: e.text,
    actual,
    mode: e.mode,
    line: e.position.line,
    column: e.position.column,
    command,
    bindings: state.bindings,
  });
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

/**
 * Compares what the doc shows with what the step gave. When the block's earlier commands may be
 * shown too (`mayCover`), both readings are compared: this step's output alone, and the outputs
 * of those commands that ran, then this one, as a reader pasting the fence sees them. The first
 * that fits wins; when neither does, the one with fewer differences is reported.
 */
async function matchShown(state: LessonState, step: CommandStep, prepared: Run, output: string, command: string): Promise<MatchResult> {
  const alone = match(state, step, await shown(state, step, prepared, output), command);
  const before = (step.expected!.mayCover ?? []).filter((id) => state.outputs.has(id));
  if (alone.ok || step.expected!.file || before.length === 0) return alone;
  const together = match(state, step, before.map((id) => state.outputs.get(id)!).join('') + output, command);
  return together.ok || together.differences.length < alone.differences.length ? together : alone;
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
    return internal(state, `${podExec(pod)} ${shQuote(`${pod.cwd ? `cd ${shQuote(pod.cwd)} 2>/dev/null; ` : ''}${cat}`)}`);
  }
  return internal(state, cat);
}

const pageObjectsCache = new WeakMap<LessonState['plan'], PageObjects>();

/** What the lesson's page creates (read once per lesson). */
function objectsOf(state: LessonState): PageObjects {
  let objects = pageObjectsCache.get(state.plan);
  if (!objects) {
    objects = pageObjects(state.plan.steps, state.manifests, state.examples);
    pageObjectsCache.set(state.plan, objects);
  }
  return objects;
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
 * The workloads whose pods read a ConfigMap or Secret the skipped step would have edited (looked
 * up in the cluster as it is now): what their pods print follows the edit.
 */
async function consumersChangedBy(state: LessonState, command: string): Promise<Set<string>> {
  const changed = new Set<string>();
  const edited = editedConfig(command);
  if (edited.length === 0) return changed;
  const ns = /(?:^|\s)(?:-n|--namespace)[=\s]+([a-z0-9-]+)/.exec(command)?.[1];
  const list = await internal(state, `kubectl get deployments,statefulsets,daemonsets,jobs,pods${ns ? ` -n ${ns}` : ''} -o json 2>/dev/null`);
  for (const name of consumersOf(list, edited)) changed.add(name);
  return changed;
}

/** kubectl's answer to a list with nothing in it. */
const EMPTY_LIST = /^No resources found\b/m;

/** The producer every line depends on, when one does (the first line's). */
function dependsOnEvery(lines: readonly string[], producers: readonly SkippedProducer[]): SkippedProducer | undefined {
  const each = lines.map((l) => dependsOn(l, producers));
  return lines.length > 0 && each.every(Boolean) ? each[0] : undefined;
}

/**
 * Dependencies excuse only what they explain. A step that reads what a skipped step would have
 * made (its command names the file or object) is skipped whatever happened: success or failure on
 * a missing input means nothing. Otherwise each difference of a failed step is excused only when
 * it names what a skipped step would have made (an exit-status difference: when the output or the
 * events do); the others still fail.
 */
function excuse(
  result: StepResult,
  command: string,
  output: string,
  expected: string | undefined,
  producers: readonly SkippedProducer[],
): { all?: SkippedProducer; dropped: string[] } {
  const reads = dependsOn(command, readable(command, producers));
  if (reads) return { all: reads, dropped: [] };
  if (result.status !== 'fail') return { dropped: [] };
  const events = result.diagnostics?.events ?? '';
  const expectedRows = expected
    ?.split('\n')
    .slice(1)
    .filter((l) => l.trim());
  const explainedBy = result.differences.map((d) =>
    d.kind === 'exit-status'
      ? dependsOn(`${output}\n${events}`, producers)
      : (dependsOn([d.message, d.expected ?? '', d.actual ?? ''].join('\n'), producers) ??
        // An empty list where the doc shows objects only skipped steps would have made: the
        // missing header and rows are all explained by them.
        (EMPTY_LIST.test(output) && expectedRows ? dependsOnEvery(expectedRows, producers) : undefined)),
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

/**
 * The skipped step whose output this command reads and that is not there: an object it would have
 * created, or a file it would have written that does not exist where the command runs (a file
 * that is there by another way, such as an example copied in, lets the command run as usual).
 */
async function missingInput(state: LessonState, command: string): Promise<SkippedProducer | undefined> {
  const named: { producer: SkippedProducer; name: string }[] = [];
  for (const producer of state.skippedProducers) {
    for (const name of producer.names) {
      // A folder the missing file would be in (`--from-file=configmap/`): reading the folder reads the file.
      if (dependsOn(command, [{ ...producer, names: new Set([name]) }]) || namesFolderOf(command, name)) named.push({ producer, name });
    }
  }
  if (named.length === 0) return undefined;
  const object = named.find((n) => !isPathLike(n.name));
  if (object) return object.producer;
  const files = [...new Set(named.map((n) => n.name))];
  // An empty file is as good as none: a download that failed leaves one (`wget -O f` creates f first).
  const out = await internal(state, `for __kdt_f in ${files.map(shQuote).join(' ')}; do [ -s "$__kdt_f" ] || [ -d "$__kdt_f" ] || echo "$__kdt_f"; done; unset __kdt_f`);
  const missing = new Set(out.split('\n').filter(Boolean));
  return named.find((n) => missing.has(n.name))?.producer;
}

/** True when the command names the folder a file path is in (`dir`, `./dir/`), not another file in it. */
function namesFolderOf(command: string, path: string): boolean {
  if (!isPathLike(path) || !path.includes('/')) return false;
  const folder = path.slice(0, path.lastIndexOf('/')).replace(/^\.\//, '');
  // Not a folder every machine has (`/tmp` of `/tmp/nginx.key`): naming it says nothing about the file.
  if (folder === '' || folder === '.' || /^\/[^/]+$/.test(folder)) return false;
  const escaped = folder.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\w./-])(?:\\./)?${escaped}/?(?![\\w./-])`).test(command);
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
  return {
    rewrites: copyLinkedFiles(linked.copies, cwd, state.options.filesDir!, {
      home: state.sandbox.home,
      ...(state.sandbox.owner ? { owner: state.sandbox.owner } : {}),
    }).map((r) => ({ kind: 'file' as const, ...r })),
  };
}

/** Runs a command step to its result. */
export async function runCommandStep(state: LessonState, step: CommandStep, index: number): Promise<StepResult> {
  const started = Date.now();
  if (step.skip) {
    // A line the reader must fill in makes nothing here; a skipped tab's alternative was run as the first tab.
    if (step.placeholders?.length) state.skippedProducers.push({ line: step.line, reason: step.skip, names: producedNames(step.command) });
    return skipped(step, step.skip);
  }
  const exitStatus = exitStatusNotReproduced(step.command, state.previousCommand);
  if (exitStatus) return unchecked(step, exitStatus);
  const previousExit = withExitStatus(step.command, state.previousCommand);
  const rewrites: Rewrite[] = [];
  const warnings: string[] = [];
  let command = step.command;

  if (state.inPod && step.host.kind !== 'pod' && state.podShell?.removeAfter) {
    const pod = state.podShell;
    await internal(state, `kubectl delete pod ${shQuoteExpanding(pod.target)} ${pod.flags.map(shQuote).join(' ')} --wait=false >/dev/null 2>&1`);
    warnings.push(`pod ${pod.target} (started with --rm at line ${pod.line}) was deleted when the doc left its shell`);
    state.podShell = null;
  }
  state.inPod = step.host.kind === 'pod';

  if (previousExit) {
    rewrites.push({ kind: 'binding', from: command, to: previousExit.command, reason: previousExit.reason });
    command = previousExit.command;
  }
  const bound = state.bindings.length ? state.matcher.applyBindings(command, state.bindings) : command;
  if (bound !== command) {
    rewrites.push({ kind: 'binding', from: command, to: bound, reason: 'values the doc showed are replaced by the ones this run produced' });
    command = bound;
  }
  const generated = await bindGeneratedPods(state, command, step.line);
  if (generated) {
    rewrites.push(generated.rewrite);
    command = generated.command;
  }
  const vars = placeholderVars(command);
  const filled = resolvePlaceholders(command, state.observations, await unsetVars(state, vars), step.section ?? '');
  if ('unresolved' in filled) {
    state.skippedProducers.push({ line: step.line, reason: filled.unresolved, ...leftMissing(step, command) });
    return skipped(step, filled.unresolved, rewrites, warnings);
  }
  rewrites.push(...filled.rewrites);
  command = filled.command;
  // Variables the page never sets and the shell does not have: a template, not a command.
  if (step.host.kind === 'local') {
    const unset = await unsetVars(state, neededTemplateVars(command, step.placeholders));
    if (unset.size > 0) {
      const reason = templateReason([...unset]);
      state.skippedProducers.push({ line: step.line, reason, ...leftMissing(step, command) });
      return skipped(step, reason, rewrites, warnings);
    }
  }
  // Its inputs come from a skipped step (an object it reads, a file it names that is not there):
  // running it cannot tell anything, whatever its outcome, so it is skipped before it runs or retries.
  const needs = await missingInput(state, command);
  if (needs) {
    state.skippedProducers.push({ line: step.line, reason: needs.reason, ...leftMissing(step, command) });
    return skipped(step, `depends on line ${needs.line}, which was skipped: ${needs.reason}`, rewrites, warnings);
  }
  const readers = readerValue(command);
  if (readers) return skipped(step, readers, rewrites, warnings);

  const done = changedBefore(step, command, earlierRuns(state));
  if (done) return doneAnotherWayResult(state, step, command, done, rewrites, warnings);

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
    // What it would have made (a `kubectl debug` copy, an object of a remote line) is missing for
    // later steps, and so are the addresses its shown output hands them (`http://127.0.0.1:51082` of a tunnel).
    // A step the page offers as another way to do what an earlier step already did to the same
    // object ("Alternatively, you can `edit` the Deployment" after `kubectl set image`) leaves
    // nothing missing: the page's own way made or changed it.
    if (!(step.alternative && doneAnotherWay(state, command))) {
      state.skippedProducers.push({
        line: step.line,
        reason: prepared.reason,
        ...leftMissing(step, command),
        changed: changedNames(command),
        outputOf: await consumersChangedBy(state, command),
      });
    }
    return skipped(step, prepared.reason, rewrites, warnings);
  }
  // An example file the lesson has no copy of would be fetched from the live site (another version
  // than the doc's, or nothing offline): its outcome cannot be checked, nor what reads its objects.
  const absent = missingExamples(command, state.examples);
  if (absent.length) {
    const reason = `example file ${absent.join(', ')} not in the examples folder`;
    state.skippedProducers.push({ line: step.line, reason, names: producedNames(command), objects: createdObjects(step.expected?.text ?? '') });
    return unchecked(step, reason, rewrites, warnings);
  }
  if (prepared.onNode && !state.session.nodeExec) return skipped(step, 'needs a node shell; not available on this backend', rewrites, warnings);
  // A shared cluster's guard: steps outside the lesson's namespace are not run there.
  const refused = state.session.refuse?.(prepared.script);
  if (refused) return skipped(step, `refused on a shared cluster: ${refused}`, rewrites, warnings);
  // Runs on the reader's machine: not in a pod, not on a node.
  const onLocalHost = step.host.kind === 'local' && !prepared.onNode;
  const unreachable = onLocalHost && state.session.unreachable ? state.session.unreachable(await withValues(state, prepared.script)) : undefined;
  if (unreachable) return unchecked(step, unreachable, rewrites, warnings);

  if (onLocalHost && state.plan.links?.length) {
    const linked = await provideLinkedFiles(state, step, command);
    if ('skip' in linked) {
      state.skippedProducers.push({ line: step.line, reason: linked.skip, ...leftMissing(step, command) });
      return skipped(step, linked.skip, rewrites, warnings);
    }
    rewrites.push(...linked.rewrites);
  }

  const result = baseResult(step);
  result.ran = prepared.script;
  result.rewrites = rewrites;
  // Output of a container the step starts is compared with its log once the step ran, not with the step's output.
  const log = step.expected?.log;
  const compare = step.expected !== null && !prepared.ignoreOutput && !log;
  if (step.expected && prepared.ignoreOutput) warnings.push('the output the doc shows is an interactive session; it was not compared');
  const settle = compare && state.options.settleMs > 0 && !prepared.bounded && (step.class === 'read-only' || prepared.settle === true);

  let attempt: Attempt;
  let matched: MatchResult | null;
  let delay = state.options.settleIntervalMs;
  let previous: string | undefined;
  // The settle window counts the cluster's time: real time spent running attempts, plus the
  // pauses between them (passed at once or slept).
  const clock = new ClusterTime(state, started);
  const awaited = new AwaitedOutput(state, clock);
  // From here on, "at rest" means: nothing written since the previous attempt.
  if (settle) state.session.atRest?.(state.options.settleMs);
  for (;;) {
    result.attempts++;
    attempt = await execute(state, step, prepared, command);
    matched = compare && !attempt.error ? await matchShown(state, step, prepared, attempt.output, command) : null;
    const ok = attempt.error === undefined && (matched ? matched.ok : true) && exitDifference(step, attempt.exitCode, state.matcher) === null;
    const notStarted = state.options.settleMs > 0 && NOT_STARTED.test(attempt.output);
    // A container not started yet is answered with BadRequest, which waiting does cure.
    if (ok || !(settle || notStarted) || attempt.error || state.options.signal?.aborted || (permanent(attempt.output) && !notStarted)) break;
    // Lines a container has yet to print (a logger's next lines): the window stretches for them.
    const awaiting = settle && awaited.awaiting(attempt.output, matched);
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
  // Another way to create what the page already created: remove it and run the step again.
  const again = !attempt.error && attempt.exitCode !== 0 ? recreateFor(step, attempt.output, state.created) : null;
  if (again) {
    await internal(state, again.script);
    warnings.push(again.note);
    result.attempts++;
    attempt = await execute(state, step, prepared, command);
    matched = compare && !attempt.error ? await matchShown(state, step, prepared, attempt.output, command) : null;
  }
  if (!attempt.error && attempt.exitCode === 0) state.created.push(...createdIn(attempt.output, step));
  result.actual = attempt.output;
  if (log?.target && !attempt.error && exitDifference(step, attempt.exitCode, state.matcher) === null) {
    const read = await readContainerLog(state, log, (out, logs) => match(state, step, out, logs), (script) => internal(state, script));
    matched = read.matched;
    result.actual = read.output;
    warnings.push(`the doc shows what container ${log.container ?? ''} of ${log.target} prints: compared with \`${read.command}\`; the command itself printed ${JSON.stringify(attempt.output.trim())}`);
  }
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
  if (log?.unknown && result.status === 'pass') markUnchecked(result, `the doc shows what a container prints, but ${log.unknown}`);
  if (state.shellRestartedAt !== null && state.shellRestartedAt !== step.line && result.status !== 'pass') {
    warnings.push(`the shell was restarted after line ${state.shellRestartedAt}; state from before it is lost`);
  }
  // The doc presents its output as a state the object only passes through ("If the Deployment is
  // still being created"): read after the object moved on, only the state's values differ.
  if (result.status === 'fail' && transientCue(step.expected?.cue) && onlyStateValues(result.differences)) {
    const clause = step.expected!.cue!.split(/[,:;]/)[0]!.trim();
    markUnchecked(result, `the doc shows a state the object only passes through ("${clause}"); it had moved past it when the step ran`);
  }
  // An endless loop of the reader's shell printed, within its bound, only the first of the lines
  // the doc shows (the author let it run longer): the rest cannot be seen here, and is not a defect.
  if (result.status === 'fail' && attempt.boundReached && prepared.bounded?.endless && onlyMissingLines(result.differences)) {
    markUnchecked(
      result,
      `the doc shows more of this endless loop's output than it printed in the ${seconds(prepared.bounded.ms)} it may run here; what it printed agrees with the doc's first lines`,
    );
  }
  // What this backend or machine cannot give (an API it does not serve, a cloud, the internet) is
  // not the doc's defect: such a step is unchecked, decided before any cluster facts are gathered.
  if (result.status === 'fail') {
    const cannot = cannotCheck(
      { command: prepared.script, output: attempt.output, expected: step.expected?.text ?? null, onHost: onLocalHost, onNode: prepared.onNode !== undefined },
      state.session,
    );
    if (cannot) {
      markUnchecked(result, cannot.reason);
      state.skippedProducers.push({ line: step.line, reason: cannot.reason, names: cannot.rule === 'offline' ? producedNames(command) : new Set<string>() });
    }
  }
  // Objects the page works on but never creates (an earlier page's, a prerequisite's) are not its defect here.
  if (result.status === 'fail') {
    const absent = absentPrerequisite(command, attempt.output, step.expected?.text ?? null, objectsOf(state));
    if (absent) {
      markUnchecked(result, absent.reason);
      state.skippedProducers.push({ line: step.line, reason: absent.reason, names: new Set([...producedNames(command), ...absent.names]) });
    }
  }
  if (result.status === 'fail' && onLocalHost) {
    const shown = state.manifests.flatMap((m) => [m.file, m.examplePath].filter((f): f is string => !!f));
    const file = readerFile(
      command,
      attempt.output,
      state.earlier.map((e) => e.ran),
      shown,
    );
    if (file) {
      const reason = `${file} is a file on the reader's machine: no step of the page writes or downloads it, and no block shows it`;
      markUnchecked(result, reason);
      const objects = readerFileObjects(
        command,
        createdObjects(step.expected?.text ?? ''),
        state.manifests,
        state.earlier.map((e) => e.ran),
      );
      state.skippedProducers.push({ line: step.line, reason, names: producedNames(command), objects });
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
    // A line typed in a pod's shell reads the pod too (`"$POD_NAME"` of the session it runs in).
    const excused = excuse(
      result,
      step.host.kind === 'pod' ? `${command}\n${prepared.script}` : command,
      attempt.output,
      step.expected?.text,
      state.skippedProducers,
    );
    if (excused.all) {
      skipAfterRun(result, `depends on line ${excused.all.line}, which was skipped: ${excused.all.reason}`);
      state.skippedProducers.push({ line: step.line, reason: excused.all.reason, ...leftMissing(step, command) });
    } else if (excused.dropped.length) {
      warnings.push(...excused.dropped);
    }
  }
  if (result.status === 'fail') {
    const deleted = alreadyDeleted(command, attempt.output, state.earlier);
    if (deleted) skipAfterRun(result, deleted);
  }
  if (warnings.length) result.warnings = warnings;
  state.earlier.push({ step, ran: prepared.script, status: result.status });
  return result;
}
