import type { KObject } from '../types.js';
import { exitPlan } from './kubelet-images.js';
import { type Json, deepEqual, dig } from './util.js';

/** What the simulated runtime knows about one container of a pod. */
export interface ContainerRun {
  name: string;
  image: string;
  init: boolean;
  /**
   * A native sidecar: an init container with `restartPolicy: Always`. It keeps running beside the
   * main containers, is probed and counts in the pod's readiness like them (KEP-753, GA in 1.33,
   * on by default since 1.29).
   */
  sidecar?: boolean;
  /** `{waiting: …}`, `{running: …}` or `{terminated: …}`. */
  state: Json;
  lastState: Json;
  restartCount: number;
  /** Started: no startup probe, or it settled on success (the kubelet's startup results manager). */
  started: boolean;
  containerID?: string;
  imageID?: string;
  imageRef?: string;
  volumeMounts?: Json[];
  /** The settled readiness-probe result, when the container has a readiness probe. */
  readiness?: 'success' | 'failure';
  /**
   * The status to report until the kubelet's next relist sees the new container: a container
   * that ends before then is never reported running (so never Ready).
   */
  unseen?: Json;
  /** A probe failed and the container is being stopped: probes are on hold. */
  killing?: boolean;
}

/** What the simulated kubelet knows about one pod. */
export interface PodRun {
  uid: string;
  key: string;
  node: string;
  hostIP: string;
  podIP?: string;
  startTime?: string;
  sandboxReady: boolean;
  containers: ContainerRun[];
  /** Terminal phase once every container has ended for good. */
  finished?: 'Succeeded' | 'Failed';
  qosClass: string;
}

function condition(type: string, status: boolean, reason?: string, message?: string): Json {
  return {
    lastProbeTime: null,
    lastTransitionTime: '',
    status: status ? 'True' : 'False',
    type,
    ...(reason ? { reason } : {}),
    ...(message ? { message } : {}),
  };
}

/**
 * Whether a container is ready, as the prober manager's UpdatePodStatus decides: an init container
 * once it has exited with success; a main container or a sidecar while it runs, has started
 * (startup probe) and no readiness probe has settled on failure (a readiness probe starts out
 * failed). The one place readiness is computed: the container status and the pod's Ready and
 * ContainersReady conditions read it.
 */
export function containerReady(c: ContainerRun): boolean {
  if (c.init && !c.sidecar) return dig(c.state, 'terminated', 'exitCode') === 0;
  return c.state['running'] !== undefined && c.started && c.readiness !== 'failure';
}

/** The status of one container as the kubelet reports it. */
export function containerStatus(c: ContainerRun): Json {
  if (c.unseen) return c.unseen;
  const ready = containerReady(c);
  return {
    ...(c.containerID ? { containerID: c.containerID } : {}),
    image: c.imageRef ?? c.image,
    imageID: c.imageID ?? '',
    lastState: c.lastState,
    name: c.name,
    ready,
    restartCount: c.restartCount,
    started: c.started,
    state: c.state,
    ...(c.volumeMounts?.length ? { volumeMounts: c.volumeMounts } : {}),
  };
}

/** The pod status the kubelet reports for a run, keeping lastTransitionTime of unchanged conditions. */
export function buildPodStatus(pod: KObject, run: PodRun, now: string): Json {
  const old = (pod['status'] as Json | undefined) ?? {};
  const main = run.containers.filter((c) => !c.init);
  const inits = run.containers.filter((c) => c.init);
  // A sidecar has done its part of initialising once it has started (kubelet computeInitContainerActions).
  const initialised = (c: ContainerRun) =>
    c.sidecar ? c.started && c.state['running'] !== undefined : c.state['terminated'] !== undefined && (c.state['terminated'] as Json)['exitCode'] === 0;
  const initDone = inits.every(initialised);
  // Sidecars count in the Ready and ContainersReady conditions (status.generateContainersReadyCondition).
  const notReady = [...inits.filter((c) => c.sidecar), ...main].filter((c) => !containerReady(c) || c.unseen).map((c) => c.name);
  const runningAny = main.some((c) => c.state['running'] !== undefined && !c.unseen);
  // getPhase: every container started and at least one running, or all stopped and to be restarted.
  const stopped = main.length > 0 && main.every((c) => c.state['terminated'] !== undefined);
  const phase = run.finished ?? (runningAny || stopped || main.some((c) => c.restartCount > 0) ? 'Running' : 'Pending');
  const terminal = phase === 'Succeeded' || phase === 'Failed';
  const readyReason = terminal ? 'PodCompleted' : 'ContainersNotReady';
  const readyMsg = terminal ? undefined : `containers with unready status: [${notReady.join(' ')}]`;
  const allReady = notReady.length === 0 && !terminal;
  const initMsg = `containers with incomplete status: [${inits
    .filter((c) => !initialised(c))
    .map((c) => c.name)
    .join(' ')}]`;
  const conditions = [
    condition('PodReadyToStartContainers', run.sandboxReady && !terminal),
    initDone ? condition('Initialized', true) : condition('Initialized', false, 'ContainersNotInitialized', initMsg),
    allReady ? condition('Ready', true) : condition('Ready', false, readyReason, readyMsg),
    allReady ? condition('ContainersReady', true) : condition('ContainersReady', false, readyReason, readyMsg),
    condition('PodScheduled', true),
  ];
  const oldConds = (old['conditions'] as Json[] | undefined) ?? [];
  for (const c of conditions) {
    const prev = oldConds.find((o) => o['type'] === c['type']);
    c['lastTransitionTime'] = prev && prev['status'] === c['status'] && prev['lastTransitionTime'] ? prev['lastTransitionTime'] : now;
  }
  const status: Json = {
    conditions,
    containerStatuses: main.map(containerStatus),
    hostIP: run.hostIP,
    hostIPs: [{ ip: run.hostIP }],
    ...(inits.length ? { initContainerStatuses: inits.map(containerStatus) } : {}),
    phase,
    ...(run.podIP ? { podIP: run.podIP, podIPs: [{ ip: run.podIP }] } : {}),
    qosClass: (old['qosClass'] as string | undefined) ?? run.qosClass,
    startTime: run.startTime,
  };
  return status;
}

/** Has the status changed in a way worth writing? */
export function statusDiffers(pod: KObject, status: Json): boolean {
  return !deepEqual(pod['status'] ?? {}, status);
}

/** The spec of a pod's container (init containers included) by name. */
export function containerSpec(pod: KObject | undefined, name: string): Json | undefined {
  return [...(dig<Json[]>(pod, 'spec', 'initContainers') ?? []), ...(dig<Json[]>(pod, 'spec', 'containers') ?? [])].find((s) => s['name'] === name);
}

/** The containers of a pod spec before anything ran: all waiting (PodInitializing when there are init containers). */
export function initialContainers(spec: Json): ContainerRun[] {
  return [
    ...((spec['initContainers'] as Json[]) ?? []).map((c) => ({ c, init: true })),
    ...((spec['containers'] as Json[]) ?? []).map((c) => ({ c, init: false })),
  ].map(({ c, init }) => ({
    name: String(c['name']),
    image: String(c['image']),
    init,
    ...(init && c['restartPolicy'] === 'Always' ? { sidecar: true } : {}),
    state: { waiting: { reason: ((spec['initContainers'] as Json[]) ?? []).length ? 'PodInitializing' : 'ContainerCreating' } },
    lastState: {},
    restartCount: 0,
    started: false,
    volumeMounts: ((c['volumeMounts'] as Json[]) ?? []).map((m) => ({
      mountPath: m['mountPath'],
      name: m['name'],
      ...(m['readOnly'] ? { readOnly: true, recursiveReadOnly: 'Disabled' } : {}),
    })),
  }));
}

/**
 * Marks running containers stopped by the kubelet: servers exit 0 on SIGTERM (Completed); shells
 * and sleeps ignore it and are killed (137, Error).
 */
export function stopContainers(run: PodRun, running: ContainerRun[], finishedAt: string): void {
  for (const c of running) {
    const killed = exitPlan({ image: c.image }, 0) !== undefined;
    c.state = {
      terminated: {
        containerID: c.containerID,
        exitCode: killed ? 137 : 0,
        finishedAt,
        reason: killed ? 'Error' : 'Completed',
        startedAt: (c.state['running'] as Json)['startedAt'],
      },
    };
    c.started = false;
  }
  run.sandboxReady = false;
}
