/** Small readers over cluster facts shared by hint rules. */
import type { ClusterFacts, K8sObject } from './types.js';

/** The env-var prefix Kubernetes derives from a Service name (`my-nginx` → `MY_NGINX`). */
export function serviceEnvName(name: string): string {
  return name.toUpperCase().replaceAll('-', '_');
}

/** The Service's selector, or null when it has none. */
export function selectorOf(service: K8sObject): Record<string, string> | null {
  const s = service.spec?.selector as Record<string, string> | undefined;
  return s && Object.keys(s).length > 0 ? s : null;
}

/** True when every selector label is on the object. */
export function selects(selector: Record<string, string>, obj: K8sObject): boolean {
  const labels = obj.metadata.labels ?? {};
  return Object.entries(selector).every(([k, v]) => labels[k] === v);
}

/** The Deployment owning a pod (through its ReplicaSet), if any. */
export function owningDeployment(pod: K8sObject, facts: ClusterFacts): string | null {
  const rsName = pod.metadata.ownerReferences?.find((o) => o.kind === 'ReplicaSet')?.name;
  if (!rsName) return null;
  const rs = facts.replicaSets.find((r) => r.metadata.name === rsName);
  const fromRs = rs?.metadata.ownerReferences?.find((o) => o.kind === 'Deployment')?.name;
  if (fromRs) return fromRs;
  const base = rsName.replace(/-[a-z0-9]+$/, '');
  return facts.deployments.some((d) => d.metadata.name === base) ? base : null;
}

/** Container ports (numbers and names) of a pod. */
export function containerPorts(pod: K8sObject): Array<{ containerPort?: number; name?: string }> {
  const containers = (pod.spec?.containers as Array<{ ports?: Array<{ containerPort?: number; name?: string }> }> | undefined) ?? [];
  return containers.flatMap((c) => c.ports ?? []);
}

/** Names mentioned in a text as whole words. */
export function mentions(text: string, name: string): boolean {
  return new RegExp(`(^|[^A-Za-z0-9-])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([^A-Za-z0-9-]|$)`).test(text);
}
