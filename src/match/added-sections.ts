import type { Line } from './lines.js';
import type { Difference } from './types.js';

/**
 * Sections a newer kubectl added to `kubectl describe` output, with the first kubectl minor that
 * prints them. A doc captured before that shows the output without the section: its heading, the
 * `====` rule under it and its entries are stale lines, not wrong ones. Sources are kubectl's
 * describe.go at the release named.
 */
export const ADDED_DESCRIBE_SECTIONS: ReadonlyArray<{ resource: RegExp; heading: string; since: string; what: string }> = [
  {
    // kubernetes/kubernetes#100568: describeConfigMap writes "\nBinaryData\n====\n" after Data, always.
    resource: /^(?:configmaps?|cm)(?:\/|$)/,
    heading: 'BinaryData',
    since: '1.22',
    what: "the BinaryData section of `kubectl describe configmap`",
  },
];

/** The resource a `kubectl describe` line names (`configmap/x`, `cm x`), lower-cased, or undefined. */
function describedResource(command: string | undefined): string | undefined {
  const m = /(?:^|[\s;&|(])kubectl\s+(?:-\S+\s+)*describe\s+(?:-\S+\s+)*([\w./-]+)/.exec(command ?? '');
  return m?.[1]?.toLowerCase();
}

/**
 * Marks as stale the extra lines of a describe section the doc does not show at all because its
 * kubectl predates the section: the heading, its `====` rule and the lines up to the next blank
 * line. A doc that shows the heading compares the section as usual.
 */
export function markAddedSections(differences: Difference[], doc: readonly Line[], actual: readonly Line[], command: string | undefined): Difference[] {
  const resource = describedResource(command);
  if (resource === undefined) return differences;
  const stale = new Map<string, string>();
  for (const section of ADDED_DESCRIBE_SECTIONS) {
    if (!section.resource.test(resource)) continue;
    if (doc.some((l) => l.text.trim() === section.heading)) continue;
    const at = actual.findIndex((l, i) => l.text.trim() === section.heading && /^=+$/.test(actual[i + 1]?.text.trim() ?? ''));
    if (at < 0) continue;
    const note = `${section.what}, printed since kubectl ${section.since}; the doc may predate it`;
    for (let i = at; i < actual.length; i++) {
      const text = actual[i]!.text.trim();
      if (i > at + 1 && text === '') break;
      if (text !== '') stale.set(text, note);
    }
  }
  if (stale.size === 0) return differences;
  return differences.map((d) => {
    const note = d.kind === 'extra-line' && d.actual !== undefined && !d.stale ? stale.get(d.actual) : undefined;
    return note ? { ...d, stale: true, message: `${d.message} (${note})` } : d;
  });
}
