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
