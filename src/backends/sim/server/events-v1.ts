import type { KObject } from '../types.js';
import type { VersionAlias } from './hpa-v1.js';

type Json = Record<string, unknown>;

/** Field renames between core/v1 Event (left) and events.k8s.io/v1 Event (right). */
const RENAMES: [core: string, events: string][] = [
  ['involvedObject', 'regarding'],
  ['message', 'note'],
  ['reportingComponent', 'reportingController'],
  ['source', 'deprecatedSource'],
  ['firstTimestamp', 'deprecatedFirstTimestamp'],
  ['lastTimestamp', 'deprecatedLastTimestamp'],
  ['count', 'deprecatedCount'],
];
const SAME = ['reportingInstance', 'action', 'reason', 'related', 'type', 'eventTime', 'series'];

function convert(o: KObject, apiVersion: string, toEvents: boolean): KObject {
  const src = o as unknown as Json;
  const out: Json = { apiVersion, kind: 'Event', metadata: o.metadata };
  for (const k of SAME) if (src[k] !== undefined) out[k] = src[k];
  for (const [core, events] of RENAMES) {
    const [from, to] = toEvents ? [core, events] : [events, core];
    if (src[from] !== undefined) out[to] = src[from];
  }
  if (toEvents && out.eventTime === undefined) out.eventTime = null;
  return out as KObject;
}

/** events.k8s.io/v1 Events, stored as core/v1 Events (the real server keeps one copy of both). */
export const EVENTS_V1: VersionAlias = {
  type: {
    group: 'events.k8s.io',
    version: 'v1',
    resource: 'events',
    singular: 'event',
    kind: 'Event',
    namespaced: true,
    // No `ev` here: kubectl 1.32 would warn on every `get ev` that the short name is ambiguous.
    verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'],
  },
  storage: { group: '', resource: 'events' },
  toStorage: (o) => convert(o, 'v1', false),
  fromStorage: (o) => convert(o, 'events.k8s.io/v1', true),
};
