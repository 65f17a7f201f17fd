/**
 * A listing that came back empty (`No resources found in default namespace.`) where the doc shows
 * no output passes only because nothing was compared. When an earlier step that would have made
 * the objects did not make them (it failed, or was skipped or unchecked), the listing says nothing
 * about the page: it is skipped as depending on that step, not passed.
 */
import { kindOf, kubectlCall, parseCommandLine } from '../shell/index.js';
import { dependencyReason, type SkippedProducer } from './depends.js';
import { isListing } from './absent.js';

/** kubectl's answer to a list with nothing in it, alone on its lines. */
const EMPTY_LIST = /^No resources found(?: in [\w-]+ namespace)?\.?$/;

/** kubectl verbs that make objects. */
const MAKERS = new Set(['create', 'apply', 'run', 'expose', 'replace']);

/** Kinds whose objects make pods (and ReplicaSets): a listing of pods may be empty for want of one. */
const POD_MAKERS = new Set(['pod', 'deployment', 'replicaset', 'statefulset', 'daemonset', 'job', 'cronjob', 'replicationcontroller']);

/** The kind words a command lists (`get pods`, `get deploy,svc -l app=web`), or undefined when it is not a listing. */
function listedKinds(command: string): string[] | undefined {
  const calls = parseCommandLine(command).commands.map((c) => kubectlCall(c));
  if (calls.length !== 1 || !calls[0]) return undefined;
  const call = calls[0];
  if (!isListing(call)) return undefined;
  return call.positionals[0]!.value.split(',').map((k) => kindOf(k));
}

/** True when the command makes objects with kubectl. */
function makesObjects(command: string): boolean {
  return parseCommandLine(command).commands.some((c) => MAKERS.has(kubectlCall(c)?.path[0]?.value ?? ''));
}

/** True when objects of the `made` kinds (none known: any kind) would have shown in a list of the `listed` kinds. */
function wouldList(made: readonly string[], listed: readonly string[]): boolean {
  if (made.length === 0 || listed.includes('all')) return true;
  return listed.some((k) => made.includes(k) || ((k === 'pod' || k === 'replicaset') && made.some((m) => POD_MAKERS.has(m))));
}

/** True when a skipped step may have made objects of one of these kinds. */
function mayHaveMade(p: SkippedProducer, listed: readonly string[]): boolean {
  if (p.failed) return false;
  if (p.unknownObjects) return true;
  if (!p.objects?.size) return false;
  return wouldList(
    [...(p.kinds?.values() ?? [])].flatMap((s) => [...s]),
    listed,
  );
}

/** The kinds a refusal names (`The Pod "x" is invalid`, `pods "x" is forbidden`, `pods "x" already exists`). */
function refusedKinds(output: string): string[] {
  const kinds = [...output.matchAll(/^The ([A-Za-z.]+) "[^"]+" is invalid|\b([a-z][\w.]*) "[^"]+" (?:is forbidden|already exists)/gm)];
  return kinds.map((m) => kindOf((m[1] ?? m[2])!));
}

/**
 * Why a passing step is not checked: it listed objects and got none, the doc shows no list of its
 * own, and the last earlier step that would have made such objects failed or was skipped. Undefined
 * otherwise (the doc shows the empty answer itself, or something was there to list).
 */
export function emptyListDependency(
  step: { line: number; command: string; expected?: { text: string } | null },
  output: string,
  producers: readonly SkippedProducer[],
  earlier: readonly { line: number; ran: string; status: string; output: string }[],
): string | undefined {
  const printed = output.split('\n').filter((l) => l.trim());
  if (printed.length === 0 || !printed.every((l) => EMPTY_LIST.test(l.trim()))) return undefined;
  // The doc shows the empty answer: that is what is checked.
  if (step.expected && step.expected.text.trim()) return undefined;
  const listed = listedKinds(step.command);
  if (!listed) return undefined;
  const skipped = producers.filter((p) => p.line < step.line && mayHaveMade(p, listed)).at(-1);
  // A step whose failure the doc shows (a refused create) passed: what it did not make the page does not expect.
  const failed = earlier
    .filter((e) => e.line < step.line && (e.status === 'fail' || e.status === 'error') && makesObjects(e.ran) && wouldList(refusedKinds(e.output), listed))
    .at(-1);
  if (failed && (!skipped || failed.line > skipped.line)) return `depends on line ${failed.line}, which failed (the list came back empty)`;
  return skipped ? `${dependencyReason(skipped)} (the list came back empty)` : undefined;
}
