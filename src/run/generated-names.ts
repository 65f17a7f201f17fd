/**
 * Pod names a controller generated on the author's cluster (`my-nginx-2035384211-j5fhi`, a pod of
 * the page's Deployment `my-nginx`), which a later command of the page uses
 * (`kubectl annotate pod my-nginx-2035384211-j5fhi …`). A reader types the name their own cluster
 * printed, so the run does the same: it binds the doc's name to a live pod of the same owner and
 * shape, and runs the command with that pod's name. A name whose prefix is no owner the page
 * makes, or whose owner has no pod, is left as the doc wrote it.
 */
import { podNameShape } from '../match/normalizers/pod-name.js';
import { firstKubectlCall, flagValue } from '../shell/index.js';

/** A generated pod name in a command, and the page's workload it was named after. */
export interface GeneratedName {
  /** Where the name starts in the command. */
  index: number;
  name: string;
  owner: string;
}

/** A pod as the cluster lists it (the fields read here). */
export interface LivePod {
  name: string;
  terminating: boolean;
}

/** A word alone, or after `pod/` (`kubectl logs pods/job-wq-2-7r7b2`). */
const WORD = /(?:(?<![\w.$/-])|(?<=(?<![\w.-])(?:pods?|po)\/))([a-z0-9](?:[a-z0-9-]*[a-z0-9])?)(?![\w./-])/g;

/**
 * The workload a name was generated for: the name has a generated pod name's shape (a 5-character
 * suffix, after a pod-template hash for a Deployment's pods; old clusters' all-letter suffixes and
 * numeric hashes too) and its fixed prefix is one of `owners`.
 */
export function generatedOwner(name: string, owners: readonly string[]): string | undefined {
  const shape = podNameShape(name);
  if (!shape?.suffix) return undefined;
  return owners.find((o) => o === shape.prefix);
}

/** The generated pod names a command uses, with their owners; names in `own` (the page's pods by name) are not generated. */
export function generatedNames(command: string, owners: readonly string[], own: ReadonlySet<string> = new Set()): GeneratedName[] {
  if (owners.length === 0) return [];
  const out: GeneratedName[] = [];
  for (const m of command.matchAll(WORD)) {
    const name = m[1]!;
    if (own.has(name)) continue;
    const owner = generatedOwner(name, owners);
    if (owner) out.push({ index: m.index, name, owner });
  }
  return out;
}

/**
 * The live pod a doc's generated name stands for: a pod of the same owner and shape (with a
 * pod-template hash or without), not terminating, preferring one no other doc name is bound to
 * yet (one pod is one name on the page). Undefined when the owner has no such pod.
 */
export function pickGeneratedPod(doc: GeneratedName, pods: readonly LivePod[], taken: ReadonlySet<string>): string | undefined {
  const want = podNameShape(doc.name);
  const alike = pods.filter((p) => {
    if (p.terminating) return false;
    const shape = podNameShape(p.name);
    return shape?.suffix === true && shape.prefix === doc.owner && shape.hash === want?.hash;
  });
  return (alike.find((p) => !taken.has(p.name)) ?? alike[0])?.name;
}

/** The namespace a kubectl command works in, when it names one. */
export function commandNamespace(command: string): string | undefined {
  const k = firstKubectlCall(command);
  return k ? flagValue(k, '-n', '--namespace') : undefined;
}
