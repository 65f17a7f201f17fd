import type { ToolResult } from '../exec-tool.js';

type Kubectl = (args: string[], timeoutMs?: number) => Promise<ToolResult>;

interface Item {
  kind?: string;
  metadata?: { name?: string; namespace?: string; creationTimestamp?: string; ownerReferences?: unknown[] };
}

const NAMESPACED =
  'deployments,replicasets,statefulsets,daemonsets,jobs,cronjobs,pods,services,configmaps,secrets,serviceaccounts,ingresses,networkpolicies,roles,rolebindings,persistentvolumeclaims';
const CLUSTER = 'namespaces,clusterroles,clusterrolebindings,persistentvolumes,storageclasses';

/**
 * What the lesson created outside its namespace: objects newer than the namespace itself
 * (server time, so clock skew does not matter), not owned by another object, not in the lesson namespace.
 */
export async function findLeaks(kubectl: Kubectl, namespace: string, since: string): Promise<string[]> {
  const leaks: string[] = [];
  for (const [types, all] of [
    [NAMESPACED, true],
    [CLUSTER, false],
  ] as const) {
    const r = await kubectl(['get', types, ...(all ? ['-A'] : []), '-o', 'json', '--ignore-not-found'], 120_000);
    if (r.exitCode !== 0 || !r.stdout.trim()) continue;
    const items = (JSON.parse(r.stdout) as { items?: Item[] }).items ?? [];
    for (const item of items) {
      const m = item.metadata ?? {};
      if (!m.creationTimestamp || m.creationTimestamp < since) continue;
      if (m.ownerReferences?.length) continue;
      if (m.namespace === namespace || (item.kind === 'Namespace' && m.name === namespace)) continue;
      leaks.push(`${item.kind ?? 'object'} ${m.namespace ? `${m.namespace}/` : ''}${m.name}`);
    }
  }
  return leaks.sort();
}
