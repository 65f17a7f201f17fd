import type { ServerResponse } from 'node:http';
import type { ResourceType } from '../types.js';

/** A served resource version the API server marks deprecated from some minor release on. */
export interface Deprecation {
  group: string;
  version: string;
  resource: string;
  /** First minor release (of 1.x) that sends the warning. */
  since: number;
  /** The warning text, as the apiserver builds it ("<gv> <Kind> is deprecated in v1.N+; use …"). */
  text: string;
}

/**
 * Deprecation warnings the API server sends (header `Warning: 299 - "…"`, which kubectl prints
 * as `Warning: …`) for the resources the simulator serves. Every other served version is GA and
 * undeprecated in 1.27–1.33.
 */
export const DEPRECATIONS: readonly Deprecation[] = [
  { group: '', version: 'v1', resource: 'endpoints', since: 33, text: 'v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice' },
];

/** Sets the deprecation warning for a request on `type`, when the reported version deprecates it. */
export function warnIfDeprecated(res: ServerResponse, type: ResourceType, minor: number): void {
  const d = DEPRECATIONS.find((x) => x.group === type.group && x.version === type.version && x.resource === type.resource && minor >= x.since);
  if (d) res.setHeader('Warning', `299 - ${JSON.stringify(d.text)}`);
}
