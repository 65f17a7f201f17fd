/**
 * How the HPA turns a metric proposal into the replica count it sets
 * (`pkg/controller/podautoscaler/horizontal.go`, v1.32): stabilization over recent recommendations,
 * min/max, and either the legacy scale-up limit (no `spec.behavior`) or the behavior's policies.
 */

/** A past recommendation or scale event, kept per HPA. */
export interface Sample {
  value: number;
  at: number;
}

export interface ScalingPolicy {
  type: 'Pods' | 'Percent';
  value: number;
  periodSeconds: number;
}

export interface ScalingRules {
  stabilizationWindowSeconds: number;
  selectPolicy: 'Max' | 'Min' | 'Disabled';
  policies: ScalingPolicy[];
}

/** The defaults `spec.behavior` gets (autoscaling/v2 GenerateHPAScaleUpRules / GenerateHPAScaleDownRules). */
export const DEFAULT_SCALE_UP: ScalingRules = {
  stabilizationWindowSeconds: 0,
  selectPolicy: 'Max',
  policies: [
    { type: 'Pods', value: 4, periodSeconds: 15 },
    { type: 'Percent', value: 100, periodSeconds: 15 },
  ],
};
export const DEFAULT_SCALE_DOWN: ScalingRules = {
  stabilizationWindowSeconds: 300,
  selectPolicy: 'Max',
  policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }],
};

/** Fills a behavior direction from its defaults, as the API server's defaulting does. */
export function rulesOf(given: Partial<ScalingRules> | undefined, defaults: ScalingRules): ScalingRules {
  return {
    stabilizationWindowSeconds: given?.stabilizationWindowSeconds ?? defaults.stabilizationWindowSeconds,
    selectPolicy: given?.selectPolicy ?? defaults.selectPolicy,
    policies: given?.policies?.length ? given.policies : defaults.policies,
  };
}

/** A condition the normalization sets: type, status, reason, message. */
export type Condition = [type: 'AbleToScale' | 'ScalingLimited', status: 'True' | 'False', reason: string, message: string];

export interface Normalized {
  replicas: number;
  conditions: Condition[];
}

const WITHIN_RANGE = ['DesiredWithinRange', 'the desired count is within the acceptable range'] as const;
const READY = ['ReadyForNewScale', 'recommended size matches current size'] as const;
const UP_STABILIZED = ['ScaleUpStabilized', 'recent recommendations were lower than current one, applying the lowest recent recommendation'] as const;
const DOWN_STABILIZED = ['ScaleDownStabilized', 'recent recommendations were higher than current one, applying the highest recent recommendation'] as const;
const SCALE_UP_LIMIT = ['ScaleUpLimit', 'the desired replica count is increasing faster than the maximum scale rate'] as const;
const SCALE_DOWN_LIMIT = ['ScaleDownLimit', 'the desired replica count is decreasing faster than the maximum scale rate'] as const;
const TOO_MANY = ['TooManyReplicas', 'the desired replica count is more than the maximum replica count'] as const;
const TOO_FEW = ['TooFewReplicas', 'the desired replica count is less than the minimum replica count'] as const;

function limited(stabilized: number, replicas: number, why: readonly [string, string]): Condition {
  return replicas === stabilized ? ['ScalingLimited', 'False', why[0], why[1]] : ['ScalingLimited', 'True', why[0], why[1]];
}

/**
 * normalizeDesiredReplicas (no behavior): the highest recommendation of the downscale window,
 * then min/max and a scale-up limit of max(2 × current, 4). `history` is updated in place.
 */
export function normalizeLegacy(history: Sample[], now: number, windowMs: number, current: number, proposed: number, min: number, max: number): Normalized {
  let stabilized = proposed;
  let old = -1;
  history.forEach((s, i) => {
    if (s.at < now - windowMs) old = i;
    else if (s.value > stabilized) stabilized = s.value;
  });
  if (old >= 0) history[old] = { value: proposed, at: now };
  else history.push({ value: proposed, at: now });
  const able: Condition = stabilized !== proposed ? ['AbleToScale', 'True', ...DOWN_STABILIZED] : ['AbleToScale', 'True', ...READY];
  const upLimit = Math.max(2 * current, 4);
  const [maxAllowed, maxWhy] = max > upLimit ? [upLimit, SCALE_UP_LIMIT] : [max, TOO_MANY];
  let replicas = stabilized;
  let why: readonly [string, string] = WITHIN_RANGE;
  if (stabilized < min) [replicas, why] = [min, TOO_FEW];
  else if (stabilized > maxAllowed) [replicas, why] = [maxAllowed, maxWhy];
  return { replicas, conditions: [able, limited(stabilized, replicas, why)] };
}

/** Replicas added (or removed) by the scale events within a policy's period. */
const changedWithin = (events: Sample[], now: number, periodSeconds: number) =>
  events.filter((e) => e.at > now - periodSeconds * 1000).reduce((a, e) => a + e.value, 0);

function scaleLimit(direction: 'up' | 'down', current: number, ups: Sample[], downs: Sample[], rules: ScalingRules, now: number): number {
  if (rules.selectPolicy === 'Disabled') return current;
  // Scaling up, Max picks the largest limit; scaling down, Max picks the smallest (the biggest change).
  const pickLargest = (direction === 'up') === (rules.selectPolicy === 'Max');
  let result = pickLargest ? -Infinity : Infinity;
  for (const p of rules.policies) {
    const start = current - changedWithin(ups, now, p.periodSeconds) + changedWithin(downs, now, p.periodSeconds);
    const proposed =
      direction === 'up'
        ? p.type === 'Pods'
          ? start + p.value
          : Math.ceil(start * (1 + p.value / 100))
        : p.type === 'Pods'
          ? start - p.value
          : Math.trunc(start * (1 - p.value / 100));
    result = pickLargest ? Math.max(result, proposed) : Math.min(result, proposed);
  }
  return result;
}

/**
 * normalizeDesiredReplicasWithBehaviors: stabilize within each direction's window, then limit the
 * change by the policies over the scale events of their periods, and by min/max.
 */
export function normalizeWithBehavior(
  history: Sample[],
  ups: Sample[],
  downs: Sample[],
  now: number,
  up: ScalingRules,
  down: ScalingRules,
  current: number,
  proposed: number,
  min: number,
  max: number,
): Normalized {
  const upCutoff = now - up.stabilizationWindowSeconds * 1000;
  const downCutoff = now - down.stabilizationWindowSeconds * 1000;
  const oldest = Math.min(upCutoff, downCutoff);
  let upRec = proposed;
  let downRec = proposed;
  let old = -1;
  history.forEach((s, i) => {
    if (s.at > upCutoff) upRec = Math.min(upRec, s.value);
    if (s.at > downCutoff) downRec = Math.max(downRec, s.value);
    if (s.at < oldest) old = i;
  });
  const stabilized = Math.min(Math.max(current, upRec), downRec);
  if (old >= 0) history[old] = { value: proposed, at: now };
  else history.push({ value: proposed, at: now });
  const stabilizedWhy = proposed >= current ? UP_STABILIZED : DOWN_STABILIZED;
  const able: Condition = stabilized !== proposed ? ['AbleToScale', 'True', ...stabilizedWhy] : ['AbleToScale', 'True', ...READY];
  let replicas = stabilized;
  let why: readonly [string, string] = WITHIN_RANGE;
  if (stabilized > current) {
    const limit = Math.max(scaleLimit('up', current, ups, downs, up, now), current);
    const [allowed, allowedWhy] = max > limit ? [limit, SCALE_UP_LIMIT] : [max, TOO_MANY];
    if (stabilized > allowed) [replicas, why] = [allowed, allowedWhy];
  } else if (stabilized < current) {
    const limit = Math.min(scaleLimit('down', current, ups, downs, down, now), current);
    const [allowed, allowedWhy] = min < limit ? [limit, SCALE_DOWN_LIMIT] : [min, TOO_FEW];
    if (stabilized < allowed) [replicas, why] = [allowed, allowedWhy];
  }
  return { replicas, conditions: [able, limited(stabilized, replicas, why)] };
}
