import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { KubedoctestError } from '../diag/errors.js';
import type { BackendSession, BackendStartOptions } from './backend.js';
import { findLeaks } from './context/leaks.js';
import { refuseCommand } from './context/refuse.js';
import { randomSuffix, runTool } from './exec-tool.js';

export interface IsolatedSessionOptions {
  /** The context to use, in the kubeconfig that `env.KUBECONFIG` (or the default) points at. */
  context: string;
  /** Environment for kubectl while reading the kubeconfig. */
  env: Record<string, string>;
  allowClusterScoped: boolean;
  kubectlBin: string;
  name: string;
  capabilities?: Partial<BackendSession['capabilities']>;
}

const HINT = 'kubectl must be on PATH';

/**
 * A lesson session on a shared cluster: a self-contained copy of the context's kubeconfig whose
 * namespace is a new `kubedoctest-<random>` namespace, a command guard, a leak check, and a stop
 * that deletes the namespace. Used by the context backend and by kind's --reuse-cluster.
 */
export async function isolatedSession(start: BackendStartOptions, o: IsolatedSessionOptions): Promise<BackendSession> {
  const view = await runTool(o.kubectlBin, ['config', 'view', '--raw', '--flatten', '--minify', '--context', o.context, '-o', 'json'], {
    timeoutMs: 30_000,
    env: o.env,
    missingCode: 'ERR_KUBECTL_NOT_FOUND',
    hint: HINT,
  });
  if (view.exitCode !== 0)
    throw new KubedoctestError('ERR_CONTEXT_NOT_FOUND', `kubeconfig context ${JSON.stringify(o.context)} not found`, {
      hint: 'list contexts with `kubectl config get-contexts`',
    });
  const namespace = `kubedoctest-${randomSuffix(6)}`;
  const config = JSON.parse(view.stdout) as { contexts: { name: string; context: Record<string, unknown> }[]; 'current-context': string };
  for (const c of config.contexts) c.context.namespace = namespace;
  config['current-context'] = o.context;
  const kubeconfigPath = join(start.workDir, 'kubeconfig');
  await writeFile(kubeconfigPath, JSON.stringify(config, null, 2), { mode: 0o600 });
  const k = (args: string[], timeoutMs = 60_000) =>
    runTool(o.kubectlBin, ['--kubeconfig', kubeconfigPath, ...args], { timeoutMs, missingCode: 'ERR_KUBECTL_NOT_FOUND', hint: HINT });
  const created = await k(['create', 'namespace', namespace]);
  if (created.exitCode !== 0)
    throw new KubedoctestError('ERR_BACKEND_START', `cannot create namespace ${namespace} in context ${o.context}: ${created.stderr.trim()}`, {
      hint: 'check that the cluster is reachable and that you may create namespaces',
    });
  const since = (await k(['get', 'namespace', namespace, '-o', 'jsonpath={.metadata.creationTimestamp}'])).stdout.trim();
  start.log?.(`using context ${o.context}, namespace ${namespace}`);
  let stopped = false;
  return {
    name: o.name,
    kubeconfigPath,
    env: {},
    namespace,
    capabilities: { nodeShell: false, loadBalancer: false, nodeExternalIPs: true, portForward: true, namespaceIsolation: true, ...o.capabilities },
    refuse: (command) => (o.allowClusterScoped ? undefined : refuseCommand(command, namespace)),
    leakCheck: () => findLeaks(k, namespace, since),
    async stop() {
      if (stopped) return;
      stopped = true;
      await k(['delete', 'namespace', namespace, '--wait=false', '--ignore-not-found']);
    },
  };
}
