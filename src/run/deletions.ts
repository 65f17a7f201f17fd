/**
 * Objects a page deleted earlier, as the cause of a later step's failure: a step that reads an
 * object the page removed (`kubectl delete deployment my-nginx` at line 68, then
 * `kubectl delete deployments/my-nginx` again) fails, and rightly so, but the finding names the
 * deletion. Deletions are read with the command model: `kubectl delete <type> <name>…`,
 * `<type>/<name>`, `-f` (the objects of the manifests the step reads), `-l`/`--all` (every object
 * of the types), a namespace (everything in it), `kubectl scale … --replicas=0` (the workload's
 * pods). An object made again after its deletion is no longer deleted.
 */
import type { ManifestStep } from '../plan/types.js';
import { flagValue, hasFlag, kindOf, kubectlCall, parseCommandLine, type KubectlCall } from '../shell/index.js';
import { callKind, isEmptyListing, isListing, manifestObjects, notFoundIn, objectsCreatedBy, POD_MAKERS } from './absent.js';
import { generatedOwner } from './generated-names.js';
import type { EarlierStep } from './hints/types.js';

/** Objects one step removed (or, `scaled`, left without pods). */
export interface Deletion {
  /** Singular, lower case (`deployment`). */
  kind: string;
  /** Undefined when the step picked the objects by selector or `--all`: every object of the kind may be gone. */
  name?: string;
  /** The selector that picked them (`app=nginx`), when there was one. */
  selector?: string;
  /** As the command gives it; undefined for the lesson's default namespace. */
  namespace?: string;
  /** True for `kubectl scale … --replicas=0`: the workload is there, its pods are not. */
  scaled?: boolean;
}

/** An object one step made (by name), to tell a deletion undone. */
interface Creation {
  kind: string;
  name: string;
  namespace?: string;
  /** `scale` to more than 0 replicas: the workload's pods are back. */
  scaledUp?: boolean;
}

const calls = (command: string): KubectlCall[] =>
  parseCommandLine(command)
    .commands.map((c) => kubectlCall(c))
    .filter((k): k is KubectlCall => k != null);

const namespaceOf = (k: KubectlCall): string | undefined => flagValue(k, '-n', '--namespace');

/** The manifests a step reads with `-f`: the plan's references. */
function manifestsRead(step: EarlierStep['step'], manifests: readonly ManifestStep[]): { kind: string; name: string }[] {
  return manifests.filter((m) => step.references?.includes(m.id) && m.content).flatMap((m) => manifestObjects(m.content!));
}

/** `deployment my-nginx`, `deployments/my-nginx svc/x`, `deployment,service -l app=nginx`: the named objects, or the kinds picked by selector. */
function targets(k: KubectlCall): { kind: string; name?: string }[] {
  const words = k.positionals.map((w) => w.value);
  if (words.length === 0) return [];
  if (words.every((w) => w.includes('/'))) return words.map((w) => ({ kind: kindOf(w.split('/')[0]!), name: w.split('/').slice(1).join('/') }));
  const kinds = words[0]!.split(',').map(kindOf);
  const names = words.slice(1);
  if (names.length === 0) return kinds.map((kind) => ({ kind }));
  return kinds.flatMap((kind) => names.map((name) => ({ kind, name })));
}

/** What one step (as run) deleted. */
export function deletionsOf(step: EarlierStep['step'], ran: string, manifests: readonly ManifestStep[]): Deletion[] {
  const out: Deletion[] = [];
  for (const k of calls(ran)) {
    const verb = k.path[0]?.value;
    const namespace = namespaceOf(k);
    const ns = namespace !== undefined ? { namespace } : {};
    if (verb === 'delete') {
      if (hasFlag(k, '-f', '--filename')) {
        for (const o of manifestsRead(step, manifests)) out.push({ kind: kindOf(o.kind), name: o.name, ...ns });
        continue;
      }
      const selector = flagValue(k, '-l', '--selector');
      const all = selector !== undefined || hasFlag(k, '--all');
      for (const t of targets(k)) {
        if (t.name !== undefined) out.push({ kind: t.kind, name: t.name, ...ns });
        else if (all) out.push({ kind: t.kind, ...(selector ? { selector } : {}), ...ns });
      }
    } else if (verb === 'scale' && flagValue(k, '--replicas') === '0') {
      for (const t of targets(k)) if (t.name !== undefined) out.push({ kind: t.kind, name: t.name, scaled: true, ...ns });
    }
  }
  return out;
}

/** What one step (as run) made by name, and workloads it scaled up. */
function creationsOf(step: EarlierStep['step'], ran: string, manifests: readonly ManifestStep[]): Creation[] {
  const out: Creation[] = [];
  for (const k of calls(ran)) {
    const verb = k.path[0]?.value ?? '';
    const namespace = namespaceOf(k);
    const ns = namespace !== undefined ? { namespace } : {};
    for (const o of objectsCreatedBy(k)) out.push({ ...o, ...ns });
    if (/^(?:apply|create|replace)$/.test(verb) && hasFlag(k, '-f', '--filename')) {
      for (const o of manifestsRead(step, manifests)) out.push({ kind: kindOf(o.kind), name: o.name, ...ns });
    }
    if (verb === 'scale' && flagValue(k, '--replicas') !== '0') {
      for (const t of targets(k)) if (t.name !== undefined) out.push({ kind: t.kind, name: t.name, scaledUp: true, ...ns });
    }
  }
  return out;
}

/** What a failed step found missing: a named object, or an empty listing of a kind. */
interface Missing {
  kind: string;
  name?: string;
  namespace?: string;
}

function missingIn(command: string, output: string): Missing | undefined {
  const all = calls(command);
  const first = all[0];
  const namespace = first ? namespaceOf(first) : undefined;
  const ns = namespace !== undefined ? { namespace } : {};
  const named = notFoundIn(output);
  if (named) return { ...named, ...ns };
  const listing = all.find(isListing);
  if (!listing || !isEmptyListing(output, true)) return undefined;
  const kind = callKind(listing);
  const listedNs = namespaceOf(listing);
  return kind ? { kind, ...(listedNs !== undefined ? { namespace: listedNs } : {}) } : undefined;
}

/** How a deletion explains what is missing, or undefined when it does not. */
function explains(d: Deletion, m: Missing): string | undefined {
  if (d.kind === 'namespace' && d.name !== undefined && d.name === m.namespace) return 'with everything in it';
  if (d.namespace !== m.namespace) return undefined;
  // An empty listing of the kind, or the object by name (a selector's picks explain no name: it may not have had the labels).
  if (d.kind === m.kind && !d.scaled && (m.name === undefined || d.name === m.name)) return '';
  // Pods go with their workload (deleted, or scaled to 0).
  if (m.kind === 'pod' && POD_MAKERS.has(d.kind) && (m.name === undefined || (d.name !== undefined && generatedOwner(m.name, [d.name])))) {
    return d.scaled ? '' : 'and its pods with it';
  }
  return undefined;
}

/** True when a creation undoes the deletion (the object, its namespace, or the workload's pods are back). */
function undoes(c: Creation, d: Deletion): boolean {
  if (d.kind === 'namespace') return c.kind === 'namespace' && c.name === d.name;
  if (c.kind !== d.kind || (c.namespace ?? '') !== (d.namespace ?? '')) return false;
  if (d.scaled) return c.name === d.name;
  return (d.name === undefined || c.name === d.name) && c.scaledUp !== true;
}

/** How a deletion reads in a finding: `deployment "my-nginx" was deleted`. */
function describe(d: Deletion): string {
  if (d.scaled) return `${d.kind} "${d.name}" was scaled to 0 replicas`;
  if (d.name !== undefined) return `${d.kind} "${d.name}" was deleted`;
  return d.selector ? `the ${d.kind}s labelled ${d.selector} were deleted` : `every ${d.kind} was deleted`;
}

/** Doc output that shows an object missing, as kubectl words it. */
const SHOWS_ABSENCE = /not found|No resources found|items: \[\]/;

/** The doc's command, on one line. */
const shown = (command: string): string =>
  command
    .replace(/\\\n\s*/g, '')
    .split('\n')[0]!
    .trim();

/**
 * Why a failed step finds its object gone, when an earlier step of the page deleted it (and no
 * step made it again since): `deployment "my-nginx" was deleted at line 68 (kubectl delete deployment my-nginx)`.
 * `command` is the failed step's command as run; `earlier`, the steps before it in order; `expected`,
 * the output the doc shows.
 */
export function deletedEarlier(
  command: string,
  output: string,
  earlier: readonly EarlierStep[],
  manifests: readonly ManifestStep[],
  expected: string | null = null,
): { message: string; line: number; kind: string; name?: string } | undefined {
  // The doc shows the absence itself (`No resources found.` after a delete): the failure is elsewhere.
  if (expected !== null && SHOWS_ABSENCE.test(expected)) return undefined;
  const missing = missingIn(command, output);
  if (!missing) return undefined;
  for (let i = earlier.length - 1; i >= 0; i--) {
    const e = earlier[i]!;
    if (e.status === 'skipped' || e.status === 'error' || (e.exitCode !== undefined && e.exitCode !== 0)) continue;
    const cause = deletionsOf(e.step, e.ran, manifests)
      .map((d) => ({ d, how: explains(d, missing) }))
      .find((x) => x.how !== undefined);
    if (!cause) continue;
    const after = earlier.slice(i + 1).filter((x) => x.status !== 'skipped' && x.status !== 'error');
    if (after.some((x) => creationsOf(x.step, x.ran, manifests).some((c) => undoes(c, cause.d)))) return undefined;
    const tail = cause.how ? `, ${cause.how}` : '';
    return {
      message: `${describe(cause.d)} at line ${e.step.line} (${shown(e.step.command)})${tail}`,
      line: e.step.line,
      kind: cause.d.kind,
      ...(cause.d.name !== undefined ? { name: cause.d.name } : {}),
    };
  }
  return undefined;
}
