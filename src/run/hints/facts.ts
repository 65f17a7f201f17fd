/** Gathers cluster facts for hints with the runner's own kubeconfig and environment (never the lesson's). */
import { execa } from 'execa';
import type { ClusterFacts, K8sObject } from './types.js';

/** Runs `kubectl get pods,services,deployments,replicasets -o json`; null when it fails. */
export async function gatherFacts(env: Record<string, string>, namespace: string, cwd: string): Promise<ClusterFacts | null> {
  const r = await execa('kubectl', ['get', 'pods,services,deployments,replicasets', '-o', 'json', '-n', namespace], {
    env,
    extendEnv: false,
    cwd,
    reject: false,
    timeout: 15_000,
    stdin: 'ignore',
  });
  if (r.exitCode !== 0) return null;
  try {
    return factsFromList(JSON.parse(String(r.stdout)) as { items?: K8sObject[] });
  } catch {
    return null;
  }
}

/** Sorts a `List` into facts by kind. */
export function factsFromList(list: { items?: K8sObject[] }): ClusterFacts {
  const facts: ClusterFacts = { pods: [], services: [], deployments: [], replicaSets: [] };
  for (const item of list.items ?? []) {
    if (item.kind === 'Pod') facts.pods.push(item);
    else if (item.kind === 'Service') facts.services.push(item);
    else if (item.kind === 'Deployment') facts.deployments.push(item);
    else if (item.kind === 'ReplicaSet') facts.replicaSets.push(item);
  }
  return facts;
}
