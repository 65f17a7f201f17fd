/** The first stage of a command step: what it is run as, or why it is not run. */
import type { CommandStep, Step } from '../../plan/types.js';
import type { PodShell } from '../rewrite/types.js';
import { placeholderVars, resolvePlaceholders } from '../bind.js';
import { readerValue } from '../reader-value.js';
import { bindReaderChoice } from '../reader-choice.js';
import { heldPortReason, reachesHostPort } from '../host-ports.js';
import { waitCannotEnd } from '../unchecked.js';
import { templateManifestRead, recordFetchedTemplates, templateManifestReason } from '../manifest-placeholders.js';
import { neededTemplateVars, templateReason } from '../template-vars.js';
import {
  changedNames,
  consumersOf,
  createdObjects,
  dependencyReason,
  editedConfig,
  newObjects,
  newObjectKinds,
  appliesFiles,
  presentObjects,
  stillMissing,
  dependsOn,
  isPathLike,
  producedNames,
  readable,
  serviceDerivedNames,
  skippedOnly,
  withoutMadeBy,
  type SkippedProducer,
} from '../depends.js';
import { installedPrograms } from '../installs.js';
import { copyLinkedFiles, filesReadBy, planLinkedFiles } from '../linked-files.js';
import { changedBefore, type DoneBefore, type EarlierRun } from '../recreate.js';
import { exitStatusNotReproduced, withExitStatus } from '../exit-status-reader.js';
import { pageObjects, type PageObjects } from '../absent.js';
import { commandNamespace, generatedNamesOf, pickGenerated, resourceOf, type LivePod } from '../generated-names.js';
import { pause } from '../pace.js';
import { stepTimeout } from '../options.js';
import { baseResult, exitDifference, skipped, unchecked } from '../outcome.js';
import { exampleFolderUrls, folderUrlNote, kubectlUrlError, type FolderUrl } from '../example-folder-url.js';
import { missingExamples, prepareCommand, unfetchedSiteUrls } from '../rewrite/index.js';
import { firstKubectlCall, hasFlag, parseCommandLine, shQuote, shQuoteExpanding } from '../../shell/index.js';
import { attachedProcess, attachTarget, type AttachTarget } from '../attach.js';
import { internal } from '../internal.js';
import { PROBE_ACCEPTED } from '../interactive-arguments.js';
import { foundOnPath, lookUpScript, notInstalledReason, programsToLookUp, type LookupView } from '../reader-tools.js';
import { listObjects, missingPaths, shellValues } from '../look.js';
import type { LessonContext, LessonProgress, LessonRecord, ShellPosition } from '../state.js';
import type { Rewrite, StepResult } from '../types.js';
import type { ReadyStep, Run } from './types.js';
import { match } from './compare.js';
import { listsNodeContainers } from '../../plan/node-container.js';

/** Why a `docker ps` of a local cluster's node containers is not checked. */
const NODE_CONTAINER_LISTING =
  "lists the Docker containers kind (or minikube) runs as the page's cluster nodes on the reader's machine; this backend's nodes are no such containers (the simulator has no Docker), so what it lists cannot be checked";

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
export function leftMissing(step: CommandStep, command: string): Pick<SkippedProducer, 'names' | 'objects' | 'kinds'> {
  const shown = step.expected?.text ?? '';
  return {
    names: new Set([...producedNames(command), ...shownAddresses(shown), ...serviceDerivedNames(shown)]),
    objects: newObjects(shown),
    kinds: newObjectKinds(shown),
  };
}

const pageObjectsCache = new WeakMap<LessonContext['plan'], PageObjects>();

/** What the lesson's page creates (read once per lesson). */
export function objectsOf(state: LessonContext): PageObjects {
  let objects = pageObjectsCache.get(state.plan);
  if (!objects) {
    objects = pageObjects(state.plan.steps, state.manifests, state.examples);
    pageObjectsCache.set(state.plan, objects);
  }
  return objects;
}

/** How long the cluster may take to make the objects a generated name stands for, looked at every `stepMs`. */
const GENERATED_WAIT = { stepMs: 500, maxMs: 5000 } as const;

/**
 * Names of the author's cluster that a command uses (`kubectl delete pod web-7768647bf9-b4b9s`, a
 * pod of the page's Deployment `web`; `--selector=job-name=hello-4111706356`, a Job of its CronJob
 * `hello`; a name a listing of the page showed): the reader uses their own objects of that owner,
 * so this run uses its objects (not ones already terminating) and binds the doc's names to them for
 * the later steps. A name no object of its owner stands for is left as it is.
 */
async function bindGeneratedNames(state: LessonProgress, command: string, line: number): Promise<{ command: string; rewrites: Rewrite[] } | null> {
  const objects = objectsOf(state);
  const found = generatedNamesOf(command, objects.byKind).filter((g) => !state.bindings.some((b) => b.doc === g.name));
  if (found.length === 0) return null;
  const ns = commandNamespace(command);
  const taken = new Set(state.bindings.filter((b) => b.kind === 'pod-name').map((b) => b.actual));
  const live = new Map<string, LivePod[]>();
  // An owner the page just made may not have its objects yet (a Job's pod a moment after the
  // create): the reader's next command comes a little later, so the cluster gets that moment.
  for (let waited = 0; ; waited += GENERATED_WAIT.stepMs) {
    for (const resource of new Set(found.map((g) => resourceOf(g.kind))))
      live.set(
        resource,
        (await listObjects(state, [resource], ns))
          .map((o) => o.metadata ?? {})
          .filter((m): m is typeof m & { name: string } => !!m.name)
          .map((m) => ({ name: m.name, terminating: !!m.deletionTimestamp })),
      );
    const unbound = found.some((g) => pickGenerated(g, live.get(resourceOf(g.kind)) ?? [], taken) === undefined);
    if (!unbound || waited >= GENERATED_WAIT.maxMs) break;
    await pause(state, GENERATED_WAIT.stepMs);
  }
  const rewrites: Rewrite[] = [];
  let out = command;
  const chosen = new Map<string, string | undefined>();
  for (const g of found) {
    if (chosen.has(g.name)) continue;
    const actual = pickGenerated(g, live.get(resourceOf(g.kind)) ?? [], taken);
    chosen.set(g.name, actual === g.name ? undefined : actual);
    if (!actual || actual === g.name) continue;
    taken.add(actual);
    state.bindings.push({ doc: g.name, actual, kind: 'pod-name', line });
    const what = g.kind ?? 'pod';
    rewrites.push({
      kind: 'binding',
      from: g.name,
      to: actual,
      reason: `the doc names a ${what} of its ${g.owner} from the author's cluster; this run's ${what} of ${g.owner}`,
    });
  }
  // From the end, so the earlier names' positions stay right.
  for (const g of [...found].reverse()) {
    const actual = chosen.get(g.name);
    if (actual) out = out.slice(0, g.index) + actual + out.slice(g.index + g.name.length);
  }
  return rewrites.length ? { command: out, rewrites } : null;
}

/**
 * The command with the values its shell variables hold now, and a `for x in LIST` loop's variable
 * as the list's first word, so the addresses it would reach can be looked at before it runs
 * (`for node in $NODES; do curl $node:$NODEPORT; done`). Only for looking at, never run.
 */
async function withValues(state: LessonContext, command: string): Promise<string> {
  const names = [...new Set([...command.matchAll(/\$\{?([A-Za-z_]\w*)\}?/g)].map((m) => m[1]!))];
  if (names.length === 0) return command;
  const values = new Map<string, string>();
  for (const [name, value] of await shellValues(state, names)) {
    if (value !== '') values.set(name, value.replace(/\s+/g, ' ').trim());
  }
  const expand = (text: string): string => text.replace(/\$\{?([A-Za-z_]\w*)\}?/g, (all, name: string) => values.get(name) ?? all);
  let text = expand(command);
  for (const loop of parseCommandLine(text).loops) {
    const first = loop.items?.[0]?.value;
    if (loop.variable !== undefined && first && !values.has(loop.variable)) values.set(loop.variable, first);
  }
  text = expand(text);
  return text;
}

/** kubectl verbs that change an existing object. */
const CHANGES = /^(?:set|patch|apply|replace|scale|label|annotate|edit|autoscale|rollout)$/;

/** True when an earlier step that ran changed every object a kubectl `edit`/change step names. */
function doneAnotherWay(state: LessonRecord, command: string): boolean {
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
function earlierRuns(state: LessonRecord): EarlierRun[] {
  return state.earlier.map((e) => ({
    step: e.step,
    ok: state.ran.some((r) => r.line === e.step.line && r.ok),
    output: state.outputs.get(e.step.id) ?? '',
  }));
}

/**
 * An example file or address the lesson cannot read: the step is unchecked, and what it would have
 * made is recorded so that a later step finding nothing of it depends on this one.
 */
function uncheckedProducer(state: LessonProgress, step: CommandStep, command: string, reason: string, rewrites: Rewrite[], warnings: string[]): StepResult {
  const objects = createdObjects(step.expected?.text ?? '');
  state.skippedProducers.push({
    line: step.line,
    reason,
    names: producedNames(command),
    objects,
    unknownObjects: !objects.size && appliesFiles(command),
    unchecked: true,
  });
  return unchecked(step, reason, rewrites, warnings);
}

/** True when kubectl, asked with the probe command, refuses it (exits with a status a connected session does not give). */
async function refusedBy(state: LessonContext, probe: string): Promise<boolean> {
  const out = await internal(state, `${probe} >/dev/null 2>&1; echo "__kdt_rc=$?"`);
  const rc = Number(/__kdt_rc=(\d+)/.exec(out)?.[1] ?? 0);
  return !PROBE_ACCEPTED.has(rc);
}

/**
 * A change the page offers as another way to do what an earlier step of its section did: not run.
 * The output the page shows after both ways is the earlier way's when that one showed none.
 */
function doneAnotherWayResult(
  state: LessonProgress,
  step: CommandStep,
  command: string,
  done: DoneBefore,
  rewrites: Rewrite[],
  warnings: string[],
): StepResult {
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

/** The verdict of a step that applies a folder of the examples by URL: kubectl's error for it, compared with the doc. */
function folderUrlResult(state: LessonProgress, step: CommandStep, command: string, f: FolderUrl, rewrites: Rewrite[], warnings: string[]): StepResult {
  const answer = kubectlUrlError(f);
  const result = baseResult(step);
  // With no output shown, only the exit status is compared.
  const m = step.expected ? match(state, step, answer.output, command) : { ok: true, differences: [], diff: undefined };
  const exit = exitDifference(step, answer.exitCode, state.matcher);
  result.rewrites = rewrites;
  result.actual = answer.output;
  result.exitCode = answer.exitCode;
  result.differences = [...m.differences, ...(exit ? [exit] : [])];
  if (m.diff && !m.ok) result.diff = m.diff;
  result.status = m.ok && !exit ? 'pass' : 'fail';
  result.warnings = [...warnings, folderUrlNote(f)];
  if (result.status === 'fail') {
    const files = f.files.length ? f.files.map((file) => `-f ${f.url.replace(/\/*$/, '/')}${file.slice(f.folder.length + 1)}`).join(' ') : '';
    result.hint = {
      id: 'example-folder-url',
      message: `kubectl reads a URL as one file; ${f.url} is a folder, which ${f.host.status === '404 Not Found' ? 'the server does not serve' : 'kubectl cannot list'}`,
      fix: files
        ? `name the folder's files (\`${files}\`) or apply a local copy of the folder`
        : 'name the files of the folder, or apply a local copy of the folder',
    };
  }
  return result;
}

async function unsetVars(state: LessonContext, names: string[]): Promise<Set<string>> {
  const set = await shellValues(state, names);
  return new Set(names.filter((n) => !set.has(n)));
}

/**
 * The workloads whose pods read a ConfigMap or Secret the skipped step would have edited (looked
 * up in the cluster as it is now): what their pods print follows the edit.
 */
async function consumersChangedBy(state: LessonContext, command: string): Promise<Set<string>> {
  const changed = new Set<string>();
  const edited = editedConfig(command);
  if (edited.length === 0) return changed;
  const ns = /(?:^|\s)(?:-n|--namespace)[=\s]+([a-z0-9-]+)/.exec(command)?.[1];
  const items = await listObjects(state, ['deployments', 'statefulsets', 'daemonsets', 'jobs', 'pods'], ns);
  for (const name of consumersOf({ items }, edited)) changed.add(name);
  return changed;
}

/**
 * The skipped step whose output this command reads and that is not there: an object it would have
 * created, or a file it would have written that does not exist where the command runs (a file
 * that is there by another way, such as an example copied in, lets the command run as usual).
 */
async function missingInput(state: LessonProgress, step: CommandStep, command: string): Promise<SkippedProducer | undefined> {
  // A read names an object a skipped step would have made (`deployment.apps/mongo created`), by
  // name or through its pods: run, it would be skipped after its attempts whatever it printed
  // (judge.ts), so it is skipped before them. A change is still run: what it does stays done.
  // What steps that ran made is there, whatever a skipped step would also have made.
  const present = presentObjects(state.ran);
  if (step.class === 'read-only') {
    const reads = dependsOn(command, readable(command, skippedOnly(state.skippedProducers, present)));
    if (reads) return reads;
  }
  const named: { producer: SkippedProducer; name: string }[] = [];
  for (const producer of withoutMadeBy(command, stillMissing(state.skippedProducers, present))) {
    for (const name of producer.names) {
      // A folder the missing file would be in (`--from-file=configmap/`): reading the folder reads the file.
      if (dependsOn(command, [{ ...producer, names: new Set([name]) }]) || namesFolderOf(command, name)) named.push({ producer, name });
    }
  }
  if (named.length === 0) return undefined;
  // What a failed step names is looked for, whatever it looks like (`git clone …` makes `kubernetes/`).
  const object = named.find((n) => !isPathLike(n.name) && !n.producer.failed);
  if (object) return object.producer;
  const files = [...new Set(named.map((n) => n.name))];
  // An empty file is as good as none: a download that failed leaves one (`wget -O f` creates f first).
  const { missing } = await missingPaths(state, files, 'nonEmpty');
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
async function provideLinkedFiles(state: LessonContext, step: CommandStep, command: string): Promise<{ skip: string } | { rewrites: Rewrite[] }> {
  const needs = filesReadBy(command);
  if (needs.length === 0) return { rewrites: [] };
  const { cwd, missing } = await missingPaths(state, needs, 'exists');
  const linked = planLinkedFiles([...missing], state.plan.links ?? [], step.line, state.options.filesDir);
  if (linked.action === 'skip') return { skip: linked.reason };
  if (linked.action === 'none' || !cwd) return { rewrites: [] };
  return {
    rewrites: copyLinkedFiles(linked.copies, cwd, state.options.filesDir!, {
      home: state.sandbox.home,
      ...(state.sandbox.owner ? { owner: state.sandbox.owner } : {}),
    }).map((r) => ({ kind: 'file' as const, ...r })),
  };
}

/**
 * Before a step runs: it may be skipped or unchecked without running (a template, a reader's value,
 * inputs a skipped step would have made, another way to do what was done, a line for another
 * machine), and its command gets the run's values (bindings, placeholders, pod names) and the
 * rewrites that make it run here.
 */
export async function prepareStep(state: LessonProgress & ShellPosition, step: CommandStep, index: number): Promise<StepResult | ReadyStep> {
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

  if (state.inPod && step.host.kind !== 'pod' && state.podShell?.removeAfter && !shownShellUsedLater(state.podShell, state.plan.steps, index)) {
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
  const generated = await bindGeneratedNames(state, command, step.line);
  if (generated) {
    rewrites.push(...generated.rewrites);
    command = generated.command;
  }
  const vars = placeholderVars(command);
  const filled = resolvePlaceholders(
    command,
    state.observations,
    await unsetVars(state, vars),
    [step.section, step.placeholderProse].filter(Boolean).join('\n'),
  );
  if ('unresolved' in filled) {
    state.skippedProducers.push({ line: step.line, reason: filled.unresolved, ...leftMissing(step, command) });
    return skipped(step, filled.unresolved, rewrites, warnings);
  }
  rewrites.push(...filled.rewrites);
  command = filled.command;
  // A manifest it creates or applies holds a placeholder the reader fills in: a template too.
  // A file fetched from the examples is that example: a template when the example is one.
  recordFetchedTemplates(state.templateManifests, step.command, step.line);
  const template = templateManifestRead(command, state.templateManifests);
  if (template) {
    const reason = templateManifestReason(template);
    // What it would have made is missing; the manifest file itself is there.
    const missing = leftMissing(step, command);
    for (const name of [...missing.names])
      if (name.replace(/^(\.\/)+/, '') === template.file || name === template.file.split('/').pop()) missing.names.delete(name);
    // What it would have made: the objects of the template, which later steps read by name.
    if (template.objects?.length) missing.objects = new Set([...(missing.objects ?? []), ...template.objects]);
    // Of the kinds its text names: an empty listing of another kind does not depend on it.
    if (template.kinds && !missing.kinds?.size) missing.kinds = template.kinds;
    state.skippedProducers.push({ line: step.line, reason, ...missing });
    return skipped(step, reason, rewrites, warnings);
  }
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
  const needs = await missingInput(state, step, command);
  if (needs) {
    state.skippedProducers.push({ line: step.line, reason: needs.failed ? dependencyReason(needs) : needs.reason, ...leftMissing(step, command) });
    return skipped(step, dependencyReason(needs), rewrites, warnings);
  }
  for (const [port, line] of step.host.kind === 'local' ? (state.heldPorts ?? []) : []) {
    if (reachesHostPort(command, port)) return skipped(step, `depends on line ${line}: ${heldPortReason(port)}`, rewrites, warnings);
  }
  const choice = bindReaderChoice(step, command, state.plan.steps, state.outputs);
  if (choice && 'skip' in choice) return skipped(step, choice.skip, rewrites, warnings);
  if (choice) {
    rewrites.push(choice.rewrite);
    command = choice.command;
  }
  const readers = readerValue(command);
  if (readers) return skipped(step, readers, rewrites, warnings);
  const endless = waitCannotEnd(command, state.session);
  if (endless) return unchecked(step, endless, rewrites, warnings);
  // `docker ps` showing a local cluster's node containers lists the reader's container runtime.
  if (step.host.kind === 'local') {
    const earlier = state.plan.steps.slice(0, index).flatMap((s) => (s.kind === 'command' ? [s.command] : []));
    if (listsNodeContainers(command, step.expected?.text ?? null, earlier)) return unchecked(step, NODE_CONTAINER_LISTING, rewrites, warnings);
  }

  const done = changedBefore(step, command, earlierRuns(state));
  if (done) return doneAnotherWayResult(state, step, command, done, rewrites, warnings);

  // `kubectl attach -it`: a shell only when the container's main process is one (the pod's spec says).
  const attach = step.host.kind === 'local' ? attachTarget(command) : undefined;
  if (attach) {
    const session = await attachSession(state, step, command, attach);
    if (session && 'skip' in session) return skipped(step, session.skip, rewrites, warnings);
    if (session) return { command, prepared: session, onLocalHost: true, rewrites: [...rewrites, ...session.rewrites], warnings };
  }
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
  // kubectl refuses the arguments of a step that would open a session: the step is that refusal.
  const refusal = prepared.action === 'skip' && prepared.probe !== undefined && (await refusedBy(state, prepared.probe)) ? prepared.probe : undefined;
  if (refusal) {
    const why = 'kubectl refuses these arguments before any session starts; asked without a terminal, its answer is compared';
    const run = {
      action: 'run' as const,
      script: refusal,
      rewrites: [{ kind: 'interactive' as const, from: command, to: refusal, reason: why }],
      warnings: [],
    };
    return { command, prepared: run, onLocalHost: step.host.kind === 'local', rewrites: [...rewrites, ...run.rewrites], warnings };
  }
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
        programs: installedPrograms(command, state.session.packagePrograms),
      });
    }
    return skipped(step, prepared.reason, rewrites, warnings);
  }
  // A folder of the examples given by URL: kubectl fetches one document there and the host answers
  // that it has none; the step's outcome is that error, known without fetching anything.
  const byUrl = exampleFolderUrls(command, state.examples);
  if (byUrl.folders.length) {
    const f = byUrl.folders[0]!;
    if (byUrl.sources.length === 1) return folderUrlResult(state, step, command, f, rewrites, warnings);
    const reason = `kubectl cannot read the folder ${f.url} by URL (${f.host.status}); what it does with the other files of the command is not modelled`;
    return unchecked(step, reason, rewrites, warnings);
  }
  // An example file the lesson has no copy of would be fetched from the live site (another version
  // than the doc's, or nothing offline): its outcome cannot be checked, nor what reads its objects.
  const absent = missingExamples(command, state.examples);
  if (absent.length) return uncheckedProducer(state, step, command, `example file ${absent.join(', ')} not in the examples folder`, rewrites, warnings);
  // A website address of a file the page does not show (or could not read): what kubectl would
  // fetch is not the page's to judge, nor what later steps read of the objects it would make.
  const unfetched = unfetchedSiteUrls(command, state.examples);
  if (unfetched.length) {
    const reason = `${unfetched.join(', ')} cannot be fetched here; give --examples-dir with a copy of the file`;
    return uncheckedProducer(state, step, command, reason, rewrites, warnings);
  }
  if (prepared.onNode && !state.session.nodeExec) return skipped(step, 'needs a node shell; not available on this backend', rewrites, warnings);
  // A shared cluster's guard: steps outside the lesson's namespace are not run there.
  const refused = state.session.refuse?.(prepared.script);
  if (refused) return skipped(step, `refused on a shared cluster: ${refused}`, rewrites, warnings);
  // Runs on the reader's machine: not in a pod, not on a node.
  const onLocalHost = step.host.kind === 'local' && !prepared.onNode;
  const unreachable = onLocalHost && state.session.unreachable ? state.session.unreachable(await withValues(state, prepared.script)) : undefined;
  if (unreachable) return unchecked(step, unreachable, rewrites, warnings);
  // The reader's own tools (`cfssl`, a cloud CLI) that are not on this machine: running the line
  // would only show that; what it would have made is missing for later steps.
  if (onLocalHost) {
    const names = programsToLookUp(command).filter((n) => !state.foundPrograms.has(n));
    // A stat over the lesson's PATH finds most; the shell is asked only about the rest (a function
    // or alias the page defined, a program truly missing), a round trip each time.
    const view = lookupView(state);
    const onPath = view && names.length ? foundOnPath(names, view) : new Set<string>();
    const ask = names.filter((n) => !onPath.has(n));
    const missing = ask.length ? (await internal(state, lookUpScript(ask))).split('\n').filter((n) => ask.includes(n)) : [];
    for (const n of names) if (!missing.includes(n)) state.foundPrograms.add(n);
    if (missing.length) {
      const reason = notInstalledReason(missing);
      state.skippedProducers.push({ line: step.line, reason, ...leftMissing(step, command), unchecked: true });
      return unchecked(step, reason, rewrites, warnings);
    }
  }

  if (onLocalHost && state.plan.links?.length) {
    const linked = await provideLinkedFiles(state, step, command);
    if ('skip' in linked) {
      const missing = leftMissing(step, command);
      state.skippedProducers.push({ line: step.line, reason: linked.skip, ...missing, unknownObjects: !missing.objects?.size && appliesFiles(command) });
      return skipped(step, linked.skip, rewrites, warnings);
    }
    rewrites.push(...linked.rewrites);
  }
  return { command, prepared, onLocalHost, rewrites, warnings };
}

/**
 * What `kubectl attach -it` opens, read from the pod's spec: a pod shell in the attached container
 * when its main process is a shell with stdin (and a terminal), else why not. Undefined when the
 * pod cannot be read (the step then goes on as any interactive step).
 */
async function attachSession(state: LessonContext, step: CommandStep, command: string, attach: AttachTarget): Promise<Run | { skip: string } | undefined> {
  const ns = attach.namespace ? ` -n ${shQuote(attach.namespace)}` : '';
  const json = await internal(state, `kubectl get pod ${shQuoteExpanding(attach.pod)}${ns} -o json 2>/dev/null`);
  let pod: unknown;
  try {
    pod = JSON.parse(json);
  } catch {
    return undefined;
  }
  const k = firstKubectlCall(command)!;
  const p = attachedProcess(pod, attach, hasFlag(k, '-t', '--tty'));
  if (!p.shell) return { skip: p.why };
  const flags = [...(attach.namespace ? ['-n', attach.namespace] : []), '-c', p.container];
  // The lines typed in it run with the shell the container runs, as the reader's lines do.
  const shell = p.program ?? 'sh';
  const to = ['kubectl', 'exec', '-i', shQuoteExpanding(attach.pod), ...flags.map(shQuote), '--', shQuote(shell), '-c', 'true'].join(' ');
  const reason = `attaches to container ${p.container}, whose main process is a shell with stdin and a terminal: the lines typed in it run in that container with \`kubectl exec -i\``;
  return {
    action: 'run',
    script: to,
    rewrites: [{ kind: 'interactive', from: command, to, reason }],
    warnings: [],
    ignoreOutput: true,
    opensPodShell: { target: attach.pod, flags, line: step.line, removeAfter: false, tty: true, ...(p.program ? { shell: p.program } : {}) },
  };
}

/**
 * How the next step sees this machine's programs: the PATH it will have (from the shell's carried
 * state; null when that cannot be read, so the shell is asked), and under confinement the
 * directories bubblewrap hides and whether the lesson runs as another user.
 */
function lookupView(state: Pick<LessonContext, 'shell' | 'shellOptions'>): LookupView | null {
  const carried = state.shell.carried();
  if (!carried && !state.shell.fresh) return null;
  const path = carried ? carried.variables.get('PATH')?.value : state.shellOptions.env.PATH;
  if (path === undefined) return null;
  const wrap = state.shellOptions.wrap;
  if (!wrap) return { path };
  const hidden = wrap.args.flatMap((a, i) => (a === '--tmpfs' && wrap.args[i + 1] ? [wrap.args[i + 1]!] : []));
  return { path, hidden, asOthers: wrap.uid !== undefined };
}

/**
 * The page runs later lines in this pod shell, the one it showed as the way to run commands in a
 * pod: the reader keeps it open in another terminal, so it is not deleted between them.
 */
function shownShellUsedLater(pod: PodShell, steps: readonly Step[], index: number): boolean {
  return steps.slice(index + 1).some((s) => s.kind === 'command' && s.host.kind === 'pod' && s.host.shownShell === pod.line);
}
