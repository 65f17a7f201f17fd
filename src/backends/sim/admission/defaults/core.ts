import { type Dict, ensureDict, list, setDefault } from '../util.js';

/** core/v1 and other non-workload defaults (`pkg/apis/core/v1/defaults.go` and strategies). */

/** Service spec defaults; ClusterIPs, NodePorts and IP families are allocated separately. */
export function defaultService(obj: Dict): void {
  const spec = ensureDict(obj, 'spec');
  setDefault(spec, 'sessionAffinity', 'None');
  if (spec.sessionAffinity === 'None') delete spec.sessionAffinityConfig;
  if (spec.sessionAffinity === 'ClientIP') {
    setDefault(ensureDict(ensureDict(spec, 'sessionAffinityConfig'), 'clientIP'), 'timeoutSeconds', 10800);
  }
  setDefault(spec, 'type', 'ClusterIP');
  for (const port of list(spec.ports)) {
    setDefault(port, 'protocol', 'TCP');
    if (port.targetPort === undefined || port.targetPort === null || port.targetPort === 0 || port.targetPort === '') {
      port.targetPort = port.port;
    }
  }
  if ((spec.type === 'NodePort' || spec.type === 'LoadBalancer') && !spec.externalTrafficPolicy) {
    spec.externalTrafficPolicy = 'Cluster';
  }
  if (['NodePort', 'LoadBalancer', 'ClusterIP'].includes(spec.type)) setDefault(spec, 'internalTrafficPolicy', 'Cluster');
  if (spec.type === 'LoadBalancer') setDefault(spec, 'allocateLoadBalancerNodePorts', true);
}

/** Secret: type Opaque. */
export function defaultSecret(obj: Dict): void {
  setDefault(obj, 'type', 'Opaque');
}

/** Namespace: the `kubernetes.io/metadata.name` label, kept on every write. */
export function defaultNamespace(obj: Dict): void {
  const meta = ensureDict(obj, 'metadata');
  if (meta.name) ensureDict(meta, 'labels')['kubernetes.io/metadata.name'] = meta.name;
}

/** A new Namespace gets the `kubernetes` finalizer (create only: the namespace controller removes it). */
export function prepareNewNamespace(obj: Dict): void {
  const spec = ensureDict(obj, 'spec');
  const finalizers: unknown[] = Array.isArray(spec.finalizers) ? spec.finalizers : [];
  if (!finalizers.includes('kubernetes')) spec.finalizers = [...finalizers, 'kubernetes'];
}

/** PersistentVolumeClaim: Filesystem volume mode. */
export function defaultPersistentVolumeClaim(obj: Dict): void {
  setDefault(ensureDict(obj, 'spec'), 'volumeMode', 'Filesystem');
}

/** PersistentVolume: Retain, Filesystem. */
export function defaultPersistentVolume(obj: Dict): void {
  const spec = ensureDict(obj, 'spec');
  setDefault(spec, 'persistentVolumeReclaimPolicy', 'Retain');
  setDefault(spec, 'volumeMode', 'Filesystem');
}

/** Endpoints: port protocol TCP. */
export function defaultEndpoints(obj: Dict): void {
  for (const subset of list(obj.subsets)) for (const p of list(subset.ports)) setDefault(p, 'protocol', 'TCP');
}

/** EndpointSlice: port name "" and protocol TCP (describe needs the name). */
export function defaultEndpointSlice(obj: Dict): void {
  for (const p of list(obj.ports)) {
    setDefault(p, 'name', '');
    setDefault(p, 'protocol', 'TCP');
  }
}

/** NetworkPolicy: policyTypes from the rules present. */
export function defaultNetworkPolicy(obj: Dict): void {
  const spec = ensureDict(obj, 'spec');
  ensureDict(spec, 'podSelector');
  if (!Array.isArray(spec.policyTypes) || spec.policyTypes.length === 0) {
    spec.policyTypes = spec.egress ? ['Ingress', 'Egress'] : ['Ingress'];
  }
  for (const rule of [...list(spec.ingress), ...list(spec.egress)]) {
    for (const p of list(rule.ports)) setDefault(p, 'protocol', 'TCP');
  }
}

/** HorizontalPodAutoscaler: minReplicas 1; an autoscaling/v2 one without metrics targets 80% CPU. */
export function defaultHorizontalPodAutoscaler(obj: Dict): void {
  const spec = ensureDict(obj, 'spec');
  setDefault(spec, 'minReplicas', 1);
  if (String(obj.apiVersion ?? '').endsWith('/v1')) return;
  if (!list(spec.metrics).length) {
    spec.metrics = [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }];
  }
}
