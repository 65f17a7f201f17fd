import { KubedoctestError } from '../../diag/errors.js';
import type { Backend, BackendSession, BackendStartOptions } from '../backend.js';
import { isolatedSession } from '../isolated-session.js';

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

/**
 * An existing cluster, with safety rails: only disposable-looking contexts unless allowed by name;
 * each lesson in its own generated namespace, deleted afterwards; a leak check lists what the
 * lesson created outside it.
 */
export function contextBackend(options: ContextBackendOptions): Backend {
  return {
    name: 'context',
    async start(start: BackendStartOptions): Promise<BackendSession> {
      const ctx = options.context;
      if (!isDisposableContext(ctx) && options.allowContext !== ctx)
        throw new KubedoctestError(
          'ERR_CONTEXT_REFUSED',
          `context ${JSON.stringify(ctx)} does not look disposable (kind-*, minikube, docker-desktop, k3d-*, rancher-desktop)`,
          {
            hint: `if a tutorial may create and delete objects there, pass --allow-context ${ctx}`,
          },
        );
      const env: Record<string, string> = { ...(process.env as Record<string, string>) };
      if (options.kubeconfig) env.KUBECONFIG = options.kubeconfig;
      return isolatedSession(start, {
        context: ctx,
        env,
        allowClusterScoped: Boolean(options.allowClusterScoped),
        kubectlBin: options.kubectlBin ?? 'kubectl',
        name: 'context',
      });
    },
  };
}
