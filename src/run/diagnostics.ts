/** What the report shows about the cluster after a failed step: events, and describe and logs of the pods involved. */
import { execa } from 'execa';
import type { BackendDiagnostics } from '../backends/backend.js';
import { mentions, owningDeployment } from './hints/cluster.js';
import type { ClusterFacts, K8sObject } from './hints/types.js';

const MAX_PODS = 3;
const MAX_LINES = 60;

function notReady(pod: K8sObject): boolean {
  const conditions = (pod as { status?: { conditions?: { type: string; status: string }[] } }).status?.conditions ?? [];
  return !conditions.some((c) => c.type === 'Ready' && c.status === 'True');
}

/** The pods a failure is about: those the command or its output names, else those not Ready. */
export function podsInvolved(facts: ClusterFacts | null, text: string): string[] {
  const pods = facts?.pods ?? [];
  const deployments = (facts?.deployments ?? []).filter((d) => mentions(text, d.metadata.name)).map((d) => d.metadata.name);
  const named = pods.filter((p) => mentions(text, p.metadata.name) || deployments.includes(owningDeployment(p, facts!) ?? ''));
  const chosen = named.length ? named : pods.filter(notReady);
  return chosen.slice(0, MAX_PODS).map((p) => p.metadata.name);
}

const tail = (text: string, n = MAX_LINES) => text.trimEnd().split('\n').slice(-n).join('\n');

/**
 * Runs kubectl with the runner's own environment (`runnerEnv`: the backend's kubeconfig, which the
 * lesson cannot reach, the runner's PATH and a private HOME), never anything the lesson can write.
 */
async function kubectl(env: Record<string, string>, cwd: string, args: string[]): Promise<string> {
  const r = await execa('kubectl', args, { env, extendEnv: false, cwd, reject: false, timeout: 15_000, stdin: 'ignore' });
  return `${String(r.stdout)}${r.stderr ? `\n${String(r.stderr)}` : ''}`.trim();
}

/** Events of the namespace, and describe and logs of the pods involved (bounded in size). */
export async function gatherDiagnostics(
  env: Record<string, string>,
  namespace: string,
  cwd: string,
  facts: ClusterFacts | null,
  text: string,
): Promise<BackendDiagnostics> {
  const pods = podsInvolved(facts, text);
  const [events, describe, ...logs] = await Promise.all([
    kubectl(env, cwd, ['get', 'events', '-n', namespace, '--sort-by=.lastTimestamp']),
    pods.length ? kubectl(env, cwd, ['describe', 'pod', '-n', namespace, ...pods]) : Promise.resolve(''),
    ...pods.map(async (p) => `== ${p}\n${await kubectl(env, cwd, ['logs', p, '-n', namespace, '--all-containers', '--tail=20'])}`),
  ]);
  return { events: tail(events, 20), describe: tail(describe ?? ''), logs: tail(logs.join('\n')) };
}
