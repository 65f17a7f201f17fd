import type { Api } from '../api/types.js';
import { metricsAvailable } from '../metrics/api.js';
import { podUsages } from '../metrics/usage.js';
import { quantity } from '../runtime/env.js';
import type { KObject, ResourceType, StoreChange } from '../types.js';
import { recordEvent } from './events.js';
import { DEFAULT_SCALE_DOWN, DEFAULT_SCALE_UP, normalizeLegacy, normalizeWithBehavior, rulesOf, type Sample, type ScalingRules } from './hpa-normalize.js';
import { ReplicaCalcError, resourceReplicas, type PodMetricValues } from './hpa-replicas.js';
import { type SyncResult, WorkQueue } from './queue.js';
import { type Json, clone, deepEqual, dig, keyOf, selectorMatches, splitKey, timestamp, tolerate, type LabelSelector } from './util.js';

const COMPONENT = 'horizontal-pod-autoscaler';

/** kube-controller-manager's HPA settings (its flags' defaults). */
export interface HpaSettings {
  /** --horizontal-pod-autoscaler-sync-period */
  syncPeriodMs: number;
  /** --horizontal-pod-autoscaler-downscale-stabilization (used when the HPA has no behavior) */
  downscaleStabilizationMs: number;
  /** --horizontal-pod-autoscaler-tolerance */
  tolerance: number;
}

export const defaultHpaSettings: HpaSettings = { syncPeriodMs: 15_000, downscaleStabilizationMs: 300_000, tolerance: 0.1 };

const NO_METRICS_API = 'unable to fetch metrics from resource metrics API: the server could not find the requested resource (get pods.metrics.k8s.io)';

interface MetricSpec {
  type?: string;
  resource?: { name?: string; target?: { type?: string; averageUtilization?: number; averageValue?: string } };
}

interface Proposal {
  replicas: number;
  metricName: string;
  status: Json;
}

/** A metric that could not be read: the condition reason and the error text. */
class MetricError extends Error {
  constructor(
    readonly reason: string,
    message: string,
  ) {
    super(message);
  }
}

/** `250m`, `1`, `10485760`: a milli-value as a canonical DecimalSI quantity. */
function milliQuantity(milli: number): string {
  if (milli % 1000 !== 0) return `${milli}m`;
  let v = milli / 1000;
  const suffixes = ['', 'k', 'M', 'G', 'T', 'P', 'E'];
  let i = 0;
  while (v !== 0 && v % 1000 === 0 && i < suffixes.length - 1) {
    v /= 1000;
    i++;
  }
  return `${v}${suffixes[i]}`;
}

/**
 * The horizontal pod autoscaler (`pkg/controller/podautoscaler`, v1.32): every sync period it reads
 * the target's scale and its pods' resource metrics from the metrics API, proposes
 * ceil(current × usage/target) outside the tolerance, stabilizes and limits the change (legacy
 * rules, or `spec.behavior`), scales the target, and writes status, conditions and events.
 */
export class HorizontalPodAutoscalerController {
  readonly queue: WorkQueue;
  private readonly hpas: ResourceType;
  private readonly pods: ResourceType;
  private readonly recommendations = new Map<string, Sample[]>();
  private readonly scaleUps = new Map<string, Sample[]>();
  private readonly scaleDowns = new Map<string, Sample[]>();

  constructor(
    private readonly api: Api,
    private readonly settings: HpaSettings = defaultHpaSettings,
  ) {
    const hpas = api.resolve('horizontalpodautoscalers', 'autoscaling');
    const pods = api.resolve('pods', '');
    if (!hpas || !pods) throw new Error('controllers: the API serves no horizontalpodautoscalers');
    this.hpas = hpas;
    this.pods = pods;
    this.queue = new WorkQueue(COMPONENT, api.ctx.clock, (key) => this.sync(key));
  }

  /** HPAs are synced one period after they change, then every period (the controller's rate limiter). */
  handle(change: StoreChange): void {
    if (change.resource !== this.hpas) return;
    const key = keyOf(change.object);
    if (change.type === 'DELETED') {
      for (const m of [this.recommendations, this.scaleUps, this.scaleDowns]) m.delete(key);
      return;
    }
    this.queue.addAfter(key, this.settings.syncPeriodMs);
  }

  private sync(key: string): SyncResult {
    const { namespace, name } = splitKey(key);
    const found = this.api.find(this.hpas, namespace, name);
    if (!found || found.metadata.deletionTimestamp) return;
    const hpa = clone(found);
    this.reconcile(key, hpa);
    if (!deepEqual(found['status'], hpa['status'])) tolerate(() => this.api.update(this.hpas, namespace, hpa, { subresource: 'status' }));
    return { requeueAfterMs: this.settings.syncPeriodMs };
  }

  private setCondition(hpa: KObject, type: string, status: 'True' | 'False', reason: string, message: string): void {
    const st = (hpa['status'] ??= {}) as Json;
    const conditions = ((st['conditions'] as Json[] | undefined) ?? []).slice();
    const now = timestamp(this.api.ctx.clock.now());
    const i = conditions.findIndex((c) => c['type'] === type);
    const old = conditions[i];
    const next = { type, status, lastTransitionTime: old && old['status'] === status ? old['lastTransitionTime'] : now, reason, message };
    if (i >= 0) conditions[i] = next;
    else conditions.push(next);
    st['conditions'] = conditions;
  }

  private event(hpa: KObject, type: 'Normal' | 'Warning', reason: string, message: string): void {
    recordEvent(this.api, hpa, type, reason, message, COMPONENT);
  }

  private setStatus(hpa: KObject, current: number, desired: number, metrics: Json[] | undefined, rescaled: boolean): void {
    const old = (hpa['status'] ?? {}) as Json;
    const lastScaleTime = rescaled ? timestamp(this.api.ctx.clock.now()) : old['lastScaleTime'];
    hpa['status'] = {
      ...(lastScaleTime ? { lastScaleTime } : {}),
      currentReplicas: current,
      desiredReplicas: desired,
      ...(metrics?.length ? { currentMetrics: metrics } : {}),
      ...(old['conditions'] ? { conditions: old['conditions'] } : {}),
    };
  }

  private reconcile(key: string, hpa: KObject): void {
    const spec = (hpa['spec'] ?? {}) as Json;
    const ref = (spec['scaleTargetRef'] ?? {}) as { apiVersion?: string; kind?: string; name?: string };
    const namespace = hpa.metadata.namespace;
    const targetType = this.api.typeFor(ref.apiVersion ?? '', ref.kind ?? '');
    const target = targetType && this.api.find(targetType, namespace, ref.name ?? '');
    const status = (hpa['status'] ?? {}) as Json;
    if (!targetType || !target) {
      const what = targetType
        ? `${targetType.resource}${targetType.group ? `.${targetType.group}` : ''} "${ref.name}" not found`
        : `no matches for kind "${ref.kind}" in group "${(ref.apiVersion ?? '').split('/').slice(0, -1).join('/')}"`;
      const message = targetType ? what : `unable to determine resource for scale target reference: ${what}`;
      this.event(hpa, 'Warning', 'FailedGetScale', message);
      this.setCondition(hpa, 'AbleToScale', 'False', 'FailedGetScale', `the HPA controller was unable to get the target's current scale: ${message}`);
      this.setStatus(
        hpa,
        Number(status['currentReplicas'] ?? 0),
        Number(status['desiredReplicas'] ?? 0),
        status['currentMetrics'] as Json[] | undefined,
        false,
      );
      return;
    }
    this.setCondition(hpa, 'AbleToScale', 'True', 'SucceededGetScale', "the HPA controller was able to get the target's current scale");
    const current = Number(dig(target, 'spec', 'replicas') ?? 1);
    const min = Number(spec['minReplicas'] ?? 1);
    const max = Number(spec['maxReplicas'] ?? 1);
    let desired = 0;
    let reason = '';
    let metricStatuses: Json[] | undefined;
    if (current === 0 && min !== 0) {
      this.setCondition(hpa, 'ScalingActive', 'False', 'ScalingDisabled', 'scaling is disabled since the replica count of the target is zero');
    } else if (current > max) {
      [desired, reason] = [max, 'Current number of replicas above Spec.MaxReplicas'];
    } else if (current < min) {
      [desired, reason] = [min, 'Current number of replicas below Spec.MinReplicas'];
    } else {
      const computed = this.computeReplicas(hpa, target, current);
      metricStatuses = computed.statuses;
      if (!computed.best) {
        this.setStatus(hpa, current, Number(status['desiredReplicas'] ?? 0), metricStatuses, false);
        return;
      }
      this.setCondition(
        hpa,
        'ScalingActive',
        'True',
        'ValidMetricFound',
        `the HPA was able to successfully calculate a replica count from ${computed.best.metricName}`,
      );
      desired = computed.best.replicas;
      if (desired > current) reason = `${computed.best.metricName} above target`;
      if (desired < current) reason = 'All metrics below target';
      const normalized = this.normalize(key, spec, current, desired, min, max);
      desired = normalized.replicas;
      for (const c of normalized.conditions) this.setCondition(hpa, ...c);
    }
    const rescale = current === 0 && min !== 0 ? false : desired !== current;
    if (rescale) {
      try {
        this.api.patch(targetType, namespace, String(target.metadata.name), 'merge', { spec: { replicas: desired } }, { subresource: 'scale' });
      } catch (error) {
        const message = `failed to rescale ${targetType.resource}/${ref.name}: ${(error as Error).message}`;
        this.event(hpa, 'Warning', 'FailedRescale', `New size: ${desired}; reason: ${reason}; error: ${(error as Error).message}`);
        this.setCondition(hpa, 'AbleToScale', 'False', 'FailedUpdateScale', `the HPA controller was unable to update the target scale: ${message}`);
        this.setStatus(hpa, current, Number(status['desiredReplicas'] ?? 0), metricStatuses, false);
        return;
      }
      this.setCondition(hpa, 'AbleToScale', 'True', 'SucceededRescale', `the HPA controller was able to update the target scale to ${desired}`);
      this.event(hpa, 'Normal', 'SuccessfulRescale', `New size: ${desired}; reason: ${reason}`);
      this.storeScaleEvent(key, spec, current, desired);
    } else desired = current === 0 && min !== 0 ? 0 : current;
    this.setStatus(hpa, current, desired, metricStatuses, rescale);
  }

  private normalize(key: string, spec: Json, current: number, proposed: number, min: number, max: number) {
    const history = this.recommendations.get(key) ?? [];
    this.recommendations.set(key, history);
    const now = this.api.ctx.clock.now().getTime();
    const behavior = spec['behavior'] as { scaleUp?: Partial<ScalingRules>; scaleDown?: Partial<ScalingRules> } | undefined;
    if (!behavior) return normalizeLegacy(history, now, this.settings.downscaleStabilizationMs, current, proposed, min, max);
    const up = rulesOf(behavior.scaleUp, DEFAULT_SCALE_UP);
    const down = rulesOf(behavior.scaleDown, DEFAULT_SCALE_DOWN);
    return normalizeWithBehavior(history, this.scaleUps.get(key) ?? [], this.scaleDowns.get(key) ?? [], now, up, down, current, proposed, min, max);
  }

  /** storeScaleEvent: only HPAs with a behavior keep them; events older than the longest policy period go. */
  private storeScaleEvent(key: string, spec: Json, from: number, to: number): void {
    const behavior = spec['behavior'] as { scaleUp?: Partial<ScalingRules>; scaleDown?: Partial<ScalingRules> } | undefined;
    if (!behavior) return;
    const now = this.api.ctx.clock.now().getTime();
    const up = to > from;
    const rules = up ? rulesOf(behavior.scaleUp, DEFAULT_SCALE_UP) : rulesOf(behavior.scaleDown, DEFAULT_SCALE_DOWN);
    const longest = Math.max(0, ...rules.policies.map((p) => p.periodSeconds)) * 1000;
    const map = up ? this.scaleUps : this.scaleDowns;
    const kept = (map.get(key) ?? []).filter((e) => e.at > now - longest);
    kept.push({ value: Math.abs(to - from), at: now });
    map.set(key, kept);
  }

  /** computeReplicasForMetrics: the largest proposal of the valid metrics, or none when they are invalid. */
  private computeReplicas(hpa: KObject, target: KObject, current: number): { best?: Proposal; statuses: Json[] } {
    const metrics = (dig<MetricSpec[]>(hpa, 'spec', 'metrics') ?? []) as MetricSpec[];
    const statuses: Json[] = [];
    let best: Proposal | undefined;
    const errors: MetricError[] = [];
    for (const m of metrics) {
      try {
        const p = this.resourceProposal(hpa, target, current, m);
        statuses.push(p.status);
        if (!best || p.replicas > best.replicas) best = p;
      } catch (error) {
        const e = error instanceof MetricError ? error : new MetricError('FailedGetResourceMetric', (error as Error).message);
        statuses.push({ type: '' });
        errors.push(e);
        this.event(hpa, 'Warning', e.reason, e.message);
      }
    }
    if (errors.length > 0 && (errors.length >= metrics.length || (best && best.replicas < current))) {
      const first = errors[0]!;
      this.setCondition(hpa, 'ScalingActive', 'False', first.reason, `the HPA was unable to compute the replica count: ${first.message}`);
      this.event(
        hpa,
        'Warning',
        'FailedComputeMetricsReplicas',
        `invalid metrics (${errors.length} invalid out of ${metrics.length}), first error is: ${metricValueError(metrics[statuses.findIndex((s) => s['type'] === '')]!, first)}`,
      );
      return { statuses };
    }
    return best ? { best, statuses } : { statuses };
  }

  private resourceProposal(hpa: KObject, target: KObject, current: number, m: MetricSpec): Proposal {
    if (m.type !== 'Resource' || !m.resource?.name) {
      const type = m.type ?? '';
      throw new MetricError(
        `FailedGet${type}Metric`,
        `the simulator has no ${type ? `${type} ` : ''}metrics API (custom.metrics.k8s.io, external.metrics.k8s.io): only Resource metrics are simulated`,
      );
    }
    const resource = m.resource.name;
    const reason = 'FailedGetResourceMetric';
    const fail = (why: string) => new MetricError(reason, `failed to get ${resource} utilization: ${why}`);
    if (!metricsAvailable(this.api)) throw fail(`unable to get metrics for resource ${resource}: ${NO_METRICS_API}`);
    const selector = dig<LabelSelector>(target, 'spec', 'selector');
    const mapSelector =
      selector && !selector.matchLabels && !selector.matchExpressions ? { matchLabels: selector as unknown as Record<string, string> } : selector;
    const pods = this.api
      .list(this.pods, hpa.metadata.namespace)
      .items.filter((p) => selectorMatches(mapSelector, p.metadata.labels as Record<string, string>));
    const usages = podUsages(this.api);
    const values: PodMetricValues = new Map();
    for (const p of pods) {
      const cs = usages.get(String(p.metadata.uid));
      if (!cs) continue;
      const sum = cs.reduce((a, c) => a + (resource === 'cpu' ? c.usage.cpuCores : c.usage.memoryBytes), 0);
      values.set(String(p.metadata.name), Math.round(sum * 1000));
    }
    const t = m.resource.target ?? {};
    const tolerance = this.settings.tolerance;
    try {
      if (t.averageValue !== undefined) {
        const averageMilli = Math.round(quantity(String(t.averageValue)) * 1000);
        const p = resourceReplicas(current, pods, values, resource, { averageMilli }, tolerance);
        return {
          replicas: p.replicas,
          metricName: `${resource} resource`,
          status: { type: 'Resource', resource: { name: resource, current: { averageValue: milliQuantity(p.rawAverage) } } },
        };
      }
      const p = resourceReplicas(current, pods, values, resource, { utilization: Number(t.averageUtilization ?? 0) }, tolerance);
      return {
        replicas: p.replicas,
        metricName: `${resource} resource utilization (percentage of request)`,
        status: { type: 'Resource', resource: { name: resource, current: { averageValue: milliQuantity(p.rawAverage), averageUtilization: p.utilization } } },
      };
    } catch (error) {
      if (error instanceof ReplicaCalcError) throw fail(error.message);
      throw error;
    }
  }
}

/** The per-metric error as computeReplicasForMetrics wraps it. */
function metricValueError(m: MetricSpec, e: MetricError): string {
  return m.type === 'Resource' ? `failed to get ${m.resource?.name} resource metric value: ${e.message}` : e.message;
}
