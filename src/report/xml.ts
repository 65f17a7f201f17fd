/** One escaping XML writer for every XML report (JUnit). */

// XML 1.0 forbids most control characters even when escaped; strip them.
// eslint-disable-next-line no-control-regex
const INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Escapes text for XML content and attribute values, dropping characters XML cannot carry. */
export function escapeXml(text: string): string {
  return text.replace(INVALID, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

export type XmlAttrs = Record<string, string | number | undefined>;

/** Renders one element; undefined attributes are dropped, children are already-rendered strings or text. */
export function element(name: string, attrs: XmlAttrs, children?: string | string[], text?: string): string {
  const a = Object.entries(attrs)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`)
    .join('');
  const inner = text !== undefined ? escapeXml(text) : Array.isArray(children) ? children.join('') : (children ?? '');
  return inner === '' ? `<${name}${a}/>` : `<${name}${a}>${inner}</${name}>`;
}

export const XML_HEADER = '<?xml version="1.0" encoding="UTF-8"?>\n';
