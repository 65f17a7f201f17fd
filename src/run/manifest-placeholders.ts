/**
 * Placeholders the reader fills in inside a manifest the page shows (`name:
 * <insert-namespace-name-here>`): the same `<…>` shapes as in commands (`findPlaceholders`), found
 * in the manifest's keys and values. Those the runner can fill as it fills them in commands
 * (`<pod-name>`, `<node-name>`, … from earlier outputs: `fillPlaceholder`) are filled; a step that
 * creates or applies the file with one left is a template, skipped like a command holding one.
 */
import { loadAll } from 'js-yaml';
import { findPlaceholders } from '../plan/placeholders.js';
import { kindOf, kubectlCall, parseCommandLine } from '../shell/index.js';
import { fillPlaceholder, type Observations } from './bind.js';
import { exampleDownloadTargets } from './rewrite/index.js';
import type { Rewrite } from './types.js';

/** A placeholder left in a manifest file, and where. */
export interface TemplateManifest {
  /** The file name as written into the sandbox. */
  file: string;
  /** The doc line of the manifest step. */
  line: number;
  placeholder: string;
  /** Where the placeholder is: `line 95`, or `line 4 of admin/x.yaml` for an example file. */
  at: string;
  /** Why the runner could not fill it. */
  reason: string;
  /** Names of the objects the manifest would make (`metadata.name`), which a later step may read. */
  objects?: string[];
  /** Their kind words, by name (`namespace` of a Namespace): a listing of another kind does not wait for them. */
  kinds?: Map<string, Set<string>>;
  /** The whole reason, for a file that is not a template but cannot be used as the doc shows it (lines to add to it). */
  unusable?: string;
}

/** The `metadata.name` and kind of every object of a manifest (none when it does not parse). */
function namedObjects(content: string | null): { name: string; kind?: string }[] {
  try {
    return loadAll(content ?? '').flatMap((d) => {
      const o = d as { kind?: unknown; metadata?: { name?: unknown } } | null;
      const name = o?.metadata?.name;
      if (typeof name !== 'string') return [];
      return [typeof o?.kind === 'string' ? { name, kind: kindOf(o.kind) } : { name }];
    });
  } catch {
    return [];
  }
}

/** The kind words of the objects, by name, when every object names its kind (else undefined: any kind). */
function kindsByName(objects: readonly { name: string; kind?: string }[]): Map<string, Set<string>> | undefined {
  if (objects.length === 0 || objects.some((o) => o.kind === undefined)) return undefined;
  const kinds = new Map<string, Set<string>>();
  for (const o of objects) kinds.set(o.name, new Set([...(kinds.get(o.name) ?? []), o.kind!]));
  return kinds;
}

/** Every string of a parsed YAML/JSON value: keys and scalars. */
function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out);
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      out.push(k);
      strings(v, out);
    }
  }
  return out;
}

/**
 * The reader placeholders in a manifest's keys and values, each with the index of the first
 * line that holds it (comments are not read). Markup in a value (`<h1>Hello</h1>` of a ConfigMap
 * serving a page) is not a placeholder; text that does not parse as YAML or JSON has none.
 */
export function manifestPlaceholders(content: string): { placeholder: string; index: number }[] {
  let docs: unknown[];
  try {
    docs = loadAll(content);
  } catch {
    return [];
  }
  const found = new Set<string>();
  for (const s of strings(docs)) {
    if (s.includes('</')) continue;
    for (const p of findPlaceholders(s, new Set())) if (p.startsWith('<')) found.add(p);
  }
  const lines = content.split('\n');
  return [...found].flatMap((placeholder) => {
    const index = lines.findIndex((l) => l.replace(/(^|\s)#.*$/, '').includes(placeholder));
    return index < 0 ? [] : [{ placeholder, index }];
  });
}

/**
 * Fills the placeholders of a manifest the runner can fill from earlier outputs; returns the
 * content, a rewrite for each filled one, and the ones left (with why).
 */
export function fillManifestPlaceholders(
  content: string,
  obs: Observations,
  context: string,
): { content: string; rewrites: Rewrite[]; left: { placeholder: string; index: number; reason: string }[] } {
  const rewrites: Rewrite[] = [];
  const left: { placeholder: string; index: number; reason: string }[] = [];
  const viaNodePort = /<node-?port>/i.test(content.replace(/[\s_]/g, '-'));
  let out = content;
  for (const p of manifestPlaceholders(content)) {
    const r = fillPlaceholder(p.placeholder, obs, `${content}\n${context}`, viaNodePort);
    if ('unresolved' in r) {
      left.push({ ...p, reason: r.unresolved });
      continue;
    }
    out = out.split(p.placeholder).join(r.value);
    rewrites.push({ kind: 'placeholder', from: p.placeholder, to: r.value, reason: `${r.kind} from an earlier output` });
  }
  return { content: out, rewrites, left };
}

/** A file name as a command or the sandbox names it: `./x.yaml` is `x.yaml`. */
function plainName(name: string): string {
  return name.replace(/^(\.\/)+/, '');
}

/**
 * The template manifest a kubectl command in `command` reads with `-f`/`--filename` (`kubectl
 * create -f ./my-namespace.yaml`, or the example's URL `https://k8s.io/examples/admin/x.yaml`), or
 * undefined.
 */
export function templateManifestRead(command: string, templates: ReadonlyMap<string, TemplateManifest>): TemplateManifest | undefined {
  if (templates.size === 0) return undefined;
  for (const c of parseCommandLine(command).commands) {
    const call = kubectlCall(c);
    if (!call) continue;
    for (const f of [...(call.flags.get('-f') ?? []), ...(call.flags.get('--filename') ?? [])]) {
      if (typeof f.value !== 'string') continue;
      const name = plainName(f.value);
      const url = /^https?:\/\/[^/]+\/(?:.*\/)?examples\/(.+)$/.exec(name)?.[1];
      const t = templates.get(name) ?? (url !== undefined ? templates.get(url) : undefined);
      if (t) return t;
    }
  }
  return undefined;
}

/** Records the manifest's names as templates (placeholders left) or not, as the latest version of each file. */
export function recordTemplates(
  templates: Map<string, TemplateManifest>,
  written: readonly string[],
  step: { line: number; origin: 'inline' | 'example'; examplePath?: string; content?: string | null },
  left: readonly { placeholder: string; index: number; reason: string }[],
): void {
  const first = left[0];
  for (const name of written.map(plainName)) {
    if (!first) {
      templates.delete(name);
      continue;
    }
    const at =
      step.origin === 'example' && step.examplePath !== undefined ? `line ${first.index + 1} of ${step.examplePath}` : `line ${step.line + 1 + first.index}`;
    const made = namedObjects(step.content ?? null);
    const kinds = kindsByName(made);
    templates.set(name, {
      file: name,
      line: step.line,
      placeholder: first.placeholder,
      at,
      reason: first.reason,
      objects: made.map((o) => o.name),
      ...(kinds ? { kinds } : {}),
    });
  }
}

/** Why a step reading a template manifest is not run. */
export function templateManifestReason(t: TemplateManifest): string {
  if (t.unusable !== undefined) return t.unusable;
  return `the manifest ${t.file} (line ${t.line}) is a template: ${t.reason} (${t.at})${/^cannot fill/.test(t.reason) ? '' : '; no rule can fill it'}`;
}

/**
 * A file a command fetches from k8s.io/examples (`wget -O my-pod.yaml https://k8s.io/examples/…`,
 * `curl -o`) is the example file (the runner copies it from the examples folder): a template when
 * the example is one, so a later `kubectl apply -f my-pod.yaml` is skipped as an applied URL is.
 */
export function recordFetchedTemplates(templates: Map<string, TemplateManifest>, command: string, line: number): void {
  for (const { path, target } of exampleDownloadTargets(command)) {
    const name = plainName(target);
    const t = templates.get(path);
    if (t) templates.set(name, { ...t, file: name, line, at: t.at.startsWith('line ') && t.at.includes(' of ') ? t.at : `${t.at} of ${path}` });
    else templates.delete(name);
  }
}
