import type { BindingSet } from './bindings.js';
import type { ExtraLine, Gap } from './compare-lines.js';
import { unwrappedForms } from './kubectl-wrappers.js';
import { isElision, type Line } from './lines.js';
import { bindTemplate, compileTemplate } from './template.js';

/**
 * The ways an author breaks one long output line in two (a kubectl error of 150 characters, wrapped
 * to fit the page): at a blank, which the break replaced, or inside a word, with nothing between.
 */
const JOINS = [' ', ''] as const;

/** The most doc lines one wrapped output line is read from (a 300-character error in 80 columns). */
const MAX_RUN = 6;

/**
 * One output line the doc shows soft-wrapped: two or more doc lines next to each other in the doc
 * (no line between them), all left unaligned, that joined as the author broke them are an
 * instance of one actual line of the same gap under the usual tolerances — or of that line with
 * kubectl's own wrapper (`Error from server (Forbidden): error when creating "f": `) taken off,
 * which pages that wrap a long error by hand commonly leave out (kubectl-wrappers.ts). Such runs
 * are taken out of the gap (their values bound); every other unaligned line stays a difference.
 * Two lines join at a blank or inside a word; three or more only at blanks. Only a join that
 * matches a whole line counts: doc lines that are merely the start of an actual line are still
 * reported.
 */
export function joinSoftWraps(gap: Gap, bindings: BindingSet): Gap {
  if (gap.missing.length < 2 || gap.extra.length === 0) return gap;
  const missing: Line[] = [];
  const taken = new Set<ExtraLine>();
  for (let i = 0; i < gap.missing.length; i++) {
    const found = wrappedRun(gap.missing, i, gap.extra, taken, bindings);
    if (!found) {
      missing.push(gap.missing[i]!);
      continue;
    }
    taken.add(found.extra);
    bindings.addAll(found.bindings);
    i += found.length - 1;
  }
  return taken.size === 0 ? gap : { ...gap, missing, extra: gap.extra.filter((x) => !taken.has(x)) };
}

const adjacent = (a: Line, b: Line) => b.index === a.index + 1 && !isElision(a.text) && !isElision(b.text);

/** The shortest run of adjacent doc lines from `start` that joins to one free actual line. */
function wrappedRun(lines: Line[], start: number, extra: ExtraLine[], taken: Set<ExtraLine>, bindings: BindingSet) {
  for (let end = start + 1; end < lines.length && end - start < MAX_RUN && adjacent(lines[end - 1]!, lines[end]!); end++) {
    const run = lines.slice(start, end + 1);
    for (const join of run.length === 2 ? JOINS : ([' '] as const)) {
      const template = compileTemplate(run.map((l, k) => (k === 0 ? l.text.trimEnd() : l.text.trim())).join(join));
      for (const e of extra) {
        if (taken.has(e)) continue;
        const text = [e.text, ...unwrappedForms(e.text)].find((t) => bindings.fits(template, t, 'ordered'));
        if (text !== undefined) return { extra: e, length: run.length, bindings: bindTemplate(template, text) };
      }
    }
  }
  return undefined;
}
