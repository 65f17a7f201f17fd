/** The last stages of a command step: its verdict, and why the verdict is what it is. */
import type { CommandStep } from '../../plan/types.js';
import { readerFileReason } from '../../plan/reader-files.js';
import { isStateChange, isStateValue, transientCue } from '../../match/transient-cues.js';
import { observe } from '../bind.js';
import { placeholderFile, readerFile, readerFileObjects } from '../reader-files.js';
import { readContainerLog } from '../container-log.js';
import { alreadyDeleted } from '../conditional-cleanup.js';
import {
  createdObjects,
  createdPaths,
  dependencyReason,
  dependsOn,
  missingProgram,
  presentObjects,
  producedNames,
  rowName,
  appliesFiles,
  shownPresent,
  type PresentObjects,
  readable,
  skippedOnly,
  type SkippedProducer,
} from '../depends.js';
import { installedPrograms } from '../installs.js';
import { kubectlUsageError } from '../usage-error.js';
import { gatherDiagnostics } from '../diagnostics.js';
import { findHint, gatherFacts } from '../hints/index.js';
import type { HintContext } from '../hints/types.js';
import { cannotCheck } from '../unchecked.js';
import { gatedFeature } from '../feature-gates.js';
import { statedSetting } from '../cluster-settings.js';
import { heldPort } from '../host-ports.js';
import { listObjects } from '../look.js';
import { unmatchedSelector } from '../selector-nothing.js';
import { createdIn } from '../recreate.js';
import { absentPrerequisite } from '../absent.js';
import { setupRows } from '../setup-rows.js';
import { exitDifference, markUnchecked, shownExitDifference, skipAfterRun } from '../outcome.js';
import { excuseDifferences, type Explains } from '../excuse-differences.js';
import { internal } from '../internal.js';
import { emptyListDependency } from '../empty-list.js';
import { removedApiRequest } from '../removed-api.js';
import { absenceAfterUnchecked, uncheckedDependencyReason } from '../after-unchecked.js';
import type { LessonProgress, ShellPosition } from '../state.js';
import type { StepResult } from '../types.js';
import type { ReadyStep, Attempted } from './types.js';
import { match } from './compare.js';
import { leftMissing, objectsOf } from './prepare.js';
import { seconds } from './execute.js';

/** kubectl's answer to a list with nothing in it. */
const EMPTY_LIST = /^No resources found\b/m;

/** kubectl's words for a named object that is not there (`pods "command-demo" not found`): the name. */
const NOT_FOUND = /\b[a-z][\w.]* "([a-z0-9][a-z0-9.-]*)" not found\b/;

/** The doc line of the expected output's header (its first line), which no row difference is at; -1 when unknown. */
function step0(expected: string | undefined, d: { line: number; expected?: string }): number {
  const header = expected?.split('\n').find((l) => l.trim());
  return header !== undefined && d.expected?.trim() === header.trim() ? d.line : -1;
}

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
  changes = false,
  present?: PresentObjects,
  ofPage: (name: string) => boolean = () => true,
): { all?: SkippedProducer; dropped: string[] } {
  // A step that itself changes an object a skipped step would only have changed (`kubectl set
  // image ds/x` after a skipped `kubectl edit ds/x`) does what it does either way: that change
  // excuses nothing of it.
  // A step that failed is not excused by it here: what it left missing is looked for on disk before a step runs (prepare.ts).
  // Objects there all the same (made by steps that ran, or shown by this step's own output) are not
  // missing: a difference naming one is not explained by the skipped step that would also have made it.
  producers = skippedOnly(producers, present);
  if (changes) producers = producers.map((p) => (p.changed?.size ? { ...p, changed: new Set<string>() } : p));
  // A step that passed is not excused by a skipped change to an object it reads (`kubectl patch
  // deploy web` after a skipped `kubectl edit deploy web`): the object was there, and the step did
  // what the doc shows. Only what was never made excuses a pass.
  const reads = dependsOn(command, readable(command, producers, result.status !== 'pass'));
  if (reads) return { all: reads, dropped: [] };
  if (result.status !== 'fail') return { dropped: [] };
  const events = result.diagnostics?.events ?? '';
  const expectedRows = expected
    ?.split('\n')
    .slice(1)
    .filter((l) => l.trim());
  // The server refusing the step's own request (Forbidden, Invalid) judged what the step sent, not
  // something a skipped step would have made, even when it names the same object.
  const failure = `${output}\n${events}`
    .split('\n')
    .filter((l) => !/\bis (?:forbidden|invalid)\b/.test(l))
    .join('\n');
  // The program the step runs is one a skipped install would have provided: all it shows follows from that.
  const program = missingProgram(command, output, producers);
  if (program) return { all: program, dropped: [] };
  // Nothing printed (but kubectl exec's word for the exit status) where every line the doc shows
  // names what a skipped step would have made (`env | grep RABBIT` and the skipped Service's variable).
  const printed = output.split('\n').filter((l) => l.trim() && !/^command terminated with exit code \d+$/.test(l.trim()));
  const shown = (expected ?? '').split('\n').filter((l) => l.trim());
  const silent = printed.length === 0 ? dependsOnEvery(shown, producers) : undefined;
  if (silent) return { all: silent, dropped: [] };
  // A skipped step whose objects are not known (a file neither shown nor available) may have made
  // a listed row that names no object of the page: such a missing row is its.
  const unknown = [...producers].reverse().find((p) => p.unknownObjects);
  const unknownRow = (text: string | undefined): SkippedProducer | undefined => {
    const name = unknown && text ? rowName(text) : undefined;
    return name && !ofPage(name) && !present?.has(name) ? unknown : undefined;
  };
  // An object no step of the page makes was not found: it may be one of the unknown step's, and
  // what the step shows of it cannot be judged.
  const notFound = NOT_FOUND.exec(failure)?.[1];
  if (notFound && unknownRow(notFound)) return { all: unknown!, dropped: [] };
  const explainedBy = result.differences.map((d) =>
    d.kind === 'exit-status'
      ? dependsOn(failure, producers)
      : (dependsOn([d.message, d.expected ?? '', d.actual ?? ''].join('\n'), producers) ??
        // An empty list where the doc shows objects only skipped steps would have made: the
        // missing header and rows are all explained by them.
        (EMPTY_LIST.test(output) && expectedRows ? dependsOnEvery(expectedRows, producers) : undefined) ??
        (d.kind === 'missing-line' && d.line !== step0(expected, d) ? unknownRow(d.expected) : undefined)),
  );
  // The header and kubectl's `No resources found` of an empty list follow when every missing row is the unknown step's.
  const rows = result.differences.filter((d) => d.kind === 'missing-line' && d.line !== step0(expected, d));
  if (unknown && rows.length && EMPTY_LIST.test(output) && rows.every((d) => unknownRow(d.expected))) {
    result.differences.forEach((d, i) => {
      if (!explainedBy[i] && (d.kind === 'missing-line' || (d.kind === 'extra-line' && EMPTY_LIST.test(d.actual ?? d.message)))) explainedBy[i] = unknown;
    });
  }
  // Differences that do not fail a step (stale columns, the environment's values) need no excuse:
  // the step depends on the skipped one when each failing difference is explained by it.
  const failing = result.differences.map((d) => d.stale !== true && d.environment !== true);
  // An exit status that follows from the missing lines (`env | grep RABBIT` finding nothing exits
  // 1) is explained by what explains all of them; not when the step printed why it failed (the
  // server refusing its own request).
  const lines = result.differences.map((d, i) => (d.kind !== 'exit-status' && failing[i] ? explainedBy[i] : null)).filter((p) => p !== null);
  if (printed.length === 0 && lines.length && lines.every(Boolean))
    result.differences.forEach((d, i) => {
      if (d.kind === 'exit-status' && !explainedBy[i]) explainedBy[i] = lines[0];
    });
  const explainedFailing = explainedBy.filter((p, i) => failing[i]);
  if (failing.some(Boolean) && explainedFailing.every(Boolean)) return { all: explainedFailing[0]!, dropped: [] };
  const dropped: string[] = [];
  const kept = result.differences.filter((d, i) => {
    const p = explainedBy[i];
    if (p) {
      dropped.push(`line ${d.line}: ${d.message} — excused: depends on line ${p.line}, which was skipped`);
      (result.excused ??= []).push({ ...d, excuse: `depends on line ${p.line}, which was skipped` });
    }
    return !p;
  });
  result.differences = kept;
  return { dropped };
}

/** The verdict of a step that ran: its output (or its container's log) compared with the doc's, and its exit status. */
export async function judgeStep(
  state: LessonProgress & Pick<ShellPosition, 'podShell'>,
  step: CommandStep,
  ready: ReadyStep,
  attempted: Attempted,
  started: number,
): Promise<void> {
  const { command, prepared, warnings } = ready;
  const { result, attempt } = attempted;
  let matched = attempted.matched;
  const log = step.expected?.log;
  if (!attempt.error && attempt.exitCode === 0) state.created.push(...createdIn(attempt.output, step));
  result.actual = attempt.output;
  if (log?.target && !attempt.error && exitDifference(step, attempt.exitCode, state.matcher) === null) {
    const read = await readContainerLog(
      state,
      log,
      (out, logs) => match(state, step, out, logs),
      (script) => internal(state, script),
    );
    matched = read.matched;
    result.actual = read.output;
    warnings.push(
      `the doc shows what container ${log.container ?? ''} of ${log.target} prints: compared with \`${read.command}\`; the command itself printed ${JSON.stringify(attempt.output.trim())}`,
    );
  }
  result.exitCode = attempt.exitCode;
  state.ran.push({ line: step.line, ran: prepared.script, output: attempt.output, ok: attempt.exitCode === 0 });
  state.outputs.set(step.id, attempt.output);
  result.durationMs = Date.now() - started;
  if (attempt.error) {
    result.status = 'error';
    result.error = attempt.error;
  } else {
    const exit = shownExitDifference(step, attempt.exitCode, state.matcher, prepared.readerShell !== undefined);
    result.differences = [...(matched?.differences ?? []), ...(exit ? [exit] : [])];
    if (matched?.diff && !matched.ok) result.diff = matched.diff;
    result.status = (matched ? matched.ok : true) && !exit ? 'pass' : 'fail';
    if (matched) {
      result.bindings = matched.bindings;
      if (matched.ok) state.bindings.push(...matched.bindings.map((b) => ({ ...b, line: step.expected!.position.line })));
    }
    observe(command, attempt.output, state.observations);
    // A shell is open only when the command that opens it ran (a doc that shows it failing passes, and opens nothing).
    // kubectl's own session lines shown in other words (session-messages.ts) fail the step, but the session opened.
    const sessionLinesOnly = prepared.ignoreOutput === true && result.differences.every((d) => d.kind !== 'exit-status');
    if (prepared.opensPodShell && (result.status === 'pass' || sessionLinesOnly) && result.exitCode === 0) state.podShell = prepared.opensPodShell;
  }
  if (log?.unknown && result.status === 'pass') markUnchecked(result, `the doc shows what a container prints, but ${log.unknown}`);
}

/**
 * Why a verdict is what it is: a failure that is not the doc's (a state passed through, what the
 * backend cannot model, an object or file the page never makes) becomes unchecked; a failure's
 * cause is looked for; a step that reads what a skipped step would have made is excused.
 */
export async function explainStep(
  state: LessonProgress & Pick<ShellPosition, 'shellRestartedAt'>,
  step: CommandStep,
  ready: ReadyStep,
  attempted: Attempted,
): Promise<void> {
  const { command, prepared, onLocalHost, warnings } = ready;
  const { result, attempt } = attempted;
  // Each excuse below applies to the differences it explains; true when it left the step unchecked.
  const excuseBy = (reason: string, explains?: Explains): boolean => excuseDifferences(result, reason, explains);
  if (state.shellRestartedAt !== null && state.shellRestartedAt !== step.line && result.status !== 'pass') {
    warnings.push(`the shell was restarted after line ${state.shellRestartedAt}; state from before it is lost`);
  }
  // kubectl refused the command line itself (an unknown flag, `exec POD COMMAND` without `--`):
  // the page's defect whatever the cluster's state, so no excuse below applies to it.
  const usage = result.status === 'fail' ? kubectlUsageError(command, attempt.output) : undefined;
  if (usage) {
    // A lint finding that names the flag's replacement says more than kubectl's refusal.
    const removed = findHint(hintInput(state, step, attempt, null));
    result.hint =
      removed?.id === 'removed-flag'
        ? removed
        : {
            id: 'kubectl-usage-error',
            message: `kubectl refused the command line before reaching any cluster: ${usage.message} (\`${usage.line}\`)`,
            fix: 'write the command as kubectl 1.32 accepts it',
          };
    publishFailure(state, step, command, result);
    return;
  }
  // A selector that matches none of the page's objects is the page's defect whatever the cluster's
  // state: decided before anything below could excuse the step.
  if (result.status === 'pass' || result.status === 'fail') {
    const unmatched = await unmatchedSelector(command, attempt.output, objectsOf(state), state.manifests, (kind, ns) => listObjects(state, [kind], ns));
    if (unmatched) {
      result.status = 'fail';
      result.differences = [
        ...result.differences,
        {
          kind: 'wrong-value',
          message: unmatched.message,
          line: step.line,
          column: 1,
          expected: `${unmatched.kind}s selected by ${unmatched.selector}`,
          actual: 'No resources found',
        },
      ];
      result.hint = { id: 'selector-matches-nothing', message: unmatched.message, fix: unmatched.fix };
      publishFailure(state, step, command, result);
      return;
    }
  }
  // A raw API request to a group/version Kubernetes removed answers `404 page not found` with exit
  // status 0: the page's defect whatever the cluster's state, decided before anything could excuse it.
  if (result.status === 'pass' || result.status === 'fail') {
    const removed = removedApiRequest(command, attempt.output);
    if (removed) {
      result.status = 'fail';
      result.differences = [
        ...result.differences,
        { kind: 'wrong-value', message: removed, line: step.line, column: 1, expected: 'a response of the API server', actual: '404 page not found' },
      ];
      result.hint = { id: 'removed-api-version', message: removed, fix: 'send the request to the group/version that serves the resource now' };
      publishFailure(state, step, command, result);
      return;
    }
  }
  // The doc presents its output as a state the object only passes through ("If the Deployment is
  // still being created"): read after the object moved on, only the state's values differ.
  if (result.status === 'fail' && transientCue(step.expected?.cue)) {
    const clause = step.expected!.cue!.split(/[,:;]/)[0]!.trim();
    excuseBy(`the doc shows a state the object only passes through ("${clause}"); it had moved past it when the step ran`, isStateValue);
  }
  // The page shows this command's output again later ("A little later, the same command may
  // show:"): the values that later block shows again were a state the object passed through; the
  // later step compares them. Any other difference still fails.
  if (result.status === 'fail' && step.laterSnapshot && step.expected) {
    const { line, keys } = step.laterSnapshot;
    const shown = step.expected.text.split('\n');
    const first = step.expected.position.line;
    const keyAt = (d: { line: number }): string | undefined => /^\s*([A-Za-z][\w .()/-]*?):(?:\s|$)/.exec(shown[d.line - first] ?? '')?.[1]?.trim();
    excuseBy(`the doc shows this output again at a later time (line ${line}); this earlier one shows a state passed through`, (d) => {
      const key = keyAt(d);
      return isStateValue(d) || (d.kind === 'wrong-value' && key !== undefined && keys.includes(key));
    });
  }
  // A change the page narrates but no step makes ("The autoscaler increments … to 15"): the state
  // values and the rows it would have made cannot be seen here; a column the doc shows that the
  // table does not have, or another value, still fails.
  if (result.status === 'fail' && step.narrated) {
    excuseBy(`shows the state after a change the page narrates but no step makes: "${step.narrated.text}" (line ${step.narrated.line})`, isStateChange);
  }
  // An endless loop of the reader's shell printed, within its bound, only the first of the lines
  // the doc shows (the author let it run longer): the rest cannot be seen here, and is not a defect.
  if (result.status === 'fail' && attempt.boundReached && prepared.bounded?.endless) {
    excuseBy(
      `the doc shows more of this endless loop's output than it printed in the ${seconds(prepared.bounded.ms)} it may run here; what it printed agrees with the doc's first lines`,
      (d) => d.kind === 'missing-line',
    );
  }
  // What this backend or machine cannot give (an API it does not serve, a cloud, the internet) is
  // not the doc's defect: such a step is unchecked, decided before any cluster facts are gathered.
  if (result.status === 'fail') {
    const cannot = cannotCheck(
      { command: prepared.script, output: attempt.output, expected: step.expected?.text ?? null, onHost: onLocalHost, onNode: prepared.onNode !== undefined },
      state.session,
    );
    if (cannot && excuseBy(cannot.reason)) {
      const port = cannot.rule === 'host-port-held' ? heldPort(attempt.output) : undefined;
      if (port !== undefined) (state.heldPorts ??= new Map()).set(port, step.line);
      state.skippedProducers.push({
        line: step.line,
        reason: cannot.reason,
        names: cannot.rule === 'offline' ? producedNames(command) : new Set<string>(),
        programs: installedPrograms(command, state.session.packagePrograms),
      });
    }
  }
  // A page that needs a feature gate on, or states a cluster setting, describes a cluster the
  // backend's is not: what follows from it cannot be checked here (a lookup in their tables).
  if (result.status === 'fail') {
    const failing = result.differences.filter((d) => d.stale !== true && d.environment !== true).map((d) => d.path ?? '');
    const outcome = { command: prepared.script, output: attempt.output, expected: step.expected?.text ?? null };
    const reason =
      gatedFeature(
        outcome,
        (state.plan.featureGates ?? []).map((g) => g.name),
        failing,
      ) ?? statedSetting(outcome, state.plan.settings, state.session.capabilities);
    // Not a skipped producer: the step ran, and what it made exists for the steps after it.
    if (reason) markUnchecked(result, reason);
  }
  // Objects the page works on but never creates (an earlier page's, a prerequisite's) are not its defect here.
  if (result.status === 'fail') {
    const absent = absentPrerequisite(command, attempt.output, step.expected?.text ?? null, objectsOf(state));
    if (absent && excuseBy(absent.reason)) {
      state.skippedProducers.push({ line: step.line, reason: absent.reason, names: new Set([...producedNames(command), ...absent.names]) });
    }
  }
  // Nothing found after a step that could not be checked and could have made it: the absence says nothing of the page.
  if (result.status === 'fail' || (result.status === 'pass' && !step.expected?.text.trim())) {
    const after = absenceAfterUnchecked(
      step,
      attempt.output,
      state.skippedProducers,
      state.ran.filter((r) => r.line < step.line),
    );
    if (after) {
      markUnchecked(result, uncheckedDependencyReason(after));
      state.skippedProducers.push({ line: step.line, reason: after.reason, ...leftMissing(step, command), unchecked: true });
    }
  }
  if (result.status === 'fail' && onLocalHost) {
    const shown = state.manifests.flatMap((m) => [m.file, m.examplePath].filter((f): f is string => !!f));
    const ran = state.earlier.map((e) => e.ran);
    // A path the page writes as `path/to/…` is the reader's own file, named as a placeholder.
    const filled = placeholderFile(command, attempt.output, ran);
    const file = filled ?? readerFile(command, attempt.output, ran, shown);
    const reason = filled
      ? `${filled} is a path for the reader to fill in with a file of their own; no step of the page makes it`
      : file
        ? readerFileReason(file)
        : undefined;
    if (file && reason && excuseBy(reason)) {
      const objects = readerFileObjects(
        command,
        createdObjects(step.expected?.text ?? ''),
        state.manifests,
        state.earlier.map((e) => e.ran),
      );
      // The reader's file or folder itself is missing for later steps too (`-f dir` then `-f dir --recursive`).
      state.skippedProducers.push({
        line: step.line,
        reason,
        names: new Set([...producedNames(command), file]),
        objects,
        unknownObjects: !objects.size && appliesFiles(command),
      });
    }
  }
  if (result.status === 'fail') {
    const facts = state.options.gatherFacts ? await gatherFacts(state.env, state.session.namespace, state.sandbox.private) : null;
    const hint = findHint(hintInput(state, step, attempt, facts));
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
      step.class === 'mutating',
      new Set([...presentObjects(state.ran.filter((r) => r.line !== step.line)), ...shownPresent(attempt.output)]),
      (name) => namesPageObject(name, objectsOf(state)),
    );
    if (excused.all) {
      skipAfterRun(result, dependencyReason(excused.all));
      state.skippedProducers.push({ line: step.line, reason: excused.all.reason, ...leftMissing(step, command) });
    } else if (excused.dropped.length) {
      warnings.push(...excused.dropped);
    }
  }
  // Left failing by what the steps before explain: a listing's rows naming objects the page never creates are the author's cluster
  // (made by a setup the page does not include).
  if (result.status === 'fail') {
    const rows = setupRows(command, result.differences, objectsOf(state));
    if (rows) excuseBy(rows.reason, rows.explains);
  }
  // An empty list where the doc shows none, after the step that would have filled it did not: nothing was compared.
  if (result.status === 'pass') {
    const earlier = state.earlier.map((e) => ({ line: e.step.line, ran: e.ran, status: e.status, output: state.outputs.get(e.step.id) ?? '' }));
    const empty = emptyListDependency(step, attempt.output, state.skippedProducers, earlier);
    if (empty) skipAfterRun(result, empty);
  }
  if (result.status === 'fail') {
    const deleted = alreadyDeleted(command, attempt.output, state.earlier);
    if (deleted) skipAfterRun(result, deleted);
  }
  publishFailure(state, step, command, result);
}

/** True when a name is one of the page's objects or one its controllers name after it (`web-7d4b9c-x2x5q`). */
function namesPageObject(name: string, objects: ReturnType<typeof objectsOf>): boolean {
  const names = new Set([...objects.byKind.values(), ...objects.shown.values()].flatMap((m) => [...m.keys()]));
  return !!dependsOn(name, [{ line: 0, reason: '', names: new Set<string>(), objects: names }]);
}

/**
 * A step that failed (and exited non-zero) did not make the files and folders it names: a later
 * step that uses one of them and finds it missing is linked to this failure (one defect, one fail).
 */
/** What the hint rules read of a failed step. */
function hintInput(state: LessonProgress, step: CommandStep, attempt: Attempted['attempt'], facts: HintContext['facts']): HintContext {
  return {
    step,
    output: attempt.output,
    exitCode: attempt.exitCode,
    expected: step.expected?.text ?? null,
    earlier: state.earlier,
    manifests: state.manifests,
    lintFindings: state.options.lintFindings,
    facts,
  };
}

function publishFailure(state: LessonProgress, step: CommandStep, command: string, result: StepResult): void {
  if (result.status !== 'fail' || !result.exitCode) return;
  const names = createdPaths(command);
  if (names.size) state.skippedProducers.push({ line: step.line, reason: `line ${step.line} failed`, names, failed: true });
}
