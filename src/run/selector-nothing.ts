/**
 * A label selector that matches none of the objects the page made (`kubectl get pods -l app=cassandra`
 * where the page's pods carry `app.kubernetes.io/name=cassandra`) is the page's defect, on any
 * cluster: whatever the cluster's state, the step cannot show the page's objects. It is decided
 * before the excuses (a pod that cannot become Ready here, a skipped step), which would hide it.
 *
 * Decided only when it is certain: kubectl said it found nothing, the cluster holds objects of
 * that kind the page made (by name, or pods and claims its workloads made), none of them carries
 * the selected labels, and no manifest of the page gives an object or a template those labels.
 */
import yaml from 'js-yaml';
import type { ManifestStep } from '../plan/types.js';
import { flagValue, hasFlag, kindOf, kubectlCall, parseCommandLine, type KubectlCall } from '../shell/index.js';
import { type PageObjects } from './absent.js';
import type { ListedObject } from './look.js';

/** One requirement of a selector: `key=value`, `key!=value`, `key`, `!key`, `key in (a,b)`, `key notin (a,b)`. */
interface Requirement {
  key: string;
  op: 'in' | 'notin' | 'exists' | 'absent';
  values: string[];
}

/** kubectl's answer when nothing was selected. */
const NOTHING = /^No resources found\b/m;

/** The requirements of a label selector, or undefined when it is not one this reads. */
export function parseSelector(text: string): Requirement[] | undefined {
  const parts = text.match(/[^,(]+(?:\([^)]*\))?/g) ?? [];
  const out: Requirement[] = [];
  for (const raw of parts) {
    const p = raw.trim();
    let m: RegExpExecArray | null;
    if ((m = /^([\w./-]+)\s*(==|=|!=)\s*([\w.-]*)$/.exec(p))) out.push({ key: m[1]!, op: m[2] === '!=' ? 'notin' : 'in', values: [m[3]!] });
    else if ((m = /^([\w./-]+)\s+(in|notin)\s*\(([^)]*)\)$/.exec(p)))
      out.push({ key: m[1]!, op: m[2] as 'in' | 'notin', values: m[3]!.split(',').map((v) => v.trim()) });
    else if ((m = /^!([\w./-]+)$/.exec(p))) out.push({ key: m[1]!, op: 'absent', values: [] });
    else if ((m = /^([\w./-]+)$/.exec(p))) out.push({ key: m[1]!, op: 'exists', values: [] });
    else return undefined;
  }
  return out.length ? out : undefined;
}

/** True when labels satisfy every requirement. */
export function selects(requirements: readonly Requirement[], labels: Readonly<Record<string, string>>): boolean {
  return requirements.every((r) => {
    const has = Object.hasOwn(labels, r.key);
    if (r.op === 'exists') return has;
    if (r.op === 'absent') return !has;
    if (r.op === 'in') return has && r.values.includes(labels[r.key]!);
    return !has || !r.values.includes(labels[r.key]!);
  });
}

/** A selected kubectl call: the kinds it reads or deletes, its selector and namespace. */
interface Selected {
  kinds: string[];
  selector: string;
  requirements: Requirement[];
  namespace?: string;
}

function selected(k: KubectlCall): Selected | undefined {
  const verb = k.path[0]?.value;
  const selector = flagValue(k, '-l', '--selector');
  if (!selector || hasFlag(k, '-A', '--all-namespaces')) return undefined;
  const requirements = parseSelector(selector);
  if (!requirements) return undefined;
  let kinds: string[];
  if (verb === 'logs') kinds = ['pod'];
  else if (verb === 'get' || verb === 'delete' || verb === 'describe') {
    const word = k.positionals[0]?.value;
    if (!word || word.includes('/')) return undefined;
    kinds = word.split(',').map(kindOf);
    if (kinds.some((x) => x === 'all')) return undefined;
  } else return undefined;
  const namespace = flagValue(k, '-n', '--namespace');
  return { kinds, selector, requirements, ...(namespace ? { namespace } : {}) };
}

/** The selector-using kubectl calls of a command line. */
export function selectedCalls(command: string): Selected[] {
  return parseCommandLine(command)
    .commands.map(kubectlCall)
    .map((k) => (k ? selected(k) : undefined))
    .filter((s): s is Selected => s !== undefined);
}

/** True when the cluster object `o` of `kind` is one the page made: by its name, or made by a workload of the page. */
function madeByPage(kind: string, name: string, objects: PageObjects): boolean {
  if (objects.byKind.get(kind)?.has(name)) return true;
  const workloads = [
    ...(objects.byKind.get('deployment') ?? []),
    ...(objects.byKind.get('statefulset') ?? []),
    ...(objects.byKind.get('daemonset') ?? []),
    ...(objects.byKind.get('job') ?? []),
    ...(objects.byKind.get('replicaset') ?? []),
  ];
  if (kind === 'pod' || kind === 'replicaset') return workloads.some((w) => name.startsWith(`${w}-`));
  // A StatefulSet's claims: `<template>-<statefulset>-<ordinal>`.
  if (kind === 'persistentvolumeclaim') return [...(objects.byKind.get('statefulset') ?? [])].some((s) => new RegExp(`-${s}-\\d+$`).test(name));
  return false;
}

/** The label sets a manifest object gives itself and what it makes (pod templates, claim templates). */
function labelSets(doc: unknown): Record<string, string>[] {
  const o = (doc ?? {}) as { metadata?: { labels?: unknown }; spec?: Record<string, unknown>; items?: unknown[] };
  const sets = [o.metadata?.labels];
  const spec = o.spec ?? {};
  const template = (spec['template'] ?? (spec['jobTemplate'] as { spec?: { template?: unknown } } | undefined)?.spec?.template) as
    { metadata?: { labels?: unknown } } | undefined;
  sets.push(template?.metadata?.labels);
  for (const c of (spec['volumeClaimTemplates'] as { metadata?: { labels?: unknown } }[] | undefined) ?? []) sets.push(c?.metadata?.labels);
  const own = sets.filter((l): l is Record<string, string> => typeof l === 'object' && l !== null);
  return [...own, ...(Array.isArray(o.items) ? o.items.flatMap(labelSets) : [])];
}

/** True when a manifest of the page may give an object the selected labels (one that cannot be read counts as giving them). */
function manifestsGive(requirements: readonly Requirement[], manifests: readonly ManifestStep[]): boolean {
  return manifests.some((m) => {
    if (m.language === 'text') return false;
    if (!m.content) return true;
    let docs: unknown[];
    try {
      docs = yaml.loadAll(m.content);
    } catch {
      return true;
    }
    return docs.flatMap(labelSets).some((labels) => selects(requirements, labels));
  });
}

/** Labels controllers add to what they make (not the page's to select by). */
const CONTROLLER_LABELS =
  /^(?:pod-template-hash|controller-revision-hash|statefulset\.kubernetes\.io\/pod-name|apps\.kubernetes\.io\/pod-index|controller-uid|job-name|batch\.kubernetes\.io\/.+)$/;

/** Labels as `k=v`, for messages (the page's own, not those controllers add). */
const labelText = (labels: Readonly<Record<string, string>>): string =>
  Object.entries(labels)
    .filter(([k]) => !CONTROLLER_LABELS.test(k))
    .map(([k, v]) => `${k}=${v}`)
    .join(',') || 'no labels';

/** What a selector that matches nothing of the page's objects means, for the step's difference and hint. */
export interface UnmatchedSelector {
  selector: string;
  kind: string;
  message: string;
  fix: string;
}

/**
 * The first selector of the command that matched none of the objects of its kind the page made,
 * when kubectl found nothing; `list` reads the cluster's objects of a kind's resource.
 */
export async function unmatchedSelector(
  command: string,
  output: string,
  objects: PageObjects,
  manifests: readonly ManifestStep[],
  list: (resource: string, namespace?: string) => Promise<ListedObject[]>,
): Promise<UnmatchedSelector | undefined> {
  if (!NOTHING.test(output) || objects.opaque) return undefined;
  for (const s of selectedCalls(command)) {
    // Only equality selection is read against the manifests' text; anything else is not concluded.
    if (s.requirements.some((r) => r.op !== 'in') || manifestsGive(s.requirements, manifests)) continue;
    for (const kind of s.kinds) {
      const items = (await list(kind, s.namespace)).filter(
        (o) => !o.metadata?.deletionTimestamp && o.metadata?.name && madeByPage(kind, o.metadata.name, objects),
      );
      if (items.length === 0) continue;
      const labels = (o: ListedObject): Record<string, string> => (o.metadata as { labels?: Record<string, string> } | undefined)?.labels ?? {};
      if (items.some((o) => selects(s.requirements, labels(o)))) continue;
      const shown = items
        .slice(0, 3)
        .map((o) => `${o.metadata!.name!} (${labelText(labels(o))})`)
        .join(', ');
      return {
        selector: s.selector,
        kind,
        message: `the selector ${s.selector} matches none of the ${kind}s the page made: ${shown}`,
        fix: `select the labels the page's ${kind}s carry (${labelText(labels(items[0]!))}), or label them as the step selects`,
      };
    }
  }
  return undefined;
}
