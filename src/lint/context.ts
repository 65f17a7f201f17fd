import { readFileSync } from 'node:fs';
import type { CommandStep, ManifestStep, Plan } from '../plan/types.js';
import { simpleCommands, type SimpleCommand } from './command-model.js';
import { remoteShellSteps } from './remote-shell.js';
import { loadManifestText, type LoadResult } from './yaml-load.js';

/** Shared, lazily computed views of a plan that several rules need. */
export interface LintContext {
  /** Command steps in doc order. */
  commands: CommandStep[];
  /** Manifest steps in doc order. */
  manifests: ManifestStep[];
  /** The simple commands of a step (parsed once). */
  simple(step: CommandStep): SimpleCommand[];
  /** The loaded manifest (parsed once); undefined when the step has no content. */
  load(step: ManifestStep): LoadResult | undefined;
  /** The manifest's text as written in the doc (see {@link manifestText}). */
  text(step: ManifestStep): string | null;
  /** The doc's lines (index 0 is line 1), or undefined when the source is not available. */
  sourceLines: string[] | undefined;
  /** True for a command that runs outside the reader's machine (pod or node prompt, or inside `kubectl exec -ti … -- sh`). */
  isRemote(step: CommandStep): boolean;
  /** The doc's path, when known. */
  path: string;
  /** 1-based doc line of the first line of a manifest's content (inline manifests only). */
  contentLine(step: ManifestStep): number;
}

/** Builds the lint context for a plan. */
export function createContext(plan: Plan, source?: string): LintContext {
  const commands = plan.steps.filter((s): s is CommandStep => s.kind === 'command');
  const manifests = plan.steps.filter((s): s is ManifestStep => s.kind === 'manifest');
  const simpleCache = new Map<string, SimpleCommand[]>();
  const loadCache = new Map<string, LoadResult | undefined>();
  const text = source ?? readSource(plan.path);
  const sourceLines = text === undefined ? undefined : text.split(/\r?\n/);
  let remote: Set<string> | undefined;
  const ctx: LintContext = {
    path: plan.path,
    isRemote(step) {
      remote ??= remoteShellSteps(commands, (s) => ctx.simple(s));
      return remote.has(step.id);
    },
    commands,
    manifests,
    sourceLines,
    simple(step) {
      let v = simpleCache.get(step.id);
      if (!v) simpleCache.set(step.id, (v = simpleCommands(step)));
      return v;
    },
    load(step) {
      if (!loadCache.has(step.id)) {
        const content = manifestText(step, sourceLines);
        // Helm/Jinja templates (`{{ .Values.x }}`) are not YAML until rendered.
        const templated = content !== null && /\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}/.test(content);
        loadCache.set(step.id, content === null || templated || notManifest(step, content) ? undefined : loadManifestText(content));
      }
      return loadCache.get(step.id);
    },
    text(step) {
      return manifestText(step, sourceLines);
    },
    contentLine(step) {
      return contentStartLine(step, sourceLines);
    },
  };
  return ctx;
}

/**
 * Content shown beside the manifests that is no YAML or JSON to parse: an example file of another
 * kind (`frontend-nginx.conf`, included as `text`), or JSON cut short with `...` lines (an
 * excerpt of the OpenAPI spec), which no JSON reader takes.
 */
function notManifest(step: ManifestStep, content: string): boolean {
  if (step.origin === 'example' && step.language === 'text') return true;
  return step.language === 'json' && /^\s*(?:\.\.\.|…)\s*,?\s*$/m.test(content);
}

/**
 * Where an inline manifest's content starts. A fenced manifest's position is its opening
 * fence, so content starts one line below; an inferred (unfenced) one starts at its position.
 * With the source at hand the fence is checked rather than assumed.
 */
export function contentStartLine(step: ManifestStep, lines: string[] | undefined): number {
  if (step.origin !== 'inline') return step.line;
  const first = lines?.[step.line - 1];
  if (first !== undefined) return /^\s*(```|~~~)/.test(first) ? step.line + 1 : step.line;
  return step.inferred ? step.line : step.line + 1;
}

function readSource(path: string): string | undefined {
  if (!path) return undefined;
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * The text of a manifest as the doc has it. An unfenced (inferred) manifest may come from the
 * parser with its indentation stripped, as Markdown paragraphs do; YAML needs it, so when the
 * source lines hold the same text (ignoring leading blanks) they are used instead.
 */
export function manifestText(step: ManifestStep, lines: string[] | undefined): string | null {
  if (step.content === null || !step.inferred || step.origin !== 'inline' || !lines) return step.content;
  const content = step.content.replace(/\n$/, '').split('\n');
  const first = contentStartLine(step, lines) - 1;
  const raw = lines.slice(first, first + content.length);
  if (raw.length !== content.length || raw.some((l, i) => l.trim() !== content[i]!.trim())) return step.content;
  return raw.join('\n') + (step.content.endsWith('\n') ? '\n' : '');
}
