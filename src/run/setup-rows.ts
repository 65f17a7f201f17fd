/**
 * Rows of the author's own cluster: a listing (`kubectl get storageclass`) whose doc rows name
 * objects the page never creates — made by an earlier page or a prerequisite, the same decision
 * absent.ts makes for a step that names such an object — shows the author's environment, not a
 * fact of the page. Such a row missing here is not the page's defect; every other difference of
 * the listing (a row of an object the page does create, a typo of one, a wrong cell) still counts.
 */
import { systemNamespaceOf } from '../match/distribution.js';
import type { Difference } from '../match/types.js';
import { kubectlCall, parseCommandLine, type KubectlCall } from '../shell/index.js';
import { callKind, isListing, namedAbsent, type PageObjects } from './absent.js';

/** A doc row the actual table lacks, by its NAME cell (`row gold: missing …`, `row standard (default): …`). */
const MISSING_ROW = /^row (?:[a-z][\w.-]*\/)?([a-z0-9](?:[a-z0-9.-]*[a-z0-9])?)(?: \([^)]*\))?: missing in actual output$/;

/**
 * Which missing rows of a listing name objects a setup outside the page makes, and why; undefined
 * when there are none. A listing of a system namespace is left to distribution-components.ts (its
 * objects are the distribution's, not a setup's), and a page that creates objects in ways not read
 * here (`objects.opaque`) concludes nothing.
 */
export function setupRows(
  command: string,
  differences: readonly Difference[],
  objects: PageObjects,
): { reason: string; explains: (d: Difference) => boolean } | undefined {
  if (objects.opaque || systemNamespaceOf(command) !== undefined) return undefined;
  const listings = parseCommandLine(command)
    .commands.map((c) => kubectlCall(c))
    .filter((k): k is KubectlCall => k != null && isListing(k));
  if (listings.length !== 1) return undefined;
  const kind = callKind(listings[0]!);
  if (kind === undefined) return undefined;
  const reasons = new Map<Difference, string>();
  for (const d of differences) {
    const name = d.kind === 'missing-line' ? MISSING_ROW.exec(d.message)?.[1] : undefined;
    const reason = name === undefined ? undefined : namedAbsent(objects, kind, name);
    if (reason) reasons.set(d, reason);
  }
  const first = reasons.values().next();
  if (first.done) return undefined;
  return { reason: `the doc lists the author's cluster: ${first.value}`, explains: (d) => reasons.has(d) };
}
