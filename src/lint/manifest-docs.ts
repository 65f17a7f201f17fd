import type { ManifestStep } from '../plan/types.js';
import type { LintContext } from './context.js';
import { isRecord } from './manifest-paths.js';

/** One Kubernetes object of a manifest with where it is in the doc. */
export interface ManifestObject {
  step: ManifestStep;
  object: Record<string, unknown>;
  /** The object's own text (for locating fields). */
  text: string;
  /** 1-based doc line of the object's first line (the shortcode line for example files). */
  docLine: number;
  /** Whether lines inside `text` map onto doc lines (inline manifests only). */
  inline: boolean;
  apiVersion: string | undefined;
  kind: string | undefined;
}

/** The objects of every manifest that parsed; `List` kinds are expanded into their items. */
export function manifestObjects(ctx: LintContext): ManifestObject[] {
  const out: ManifestObject[] = [];
  for (const step of ctx.manifests) {
    const result = ctx.load(step);
    if (!result?.ok) continue;
    const inline = step.origin === 'inline';
    for (const doc of result.documents) {
      if (!isRecord(doc.value)) continue;
      const docLine = inline ? ctx.contentLine(step) + doc.startLine : step.line;
      const objects = doc.value.kind === 'List' && Array.isArray(doc.value.items) ? doc.value.items.filter(isRecord) : [doc.value];
      for (const object of objects) {
        out.push({
          step,
          object,
          text: doc.text,
          docLine,
          inline,
          apiVersion: typeof object.apiVersion === 'string' ? object.apiVersion : undefined,
          kind: typeof object.kind === 'string' ? object.kind : undefined,
        });
      }
    }
  }
  return out;
}

/** Doc line of a 0-based line inside an object's text. */
export function objectLine(m: ManifestObject, lineInText: number): number {
  return m.inline ? m.docLine + lineInText : m.docLine;
}

/** The file names a kustomization lists as patches. */
const KUSTOMIZE_FILES = new Set(['kustomization.yaml', 'kustomization.yml', 'Kustomization']);
const baseName = (path: string): string => path.split('/').pop() ?? path;

/**
 * The base names of the files the page's kustomizations apply as patches (`patches: [{path}]`,
 * `patchesStrategicMerge`, `patchesJson6902`): such a file holds only the fields it changes, so it
 * is not a whole object for the API server.
 */
export function kustomizePatchFiles(objects: readonly ManifestObject[]): Set<string> {
  const out = new Set<string>();
  for (const m of objects) {
    if (m.kind !== 'Kustomization' && !KUSTOMIZE_FILES.has(baseName(m.step.file ?? ''))) continue;
    for (const key of ['patches', 'patchesStrategicMerge', 'patchesJson6902']) {
      const list = m.object[key];
      if (!Array.isArray(list)) continue;
      for (const item of list) {
        const path = typeof item === 'string' ? item : isRecord(item) && typeof item.path === 'string' ? item.path : undefined;
        if (path) out.add(baseName(path));
      }
    }
  }
  return out;
}

/** True when the object is in a file a kustomization of the page applies as a patch. */
export function isKustomizePatch(m: ManifestObject, patches: ReadonlySet<string>): boolean {
  return m.step.file !== null && patches.has(baseName(m.step.file));
}
