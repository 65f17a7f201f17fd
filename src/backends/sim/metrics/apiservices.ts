/**
 * APIServices (apiregistration.k8s.io/v1): the built-in ones a kind 1.32 cluster lists, all Local
 * and available, and `v1beta1.metrics.k8s.io` that metrics-server registers, available while its
 * Deployment is.
 */
import type { Api } from '../api/types.js';
import { timestamp, tolerate } from '../controllers/util.js';
import type { KObject } from '../types.js';

/** [group, version, groupPriorityMinimum, versionPriority] of kube-apiserver 1.32's built-in groups (its apiVersionPriorities). */
export const BUILT_IN_APISERVICES: readonly (readonly [string, string, number, number])[] = [
  ['', 'v1', 18000, 1],
  ['admissionregistration.k8s.io', 'v1', 16700, 15],
  ['apiextensions.k8s.io', 'v1', 16700, 15],
  ['apiregistration.k8s.io', 'v1', 18000, 15],
  ['apps', 'v1', 17800, 15],
  ['authentication.k8s.io', 'v1', 17700, 15],
  ['authorization.k8s.io', 'v1', 17600, 15],
  ['autoscaling', 'v1', 17500, 15],
  ['autoscaling', 'v2', 17500, 30],
  ['batch', 'v1', 17400, 15],
  ['certificates.k8s.io', 'v1', 17300, 15],
  ['coordination.k8s.io', 'v1', 16500, 15],
  ['discovery.k8s.io', 'v1', 16200, 15],
  ['events.k8s.io', 'v1', 17750, 15],
  ['flowcontrol.apiserver.k8s.io', 'v1', 16100, 21],
  ['networking.k8s.io', 'v1', 17200, 15],
  ['node.k8s.io', 'v1', 16300, 15],
  ['policy', 'v1', 17100, 15],
  ['rbac.authorization.k8s.io', 'v1', 17000, 15],
  ['scheduling.k8s.io', 'v1', 16600, 15],
  ['storage.k8s.io', 'v1', 16800, 15],
];

export const METRICS_APISERVICE = 'v1beta1.metrics.k8s.io';

const available = (now: Date, status: 'True' | 'False', reason: string, message: string) => ({
  conditions: [{ type: 'Available', status, lastTransitionTime: timestamp(now), reason, message }],
});

/**
 * Creates the built-in APIServices, as kube-apiserver's autoregistration does: written to storage
 * directly (the core group's `v1.` is not a name a client could create).
 */
export function ensureBuiltInApiServices(api: Api): void {
  const type = api.resolve('apiservices', 'apiregistration.k8s.io');
  if (!type) return;
  const now = api.ctx.clock.now();
  for (const [group, version, groupPriorityMinimum, versionPriority] of BUILT_IN_APISERVICES) {
    const name = group ? `${version}.${group}` : `${version}.`;
    if (api.find(type, undefined, name)) continue;
    const object: KObject = {
      apiVersion: 'apiregistration.k8s.io/v1',
      kind: 'APIService',
      metadata: { name, uid: api.ctx.ids.uid(), creationTimestamp: timestamp(now), labels: { 'kube-aggregator.kubernetes.io/automanaged': 'onstart' } },
      spec: { ...(group ? { group } : {}), version, groupPriorityMinimum, versionPriority },
      status: available(now, 'True', 'Passed', 'Local APIServices are always available'),
    };
    tolerate(() => api.store.create(type, object));
  }
}

/**
 * Keeps `v1beta1.metrics.k8s.io` in step with metrics-server: registered (as components.yaml
 * registers it) once metrics are served, its Available condition True while they are and
 * False (MissingEndpoints) while they are not.
 */
export function syncMetricsApiService(api: Api, served: boolean): void {
  const type = api.resolve('apiservices', 'apiregistration.k8s.io');
  if (!type) return;
  const now = api.ctx.clock.now();
  let existing = api.find(type, undefined, METRICS_APISERVICE);
  if (!existing) {
    if (!served) return;
    existing = tolerate(() =>
      api.create(type, undefined, {
        apiVersion: 'apiregistration.k8s.io/v1',
        kind: 'APIService',
        metadata: { name: METRICS_APISERVICE, labels: { 'k8s-app': 'metrics-server' } },
        spec: {
          service: { name: 'metrics-server', namespace: 'kube-system', port: 443 },
          group: 'metrics.k8s.io',
          version: 'v1beta1',
          insecureSkipTLSVerify: true,
          groupPriorityMinimum: 100,
          versionPriority: 100,
        },
      }),
    );
    if (!existing) return;
  }
  const want = served
    ? available(now, 'True', 'Passed', 'all checks passed')
    : available(now, 'False', 'MissingEndpoints', 'endpoints for service/metrics-server in "kube-system" have no addresses with port name "https"');
  const current = (existing['status'] as { conditions?: { status?: string; reason?: string }[] } | undefined)?.conditions?.[0];
  if (current?.status === want.conditions[0]!.status && current?.reason === want.conditions[0]!.reason) return;
  tolerate(() => api.update(type, undefined, { ...existing, status: want }, { subresource: 'status' }));
}

/** Follows metrics-server's Deployment and keeps its APIService in step. Returns an unsubscribe function. */
export function watchMetricsServer(api: Api, isServed: (api: Api) => boolean): () => void {
  let last = isServed(api);
  syncMetricsApiService(api, last);
  return api.subscribe((change) => {
    if (change.resource.resource !== 'deployments' || change.object.metadata.namespace !== 'kube-system') return;
    const now = isServed(api);
    if (now === last) return;
    last = now;
    syncMetricsApiService(api, now);
  });
}
