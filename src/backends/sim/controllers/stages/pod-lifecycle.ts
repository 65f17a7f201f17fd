/**
 * Pod lifecycle timings of the simulated kubelet, in milliseconds of simulated time at speed 1.
 * The kubelet divides every delay by `SimContext.speed`. With these defaults a pod whose image
 * pulls is Ready about one second after it is created.
 */
export interface PodLifecycleTimings {
  /** Bound pod → first status (Pending, ContainerCreating) and the Pulling event. */
  setupMs: number;
  /** Pulling an image not yet on the node. */
  pullMs: number;
  /** Pulling an image again that the node already has (imagePullPolicy Always). */
  pullCachedMs: number;
  /** Pulled → Created/Started (the container is running). */
  startMs: number;
  /** A failed pull: Pulling → ErrImagePull. */
  pullFailMs: number;
  /** ErrImagePull → ImagePullBackOff. */
  pullBackOffMs: number;
  /** A missing ConfigMap or Secret volume: first mount retry delay, doubling up to the cap (the volume manager's back-off). */
  mountBackOffInitialMs: number;
  mountBackOffMaxMs: number;
  /** Image pull and crash-loop back-off: first retry delay, doubling up to the cap. */
  backOffInitialMs: number;
  backOffMaxMs: number;
  /** How long a container that exits by itself runs when its command gives no duration. */
  exitAfterMs: number;
  /**
   * The kubelet's relist period (PLEG): a started container is reported running only once a
   * relist has seen it, so one that ends sooner is never reported running.
   */
  relistMs: number;
  /** A container whose image stops on its stop signal: kill → exited. */
  stopMs: number;
  /** Start → OOMKilled for a container whose memory demand exceeds its limit. */
  oomAfterMs: number;
  /** Retry of a probe whose container the runtime has not started yet. */
  probeRetryMs: number;
  /** Terminating → removed: the grace period, but never longer than this (processes exit on SIGTERM). */
  terminationCapMs: number;
  /**
   * Containers stopped → terminal phase of a deleted pod that would have restarted them: the
   * kubelet reports the stopped containers first (syncTerminatingPod, phase still Running, shown
   * as `0/1 Terminating`), then the terminal phase (syncTerminatedPod, shown as `Completed`).
   */
  terminalPhaseMs: number;
  /**
   * The pod workers' periodic resync (KubeletConfiguration `syncFrequency`, 1m): each sync of a
   * running pod rewrites its ConfigMap, Secret, downwardAPI and projected volume files whose source
   * changed, so an update shows in the pod within about a minute.
   */
  resyncMs: number;
  /** Each resync waits `resyncMs` plus up to this fraction more (pod_workers.go: `wait.Jitter(resyncInterval, 0.5)`). */
  resyncJitter: number;
}

export const defaultPodLifecycle: PodLifecycleTimings = {
  setupMs: 50,
  pullMs: 650,
  pullCachedMs: 350,
  startMs: 250,
  pullFailMs: 1200,
  pullBackOffMs: 1500,
  mountBackOffInitialMs: 500,
  mountBackOffMaxMs: 122_000,
  backOffInitialMs: 10_000,
  backOffMaxMs: 300_000,
  exitAfterMs: 300,
  terminationCapMs: 1000,
  terminalPhaseMs: 50,
  relistMs: 1000,
  stopMs: 100,
  probeRetryMs: 100,
  oomAfterMs: 400,
  resyncMs: 60_000,
  resyncJitter: 0.5,
};

/** The first pod IP host number per node index (kind's control plane already runs CoreDNS and the provisioner). */
export function firstPodHost(nodeIndex: number): number {
  return nodeIndex === 0 ? 5 : 2;
}
