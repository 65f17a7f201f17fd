/**
 * A step that finds nothing after an earlier step that could not be checked: `kubectl create -f
 * <an address this run cannot fetch>` is unchecked, so what it would have made is not known, and a
 * later `kubectl get pods -o yaml` that lists nothing, or `kubectl delete replicaset x` that is told
 * NotFound, says nothing about the page. Such a step is unchecked as depending on that step, not
 * failed, when all its output says is that objects are absent; a failure of another kind (a refused
 * flag, a column the table lacks) still fails.
 */
import { kindOf, kubectlCall, parseCommandLine, type KubectlCall } from '../shell/index.js';
import { isEmptyListing, isListing, notFoundIn, POD_MAKERS } from './absent.js';
import type { SkippedProducer } from './depends.js';

/**
 * kubectl's word for a missing object, alone on its line: `Error from server (NotFound): replicasets.apps "x" not found`,
 * and as `kubectl logs` prints it: `error: error from server (NotFound): pods "x" not found in namespace "default"`.
 */
const NOT_FOUND_LINE = /^(?:error: )?[Ee]rror from server \(NotFound\):? [a-z][\w.]* "[^"]+" not found(?: in namespace "[^"]+")?$/;
/** Lines kubectl prints beside its answer that say nothing of the objects (`warning: --cascade=false is deprecated …`). */
const ASIDE = /^(?:warning|Warning):/;

/** The API server's Status for a missing object (curl through `kubectl proxy`), as the whole output. */
function isNotFoundStatus(output: string): boolean {
  try {
    const s = JSON.parse(output) as { kind?: unknown; reason?: unknown; code?: unknown };
    return s.kind === 'Status' && (s.reason === 'NotFound' || s.code === 404);
  } catch {
    return false;
  }
}

/** What an output says is absent: a named object, or the objects of a listing; undefined when it says anything else too. */
function absence(output: string, calls: readonly KubectlCall[]): { name: string; kind: string } | { listed: string[] } | undefined {
  const lines = output
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !ASIDE.test(l));
  if (lines.length === 0) return undefined;
  const missing = notFoundIn(output);
  if (missing && (lines.every((l) => NOT_FOUND_LINE.test(l)) || isNotFoundStatus(output.trim()))) return missing;
  const listings = calls.filter(isListing);
  if (listings.length === 1 && calls.length === 1 && isEmptyListing(output, true)) {
    return { listed: listings[0]!.positionals[0]!.value.split(',').map(kindOf) };
  }
  return undefined;
}

/** True when an object of `kind` could be one the producer would have made (any, when its content is unknown). */
function couldHaveMade(p: SkippedProducer, what: { name: string; kind: string } | { listed: string[] }): boolean {
  if (p.unknownObjects) return true;
  const made = [...(p.kinds?.values() ?? [])].flatMap((s) => [...s]);
  if ('name' in what) return (p.objects?.has(what.name) ?? false) && (made.length === 0 || made.includes(what.kind));
  if (!p.objects?.size) return false;
  return what.listed.some((k) => made.includes(k) || ((k === 'pod' || k === 'replicaset') && made.some((m) => POD_MAKERS.has(m))));
}

/** True when a step that ran before deleted the object (`replicaset.apps "x" deleted`): its absence is that step's doing. */
function deletedBefore(name: string, ran: readonly { output: string }[]): boolean {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const deleted = new RegExp(`^[a-z][\\w.-]*(?:/${escaped}| "${escaped}") deleted\\b`, 'm');
  return ran.some((r) => deleted.test(r.output));
}

/**
 * The unchecked step a step's absence follows from (the latest earlier one that could have made
 * what is absent), or undefined. `expected`: the doc's output; a doc that shows the absence itself
 * is compared, not excused.
 */
export function absenceAfterUnchecked(
  step: { line: number; command: string; expected?: { text: string } | null },
  output: string,
  producers: readonly SkippedProducer[],
  ran: readonly { line: number; output: string }[],
): SkippedProducer | undefined {
  if (/not found|No resources found/.test(step.expected?.text ?? '')) return undefined;
  const calls = parseCommandLine(step.command)
    .commands.map((c) => kubectlCall(c))
    .filter((k): k is KubectlCall => k != null);
  const what = absence(output, calls);
  if (!what) return undefined;
  if ('name' in what && deletedBefore(what.name, ran)) return undefined;
  return producers.filter((p) => p.unchecked && !p.failed && p.line < step.line && couldHaveMade(p, what)).at(-1);
}

/** How a step that depends on an unchecked one says so. */
export function uncheckedDependencyReason(p: SkippedProducer): string {
  return `depends on line ${p.line}, which could not be checked (${p.reason})`;
}
