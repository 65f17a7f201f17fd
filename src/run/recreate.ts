/**
 * One object, two ways of making it. Pages show another way to create what an earlier step
 * created ("Alternatively, create the Secret from literals"), and self-contained sections repeat
 * the creation of an object an earlier section made ("As with the previous example, create the
 * Secrets first"). A reader does one or the other, or starts the section afresh; run in one
 * sequence, the second `create` fails with AlreadyExists. When that is its only failure and the
 * page made the object earlier, the object is removed and the step run again, so the other way is
 * checked as the page intends. Within one section and without a cue, AlreadyExists stays a defect.
 */
import type { CommandStep } from '../plan/types.js';
import { flagValue, kubectlCall, parseCommandLine, shQuote } from '../shell/index.js';

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
