import { FILE_SHORTCODES, HUGO_PARAMS, INLINE_CODE_SHORTCODES, JEKYLL_CODE_INCLUDE, PARAM_SHORTCODE, SKEW_SHORTCODE, SKEW_VALUES } from './data/hugo.js';
import { SHORTCODE, SHORTCODE_ATTR } from './data/shortcodes.js';
import type { DocLine } from './source-text.js';

/** Replaces `{{< param "x" >}}` with the parameter's value (per repository for GitHub links). */
export function resolveParams(text: string): string {
  if (!text.includes('{{')) return text;
  return text.replace(PARAM_SHORTCODE, (whole, name: string, offset: number) => {
    const p = HUGO_PARAMS[name];
    if (!p) return whole;
    const before = text.slice(Math.max(0, text.lastIndexOf('(', offset)), offset);
    const repo = /github\.com\/([\w.-]+\/[\w.-]+)\//.exec(before)?.[1];
    return (repo && p.byRepo?.[repo]) ?? p.value;
  });
}

/**
 * Replaces `{{< skew latestVersion >}}` (a version the website fills in) with its value for the
 * checked Kubernetes version, wherever it is: a command or manifest holding it runs as the reader's
 * copy of the page reads. Unknown names stay as written.
 */
export function resolveSkew(source: string): string {
  if (!source.includes('skew')) return source;
  return source.replace(SKEW_SHORTCODE, (whole, name: string) => SKEW_VALUES[name] ?? whole);
}

/**
 * Turns `{{< codeFromInline lang="yaml" >}}` … `{{< /codeFromInline >}}` (each alone on its line)
 * into a fenced block, line for line, so positions stay those of the doc.
 */
export function fenceInlineCode(source: string): string {
  if (!/codeFromInline/i.test(source)) return source;
  const lines = source.split('\n');
  let open = false;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const m = /^(\s*)\{\{[<%]\s*(\/?)\s*([\w-]+)((?:[^}]|\}(?!\}))*?)\s*[%>]\}\}\s*$/.exec(l);
    if (!m || !INLINE_CODE_SHORTCODES.has(m[3]!)) continue;
    if (m[2] === '/' && open) {
      lines[i] = `${m[1]}\`\`\``;
      open = false;
    } else if (m[2] !== '/' && !open) {
      const lang = attrs(m[4] ?? '').lang ?? '';
      lines[i] = `${m[1]}\`\`\`${lang}`;
      open = true;
    }
  }
  return lines.join('\n');
}

/** A file a page includes by path (readFile, codeFromFile, Jekyll `include code.html`). */
export interface FileInclude {
  /** The path as written: site-relative (`static/examples/x.yaml`) or page-relative (`x.yaml`). */
  file: string;
  /** Other paths to try (a Jekyll `ghlink`). */
  alternatives: string[];
  language?: string;
  line: number;
  column: number;
  endColumn: number;
}

/** Finds `{{% readFile "…" %}}`, `{{< readfile file="…" >}}`, `{{< codeFromFile … >}}` and Jekyll code includes on prose lines. */
export function findFileIncludes(lines: DocLine[]): FileInclude[] {
  const out: FileInclude[] = [];
  for (const l of lines) {
    if (!l.text.includes('{')) continue;
    for (const m of l.text.matchAll(SHORTCODE)) {
      if (m[1] || !FILE_SHORTCODES.has(m[2]!)) continue;
      const a = attrs(m[3] ?? '');
      const file = a.file ?? /^\s*["']([^"']+)["']/.exec(m[3] ?? '')?.[1];
      if (!file) continue;
      const inc: FileInclude = { file, alternatives: [], line: l.line, column: l.column + m.index, endColumn: l.column + m.index + m[0].length };
      const lang = a.lang ?? a.language;
      if (lang) inc.language = lang;
      out.push(inc);
    }
    for (const m of l.text.matchAll(JEKYLL_CODE_INCLUDE)) {
      const a = attrs(m[1] ?? '');
      if (!a.file) continue;
      const inc: FileInclude = {
        file: a.file,
        alternatives: a.ghlink ? [a.ghlink.replace(/^\/+/, '')] : [],
        line: l.line,
        column: l.column + m.index,
        endColumn: l.column + m.index + m[0].length,
      };
      if (a.language) inc.language = a.language;
      out.push(inc);
    }
  }
  return out;
}

function attrs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of text.matchAll(SHORTCODE_ATTR)) out[m[1]!] = m[2] ?? m[3] ?? m[4] ?? '';
  return out;
}
