/**
 * Names a controller generated on the author's cluster, which a later command of the page uses:
 * a pod of the page's Deployment `my-nginx` (`kubectl annotate pod my-nginx-2035384211-j5fhi …`),
 * a Job of its CronJob `hello` (`--selector=job-name=hello-4111706356`), a ReplicaSet of its
 * Deployment (`kubectl describe rs my-nginx-cf54cdbf7`). A reader types the name their own cluster
 * printed, so the run does the same: it binds the doc's name to a live object of the same kind,
 * owner and shape, and runs the command with that object's name. A name whose prefix is no owner
 * the page makes, or whose owner has no such object, is left as the doc wrote it.
 *
 * Which kinds are named so, after which owners, and in which shape is one table
 * (`GENERATED_KINDS`).
 */
import { podNameShape } from '../match/normalizers/pod-name.js';
import { firstKubectlCall, flagValue } from '../shell/index.js';
import { POD_MAKERS } from './absent.js';

/** A generated name's fixed prefix and the variant of its shape (a pod with or without a pod-template hash). */
interface NameShape {
  prefix: string;
  variant: string;
}

/** A kind whose objects a controller names after their owner. */
export interface GeneratedKind {
  /** The kind (singular, lower case). */
  kind: string;
  /** The resource listed to find the live objects. */
  resource: string;
  /** The page's kinds whose objects it is named after. */
  owners: readonly string[];
  /** The name's fixed prefix and variant, or undefined when the name has not the generated shape. */
  shape: (name: string) => NameShape | undefined;
}

/** `<owner>-<5-character suffix>`, after a pod-template hash for a Deployment's pods (`generateName`). */
function podShape(name: string): NameShape | undefined {
  const s = podNameShape(name);
  return s?.suffix ? { prefix: s.prefix, variant: s.hash ? 'hash' : 'plain' } : undefined;
}

/** `<owner>-<hash>` with no suffix: a ReplicaSet's pod-template hash, a ControllerRevision's hash (old clusters' numeric ones too). */
function hashShape(name: string): NameShape | undefined {
  const s = podNameShape(name);
  return s?.hash && !s.suffix ? { prefix: s.prefix, variant: 'hash' } : undefined;
}

/** `<cronjob>-<scheduled time>`: minutes since the epoch today, seconds on clusters before the v2 controller. */
function scheduledShape(name: string): NameShape | undefined {
  const m = /^(.+)-(\d{6,10})$/.exec(name);
  return m ? { prefix: m[1]!, variant: 'scheduled' } : undefined;
}

/**
 * The generated names the run binds (kubernetes: `generateName` for pods; the deployment
 * controller's `<deployment>-<pod-template-hash>`; the CronJob controller's `getJobName`; the
 * history package's `ControllerRevisionName`).
 */
export const GENERATED_KINDS: readonly GeneratedKind[] = [
  {
    kind: 'pod',
    resource: 'pods',
    owners: [...POD_MAKERS],
    shape: podShape,
  },
  { kind: 'job', resource: 'jobs', owners: ['cronjob'], shape: scheduledShape },
  { kind: 'replicaset', resource: 'replicasets', owners: ['deployment'], shape: hashShape },
  { kind: 'controllerrevision', resource: 'controllerrevisions', owners: ['statefulset', 'daemonset'], shape: hashShape },
];

/** A generated name in a command, its kind and the page's object it was named after. */
export interface GeneratedName {
  /** Where the name starts in the command. */
  index: number;
  name: string;
  owner: string;
  /** The generated kind (a row of `GENERATED_KINDS`); `pod` when not given. */
  kind?: string;
}

/** An object as the cluster lists it (the fields read here). */
export interface LivePod {
  name: string;
  terminating: boolean;
}

/** A word alone, or after `<resource>/` (`kubectl logs pods/job-wq-2-7r7b2`, `kubectl describe rs/web-7768647bf9`). */
const WORD =
  /(?:(?<![\w.$/-])|(?<=(?<![\w.-])(?:pods?|po|jobs?(?:\.batch)?|replicasets?(?:\.apps)?|rs|controllerrevisions?(?:\.apps)?)\/))([a-z0-9](?:[a-z0-9-]*[a-z0-9])?)(?![\w./-])/g;

const row = (kind: string): GeneratedKind => GENERATED_KINDS.find((k) => k.kind === kind)!;

/**
 * The workload a pod name was generated for: the name has a generated pod name's shape (a
 * 5-character suffix, after a pod-template hash for a Deployment's pods; old clusters' all-letter
 * suffixes and numeric hashes too) and its fixed prefix is one of `owners`.
 */
export function generatedOwner(name: string, owners: readonly string[], kind = 'pod'): string | undefined {
  const shape = row(kind).shape(name);
  return shape ? owners.find((o) => o === shape.prefix) : undefined;
}

/** The page's objects by kind (singular, lower case), as `pageObjects` reads them. */
export type ObjectsByKind = ReadonlyMap<string, ReadonlySet<string>>;

/**
 * The generated names a command uses, with their kinds and owners, read against the page's
 * objects: a name the page gives an object of that kind itself is not generated.
 */
export function generatedNamesOf(command: string, page: ObjectsByKind): GeneratedName[] {
  const kinds = GENERATED_KINDS.map((k) => ({ k, owners: k.owners.flatMap((o) => [...(page.get(o) ?? [])]) })).filter((x) => x.owners.length > 0);
  if (kinds.length === 0) return [];
  const out: GeneratedName[] = [];
  for (const m of command.matchAll(WORD)) {
    const name = m[1]!;
    for (const { k, owners } of kinds) {
      if (page.get(k.kind)?.has(name)) continue;
      const owner = generatedOwner(name, owners, k.kind);
      if (owner) {
        out.push({ index: m.index, name, owner, kind: k.kind });
        break;
      }
    }
  }
  return out;
}

/** The generated pod names a command uses, with their owners; names in `own` (the page's pods by name) are not generated. */
export function generatedNames(command: string, owners: readonly string[], own: ReadonlySet<string> = new Set()): GeneratedName[] {
  return generatedNamesOf(
    command,
    new Map([
      ['deployment', new Set(owners)],
      ['pod', own],
    ]),
  )
    .filter((g) => g.kind === 'pod')
    .map(({ index, name, owner }) => ({ index, name, owner }));
}

/**
 * The live object a doc's generated name stands for: one of the same kind, owner and shape (a pod
 * with a pod-template hash or without), not terminating, preferring one no other doc name is
 * bound to yet (one object is one name on the page). Undefined when the owner has no such object.
 */
export function pickGenerated(doc: GeneratedName, live: readonly LivePod[], taken: ReadonlySet<string>): string | undefined {
  const { shape } = row(doc.kind ?? 'pod');
  const want = shape(doc.name)?.variant;
  const alike = live.filter((p) => {
    if (p.terminating) return false;
    const s = shape(p.name);
    return s?.prefix === doc.owner && s.variant === want;
  });
  return (alike.find((p) => !taken.has(p.name)) ?? alike[0])?.name;
}

/** The live pod a doc's generated pod name stands for (`pickGenerated` for pods). */
export function pickGeneratedPod(doc: GeneratedName, pods: readonly LivePod[], taken: ReadonlySet<string>): string | undefined {
  return pickGenerated({ ...doc, kind: 'pod' }, pods, taken);
}

/** The resource to list for a generated kind. */
export const resourceOf = (kind: string | undefined): string => row(kind ?? 'pod').resource;

/** The namespace a kubectl command works in, when it names one. */
export function commandNamespace(command: string): string | undefined {
  const k = firstKubectlCall(command);
  return k ? flagValue(k, '-n', '--namespace') : undefined;
}
