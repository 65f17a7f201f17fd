import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { KubedoctestError } from '../../diag/errors.js';
import type { Backend, BackendSession, BackendStartOptions } from '../backend.js';
import { randomSuffix, runTool } from '../exec-tool.js';
import { findLeaks } from './leaks.js';
import { refuseCommand } from './refuse.js';

export interface ContextBackendOptions {
  /** The kubeconfig context to use. */
  context: string;
  /** Allow this context even though its name does not look disposable. */
  allowContext?: string;
  /** Let steps touch cluster-scoped objects and other namespaces. */
  allowClusterScoped?: boolean;
  /** Kubeconfig file(s) to read (default: KUBECONFIG or ~/.kube/config, as kubectl does). */
  kubeconfig?: string;
  kubectlBin?: string;
}

/** Context names of local throw-away clusters. */
export const DISPOSABLE_CONTEXTS: readonly RegExp[] = [/^kind-/, /^minikube$/, /^docker-desktop$/, /^k3d-/, /^rancher-desktop$/];

/** True when the context may be used without --allow-context. */
export function isDisposableContext(name: string): boolean {
  return DISPOSABLE_CONTEXTS.some((re) => re.test(name));
}

const HINT = 'kubectl must be on PATH';

/**
 * An existing cluster, with safety rails: only disposable-looking contexts unless allowed by name;
 * each lesson in its own generated namespace, deleted afterwards; a leak check lists what the
 * lesson created outside it.
 */
export function contextBackend(options: ContextBackendOptions): Backend {
  const kubectl = options.kubectlBin ?? 'kubectl';
  return {
    name: 'context',
    async start(start: BackendStartOptions): Promise<BackendSession> {
      const ctx = options.context;
      if (!isDisposableContext(ctx) && options.allowContext !== ctx)
        throw new KubedoctestError('ERR_CONTEXT_REFUSED', `context ${JSON.stringify(ctx)} does not look disposable (kind-*, minikube, docker-desktop, k3d-*, rancher-desktop)`, {
          hint: `if a tutorial may create and delete objects there, pass --allow-context ${ctx}`,
        });
      const env: Record<string, string> = { ...(process.env as Record<string, string>) };
      if (options.kubeconfig) env.KUBECONFIG = options.kubeconfig;
      const view = await runTool(kubectl, ['config', 'view', '--raw', '--flatten', '--minify', '--context', ctx, '-o', 'json'], {
        timeoutMs: 30_000,
        env,
        missingCode: 'ERR_KUBECTL_NOT_FOUND',
        hint: HINT,
      });
      if (view.exitCode !== 0)
        throw new KubedoctestError('ERR_CONTEXT_NOT_FOUND', `kubeconfig context ${JSON.stringify(ctx)} not found`, {
          hint: 'list contexts with `kubectl config get-contexts`',
        });
      const namespace = `kubedoctest-${randomSuffix(6)}`;
      const config = JSON.parse(view.stdout) as { contexts: { name: string; context: Record<string, unknown> }[]; 'current-context': string };
      for (const c of config.contexts) c.context.namespace = namespace;
      config['current-context'] = ctx;
      const kubeconfigPath = join(start.workDir, 'kubeconfig');
      await writeFile(kubeconfigPath, JSON.stringify(config, null, 2), { mode: 0o600 });
      const k = (args: string[], timeoutMs = 60_000) =>
        runTool(kubectl, ['--kubeconfig', kubeconfigPath, ...args], { timeoutMs, missingCode: 'ERR_KUBECTL_NOT_FOUND', hint: HINT });
      const created = await k(['create', 'namespace', namespace]);
      if (created.exitCode !== 0)
        throw new KubedoctestError('ERR_BACKEND_START', `cannot create namespace ${namespace} in context ${ctx}: ${created.stderr.trim()}`, {
          hint: 'check that the cluster is reachable and that you may create namespaces',
        });
      const ns = await k(['get', 'namespace', namespace, '-o', 'jsonpath={.metadata.creationTimestamp}']);
      const since = ns.stdout.trim();
      start.log?.(`using context ${ctx}, namespace ${namespace}`);
      let stopped = false;
      return {
        name: 'context',
        kubeconfigPath,
        env: {},
        namespace,
        capabilities: { nodeShell: false, loadBalancer: false, portForward: true, namespaceIsolation: true },
        refuse: (command) => (options.allowClusterScoped ? undefined : refuseCommand(command, namespace)),
        leakCheck: () => findLeaks(k, namespace, since),
        async stop() {
          if (stopped) return;
          stopped = true;
          await k(['delete', 'namespace', namespace, '--wait=false', '--ignore-not-found']);
        },
      };
    },
  };
}
