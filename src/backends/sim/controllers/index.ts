import type { Api } from '../api/types.js';
import { KINDS } from '../kinds.js';
import type { PodRuntime } from '../runtime/hooks.js';
import type { StoreChange } from '../types.js';
import { CrdController } from './crds.js';
import { CronJobController } from './cronjob.js';
import { DaemonSetController } from './daemonset.js';
import { DeploymentController } from './deployment.js';
import { EndpointSliceController } from './endpointslices.js';
import { EndpointsController } from './endpoints.js';
import { GarbageCollector } from './gc.js';
import { HorizontalPodAutoscalerController, defaultHpaSettings, type HpaSettings } from './hpa.js';
import { JobController } from './job.js';
import { Kubelet } from './kubelet.js';
import { LoadBalancerController } from './loadbalancer.js';
import { NamespaceController } from './namespaces.js';
import { TokensController } from './tokens.js';
import { ensureKindAddons, nodeInfos, registerNodes } from './nodes.js';
import type { WorkQueue } from './queue.js';
import { ReplicaSetController } from './replicaset.js';
import { ResourceQuotaController } from './resourcequota.js';
import { Scheduler } from './scheduler.js';
import { StatefulSetController } from './statefulset.js';
import { type PodLifecycleTimings, defaultPodLifecycle } from './stages/pod-lifecycle.js';
import { type PodStage, podStages } from './stages/pod-stages.js';
import { VolumeController, ensureStandardStorageClass } from './volumes.js';

export { recordEvent } from './events.js';
export { computeHash } from './hash.js';
export { defaultPodLifecycle, type PodLifecycleTimings } from './stages/pod-lifecycle.js';

/** Running controllers. */
export interface Controllers {
  stop(): Promise<void>;
}

/** Options for startControllers. */
export interface ControllerOptions {
  /** Overrides of the pod lifecycle timings (before `ctx.speed` scaling). */
  timings?: Partial<PodLifecycleTimings>;
  /** The kubelet's pod lifecycle table (default `podStages`): a stage can be added by a row. */
  podStages?: readonly PodStage[];
  /** Overrides of the HPA controller's settings (sync period, downscale stabilization, tolerance). */
  hpa?: Partial<HpaSettings>;
}

interface Running {
  queue: WorkQueue;
  handle(change: StoreChange): void;
  stop?(): void;
}

/** The types whose objects are replayed to every controller at start, as informers list before they watch. */
const PRIMED = KINDS.filter((k) => k.primed !== undefined).sort((a, b) => a.primed! - b.primed!);

/**
 * Registers the nodes and starts the controllers kind runs (kube-controller-manager, scheduler,
 * kubelets, a cloud provider when `ctx.loadBalancer`): they watch the API's changes and write back
 * through it.
 */
export function startControllers(api: Api, runtime: PodRuntime, options: ControllerOptions = {}): Controllers {
  const nodes = nodeInfos(api.ctx.nodes.length ? api.ctx.nodes : ['kind-control-plane']);
  registerNodes(api, nodes);
  ensureStandardStorageClass(api);
  ensureKindAddons(api);
  const timings = { ...defaultPodLifecycle, ...options.timings };
  const running: Running[] = [];
  const gc = new GarbageCollector(api);
  const tryStart = (make: () => Running) => {
    try {
      running.push(make());
    } catch {
      // The API does not serve a type this controller needs: leave it out.
    }
  };
  tryStart(() => new NamespaceController(api));
  tryStart(() => new TokensController(api));
  tryStart(() => new Scheduler(api, nodes));
  tryStart(() => new Kubelet(api, runtime, nodes, timings, options.podStages ?? podStages));
  tryStart(() => new DeploymentController(api));
  tryStart(() => new ReplicaSetController(api, api.resolve('replicasets', 'apps')!, 'replicaset-controller'));
  tryStart(() => new ReplicaSetController(api, api.resolve('replicationcontrollers', '')!, 'replication-controller'));
  tryStart(() => new EndpointsController(api));
  tryStart(() => new EndpointSliceController(api));
  tryStart(() => new LoadBalancerController(api));
  tryStart(() => new JobController(api));
  tryStart(() => new CronJobController(api));
  tryStart(() => new StatefulSetController(api));
  tryStart(() => new DaemonSetController(api, nodes));
  tryStart(() => new VolumeController(api));
  tryStart(() => new HorizontalPodAutoscalerController(api, { ...defaultHpaSettings, ...options.hpa }));
  tryStart(() => new CrdController(api));
  tryStart(() => new ResourceQuotaController(api));
  running.push(gc);
  const dispatch = (change: StoreChange) => {
    for (const c of running) {
      try {
        c.handle(change);
      } catch {
        // A handler only computes keys; a failure there must not break the writer.
      }
    }
  };
  const unsubscribe = api.subscribe(dispatch);
  gc.prime();
  for (const kind of PRIMED) {
    const type = api.resolve(kind.resource, kind.group);
    if (!type) continue;
    for (const object of api.list(type, undefined).items) {
      for (const c of running) if (c !== gc) c.handle({ type: 'ADDED', resource: type, object });
    }
  }
  return {
    stop: async () => {
      unsubscribe();
      for (const c of running) {
        c.queue.stop();
        c.stop?.();
      }
    },
  };
}
