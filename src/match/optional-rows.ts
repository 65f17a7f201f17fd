/**
 * Rows the page calls optional ("If you see dns-autoscaler in the output, …"): a line naming one
 * may be present or absent. Where both outputs have it, it is compared as usual; where only one
 * does, it is left out of the comparison (a doc line becomes blank, so the doc's other lines keep
 * their positions).
 */

/** True when `line` names `name` as a whole word (`dns-autoscaler`, not `dns-autoscaler-2`). */
function names(line: string, name: string): boolean {
  const n = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\w.-])${n}(?![\\w-]|\\.[\\w])`, 'i').test(line);
}

/** The doc and actual text with each optional row that only one of them has left out. */
export function withoutOptionalRows(expected: string, actual: string, optional: readonly string[] | undefined): { expected: string; actual: string } {
  if (!optional?.length) return { expected, actual };
  let doc = expected.split('\n');
  let act = actual.split('\n');
  for (const name of optional) {
    const inDoc = doc.some((l) => names(l, name));
    const inActual = act.some((l) => names(l, name));
    if (inDoc === inActual) continue;
    if (inDoc) doc = doc.map((l) => (names(l, name) ? '' : l));
    else act = act.filter((l) => !names(l, name));
  }
  return { expected: doc.join('\n'), actual: act.join('\n') };
}
