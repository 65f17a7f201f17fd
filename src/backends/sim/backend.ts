import { healthCheckPort } from './node-daemons.js';
import type { Backend, BackendSession, BackendStartOptions } from '../backend.js';
import { startSim, type SimOptions } from './index.js';
import { insideAddresses, outsideAddresses } from './net-ranges.js';
import { simCannotCheck } from './cannot-check.js';
import { unmodelledObjects, type UnmodelledObject } from './unmodelled-pods.js';
import { programsOfPackage } from './runtime/images/packages.js';
import { SERVICE_CIDR } from './admission/allocators.js';
import { strayStaticPodReason } from './runtime/static-pods.js';

/** Options of the sim backend: those of `startSim`, except where files go (the run's workDir). */
export type SimBackendOptions = Omit<SimOptions, 'dir'>;

/** The simulated cluster as a Backend: one simulator per session, kubeconfig in the run's workDir. */
export function simBackend(options: SimBackendOptions = {}): Backend {
  return {
    name: 'sim',
    async start(start: BackendStartOptions): Promise<BackendSession> {
      const version = options.version ?? start.k8sVersion;
      // The page's own node count, unless the caller chose one.
      const count = options.nodes ?? start.nodes;
      const sim = await startSim({ ...options, dir: start.workDir, ...(version ? { version } : {}), ...(count !== undefined ? { nodes: count } : {}) });
      const runtime = sim.runtime;
      // A state the simulator could not reach explains the page's later lines about those objects,
      // after they are deleted too (the Terminating rows of pods that never existed here).
      const blocked = new Map<string, UnmodelledObject>();
      const blockedSoFar = (now: UnmodelledObject[]): UnmodelledObject[] => {
        for (const o of now) if (o.blocked) blocked.set(`${String(o.name)}\n${o.command ?? ''}`, o);
        const current = new Set(now.map((o) => `${String(o.name)}\n${o.command ?? ''}`));
        return [...now, ...[...blocked.entries()].filter(([k]) => !current.has(k)).map(([, o]) => o)];
      };
      const nodes = sim.api.ctx.nodes;
      const session: BackendSession = {
        name: 'sim',
        kubeconfigPath: sim.kubeconfigPath,
        env: {},
        namespace: 'default',
        capabilities: {
          nodeShell: typeof runtime.nodeExec === 'function',
          loadBalancer: sim.api.ctx.loadBalancer,
          nodeExternalIPs: false,
          portForward: true,
          namespaceIsolation: false,
          nodeDaemons: false,
          serviceRange: SERVICE_CIDR.text,
        },
        ...(runtime.nodeExec
          ? {
              // A node the cluster does not have is the page author's (`minikube`, a cloud VM name): a
              // reader runs the line on their own node, which here is the first one.
              nodeExec: (command: string, o: { timeoutMs: number; node?: string; tty?: boolean }) =>
                runtime.nodeExec!(o.node && nodes.includes(o.node) ? o.node : nodes[0]!, command, o.timeoutMs, o.tty === true),
            }
          : {}),
        atRest: (horizonMs: number) => sim.atRest(horizonMs),
        outputMayGrow: (horizonMs: number) => sim.outputMayGrow(horizonMs),
        passTime: (ms: number) => sim.passTime(ms),
        unreachable: (command: string) => {
          const ip = insideAddresses(command)[0];
          if (ip)
            return `reaches ${ip} from this machine, an address that exists only inside the simulated cluster: not supported by the simulator; use --backend kind (or run the command on a node or in a pod)`;
          const outside = outsideAddresses(command)[0];
          return outside
            ? `reaches ${outside}, an address of the author's cluster (a cloud load balancer or a node) or of the internet, which neither this machine nor the simulated cluster has; not run`
            : undefined;
        },
        cannotCheck: (command: string, output: string, expected?: string) =>
          healthCheckPort(sim.api, output) ??
          strayStaticPodReason(runtime.strayStaticPods?.() ?? [], output, expected) ??
          simCannotCheck(command, output, sim.metricsAvailable(), expected, blockedSoFar(unmodelledObjects(sim.api, runtime.internetLookups?.() ?? []))),
        packagePrograms: (pkg: string) => programsOfPackage(pkg),
        listObjects: (resources: readonly string[], namespace: string) =>
          resources.flatMap((r) => {
            const type = sim.api.resolve(r);
            if (!type) return [];
            // Items as kubectl lists them: each with its kind and apiVersion.
            const apiVersion = type.group ? `${type.group}/${type.version}` : type.version;
            return sim.api.list(type, type.namespaced ? namespace : undefined).items.map((o) => ({ ...o, apiVersion, kind: type.kind }));
          }),
        ...(runtime.warnings ? { warnings: () => runtime.warnings!() } : {}),
        stop: () => sim.stop(),
      };
      return session;
    },
  };
}
