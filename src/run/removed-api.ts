/**
 * A raw API request (curl through `kubectl proxy`) to a group/version Kubernetes has removed:
 * the API server answers `404 page not found` (its handler for a path nothing serves) with exit
 * status 0, so a doc that shows no output would pass. The removal is the page's defect; the table
 * of removed versions is lint's (`src/lint/data/deprecated-apis.ts`).
 */
import { DEPRECATED_APIS } from '../lint/data/deprecated-apis.js';
import { kindOf } from '../shell/index.js';

/** The Kubernetes version the run judges against. */
const TARGET = [1, 32] as const;

/** The API server's answer for a path no group/version serves. */
const PAGE_NOT_FOUND = /^404 page not found$/m;

/** A REST path of a resource: `/apis/<group>/<version>/[namespaces/<ns>/]<resource>` or `/api/<version>/…`. */
const API_PATH = /\/(?:apis\/([a-z0-9.-]+)\/(v\d\w*)|api\/(v\d\w*))(?:\/namespaces\/[^/\s'"?]+)?\/([a-z]+)/g;

const removedBy = (release: string | undefined): boolean => {
  if (!release) return false;
  const [major, minor] = release.split('.').map(Number);
  return major! < TARGET[0] || (major === TARGET[0] && minor! <= TARGET[1]);
};

/** Why the request a step sends is not served by Kubernetes 1.32 (`extensions/v1beta1 replicasets is not served since 1.16`), or undefined. */
export function removedApiRequest(command: string, output: string): string | undefined {
  if (!PAGE_NOT_FOUND.test(output)) return undefined;
  for (const m of command.matchAll(API_PATH)) {
    const apiVersion = m[1] ? `${m[1]}/${m[2]}` : m[3]!;
    const resource = m[4]!;
    const entries = DEPRECATED_APIS.filter((d) => d.apiVersion === apiVersion && removedBy(d.removedIn));
    if (entries.length === 0) continue;
    const entry = entries.find((d) => d.kinds.includes('*') || d.kinds.some((k) => kindOf(k) === kindOf(resource)));
    const instead = entry?.replacement ? `; use ${entry.replacement}` : '';
    if (entry) return `${apiVersion} ${resource} is not served since ${entry.removedIn}${instead}`;
    // Every kind of the group/version that was removed: the whole version is gone once all are.
    if (DEPRECATED_APIS.filter((d) => d.apiVersion === apiVersion).every((d) => removedBy(d.removedIn))) {
      const last = entries
        .map((d) => d.removedIn!)
        .sort((a, b) => Number(a.split('.')[1]) - Number(b.split('.')[1]))
        .at(-1)!;
      return `${apiVersion} is not served since ${last}`;
    }
  }
  return undefined;
}
