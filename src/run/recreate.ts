/**
 * One object, two ways of making (or changing) it. Pages show another way to create what an earlier step
 * created ("Alternatively, create the Secret from literals"), and self-contained sections repeat
 * the creation of an object an earlier section made ("As with the previous example, create the
 * Secrets first"). A reader does one or the other, or starts the section afresh; run in one
 * sequence, the second `create` fails with AlreadyExists. When that is its only failure and the
 * page made the object earlier, the object is removed and the step run again, so the other way is
 * checked as the page intends. Within one section and without a cue, AlreadyExists stays a defect.
 *
 * A change offered as another way to make the change the step before made ("or use the following
 * command:" after `kubectl set image`; "Alternatively, … `--to-revision=2`" after `rollout undo`)
 * would run against the changed object: it finds nothing to change, or the revision it names was
 * renumbered. The reader runs one way; so the step is not run, and the output the page shows after
 * both ways is compared with the first way's when the first way showed none of its own.
 */
import type { CommandStep } from '../plan/types.js';
import { flagValue, kindOf, kubectlCall, parseCommandLine, shQuote, type KubectlCall } from '../shell/index.js';

/** An object a step reported as created (`secret/db-user-pass created`). */
export interface CreatedObject {
  /** Kind as kubectl prints it before the slash (`secret`, `deployment.apps`). */
  kind: string;
  name: string;
  line: number;
  section?: string;
}

/** `created`, and the words of the commands that create an object under another verb (`kubectl autoscale`, `kubectl expose`). */
const CREATED = /^([a-z][\w.-]*)\/([a-z0-9][\w.-]*) (?:created|autoscaled|exposed)\b/gm;

/** kubectl's AlreadyExists messages: `secrets "x" already exists` (server error and `create secret`'s own). */
const ALREADY_EXISTS = /\b([a-z][\w.]*) "([^"]+)" already exists/g;

/** The objects a step's output says it created. */
export function createdIn(output: string, step: CommandStep): CreatedObject[] {
  return [...output.matchAll(CREATED)].map((m) => ({
    kind: m[1]!,
    name: m[2]!,
    line: step.line,
    ...(step.section !== undefined ? { section: step.section } : {}),
  }));
}

/** `secrets` ↔ `secret`, `networkpolicies` ↔ `networkpolicy`, `deployments.apps` ↔ `deployment.apps`. */
function sameResource(plural: string, singular: string): boolean {
  const p = plural.split('.')[0]!;
  const s = singular.split('.')[0]!;
  return p === s || p === `${s}s` || p === `${s}es` || (s.endsWith('y') && p === `${s.slice(0, -1)}ies`);
}

/** What to remove before running a step again, and why. */
export interface Recreate {
  /** The runner's own script removing the objects. */
  script: string;
  note: string;
}

/**
 * What the server says when an object the step makes is already there in another form: AlreadyExists
 * (create), or an update of a field that cannot change (apply of a pod whose spec differs:
 * `The Pod "nginx" is invalid: spec: Forbidden: pod updates may not change fields other than …`;
 * `… field is immutable`). The API server may follow the latter with an indented diff.
 */
const IMMUTABLE = /\bThe ([A-Z]\w*) "([^"]+)" is invalid: [^\n]*(?:Forbidden: [^\n]*(?:may not change|are forbidden)|field is immutable)/g;

/**
 * A section whose heading says it changes what is there ("Updating the deployment", "Scaling the
 * application …", "Upgrade …"): an `apply` refused there because a field cannot change is the
 * change the page means failing, not a second way of creating the object.
 */
const CHANGE_SECTION = /\b(?:updat(?:e|es|ed|ing)|upgrad(?:e|es|ing)|chang(?:e|es|ing)|modify(?:ing)?|scal(?:e|es|ing)|rolling\s+(?:out|update))\b/i;

/** Lines of the same step that made or kept an object (`configmap/env-config created`). */
const DONE_LINE = /^[a-z][\w.-]*\/[a-z0-9][\w.-]* (?:created|configured|unchanged)\b/;

/**
 * When a failed `kubectl create`/`run`/`apply` step failed only because objects an earlier step of
 * the page made are there already — made in another section, or the step presented as an
 * alternative — the script removing them (and what the step itself made beside them, so it runs
 * again as on a fresh cluster); otherwise null. Any other error keeps the step failing.
 */
export function recreateFor(step: CommandStep, output: string, created: readonly CreatedObject[]): Recreate | null {
  const call = onlyKubectlCall(step.command);
  const verb = call?.path[0]?.value;
  if (!call || (verb !== 'create' && verb !== 'run' && verb !== 'apply')) return null;
  const conflicts = [
    // `apply` makes what is missing: AlreadyExists there is a race, not a second way of making it.
    ...[...(verb === 'apply' ? [] : output.matchAll(ALREADY_EXISTS))].map((m) => ({ resource: m[1]!, name: m[2]!, how: 'already existed' })),
    ...[...output.matchAll(IMMUTABLE)].map((m) => ({ resource: m[1]!.toLowerCase(), name: m[2]!, how: 'existed with another spec, which cannot change' })),
  ];
  if (conflicts.length === 0) return null;
  let inConflict = false;
  for (const line of output.split('\n')) {
    if (line.trim() === '') continue;
    if (/already exists|is invalid: /.test(line)) inConflict = IMMUTABLE.test(line) || /already exists/.test(line);
    else if (DONE_LINE.test(line)) inConflict = false;
    // An indented or `-`/`+` line continues the error above it (the API server's diff of the spec).
    else if (!(inConflict && /^(?:\s|[-+]\s)/.test(line))) return null;
    IMMUTABLE.lastIndex = 0;
  }
  const found: Array<{ resource: string; name: string; by: CreatedObject; how: string }> = [];
  for (const c of conflicts) {
    const by = [...created].reverse().find((o) => o.name === c.name && sameResource(c.resource, o.kind));
    if (!by) return null;
    const inAnotherSection = by.section !== step.section;
    if (!inAnotherSection && !step.alternative) return null;
    if (!step.alternative && c.how !== 'already existed' && CHANGE_SECTION.test(step.section ?? '')) return null;
    found.push({ ...c, by });
  }
  const madeNow = createdIn(output, step).map((o) => ({ resource: o.kind, name: o.name }));
  const namespace = flagValue(call, '-n', '--namespace');
  const ns = namespace ? ` -n ${shQuote(namespace)}` : '';
  const script = [...found, ...madeNow]
    .map((f) => `kubectl delete ${shQuote(f.resource)} ${shQuote(f.name)}${ns} --grace-period=0 --force --ignore-not-found >/dev/null 2>&1`)
    .join('; ');
  const what = found.map((f) => `${f.by.kind}/${f.name} (line ${f.by.line}) ${f.how}`).join(', ');
  const why = step.alternative
    ? `the page presents this step as another way to create it ("${step.alternative}")`
    : `it was created in another section ("${found[0]!.by.section ?? 'the top of the page'}") and this section creates it afresh`;
  const also = madeNow.length ? ` with ${madeNow.map((m) => `${m.resource}/${m.name}`).join(', ')}, which this step had made beside it,` : '';
  return { script, note: `${what}: ${why}; it was removed${also} and this step run again` };
}

/** kubectl verbs (command paths) that change an existing object in place. */
const CHANGE_PATHS = /^(?:set \S+|patch|scale|label|annotate|rollout (?:undo|pause|resume|restart)|autoscale|taint|cordon|uncordon|drain)$/;

/** An earlier step of the page that ran, as {@link changedBefore} reads it. */
export interface EarlierRun {
  step: CommandStep;
  /** It ran and exited 0. */
  ok: boolean;
  output: string;
}

/** What an alternative change step finds already done. */
export interface DoneBefore {
  line: number;
  /** The earlier way's output, which the page's output after both ways shows when the earlier way showed none. */
  output: string;
  /** The earlier way had an output block of its own. */
  showedOutput: boolean;
}

function onlyKubectlCall(command: string): KubectlCall | undefined {
  const calls = parseCommandLine(command)
    .commands.map(kubectlCall)
    .filter((c) => c !== undefined);
  return calls.length === 1 ? calls[0] : undefined;
}

/** `deployment/web` and `deployment web` (and `deploy/web`) as `deployment/web`; key=value words are not objects. */
function objectsNamed(call: KubectlCall): string[] {
  const words = call.positionals.map((w) => w.value).filter((w) => !w.includes('=') && !w.endsWith('-') && !w.startsWith('-'));
  const slashed = words.filter((w) => w.includes('/'));
  if (slashed.length > 0) return slashed.map((w) => `${kindOf(w.split('/')[0]!)}/${w.split('/').pop()}`).sort();
  const [type, ...names] = words;
  return type ? names.map((n) => `${kindOf(type)}/${n}`).sort() : [];
}

function changeOf(command: string): { path: string; objects: string[] } | undefined {
  const call = onlyKubectlCall(command);
  if (!call) return undefined;
  const path = call.command || call.path.map((w) => w.value).join(' ');
  if (!CHANGE_PATHS.test(path)) return undefined;
  const objects = objectsNamed(call);
  return objects.length ? { path, objects } : undefined;
}

/**
 * For a change step the page offers as an alternative: the step of its section that already made
 * this change (the same kubectl command path on the same objects, the latest change to them, run
 * successfully); otherwise null.
 */
export function changedBefore(step: CommandStep, command: string, earlier: readonly EarlierRun[]): DoneBefore | null {
  if (!step.alternative) return null;
  const change = changeOf(command);
  if (!change) return null;
  for (let i = earlier.length - 1; i >= 0; i--) {
    const e = earlier[i]!;
    if (e.step.section !== step.section) return null;
    const other = changeOf(e.step.command);
    if (!other || !other.objects.some((o) => change.objects.includes(o))) continue;
    // The latest change to these objects: it must be the same change, and it must have happened.
    if (other.path !== change.path || other.objects.join() !== change.objects.join() || !e.ok) return null;
    return { line: e.step.line, output: e.output, showedOutput: e.step.expected !== null };
  }
  return null;
}
