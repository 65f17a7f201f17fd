import type { Json } from './util.js';

/** The three container probes, named as the kubelet names them in events. */
export type ProbeType = 'Liveness' | 'Readiness' | 'Startup';

/** A probe's settings with the API defaults filled in, in simulated milliseconds. */
export interface ProbeSettings {
  type: ProbeType;
  spec: Json;
  initialDelayMs: number;
  periodMs: number;
  timeoutMs: number;
  successThreshold: number;
  failureThreshold: number;
  /** probe-level terminationGracePeriodSeconds, when set (liveness and startup only). */
  graceSeconds?: number;
}

const FIELDS: [ProbeType, string][] = [
  ['Startup', 'startupProbe'],
  ['Liveness', 'livenessProbe'],
  ['Readiness', 'readinessProbe'],
];

/** The probes a container spec defines, with the defaults the API server applies (period 10s, timeout 1s, thresholds 1/3). */
export function probesOf(container: Json | undefined): ProbeSettings[] {
  const out: ProbeSettings[] = [];
  for (const [type, field] of FIELDS) {
    const spec = container?.[field] as Json | undefined;
    if (!spec) continue;
    const n = (k: string, d: number) => (typeof spec[k] === 'number' ? (spec[k] as number) : d);
    out.push({
      type,
      spec,
      initialDelayMs: n('initialDelaySeconds', 0) * 1000,
      periodMs: Math.max(1, n('periodSeconds', 10)) * 1000,
      timeoutMs: Math.max(1, n('timeoutSeconds', 1)) * 1000,
      // Liveness and startup probes must have successThreshold 1 (validation); readiness may ask for more.
      successThreshold: type === 'Readiness' ? Math.max(1, n('successThreshold', 1)) : 1,
      failureThreshold: Math.max(1, n('failureThreshold', 3)),
      ...(typeof spec['terminationGracePeriodSeconds'] === 'number' ? { graceSeconds: spec['terminationGracePeriodSeconds'] as number } : {}),
    });
  }
  return out;
}

/** The consecutive-result counter of one probe worker; it survives container restarts, as the kubelet's does. */
export interface ProbeTally {
  last?: 'success' | 'failure';
  run: number;
}

/**
 * Counts one probe result the way the kubelet's probe worker does: the settled result changes
 * only after `successThreshold` successes or `failureThreshold` failures in a row. Returns the
 * newly settled result, or undefined while below the threshold.
 */
export function tally(t: ProbeTally, result: 'success' | 'failure', s: ProbeSettings): 'success' | 'failure' | undefined {
  if (t.last === result) t.run++;
  else {
    t.last = result;
    t.run = 1;
  }
  if (result === 'failure' && t.run < s.failureThreshold) return undefined;
  if (result === 'success' && t.run < s.successThreshold) return undefined;
  // A liveness or startup failure restarts the container; counting starts over for the next one.
  if (result === 'failure' && s.type !== 'Readiness') t.run = 0;
  return result;
}

/** The Killing event message for a container a probe failed. */
export function probeKillMessage(container: string, type: ProbeType): string {
  return `Container ${container} failed ${type.toLowerCase()} probe, will be restarted`;
}
