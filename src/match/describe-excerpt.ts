import type { BindingSet } from './bindings.js';
import { missingLine, wrongLine, type DocOrigin } from './compare-lines.js';
import { isElision, lineKey, type Line } from './lines.js';
import { bindTemplate, compileTemplate } from './template.js';
import type { Difference } from './types.js';

/** A section heading of describe output at any depth: `Capacity:`, `    Limits:`, `  web:`. */
const HEADING = /^\s*[\w./-][\w ./()-]*:\s*$/;
/** A JSON object or array opened under a key: `"capacity": {`. */
const JSON_HEADING = /^\s*"[^"]+":\s*[{[]\s*$/;
/** A line that only closes a JSON object or array. */
const JSON_CLOSE = /^\s*[}\]],?\s*$/;

/** True when the doc shows a fragment of an indented JSON document opening at a key (`"capacity": {`). */
export function isJsonFragment(doc: readonly Line[]): boolean {
  return doc[0] !== undefined && JSON_HEADING.test(doc[0].text);
}

const indentOf = (l: Line): number => /^\s*/.exec(l.text)![0].length;
const squeeze = (s: string): string => s.trim().replace(/\s+/g, ' ');

/**
 * `kubectl describe` output the doc shows as a fragment of its indented sections ("The output
 * shows dongle requests:" `Limits:` / `  example.com/dongle: 3` / `Requests:` …), which may sit
 * nested under a container or be shown with other indentation: each of the doc's top-level
 * sections is looked up where it occurs in the actual output (in order), and the doc's lines under
 * it are compared with the lines under that section — in any order, since describe prints a
 * resource list's keys sorted where an older kubectl did not. The fields of those sections the doc
 * leaves out are not differences; a doc line missing there, or with another value, is. Returns
 * undefined when the doc is no such fragment (it opens where the output does, it has `...`
 * elisions, or a section is not found), so the caller compares as usual.
 */
export function compareDescribeExcerpt(origin: DocOrigin, doc: Line[], actual: Line[], bindings: BindingSet): Difference[] | undefined {
  if (doc.length < 2 || doc.some((l) => isElision(l.text))) return undefined;
  // JSON shown from a key on (curl's indented answer through `kubectl proxy`): the same, with the
  // commas and closing braces that only depend on where the fragment was cut left out.
  if (isJsonFragment(doc)) {
    const uncomma = (l: Line): Line => ({ ...l, text: l.text.replace(/,\s*$/, '') });
    doc = doc.filter((l) => !JSON_CLOSE.test(l.text)).map(uncomma);
    actual = actual.map(uncomma);
  }
  if (actual[0] && squeeze(actual[0].text) === squeeze(doc[0]!.text)) return undefined;
  const top = Math.min(...doc.map(indentOf));
  const blocks: Line[][] = [];
  for (const l of doc) {
    if (indentOf(l) === top) blocks.push([l]);
    else if (blocks.length > 0) blocks[blocks.length - 1]!.push(l);
    else return undefined;
  }
  if (!blocks.every((b) => b.length > 1 && (HEADING.test(b[0]!.text) || JSON_HEADING.test(b[0]!.text)))) return undefined;
  const out: Difference[] = [];
  let from = 0;
  for (const [heading, ...children] of blocks) {
    const at = actual.findIndex((a, i) => i >= from && squeeze(a.text) === squeeze(heading!.text));
    if (at < 0) return undefined;
    const depth = indentOf(actual[at]!);
    let end = at + 1;
    while (end < actual.length && indentOf(actual[end]!) > depth) end++;
    out.push(...compareSection(origin, children, actual.slice(at + 1, end), bindings));
    from = end;
  }
  return out;
}

/** The doc's lines of one section against the actual lines under it: any order, extras ignored. */
function compareSection(origin: DocOrigin, doc: Line[], actual: Line[], bindings: BindingSet): Difference[] {
  const used = new Set<number>();
  const out: Difference[] = [];
  for (const line of doc) {
    const t = compileTemplate(line.text.trim());
    const k = actual.findIndex((a, i) => !used.has(i) && bindings.fits(t, a.text.trim(), 'ordered'));
    if (k >= 0) {
      used.add(k);
      bindings.addAll(bindTemplate(t, actual[k]!.text.trim()));
      continue;
    }
    const key = lineKey(line.text);
    const same = key === undefined ? -1 : actual.findIndex((a, i) => !used.has(i) && lineKey(a.text) === key);
    if (same >= 0) {
      used.add(same);
      out.push(wrongLine(origin, line, actual[same]!.text, bindings));
    } else out.push(missingLine(origin, line));
  }
  return out;
}
