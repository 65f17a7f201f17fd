/**
 * The files a page includes, read from its plan (example manifests from `code_sample`,
 * `codenew` and `code` shortcodes and from k8s.io/examples URLs in commands) and from its
 * `readfile` shortcodes (Docsy's include, resolved against the page's folder).
 */
import { dirname, join, resolve } from 'node:path';
import { SHORTCODE, SHORTCODE_ATTR } from '../parse/data/shortcodes.js';
import { resolveExamplesDir } from '../parse/examples.js';
import type { Plan } from '../plan/types.js';

/** One included file and how the page includes it. */
export interface Include {
  /** Absolute path of the included file. */
  file: string;
  via: 'shortcode' | 'url' | 'readfile';
  /** Doc line of the include. */
  line: number;
}

const README_SHORTCODES = new Set(['readfile', 'readFile']);

/** The files `plan` (parsed from `source` at `docPath`) includes; examples resolve against `examplesDir` or the nearest examples folder. */
export function pageIncludes(docPath: string, plan: Plan, source: string, examplesDir?: string): Include[] {
  const out: Include[] = [];
  const dir = resolveExamplesDir(docPath, examplesDir);
  const commands = plan.steps.flatMap((s) => (s.kind === 'command' ? [s.command] : []));
  for (const s of plan.steps) {
    if (s.kind !== 'manifest' || s.origin !== 'example' || !s.examplePath || dir === undefined) continue;
    const byUrl = commands.some((c) => c.includes(`/examples/${s.examplePath}`));
    out.push({ file: resolve(dir, s.examplePath), via: byUrl ? 'url' : 'shortcode', line: s.line });
  }
  source.split('\n').forEach((text, i) => {
    if (!text.includes('{{')) return;
    for (const m of text.matchAll(SHORTCODE)) {
      if (m[1] || !README_SHORTCODES.has(m[2]!)) continue;
      const attrs = [...(m[3] ?? '').matchAll(SHORTCODE_ATTR)];
      const file = attrs
        .find((a) => a[1] === 'file')
        ?.slice(2)
        .find((v) => v !== undefined);
      if (file) out.push({ file: resolve(join(dirname(resolve(docPath)), file)), via: 'readfile', line: i + 1 });
    }
  });
  return out;
}
