import { EXAMPLE_SHORTCODES, SHORTCODE, SHORTCODE_ATTR, TAB_SHORTCODE, TABS_SHORTCODE } from './data/shortcodes.js';
import type { DocLine } from './source-text.js';

/** A `{{% code_sample file="…" %}}`-style include of an example file. */
export interface ExampleInclude {
  file: string;
  language?: string;
  line: number;
  column: number;
  endColumn: number;
}

/** Finds example includes on prose lines. */
export function findExampleIncludes(lines: DocLine[]): ExampleInclude[] {
  const out: ExampleInclude[] = [];
  for (const l of lines) {
    if (!l.text.includes('{{')) continue;
    for (const m of l.text.matchAll(SHORTCODE)) {
      if (m[1] || !EXAMPLE_SHORTCODES.has(m[2]!)) continue;
      const attrs = parseAttrs(m[3] ?? '');
      if (!attrs.file) continue;
      // Hugo joins the file to the examples folder, so a leading slash (`file="/controllers/x.yaml"`) means the same file.
      const inc: ExampleInclude = {
        file: attrs.file.replace(/^\/+/, ''),
        line: l.line,
        column: l.column + m.index,
        endColumn: l.column + m.index + m[0].length,
      };
      if (attrs.language) inc.language = attrs.language;
      out.push(inc);
    }
  }
  return out;
}

function parseAttrs(text: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const m of text.matchAll(SHORTCODE_ATTR)) attrs[m[1]!] = m[2] ?? m[3] ?? m[4] ?? '';
  return attrs;
}

/** A line range (inclusive) covered by a tab other than the first of its `{{< tabs >}}`. */
export interface SkippedTab {
  from: number;
  to: number;
  name?: string;
}

/**
 * Finds the tabs after the first in each `{{< tabs >}}` container. Only the first tab runs;
 * steps in the others are kept but skipped. A tab left open ends at its container's end
 * (or the end of the doc).
 */
export function findSkippedTabs(lines: DocLine[], lastLine: number): SkippedTab[] {
  const out: SkippedTab[] = [];
  let inTabs = false;
  let tabIndex = -1;
  let open: SkippedTab | undefined;
  const close = (line: number): void => {
    if (open) out.push({ ...open, to: line });
    open = undefined;
  };
  for (const l of lines) {
    if (!l.text.includes('{{')) continue;
    for (const m of l.text.matchAll(SHORTCODE)) {
      const closing = m[1] === '/';
      const name = m[2];
      if (name === TABS_SHORTCODE) {
        if (closing) {
          close(l.line);
          inTabs = false;
        } else {
          inTabs = true;
          tabIndex = -1;
        }
      } else if (name === TAB_SHORTCODE && inTabs) {
        if (closing) close(l.line);
        else {
          close(l.line);
          tabIndex++;
          if (tabIndex > 0) {
            const tabName = parseAttrs(m[3] ?? '').name;
            open = tabName === undefined ? { from: l.line, to: l.line } : { from: l.line, to: l.line, name: tabName };
          }
        }
      }
    }
  }
  close(lastLine);
  return out;
}
