/**
 * The metrics.k8s.io/v1beta1 API as metrics-server 0.7 serves it (NodeMetrics, PodMetrics: get and
 * list with label and field selectors). It exists only once metrics-server runs: the sim option
 * `metricsServer` (an addon already enabled), or a Deployment `metrics-server` in kube-system with
 * an available replica, however the page created it.
 */
import type { ServerResponse } from 'node:http';
import type { Api } from '../api/types.js';
import { dig, timestamp, typeOf } from '../controllers/util.js';
import { notFound, StatusError } from '../status.js';
import { wantsTable } from '../server/query.js';
import { compileSelectors } from '../store/selectors.js';
import type { KObject, ResourceType } from '../types.js';
import { nodeUsage, podUsages, type Usage } from './usage.js';

export const METRICS_GROUP = 'metrics.k8s.io';

const metricsType = (resource: string, kind: string, namespaced: boolean): ResourceType => ({
  group: METRICS_GROUP,
  version: 'v1beta1',
  resource,
  singular: '',
  kind,
  namespaced,
  verbs: ['get', 'list'],
});

/** The resources metrics-server registers (its APIResourceList has no singular names). */
export const METRICS_TYPES: readonly ResourceType[] = [metricsType('nodes', 'NodeMetrics', false), metricsType('pods', 'PodMetrics', true)];

/** metrics-server's metric resolution: the window each sample covers. */
const WINDOW = '15s';

/** Is a metrics-server serving the API in this cluster? */
export function metricsAvailable(api: Api): boolean {
  if (api.ctx.metricsServer) return true;
  const deployments = api.resolve('deployments', 'apps');
  const d = deployments && api.find(deployments, 'kube-system', 'metrics-server');
  return Boolean(d && !d.metadata.deletionTimestamp && Number(dig(d, 'status', 'availableReplicas') ?? 0) >= 1);
}

/** A count in `unit`s in canonical form: the largest suffix that divides it (`250000000n` → `250m`). */
function canonical(value: number, suffixes: readonly (readonly [string, number])[]): string {
  if (value === 0) return '0';
  let best = `${value}${suffixes[0]![0]}`;
  for (const [suffix, factor] of suffixes) if (value % factor === 0) best = `${value / factor}${suffix}`;
  return best;
}
const NANO: readonly (readonly [string, number])[] = [
  ['n', 1],
  ['u', 1e3],
  ['m', 1e6],
  ['', 1e9],
];
const KIBI: readonly (readonly [string, number])[] = [
  ['Ki', 1],
  ['Mi', 1024],
  ['Gi', 1024 ** 2],
];
/** Cores as metrics-server writes CPU: nanocores, canonical (`0.25` → `250m`, `0.0021183` → `2118300n`). */
export const cpuQuantity = (cores: number) => canonical(Math.round(cores * 1e9), NANO);
/** Bytes as metrics-server writes memory: whole KiB, canonical (`13696Ki`, `150Mi`). */
export const memoryQuantity = (bytes: number) => canonical(Math.round(bytes / 1024), KIBI);
const usageOf = (u: Usage) => ({ cpu: cpuQuantity(u.cpuCores), memory: memoryQuantity(u.memoryBytes) });

function meta(api: Api, o: KObject) {
  return {
    name: o.metadata.name,
    ...(o.metadata.namespace ? { namespace: o.metadata.namespace } : {}),
    creationTimestamp: timestamp(api.ctx.clock.now()),
    ...(o.metadata.labels ? { labels: o.metadata.labels } : {}),
  };
}

type MetricsItem = { metadata: { name?: string }; window: string };

/** The summed usage behind each served item, for its Table row. */
const totals = new WeakMap<object, Usage>();

function withTotal<T extends object>(item: T, total: Usage): T {
  totals.set(item, total);
  return item;
}

/** metrics-server's Table: Name, CPU, Memory, Window (a pod's containers summed). */
function metricsTable(items: MetricsItem[], resourceVersion: string) {
  const col = (name: string, type: string, format: string, description: string) => ({ name, type, format, description, priority: 0 });
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: { resourceVersion },
    columnDefinitions: [
      col('Name', 'string', 'name', 'Name must be unique within a namespace.'),
      col('CPU', 'string', '', 'CPU usage'),
      col('Memory', 'string', '', 'Memory usage'),
      col('Window', 'string', '', 'Time window'),
    ],
    rows: items.map((i) => {
      const total = totals.get(i) ?? { cpuCores: 0, memoryBytes: 0 };
      return {
        cells: [i.metadata.name, cpuQuantity(total.cpuCores), memoryQuantity(total.memoryBytes), i.window],
        object: { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: i.metadata },
      };
    }),
  };
}

/** PodMetrics of the measured pods in a namespace (all when undefined). */
export function listPodMetrics(api: Api, namespace: string | undefined, options: { labelSelector?: string; fieldSelector?: string } = {}) {
  const usages = podUsages(api);
  const sampled = timestamp(new Date(api.ctx.clock.now().getTime() - 5000));
  const match = compileSelectors(options);
  return api
    .list(typeOf(api, 'pods'), namespace)
    .items.filter((p) => usages.has(String(p.metadata.uid)) && match(p))
    .map((p) => {
      const containers = usages.get(String(p.metadata.uid))!;
      const total = { cpuCores: containers.reduce((a, c) => a + c.usage.cpuCores, 0), memoryBytes: containers.reduce((a, c) => a + c.usage.memoryBytes, 0) };
      return withTotal(
        {
          kind: 'PodMetrics',
          apiVersion: `${METRICS_GROUP}/v1beta1`,
          metadata: meta(api, p),
          timestamp: sampled,
          window: WINDOW,
          containers: containers.map((c) => ({ name: c.name, usage: usageOf(c.usage) })),
        },
        total,
      );
    });
}

/** NodeMetrics of the nodes. */
export function listNodeMetrics(api: Api, options: { labelSelector?: string; fieldSelector?: string } = {}) {
  const usages = podUsages(api);
  const sampled = timestamp(new Date(api.ctx.clock.now().getTime() - 5000));
  const match = compileSelectors(options);
  return api
    .list(typeOf(api, 'nodes'), undefined)
    .items.filter(match)
    .map((n) => {
      const total = nodeUsage(api, String(n.metadata.name), usages);
      return withTotal(
        { kind: 'NodeMetrics', apiVersion: `${METRICS_GROUP}/v1beta1`, metadata: meta(api, n), timestamp: sampled, window: WINDOW, usage: usageOf(total) },
        total,
      );
    });
}

/**
 * metrics-server's NotFound: the object itself missing (`pods "x" not found`), or present without
 * metrics yet (`podmetrics.metrics.k8s.io "default/x" not found`).
 */
function missing(api: Api, type: ResourceType, namespace: string | undefined, name: string): StatusError {
  const core = typeOf(api, type.resource);
  if (!api.find(core, namespace, name)) return notFound(type.resource, '', name);
  const what = type.resource === 'pods' ? 'podmetrics' : 'nodemetrics';
  return notFound(what, METRICS_GROUP, namespace ? `${namespace}/${name}` : name);
}

/** Answers a GET on /apis/metrics.k8s.io/v1beta1/...; anything else is MethodNotAllowed. */
export function serveMetrics(
  api: Api,
  route: { type: ResourceType; namespace?: string; name?: string; subresource?: string },
  method: string,
  params: URLSearchParams,
  res: ServerResponse,
  accept?: string,
): void {
  if (method !== 'GET' || route.subresource) {
    throw new StatusError({ message: `the server does not allow this method on the requested resource`, reason: 'MethodNotAllowed', code: 405 });
  }
  const options = {
    ...(params.get('labelSelector') ? { labelSelector: params.get('labelSelector')! } : {}),
    ...(params.get('fieldSelector') ? { fieldSelector: params.get('fieldSelector')! } : {}),
  };
  const pods = route.type.resource === 'pods';
  const items = pods ? listPodMetrics(api, route.namespace, route.name ? {} : options) : listNodeMetrics(api, route.name ? {} : options);
  let body: unknown;
  if (route.name) {
    const item = items.find((i) => i.metadata.name === route.name);
    if (!item) throw missing(api, route.type, route.namespace, route.name);
    body = wantsTable(accept) ? metricsTable([item], '') : item;
  } else if (wantsTable(accept)) {
    body = metricsTable(items, '');
  } else {
    body = { kind: pods ? 'PodMetricsList' : 'NodeMetricsList', apiVersion: `${METRICS_GROUP}/v1beta1`, metadata: {}, items };
  }
  const text = JSON.stringify(body);
  res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}
