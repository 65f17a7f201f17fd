import type { ResourceType } from '../types.js';

/** A parsed resource URL. */
export interface ResourceRoute {
  group: string;
  version: string;
  type: ResourceType;
  namespace?: string;
  name?: string;
  subresource?: string;
}

/** What a path names: a resource route, a group-version root, or nothing the simulator knows. */
export type ParsedPath = { kind: 'resource'; route: ResourceRoute } | { kind: 'groupVersion'; group: string; version: string } | { kind: 'unknown' };

/**
 * Parses `/api/v1/...` and `/apis/G/V/...` paths: cluster lists (`/api/v1/pods`), namespaced
 * collections and objects, and subresources (`.../pods/x/log`, `/api/v1/namespaces/x/status`).
 */
export function parseResourcePath(pathname: string, lookup: (group: string, version: string, resource: string) => ResourceType | undefined): ParsedPath {
  const parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  let group: string;
  let version: string;
  let rest: string[];
  if (parts[0] === 'api' && parts.length >= 2) {
    group = '';
    version = parts[1]!;
    rest = parts.slice(2);
  } else if (parts[0] === 'apis' && parts.length >= 3) {
    group = parts[1]!;
    version = parts[2]!;
    rest = parts.slice(3);
  } else return { kind: 'unknown' };
  if (rest.length === 0) return { kind: 'groupVersion', group, version };
  let namespace: string | undefined;
  if (rest[0] === 'namespaces' && rest.length >= 3 && !(rest.length === 3 && (rest[2] === 'status' || rest[2] === 'finalize'))) {
    namespace = rest[1];
    rest = rest.slice(2);
  }
  if (rest.length > 3) return { kind: 'unknown' };
  const type = lookup(group, version, rest[0]!);
  if (!type) return { kind: 'unknown' };
  if (namespace !== undefined && !type.namespaced) return { kind: 'unknown' };
  const route: ResourceRoute = { group, version, type };
  if (namespace !== undefined) route.namespace = namespace;
  if (rest[1] !== undefined) route.name = rest[1];
  if (rest[2] !== undefined) route.subresource = rest[2];
  return { kind: 'resource', route };
}

/** What is wrong with a request path before it is routed: a bad `%` escape (400) or a `.`/`..` segment (404). */
export type PathProblem = 'malformed' | 'dot-segment';

/**
 * Checks the raw request target. Go's HTTP server refuses an invalid `%` escape with 400, and the
 * API server routes nothing through a `.` or `..` segment, escaped (`%2e%2e`) or not; WHATWG URL
 * parsing would resolve such segments away, so this looks at the path as sent.
 */
export function pathProblem(rawUrl: string): PathProblem | undefined {
  const path = rawUrl.split(/[?#]/, 1)[0]!;
  for (const segment of path.split('/')) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return 'malformed';
    }
    if (decoded === '.' || decoded === '..') return 'dot-segment';
  }
  return undefined;
}
