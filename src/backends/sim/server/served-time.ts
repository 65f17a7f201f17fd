import type { ServerResponse } from 'node:http';
import type { Clock } from '../clock.js';

type Json = Record<string, unknown>;

/**
 * Timestamps kubectl turns into ages on its own machine's clock (describe's event ages, `kubectl
 * events`): metav1.Time and MicroTime fields of metadata, of Events, and of the status of built-in
 * kinds. A field with another name, or one in `spec`, `data` or annotations, is the user's value.
 */
const METADATA_TIMES = ['creationTimestamp', 'deletionTimestamp'];
const EVENT_TIMES = ['firstTimestamp', 'lastTimestamp', 'eventTime', 'deprecatedFirstTimestamp', 'deprecatedLastTimestamp'];
const STATUS_TIMES = new Set([
  'lastTransitionTime',
  'lastProbeTime',
  'lastHeartbeatTime',
  'lastUpdateTime',
  'startedAt',
  'finishedAt',
  'startTime',
  'completionTime',
  'lastScheduleTime',
  'lastSuccessfulTime',
  'lastScaleTime',
  'expirationTimestamp',
]);

/**
 * How far the simulator's clock runs ahead of this machine's, in whole seconds (as ms; 0 when it
 * does not). Whole seconds keep second-precision times exact, so times of both precisions keep
 * their order; rounding up keeps every time at or before this machine's now.
 */
export function clockLead(clock: Clock, wallNow: number = Date.now()): number {
  return Math.max(0, Math.ceil((clock.now().getTime() - wallNow) / 1000) * 1000);
}

/**
 * A timestamp moved back by `leadMs`, in the precision it was written with (seconds, or micro).
 * `seen` remembers the answers of one response: a list of many objects repeats few distinct times
 * (pods made in the same second), and parsing and formatting each was most of the shift's cost.
 */
function earlier(value: unknown, leadMs: number, seen: Map<string, unknown>): unknown {
  if (typeof value !== 'string') return value;
  let out = seen.get(value);
  if (out === undefined) seen.set(value, (out = shifted(value, leadMs)));
  return out;
}

function shifted(value: string, leadMs: number): unknown {
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(\.\d+)?Z$/.exec(value);
  if (!m) return value;
  const t = Date.parse(value) - leadMs;
  if (!Number.isFinite(t)) return value;
  const iso = new Date(t).toISOString();
  if (!m[2]) return `${iso.slice(0, 19)}Z`;
  return `${iso.slice(0, 19)}.${(iso.slice(20, 23) + '000000').slice(0, m[2].length - 1)}Z`;
}

/** Is this apiVersion a built-in group's (its status fields are the cluster's, not a custom controller's)? */
function builtIn(apiVersion: unknown): boolean {
  if (typeof apiVersion !== 'string') return true;
  const slash = apiVersion.indexOf('/');
  const group = slash < 0 ? '' : apiVersion.slice(0, slash);
  return !group.includes('.') || group.endsWith('.k8s.io');
}

function shiftStatus(status: unknown, leadMs: number, seen: Map<string, unknown>): unknown {
  if (Array.isArray(status)) return status.map((x) => shiftStatus(x, leadMs, seen));
  if (!status || typeof status !== 'object') return status;
  const out: Json = {};
  for (const [k, v] of Object.entries(status as Json)) out[k] = STATUS_TIMES.has(k) ? earlier(v, leadMs, seen) : shiftStatus(v, leadMs, seen);
  return out;
}

function shiftMetadata(meta: Json, leadMs: number, seen: Map<string, unknown>): Json {
  const out: Json = { ...meta };
  for (const k of METADATA_TIMES) if (k in out) out[k] = earlier(out[k], leadMs, seen);
  if (Array.isArray(out['managedFields']))
    out['managedFields'] = (out['managedFields'] as Json[]).map((f) => ('time' in f ? { ...f, time: earlier(f['time'], leadMs, seen) } : f));
  return out;
}

/**
 * An API answer with every timestamp kubectl turns into an age moved back by `leadMs`: objects,
 * lists, Tables (their rows' objects) and watch events. Ages the server computes (Table cells)
 * already count on the simulator's clock; this makes kubectl's own count the same.
 */
export function inWallTime(body: unknown, leadMs: number, of: { kind?: unknown; apiVersion?: unknown } = {}): unknown {
  return shiftBody(body, leadMs, of, new Map());
}

function shiftBody(body: unknown, leadMs: number, of: { kind?: unknown; apiVersion?: unknown }, seen: Map<string, unknown>): unknown {
  if (leadMs <= 0 || !body || typeof body !== 'object') return body;
  if (Array.isArray(body)) return body.map((x) => shiftBody(x, leadMs, of, seen));
  const o = body as Json;
  const out: Json = { ...o };
  // Items of a typed list carry no kind of their own: the list's says what they are.
  const kind = o['kind'] ?? of.kind;
  const apiVersion = o['apiVersion'] ?? of.apiVersion;
  if (o['metadata'] && typeof o['metadata'] === 'object') out['metadata'] = shiftMetadata(o['metadata'] as Json, leadMs, seen);
  if (o['status'] && typeof o['status'] === 'object' && builtIn(apiVersion)) out['status'] = shiftStatus(o['status'], leadMs, seen);
  if (kind === 'Event') {
    for (const k of EVENT_TIMES) if (k in out) out[k] = earlier(out[k], leadMs, seen);
    const series = o['series'] as Json | undefined;
    if (series && 'lastObservedTime' in series) out['series'] = { ...series, lastObservedTime: earlier(series['lastObservedTime'], leadMs, seen) };
  }
  // Lists, Tables and watch events hold objects.
  const itemKind = typeof o['kind'] === 'string' && o['kind'].endsWith('List') ? o['kind'].slice(0, -4) : undefined;
  if ('items' in o) out['items'] = shiftBody(o['items'], leadMs, { kind: itemKind, apiVersion }, seen);
  for (const k of ['rows', 'object']) if (k in o) out[k] = shiftBody(o[k], leadMs, {}, seen);
  return out;
}

/** The clock each response's timestamps are served against (set once per request). */
const leads = new WeakMap<ServerResponse, () => number>();

/** Serves this response's timestamps as this machine's clock reads them (see {@link inWallTime}). */
export function serveInWallTime(res: ServerResponse, clock: Clock): void {
  leads.set(res, () => clockLead(clock));
}

/** The body as it goes out on this response. */
export function servedBody(res: ServerResponse, body: unknown): unknown {
  const lead = leads.get(res)?.() ?? 0;
  return lead > 0 ? inWallTime(body, lead) : body;
}
