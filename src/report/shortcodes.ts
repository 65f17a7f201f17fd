import { SHORTCODE } from '../parse/data/shortcodes.js';
import { ADMONITION_LABEL, HEADING_TEXT } from './data/shortcodes.js';

const FENCE = /^\s*(`{3,}|~{3,})/;

/** The first quoted or bare positional argument, or the value of a named one. */
function arg(args: string, name?: string): string | undefined {
  if (name)
    return new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|(\\S+))`)
      .exec(args)
      ?.slice(1)
      .find((v) => v !== undefined);
  const m = /^\s*(?:"([^"]*)"|'([^']*)'|([^\s=]+)(?=\s|$))/.exec(args);
  return m?.slice(1).find((v) => v !== undefined);
}

/** What one shortcode shows: a heading's text, a tooltip's text, an admonition's label, else nothing. */
function shortcodeText(closer: string, name: string, args: string): string {
  if (closer) return '';
  if (name === 'heading') {
    const key = arg(args) ?? '';
    return HEADING_TEXT[key] ?? key;
  }
  if (ADMONITION_LABEL[name]) return ADMONITION_LABEL[name];
  return arg(args, 'text') ?? '';
}

/**
 * The Markdown with Hugo shortcodes outside code blocks replaced by the text a reader sees
 * (`## {{% heading "whatsnext" %}}` → `## What's next`). Lines keep their numbers.
 */
export function renderShortcodes(markdown: string): string {
  let fence: string | undefined;
  return markdown
    .split('\n')
    .map((line) => {
      const f = FENCE.exec(line)?.[1];
      if (f && (!fence || f.startsWith(fence))) {
        fence = fence ? undefined : f;
        return line;
      }
      if (fence || !line.includes('{{')) return line;
      return line.replace(SHORTCODE, (_m, closer: string, name: string, args: string) => shortcodeText(closer, name, args));
    })
    .join('\n');
}
