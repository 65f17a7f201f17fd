/**
 * Objects a page works on but never creates: the Deployment of an earlier page of a series, a
 * "Before you begin" prerequisite, a generic name (`my-pod`). A step that fails for want of such an
 * object cannot be checked on a fresh cluster; it is `unchecked` with the object named, never a
 * failure. A name close to one the page does create (`ngnix` for `nginx`) is a typo: that stays a
 * failure, and so does anything when the page creates objects in ways not read here (helm, a
 * kustomization, a manifest not found).
 */
import { distance } from 'fastest-levenshtein';
import yaml from 'js-yaml';
import type { ManifestStep, Step } from '../plan/types.js';
import { kindOf, kubectlCall, parseCommandLine, type KubectlCall } from '../shell/index.js';
import { podNameShape } from '../match/normalizers/pod-name.js';
import { showsUrlFile } from '../plan/site-url.js';
import { newObjectKinds } from './depends.js';

/** What a page creates, by kind (singular, lower case): read from its commands and manifests. */
export interface PageObjects {
  byKind: Map<string, Set<string>>;
  /**
   * Objects only a manifest defines that no step of the page applies (a concept page shows the
   * Job and then its status): the reader creates them, the page does not. Name → the manifest's line.
   */
  shown: Map<string, Map<string, number>>;
  /** The page creates objects in a way not read here (helm, `-k`, an unreadable manifest): nothing is concluded. */
  opaque: boolean;
}

/** Kinds whose controllers make pods: a page that creates one of these creates pods. */
export const POD_MAKERS: ReadonlySet<string> = new Set(['deployment', 'replicaset', 'statefulset', 'daemonset', 'job', 'cronjob', 'replicationcontroller']);

/** kubectl subcommands whose first positional is a pod (or `type/name`). */
const POD_COMMANDS = new Set(['exec', 'logs', 'attach', 'port-forward', 'cp', 'debug']);

/** Names of more edit distance than this from every name the page creates are not typos of them. */
const TYPO_DISTANCE = 2;

function add(objects: PageObjects, kind: string, name: string): void {
  const k = kindOf(kind);
  if (!objects.byKind.has(k)) objects.byKind.set(k, new Set());
  objects.byKind.get(k)!.add(name);
}

/** The kind and names a manifest defines, read as YAML. */
function namesIn(text: string): { kind: string; name: string }[] | undefined {
  const out: { kind: string; name: string }[] = [];
  const read = (doc: unknown): void => {
    if (!doc || typeof doc !== 'object') return;
    const o = doc as { kind?: unknown; metadata?: { name?: unknown }; items?: unknown; spec?: { volumeClaimTemplates?: unknown } };
    if (Array.isArray(o.items)) for (const item of o.items) read(item);
    if (typeof o.kind === 'string' && typeof o.metadata?.name === 'string') {
      out.push({ kind: o.kind, name: o.metadata.name });
      out.push(...templated(o.kind, o.metadata.name, o.spec));
    }
  };
  try {
    for (const doc of yaml.loadAll(text)) read(doc);
    return out;
  } catch {
    return undefined;
  }
}

/**
 * Objects a controller makes from a template of the object: a StatefulSet's claims
 * (`<template>-<statefulset>-<ordinal>`, read by their common prefix) and a CronJob's Jobs
 * (`<cronjob>-<time>`). Pods, ReplicaSets and EndpointSlices are read by prefix already.
 */
function templated(kind: string, name: string, spec: { volumeClaimTemplates?: unknown } | undefined): { kind: string; name: string }[] {
  if (kind === 'CronJob') return [{ kind: 'Job', name }];
  if (kind !== 'StatefulSet' || !Array.isArray(spec?.volumeClaimTemplates)) return [];
  return (spec.volumeClaimTemplates as { metadata?: { name?: unknown } }[])
    .map((t) => t.metadata?.name)
    .filter((n): n is string => typeof n === 'string')
    .map((t) => ({ kind: 'PersistentVolumeClaim', name: `${t}-${name}` }));
}

/** The objects a manifest's text defines (`kind` as written, `metadata.name`); none when it is not YAML. */
export function manifestObjects(text: string): { kind: string; name: string }[] {
  return namesIn(text) ?? [];
}

/** Text that stands for a value the reader fills in: the names of such a manifest are not known. */
const TEMPLATE = /\{\{|\$\{|\$\(|<[a-z][\w-]*>|\bREPLACE_|\$[A-Z_]{2,}/;

/**
 * An excerpt that is not YAML (`...` standing for elided lines, an inline fragment): its
 * top-level `kind:` and the `name:` directly under `metadata:`. One that names no object (no kind,
 * or a kind without a name) creates nothing; one whose text is a template is not understood.
 */
function excerptNames(text: string): { kind: string; name: string }[] | undefined {
  if (TEMPLATE.test(text)) return undefined;
  const lines = text.split('\n');
  const kind = lines.map((l) => /^kind:\s*["']?([A-Za-z][\w]*)["']?\s*$/.exec(l)?.[1]).find(Boolean);
  const meta = lines.findIndex((l) => /^metadata:\s*$/.test(l));
  if (!kind || meta < 0) return [];
  const indent = /^(\s+)/.exec(lines[meta + 1] ?? '')?.[1];
  if (!indent) return [];
  for (const l of lines.slice(meta + 1)) {
    if (!l.startsWith(indent) && l.trim() !== '') break;
    const m = new RegExp(`^${indent}name:\\s*["']?([^"'\\s#]+)["']?\\s*(?:#.*)?$`).exec(l);
    if (m) return /^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$/.test(m[1]!) ? [{ kind, name: m[1]! }] : undefined;
  }
  return [];
}

function readManifest(objects: PageObjects, text: string, shownAt?: number): void {
  // An applied manifest that is not YAML fails to apply for a reason of its own: nothing is
  // concluded from it. One only shown is an excerpt, and names its object all the same.
  const names = namesIn(text) ?? (shownAt === undefined ? undefined : excerptNames(text));
  // a template: the names in it are not known, so nothing is concluded from it
  if (!names) objects.opaque = true;
  for (const { kind, name } of names ?? []) {
    if (shownAt === undefined) add(objects, kind, name);
    else {
      const k = kindOf(kind);
      if (!objects.shown.has(k)) objects.shown.set(k, new Map());
      if (!objects.shown.get(k)!.has(name)) objects.shown.get(k)!.set(name, shownAt);
    }
  }
}

/** The `-f` values of a command that are neither a file name nor a URL (`-`, a folder, a variable): what they apply is not known. */
function appliesUnknown(command: string): boolean {
  return [...command.matchAll(/(?:^|\s)(?:-f|--filename)(?:\s+|=)(\S+)/g)].some((m) => !/^(?:https?:\/\/\S+|[\w./-]+\.(?:ya?ml|json))$/.test(m[1]!));
}

/** True when some command names the manifest's file (`-f job.yaml`, a URL of its example, `cat job.yaml`). */
function applied(m: ManifestStep, commands: readonly string[]): boolean {
  const names = [m.file, m.examplePath].filter((n): n is string => !!n).map((n) => n.split('/').pop()!);
  return names.some((n) => commands.some((c) => new RegExp(`(?:^|[\\s/='"])${n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=$|[\\s'";|&)])`, 'm').test(c)));
}

/** The objects one kubectl call creates, read from its words; false when it creates some it does not name. */
function readCall(objects: PageObjects, k: KubectlCall): boolean {
  const verb = k.path[0]?.value;
  const positionals = k.positionals.map((w) => w.value);
  if (verb === 'run' && positionals[0]) add(objects, 'pod', positionals[0]);
  else if (verb === 'expose') {
    const [first, second] = positionals;
    const flagName = k.flags.get('--name')?.[0]?.value;
    const name = (typeof flagName === 'string' ? flagName : undefined) ?? (first?.includes('/') ? first.split('/')[1] : second);
    if (name) add(objects, 'service', name);
  } else if (verb === 'create' && k.path.length > 1 && positionals[0]) {
    add(objects, k.command.split(' ')[1]!, positionals[0]);
  } else if (verb === 'autoscale') {
    const target = positionals[0]?.includes('/') ? positionals[0].split('/')[1] : positionals[1];
    const flagName = k.flags.get('--name')?.[0]?.value;
    const name = (typeof flagName === 'string' ? flagName : undefined) ?? target;
    if (name) add(objects, 'horizontalpodautoscaler', name);
  }
  if ((verb === 'apply' || verb === 'create' || verb === 'replace') && (k.flags.has('-k') || k.flags.has('--kustomize'))) return false;
  return true;
}

/** The objects one kubectl call creates by name (`run`, `create <kind>`, `expose`, `autoscale`), by kind (singular, lower case). */
export function objectsCreatedBy(k: KubectlCall): { kind: string; name: string }[] {
  const objects: PageObjects = { byKind: new Map(), shown: new Map(), opaque: false };
  readCall(objects, k);
  return [...objects.byKind].flatMap(([kind, names]) => [...names].map((name) => ({ kind, name })));
}

/** Programs that create cluster objects in ways these rules do not read. */
const OPAQUE_CREATORS = /^(helm|kustomize|kompose|istioctl|linkerd|cilium|operator-sdk|skaffold|tilt)$/;

/** What the page creates, from every step (before or after the one asking: a later creation means the page owns the object). */
export function pageObjects(steps: readonly Step[], manifests: readonly ManifestStep[], examples: ReadonlyMap<string, string>): PageObjects {
  const objects: PageObjects = { byKind: new Map(), shown: new Map(), opaque: false };
  const commands = steps.filter((s) => s.kind === 'command').map((s) => s.command);
  // When a command applies something not named (stdin, a folder, a variable), any manifest may be it.
  const known = !commands.some(appliesUnknown);
  for (const m of manifests) {
    if (m.language === 'text') continue;
    if (m.content === null) objects.opaque = true;
    else readManifest(objects, m.content, known && !applied(m, commands) ? m.line : undefined);
  }
  for (const s of steps) {
    if (s.kind !== 'command') continue;
    // What a step's shown output announces it made is the page's, whether or not that step works on
    // 1.32 (`deployment "php-apache" created` after a `kubectl run` that no longer makes Deployments):
    // a later step failing for want of it follows from that step, not from a setup left out.
    for (const [name, kinds] of newObjectKinds(s.expected?.text ?? '')) for (const kind of kinds) add(objects, kind, name);
    for (const c of parseCommandLine(s.command).commands) {
      if (OPAQUE_CREATORS.test(c.program?.value ?? '')) objects.opaque = true;
      const k = kubectlCall(c);
      if (k && !readCall(objects, k)) objects.opaque = true;
    }
    // A manifest applied from a URL: its objects are the page's too when the page's example files
    // hold it, or when the page shows a manifest of that file name (an old page shows
    // `hpa-php-apache.yaml` and creates it from `https://k8s.io/docs/tasks/…/hpa-php-apache.yaml`):
    // read above. Otherwise they are not known.
    for (const m of s.command.matchAll(/\s(?:-f|--filename)[\s=]+(https?:\/\/\S+)/g)) {
      const example = /\/examples\/([\w./-]+)$/.exec(m[1]!)?.[1];
      if (example ? !(examples.has(example) || manifests.some((x) => x.examplePath === example)) : !showsUrlFile(m[1]!, manifests)) objects.opaque = true;
    }
  }
  return objects;
}

/**
 * The one reason for a named object the page reads and no step of it makes: it is made by a setup
 * (an earlier page, a prerequisite) the page does not include, which a fresh cluster has not run.
 */
function madeBySetup(kind: string, name: string): string {
  return `${kind}/${name} is made by a setup this page does not include (an earlier page or a prerequisite); a fresh cluster does not have it`;
}

/** True when the page creates objects of this kind (pods also through any workload). */
function createsKind(objects: PageObjects, kind: string): boolean {
  // A kind the page only shows may be in the reader's own file (`kubectl apply -f mypdb.yaml`).
  if (objects.byKind.has(kind) || objects.shown.has(kind)) return true;
  return kind === 'pod' && [...objects.byKind.keys()].some((k) => POD_MAKERS.has(k));
}

/** Why a named object is the page's prerequisite, or undefined (it is the page's own, or a typo of it). */
export function namedAbsent(objects: PageObjects, kind: string, name: string): string | undefined {
  const same = objects.byKind.get(kind) ?? new Set<string>();
  if (same.has(name)) return undefined;
  // Named by a controller after an object the page creates (a Deployment's pods and ReplicaSets, a
  // Service's EndpointSlices): not this rule's case.
  for (const names of objects.byKind.values()) if ([...names].some((n) => name.startsWith(`${n}-`))) return undefined;
  // A generated pod name is a typo when its fixed prefix is one of a name the page creates (`my-ngnix-5d8f9-x2x5q`).
  const base = kind === 'pod' ? podNameShape(name)?.prefix : undefined;
  const typo = (n: string, of: string) => n !== of && Math.min(n.length, of.length) > TYPO_DISTANCE && distance(n, of) <= TYPO_DISTANCE;
  const near = [...objects.byKind.values()].flatMap((names) => [...names]).find((n) => typo(n, name) || (base !== undefined && typo(n, base)));
  if (near) return undefined;
  const shownAt = objects.shown.get(kind)?.get(name);
  if (shownAt !== undefined)
    return `${kind} ${name} is only defined by the manifest at line ${shownAt}, which no step of the page applies (the reader is left to create it); a fresh cluster does not have it`;
  return madeBySetup(kind, name);
}

/** kubectl's words for "no such object" naming it: `Error from server (NotFound): deployments.apps "x" not found`. */
const NOT_FOUND = /\(NotFound\):?\s*([a-z][a-z0-9.]*)\s+"([^"]+)" not found/;
/** kubectl's words for an object name that came out empty (a variable set from an empty listing). */
const EMPTY_NAME =
  /error: (?:pod, type\/name or --filename must be specified|resource\(s\) were provided, but no name was specified|resource name may not be empty|expected 'exec POD_NAME COMMAND \[ARG1\] \[ARG2\] \.\.\. \[ARGN\]')/;
/**
 * The shapes of an empty listing, as kubectl prints it: the object the step looked for is not there,
 * whatever its name. `listOnly`: the shape says so only for a listing (a call naming no object), since a
 * named object's own empty array prints it too.
 */
const EMPTY_LISTINGS: readonly { shape: RegExp; listOnly?: boolean }[] = [
  { shape: /^No resources found(?: in [\w-]+ namespace)?\.?\s*$/m },
  // `-o yaml` / `-o json`: `items: []`.
  { shape: /^items: \[\]\s*$|^\s*"items": \[\]/m },
  // `-o jsonpath='{.items[0]}'` on an empty list (client-go's jsonpath: array index out of bounds).
  {
    shape: /^error: error executing jsonpath "[^"\n]*\.items\[[^"\n]*": Error executing template: array index out of bounds: index \d+, length 0\b/m,
    listOnly: true,
  },
];
/** The API server's NotFound Status as a client of the REST API prints it (curl through `kubectl proxy`). */
const STATUS_NOT_FOUND = /"message":\s*"([a-z][a-z0-9.]*) \\"([^"\\]+)\\" not found"/;

/** The object an output says is not there (kubectl's NotFound, the API server's Status): its kind (singular, lower case) and name. */
export function notFoundIn(output: string): { kind: string; name: string } | undefined {
  const found = NOT_FOUND.exec(output) ?? STATUS_NOT_FOUND.exec(output);
  return found ? { kind: kindOf(found[1]!), name: found[2]! } : undefined;
}

/** True when an output is an empty listing as kubectl prints it (`No resources found`, `items: []`); `listing`: the call names no object. */
export function isEmptyListing(output: string, listing: boolean): boolean {
  return EMPTY_LISTINGS.some((l) => l.shape.test(output) && (listing || !l.listOnly));
}

/** A `kubectl get` of a type that names no object (`get pods`, `get pods -l app=web`). */
export function isListing(k: KubectlCall): boolean {
  const first = k.positionals[0]?.value;
  return k.path[0]?.value === 'get' && first !== undefined && !first.includes('/') && k.positionals.length === 1;
}

/** The kind a kubectl call works on (`get deployments` → deployment, `exec x` → pod). */
export function callKind(k: KubectlCall): string | undefined {
  const verb = k.path[0]?.value ?? '';
  const first = k.positionals[0]?.value;
  if (POD_COMMANDS.has(verb)) return first?.includes('/') ? kindOf(first.split('/')[0]!) : 'pod';
  if (!first) return undefined;
  return kindOf(first.includes('/') ? first.split('/')[0]! : first.split(',')[0]!);
}

/**
 * Why a failed step cannot be checked because it works on objects the page never creates, or
 * undefined. `command` is the step as the doc wrote it (before any pod-shell wrapping).
 */
export function absentPrerequisite(
  command: string,
  output: string,
  expected: string | null,
  objects: PageObjects,
): { reason: string; names: string[] } | undefined {
  if (objects.opaque) return undefined;
  // The doc shows the absence itself: its wording is checked, not excused.
  if (expected && /not found|No resources found|must be specified/.test(expected)) return undefined;
  const found = NOT_FOUND.exec(output) ?? STATUS_NOT_FOUND.exec(output);
  if (found) {
    const name = found[2]!;
    if (!/^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$/.test(name)) return undefined;
    const reason = namedAbsent(objects, kindOf(found[1]!), name);
    return reason ? { reason, names: [name] } : undefined;
  }
  const listing = EMPTY_LISTINGS.find((l) => l.shape.test(output));
  if (!EMPTY_NAME.test(output) && !listing) return undefined;
  const calls = parseCommandLine(command)
    .commands.map((c) => kubectlCall(c))
    .filter((k): k is KubectlCall => k != null);
  if (listing?.listOnly && !calls.some(isListing)) return undefined;
  const kind = calls.map(callKind).find((k): k is string => k !== undefined && !createsKind(objects, k));
  if (!kind) return undefined;
  // A name taken from a variable that came out empty: later steps using the variable depend on it.
  const vars = [...command.matchAll(/\$\{?([A-Za-z_]\w*)/g)].map((m) => m[1]!);
  return { reason: `this page creates no ${kind} (it expects them from an earlier page or a prerequisite); a fresh cluster has none`, names: vars };
}
