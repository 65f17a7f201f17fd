import type { BindingSet } from './bindings.js';
import type { ExtraLine, Gap } from './compare-lines.js';
import { isElision, type Line } from './lines.js';
import { bindTemplate, compileTemplate } from './template.js';

/**
 * The ways an author breaks one long output line in two (a kubectl error of 150 characters, wrapped
 * to fit the page): at a blank, which the break replaced, or inside a word, with nothing between.
 */
const JOINS = [' ', ''] as const;

/**
 * One output line the doc shows soft-wrapped in two: two doc lines next to each other in the doc
 * (no line between them), both left unaligned, that joined as the author broke them are an
 * instance of one actual line of the same gap under the usual tolerances. Such pairs are taken
 * out of the gap (their values bound); every other unaligned line stays a difference. Only two
 * adjacent lines and only a join that matches: a doc line that is merely a prefix of an actual
 * line is still reported.
 */
export function joinSoftWraps(gap: Gap, bindings: BindingSet): Gap {
  if (gap.missing.length < 2 || gap.extra.length === 0) return gap;
  const missing: Line[] = [];
  const taken = new Set<ExtraLine>();
  for (let i = 0; i < gap.missing.length; i++) {
    const head = gap.missing[i]!;
    const tail = gap.missing[i + 1];
    const found = tail && adjacent(head, tail) ? wrappedLine(head, tail, gap.extra, taken, bindings) : undefined;
    if (!found) {
      missing.push(head);
      continue;
    }
    taken.add(found.extra);
    bindings.addAll(found.bindings);
    i++;
  }
  return taken.size === 0 ? gap : { ...gap, missing, extra: gap.extra.filter((x) => !taken.has(x)) };
}

const adjacent = (a: Line, b: Line) => b.index === a.index + 1 && !isElision(a.text) && !isElision(b.text);

function wrappedLine(head: Line, tail: Line, extra: ExtraLine[], taken: Set<ExtraLine>, bindings: BindingSet) {
  for (const join of JOINS) {
    const template = compileTemplate(`${head.text.trimEnd()}${join}${tail.text.trim()}`);
    const x = extra.find((e) => !taken.has(e) && bindings.fits(template, e.text, 'ordered'));
    if (x) return { extra: x, bindings: bindTemplate(template, x.text) };
  }
  return undefined;
}
