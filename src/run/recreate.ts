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
import { flagValue, kubectlCall, parseCommandLine, shQuote, type KubectlCall } from '../shell/index.js';
import { kindOf } from './absent.js';

/** An object a step reported as created (`secret/db-user-pass created`). */
export interface CreatedObject {
  /** Kind as kubectl prints it before the slash (`secret`, `deployment.apps`). */
  kind: string;
  name: string;
  line: number;
  section?: string;
}

const CREATED = /^([a-z][\w.-]*)\/([a-z0-9][\w.-]*) created\b/gm;

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
 * When every line of a failed `kubectl create`/`run` step's output is AlreadyExists for an object
 * an earlier step of the page created — in another section, or with the step presented as an
 * alternative — the script removing those objects; otherwise null.
 */
export function recreateFor(step: CommandStep, output: string, created: readonly CreatedObject[]): Recreate | null {
  const calls = parseCommandLine(step.command)
    .commands.map(kubectlCall)
    .filter((c) => c !== undefined);
  if (calls.length !== 1) return null;
  const call = calls[0]!;
  const verb = call.path[0]?.value;
  if (verb !== 'create' && verb !== 'run') return null;
  const lines = output.split('\n').filter((l) => l.trim() !== '');
  const exists = [...output.matchAll(ALREADY_EXISTS)];
  if (exists.length === 0 || lines.some((l) => !/already exists/.test(l))) return null;
  const found: Array<{ resource: string; name: string; by: CreatedObject }> = [];
  for (const m of exists) {
    const by = [...created].reverse().find((c) => c.name === m[2] && sameResource(m[1]!, c.kind));
    if (!by) return null;
    const inAnotherSection = by.section !== step.section;
    if (!inAnotherSection && !step.alternative) return null;
    found.push({ resource: m[1]!, name: m[2]!, by });
  }
  const namespace = flagValue(call, '-n', '--namespace');
  const ns = namespace ? ` -n ${shQuote(namespace)}` : '';
  const script = found
    .map((f) => `kubectl delete ${shQuote(f.resource)} ${shQuote(f.name)}${ns} --grace-period=0 --force --ignore-not-found >/dev/null 2>&1`)
    .join('; ');
  const what = found.map((f) => `${f.by.kind}/${f.name} (line ${f.by.line})`).join(', ');
  const why = step.alternative
    ? `the page presents this step as another way to create it ("${step.alternative}")`
    : `it was created in another section ("${found[0]!.by.section ?? 'the top of the page'}") and this section creates it afresh`;
  return { script, note: `${what} already existed: ${why}; it was removed and this step run again` };
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
