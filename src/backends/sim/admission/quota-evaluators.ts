import { podQOSClass } from './pod-plugins.js';
import { compareQuantities, sumQuantities } from './quantity.js';
import type { Dict } from './util.js';

/**
 * How ResourceQuota measures objects (pkg/quota/v1/evaluator/core and the apiserver's generic
 * object-count evaluator, v1.32): one row per kind of object, naming the quota resources it
 * measures, what one object uses of them, and the operations quota admission charges. The quota
 * controller sums the rows' usage over a namespace; quota admission charges one request's usage.
 */

/** Quota resource name → quantity (`requests.cpu` → `500m`), a corev1.ResourceList. */
export type Usage = Record<string, string>;

/** A scope selector of a quota (`spec.scopes` become `Exists` selectors). */
export interface ScopeSelector {
  scopeName: string;
  operator?: string;
  values?: string[];
}

/** One evaluator: behaviour as data, the functions small and per kind. */
export interface QuotaEvaluator {
  group: string;
  resource: string;
  /** Operations quota admission charges (`Handles`); requests to subresources are never charged here. */
  charges: readonly ('create' | 'update')[];
  /** The quota resource names among `names` this evaluator measures (`MatchingResources`). */
  matching(names: readonly string[]): string[];
  /** What one object uses (`Usage`); `now` decides whether a deleted pod still counts. */
  usage(obj: Dict, now: number): Usage;
  /** Whether the object is in one scope (pods only: other kinds match no scope, so a scoped quota ignores them). */
  inScope?(obj: Dict, selector: ScopeSelector): boolean;
  /** Why a quota covering `required` refuses the object before counting it (`Constraints`), or undefined. */
  constraints?(required: readonly string[], obj: Dict): string | undefined;
}

const objectCountName = (resource: string, group: string): string => (group ? `count/${resource}.${group}` : `count/${resource}`);

/** The generic object-count evaluator, with the legacy alias (`configmaps`) some core kinds keep. */
function objectCount(resource: string, group: string, alias?: string): QuotaEvaluator {
  const names = [objectCountName(resource, group), ...(alias ? [alias] : [])];
  return {
    group,
    resource,
    charges: ['create'],
    matching: (input) => input.filter((n) => names.includes(n)),
    usage: () => Object.fromEntries(names.map((n) => [n, '1'])),
  };
}

// ---- pods ----

const POD_RESOURCES = [
  'count/pods',
  'cpu',
  'memory',
  'ephemeral-storage',
  'requests.cpu',
  'requests.memory',
  'requests.ephemeral-storage',
  'limits.cpu',
  'limits.memory',
  'limits.ephemeral-storage',
  'pods',
];
const POD_RESOURCE_PREFIXES = ['hugepages-', 'requests.hugepages-'];

/** Resources whose quota makes every container state them (the evaluator's backward-compatible validationSet). */
const MUST_SPECIFY = new Set(['cpu', 'memory', 'requests.cpu', 'requests.memory', 'limits.cpu', 'limits.memory']);

/** IsNativeResource: no domain, or a kubernetes.io one. */
const isNative = (name: string): boolean => !name.includes('/') || name.includes('kubernetes.io/');
/** A container's extended resource (`example.com/dongle`), counted as `requests.<name>`. */
const isExtended = (name: string): boolean => !isNative(name) && !name.startsWith('requests.');

/** podComputeUsageHelper: the quota names a pod's (or one container's) requests and limits fill. */
function computeUsage(requests: Usage, limits: Usage): Usage {
  const result: Usage = { pods: '1' };
  for (const name of ['cpu', 'memory', 'ephemeral-storage']) {
    const request = requests[name];
    if (request !== undefined) {
      result[name] = request;
      result[`requests.${name}`] = request;
    }
    const limit = limits[name];
    if (limit !== undefined) result[`limits.${name}`] = limit;
  }
  for (const [name, value] of Object.entries(requests)) {
    if (name.startsWith('hugepages-')) {
      result[name] = value;
      result[`requests.${name}`] = value;
    }
    if (isExtended(name)) result[`requests.${name}`] = value;
  }
  return result;
}

/** QuotaV1Pod: a pod counts until it is terminal or its deletion's grace period has passed. */
function podCounts(pod: Dict, now: number): boolean {
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') return false;
  const deletion = pod.metadata?.deletionTimestamp;
  const grace = pod.metadata?.deletionGracePeriodSeconds;
  return !(deletion && grace !== undefined && now > Date.parse(deletion) + grace * 1000);
}

const largest = (values: unknown[]): unknown => values.reduce<unknown>((a, v) => (a === undefined || compareQuantities(v, a) > 0 ? v : a), undefined);

/**
 * resourcehelper.PodRequests / PodLimits for one resource: the sidecars and app containers summed,
 * or the largest init container when it needs more, plus the pod overhead; undefined when nothing states it.
 */
function podAmount(spec: Dict, kind: 'requests' | 'limits', resource: string): string | undefined {
  const of = (c: Dict): unknown => c?.resources?.[kind]?.[resource];
  const stated = (cs: Dict[]) => cs.map(of).filter((v) => v !== undefined);
  const inits = (spec.initContainers ?? []) as Dict[];
  const running = [...stated(inits.filter((c) => c.restartPolicy === 'Always')), ...stated((spec.containers ?? []) as Dict[])];
  const biggestInit = largest(stated(inits.filter((c) => c.restartPolicy !== 'Always')));
  const total = sumQuantities(running);
  const values = biggestInit !== undefined && compareQuantities(biggestInit, total) > 0 ? [biggestInit] : running;
  if (!values.length) return undefined;
  const overhead = spec.overhead?.[resource];
  return sumQuantities(overhead !== undefined ? [...values, overhead] : values);
}

/** A pod's requests or limits of every resource any of its containers states. */
function podAmounts(spec: Dict, kind: 'requests' | 'limits'): Usage {
  const containers = [...((spec.containers ?? []) as Dict[]), ...((spec.initContainers ?? []) as Dict[])];
  const names = new Set(containers.flatMap((c) => Object.keys(c?.resources?.[kind] ?? {})));
  const result: Usage = {};
  for (const name of names) {
    const amount = podAmount(spec, kind, name);
    if (amount !== undefined) result[name] = amount;
  }
  return result;
}

/** podMatchesScopeFunc (pkg/quota/v1/evaluator/core/pods.go). */
function podInScope(pod: Dict, s: ScopeSelector): boolean {
  const spec = (pod.spec ?? {}) as Dict;
  const terminating = typeof spec.activeDeadlineSeconds === 'number' && spec.activeDeadlineSeconds >= 0;
  switch (s.scopeName) {
    case 'Terminating':
      return terminating;
    case 'NotTerminating':
      return !terminating;
    case 'BestEffort':
      return podQOSClass(spec) === 'BestEffort';
    case 'NotBestEffort':
      return podQOSClass(spec) !== 'BestEffort';
    case 'PriorityClass': {
      const name = spec.priorityClassName as string | undefined;
      if (s.operator === 'Exists') return !!name;
      if (s.operator === 'DoesNotExist') return !name;
      const listed = (s.values ?? []).includes(name ?? '');
      return s.operator === 'NotIn' ? !listed : listed;
    }
    case 'CrossNamespacePodAffinity': {
      const affinity = spec.affinity ?? {};
      const terms = [
        ...((affinity.podAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? []) as Dict[]),
        ...((affinity.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? []) as Dict[]),
        ...((affinity.podAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []) as Dict[]).map((w) => w.podAffinityTerm ?? {}),
        ...((affinity.podAntiAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []) as Dict[]).map((w) => w.podAffinityTerm ?? {}),
      ];
      return terms.some((t) => (t.namespaces ?? []).length > 0 || t.namespaceSelector);
    }
    default:
      return false;
  }
}

/** The pod evaluator's Constraints: each container must state what a covering quota tracks of cpu and memory. */
function podConstraints(required: readonly string[], pod: Dict): string | undefined {
  const wanted = required.filter((r) => MUST_SPECIFY.has(r));
  const missing = new Map<string, Set<string>>();
  const containers = [...((pod.spec?.containers ?? []) as Dict[]), ...((pod.spec?.initContainers ?? []) as Dict[])];
  for (const c of containers) {
    const has = computeUsage(c.resources?.requests ?? {}, c.resources?.limits ?? {});
    for (const r of wanted) if (has[r] === undefined) missing.set(r, (missing.get(r) ?? new Set()).add(String(c.name)));
  }
  if (!missing.size) return undefined;
  const parts = [...missing.keys()].sort().map((r) => `${r} for: ${[...missing.get(r)!].sort().join(',')}`);
  return `must specify ${parts.join('; ')}`;
}

const PODS: QuotaEvaluator = {
  group: '',
  resource: 'pods',
  charges: ['create'],
  matching: (input) =>
    input.filter((n) => POD_RESOURCES.includes(n) || POD_RESOURCE_PREFIXES.some((p) => n.startsWith(p)) || (!isNative(n) && n.startsWith('requests.'))),
  usage(pod, now) {
    // count/pods counts every stored pod; the rest only pods not at end of life.
    if (!podCounts(pod, now)) return { 'count/pods': '1' };
    const spec = (pod.spec ?? {}) as Dict;
    return { 'count/pods': '1', ...computeUsage(podAmounts(spec, 'requests'), podAmounts(spec, 'limits')) };
  },
  inScope: podInScope,
  constraints: podConstraints,
};

// ---- services ----

const SERVICE_RESOURCES = ['count/services', 'services', 'services.loadbalancers', 'services.nodeports'];

const SERVICES: QuotaEvaluator = {
  group: '',
  resource: 'services',
  // A Service's type can change, so updates are charged too.
  charges: ['create', 'update'],
  matching: (input) => input.filter((n) => SERVICE_RESOURCES.includes(n)),
  usage(svc) {
    const spec = (svc.spec ?? {}) as Dict;
    const ports = (spec.ports ?? []) as Dict[];
    let nodePorts = 0;
    if (spec.type === 'NodePort') nodePorts = ports.length;
    if (spec.type === 'LoadBalancer') nodePorts = spec.allocateLoadBalancerNodePorts === false ? ports.filter((p) => p.nodePort).length : ports.length;
    return {
      'count/services': '1',
      services: '1',
      'services.loadbalancers': spec.type === 'LoadBalancer' ? '1' : '0',
      'services.nodeports': String(nodePorts),
    };
  },
};

// ---- persistentvolumeclaims ----

const STORAGE_CLASS_SUFFIX = '.storageclass.storage.k8s.io/';

const CLAIMS: QuotaEvaluator = {
  group: '',
  resource: 'persistentvolumeclaims',
  // An update can expand the claim.
  charges: ['create', 'update'],
  matching: (input) =>
    input.filter(
      (n) =>
        ['count/persistentvolumeclaims', 'persistentvolumeclaims', 'requests.storage'].includes(n) ||
        n.endsWith(`${STORAGE_CLASS_SUFFIX}persistentvolumeclaims`) ||
        n.endsWith(`${STORAGE_CLASS_SUFFIX}requests.storage`),
    ),
  usage(claim) {
    const spec = (claim.spec ?? {}) as Dict;
    const storageClass = (spec.storageClassName ?? claim.metadata?.annotations?.['volume.beta.kubernetes.io/storage-class'] ?? '') as string;
    const result: Usage = { persistentvolumeclaims: '1', 'count/persistentvolumeclaims': '1' };
    if (storageClass) result[`${storageClass}${STORAGE_CLASS_SUFFIX}persistentvolumeclaims`] = '1';
    const requested = spec.resources?.requests?.storage as string | undefined;
    const allocated = claim.status?.allocatedResources?.storage as string | undefined;
    const storage = requested !== undefined && allocated !== undefined && compareQuantities(allocated, requested) > 0 ? allocated : requested;
    if (storage !== undefined) {
      result['requests.storage'] = storage;
      if (storageClass) result[`${storageClass}${STORAGE_CLASS_SUFFIX}requests.storage`] = storage;
    }
    return result;
  },
};

/** The evaluators with more than a count, and the core kinds whose count keeps a legacy name. */
const EVALUATORS: readonly QuotaEvaluator[] = [
  PODS,
  SERVICES,
  CLAIMS,
  objectCount('configmaps', '', 'configmaps'),
  objectCount('resourcequotas', '', 'resourcequotas'),
  objectCount('replicationcontrollers', '', 'replicationcontrollers'),
  objectCount('secrets', '', 'secrets'),
];

/** Resources quota admission never charges (the apiserver's default ignored resources). */
const IGNORED = new Set(['events', 'events.events.k8s.io', 'tokenreviews.authentication.k8s.io', 'subjectaccessreviews.authorization.k8s.io']);

/** The evaluator of one kind of object: its row, or a plain object count; undefined for ignored kinds. */
export function evaluatorFor(resource: string, group: string): QuotaEvaluator | undefined {
  if (IGNORED.has(group ? `${resource}.${group}` : resource)) return undefined;
  return EVALUATORS.find((e) => e.resource === resource && e.group === group) ?? objectCount(resource, group);
}

/**
 * The evaluator that measures one quota resource name and the kind of object it counts:
 * `count/deployments.apps` → deployments in apps; `requests.cpu` → pods.
 */
export function evaluatorForName(name: string): QuotaEvaluator | undefined {
  const count = /^count\/([a-z0-9-]+)(?:\.(.+))?$/.exec(name);
  if (count) return evaluatorFor(count[1]!, count[2] ?? '');
  return EVALUATORS.find((e) => e.matching([name]).length > 0);
}

/** A quota's scope selectors: `spec.scopes` as `Exists`, then `spec.scopeSelector`. */
export function scopeSelectors(quota: Dict): ScopeSelector[] {
  return [
    ...((quota.spec?.scopes ?? []) as string[]).map((scopeName) => ({ scopeName, operator: 'Exists' })),
    ...((quota.spec?.scopeSelector?.matchExpressions ?? []) as ScopeSelector[]),
  ];
}

/** Whether an object is in every scope of a quota (a kind without scopes is in none). */
export function inQuotaScopes(evaluator: QuotaEvaluator, obj: Dict, quota: Dict): boolean {
  return scopeSelectors(quota).every((s) => evaluator.inScope?.(obj, s) ?? false);
}

/**
 * CalculateUsageStats: what the objects in the quota's scopes use of `names`, each name
 * present (`0` when nothing uses it).
 */
export function sumUsage(evaluator: QuotaEvaluator, objects: readonly Dict[], quota: Dict, names: readonly string[], now: number): Usage {
  const values = new Map<string, unknown[]>(names.map((n) => [n, []]));
  for (const obj of objects) {
    if (!inQuotaScopes(evaluator, obj, quota)) continue;
    const usage = evaluator.usage(obj, now);
    for (const n of names) if (usage[n] !== undefined) values.get(n)!.push(usage[n]);
  }
  return Object.fromEntries([...values].map(([n, v]) => [n, sumQuantities(v)]));
}
