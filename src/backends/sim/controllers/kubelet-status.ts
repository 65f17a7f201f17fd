import type { KObject } from '../types.js';
import { exitPlan } from './kubelet-images.js';
import type { ContainerStateName, PodStage } from './stages/pod-stages.js';
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
  /**
   * The last stage that set the container's state (a row with `state` or `waiting`); none before
   * the kubelet has done anything with it. `containerState` reads the state from it.
   */
  stage?: Pick<PodStage, 'name' | 'state' | 'waiting'>;
  /** The waiting state last written: ContainerCreating (PodInitializing) until a stage writes one. */
  waiting: Json;
  /** When the current or last instance started. */
  startedAt?: string;
  /** How the last instance ended. */
  terminated?: Json;
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

/** The container's state by the stage it is in: waiting before any stage set one. */
export function containerStateName(c: ContainerRun): ContainerStateName {
  return c.stage?.state ?? 'waiting';
}

/** The container's `state` as its status reports it, from the stage it is in and what that stage recorded. */
export function containerState(c: ContainerRun): Json {
  switch (containerStateName(c)) {
    case 'running':
      return { running: { startedAt: c.startedAt } };
    case 'terminated':
      return { terminated: c.terminated };
    default:
      return { waiting: c.waiting };
  }
}

/** Is the container's current instance running? */
export function isRunning(c: ContainerRun): boolean {
  return containerStateName(c) === 'running';
}

/** The exit code of a container whose last instance has ended and not been started again. */
export function exitCodeOf(c: ContainerRun): number | undefined {
  return containerStateName(c) === 'terminated' ? (c.terminated?.['exitCode'] as number) : undefined;
}

/**
 * Whether a container is ready, as the prober manager's UpdatePodStatus decides: an init container
 * once it has exited with success; a main container or a sidecar while it runs, has started
 * (startup probe) and no readiness probe has settled on failure (a readiness probe starts out
 * failed). The one place readiness is computed: the container status and the pod's Ready and
 * ContainersReady conditions read it.
 */
export function containerReady(c: ContainerRun): boolean {
  if (c.init && !c.sidecar) return exitCodeOf(c) === 0;
  return isRunning(c) && c.started && c.readiness !== 'failure';
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
    state: containerState(c),
    ...(c.volumeMounts?.length ? { volumeMounts: c.volumeMounts } : {}),
  };
}

/** The pod status the kubelet reports for a run, keeping lastTransitionTime of unchanged conditions. */
export function buildPodStatus(pod: KObject, run: PodRun, now: string): Json {
  const old = (pod['status'] as Json | undefined) ?? {};
  const main = run.containers.filter((c) => !c.init);
  const inits = run.containers.filter((c) => c.init);
  // A sidecar has done its part of initialising once it has started (kubelet computeInitContainerActions).
  const initialised = (c: ContainerRun) => (c.sidecar ? c.started && isRunning(c) : exitCodeOf(c) === 0);
  const initDone = inits.every(initialised);
  // Sidecars count in the Ready and ContainersReady conditions (status.generateContainersReadyCondition).
  const notReady = [...inits.filter((c) => c.sidecar), ...main].filter((c) => !containerReady(c) || c.unseen).map((c) => c.name);
  const runningAny = main.some((c) => isRunning(c) && !c.unseen);
  // getPhase: every container started and at least one running, or all stopped and to be restarted.
  const stopped = main.length > 0 && main.every((c) => containerStateName(c) === 'terminated');
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
    waiting: { reason: ((spec['initContainers'] as Json[]) ?? []).length ? 'PodInitializing' : 'ContainerCreating' },
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
 * Marks running containers stopped by the kubelet (stage `stage`): servers exit 0 on SIGTERM
 * (Completed); shells and sleeps ignore it and are killed (137, Error).
 */
export function stopContainers(run: PodRun, running: ContainerRun[], finishedAt: string, stage: PodStage): void {
  for (const c of running) {
    const killed = exitPlan({ image: c.image }, 0) !== undefined;
    c.stage = stage;
    c.terminated = {
      containerID: c.containerID,
      exitCode: killed ? 137 : 0,
      finishedAt,
      reason: killed ? 'Error' : 'Completed',
      startedAt: c.startedAt,
    };
    c.started = false;
  }
  run.sandboxReady = false;
}
