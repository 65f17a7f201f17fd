import type { PodLifecycleTimings } from './pod-lifecycle.js';

/** The stages a pod and its containers go through on the simulated kubelet. */
export type PodStageName =
  | 'admitted'
  | 'setup'
  | 'volumes'
  | 'volume-missing'
  | 'pull'
  | 'image-present'
  | 'pulling'
  | 'pulled'
  | 'pull-failed'
  | 'pull-backoff'
  | 'create'
  | 'relisted'
  | 'oom-killed'
  | 'process-unrunnable'
  | 'exited'
  | 'restarting'
  | 'crash-loop-backoff'
  | 'restart'
  | 'resync'
  | 'pod-succeeded'
  | 'pod-failed'
  | 'terminating'
  | 'containers-stopped'
  | 'stopped-reported'
  | 'terminated-succeeded'
  | 'terminated-failed';

/** A back-off: `initial`, doubling with each failure up to `max` (timings keys). */
export interface BackOff {
  initial: keyof PodLifecycleTimings;
  max: keyof PodLifecycleTimings;
}

/**
 * How long the kubelet waits before it enters the next stage: `now` in the same turn; a `timing`
 * of the lifecycle table; a `backOff` by the number of failures the stage counts; `given`, a
 * delay the stage computes (`what` says from what); `ms`, a fixed delay (0: the next timer turn).
 */
export type StageWait =
  | { now: true }
  | { timing: keyof PodLifecycleTimings }
  | { backOff: BackOff }
  | { given: string }
  | { ms: number };

/** One way out of a stage. `retry`: a retry loop that cannot change the outcome by itself (see `markRetryLoop`). */
export interface StageEdge {
  to: PodStageName;
  wait: StageWait;
  retry?: boolean;
}

/** An event a stage records; `${name}` in the message is a value the stage gives. */
export interface StageEvent {
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
}

/** One row of the pod lifecycle. */
export interface PodStage {
  name: PodStageName;
  /** Whether it is a step of the pod or of one of its containers. */
  scope: 'pod' | 'container';
  /** What enters this stage from outside the table, when something does. */
  trigger?: string;
  /** The pod sandbox is up on entry (PodReadyToStartContainers, a pod IP). */
  sandbox?: true;
  /** Events recorded on entry, in order. */
  events?: readonly StageEvent[];
  /** `events` are recorded once per container the stage stops, by the stage itself. */
  eventsPerContainer?: true;
  /** The container's waiting state from entry on. */
  waiting?: { message: string; reason: string };
  /** The pod phase it settles: the pod's containers are done. */
  phase?: 'Succeeded' | 'Failed';
  /** The pod object is removed once this stage is reported. */
  removes?: true;
  /** A stage that ends a side line of one container instance, not the pod. */
  sideline?: true;
  /** Where it goes next, by outcome. */
  next: Readonly<Record<string, StageEdge>>;
}

const mountBackOff: BackOff = { initial: 'mountBackOffInitialMs', max: 'mountBackOffMaxMs' };
const backOff: BackOff = { initial: 'backOffInitialMs', max: 'backOffMaxMs' };

/**
 * A pod's life on the kubelet as data, in the manner of kwok's stages: each row says what the
 * stage writes on entry and where it goes next, after what wait. The kubelet (`kubelet.ts`) holds
 * the part of each stage that is not data (which outcome applies, values for the messages).
 */
export const podStages: readonly PodStage[] = [
  // The pod's setup: volumes, then the containers in order (init containers first).
  { name: 'admitted', scope: 'pod', trigger: 'a pod bound to this node, first seen', next: { fresh: { to: 'setup', wait: { timing: 'setupMs' } } } },
  { name: 'setup', scope: 'pod', next: { ok: { to: 'volumes', wait: { now: true } } } },
  {
    name: 'volumes',
    scope: 'pod',
    next: { mounted: { to: 'pull', wait: { now: true } }, missing: { to: 'volume-missing', wait: { now: true } } },
  },
  {
    name: 'volume-missing',
    scope: 'pod',
    events: [{ type: 'Warning', reason: 'FailedMount', message: '${detail}' }],
    // The volume manager's exponential back-off.
    next: { retry: { to: 'volumes', wait: { backOff: mountBackOff }, retry: true } },
  },
  // Each container: its image, then the container itself.
  {
    name: 'pull',
    scope: 'container',
    next: { present: { to: 'image-present', wait: { now: true } }, absent: { to: 'pulling', wait: { now: true } } },
  },
  {
    name: 'image-present',
    scope: 'container',
    events: [{ type: 'Normal', reason: 'Pulled', message: 'Container image "${image}" already present on machine' }],
    next: { ok: { to: 'create', wait: { timing: 'startMs' } } },
  },
  {
    name: 'pulling',
    scope: 'container',
    events: [{ type: 'Normal', reason: 'Pulling', message: 'Pulling image "${image}"' }],
    next: {
      fresh: { to: 'pulled', wait: { timing: 'pullMs' } },
      cached: { to: 'pulled', wait: { timing: 'pullCachedMs' } },
      unpullable: { to: 'pull-failed', wait: { timing: 'pullFailMs' } },
    },
  },
  {
    name: 'pulled',
    scope: 'container',
    events: [
      {
        type: 'Normal',
        reason: 'Pulled',
        message: 'Successfully pulled image "${image}" in ${took} (${took} including waiting). Image size: ${size} bytes.',
      },
    ],
    next: { ok: { to: 'create', wait: { timing: 'startMs' } } },
  },
  {
    name: 'pull-failed',
    scope: 'container',
    sandbox: true,
    events: [
      { type: 'Warning', reason: 'Failed', message: 'Failed to pull image "${image}": ${detail}' },
      { type: 'Warning', reason: 'Failed', message: 'Error: ErrImagePull' },
    ],
    waiting: { message: 'Failed to pull image "${image}": ${detail}', reason: 'ErrImagePull' },
    next: {
      backoff: { to: 'pull-backoff', wait: { timing: 'pullBackOffMs' } },
      // A main container that cannot be pulled does not hold back the next one.
      chain: { to: 'pull', wait: { ms: 0 } },
    },
  },
  {
    name: 'pull-backoff',
    scope: 'container',
    events: [
      { type: 'Normal', reason: 'BackOff', message: 'Back-off pulling image "${image}"' },
      { type: 'Warning', reason: 'Failed', message: 'Error: ImagePullBackOff' },
    ],
    waiting: { message: 'Back-off pulling image "${image}": ErrImagePull: ${detail}', reason: 'ImagePullBackOff' },
    next: { retry: { to: 'pull', wait: { backOff }, retry: true } },
  },
  {
    name: 'create',
    scope: 'container',
    sandbox: true,
    events: [
      { type: 'Normal', reason: 'Created', message: 'Created container: ${container}' },
      { type: 'Normal', reason: 'Started', message: 'Started container ${container}' },
    ],
    next: {
      relist: { to: 'relisted', wait: { timing: 'relistMs' } },
      exits: { to: 'exited', wait: { given: "the container's run time (its command, or exitAfterMs)" } },
      oom: { to: 'oom-killed', wait: { timing: 'oomAfterMs' } },
      // The next container starts once this one runs (after a sidecar: the next init container).
      chain: { to: 'pull', wait: { now: true } },
      resync: { to: 'resync', wait: { given: 'resyncMs and its jitter' }, retry: true },
    },
  },
  { name: 'relisted', scope: 'container', sideline: true, next: {} },
  { name: 'oom-killed', scope: 'container', next: { killed: { to: 'exited', wait: { now: true } } } },
  {
    name: 'process-unrunnable',
    scope: 'container',
    trigger: 'the runtime cannot run the main program (exit 126 or 127)',
    next: { exits: { to: 'exited', wait: { given: "the image's rules for the command" } } },
  },
  {
    name: 'exited',
    scope: 'container',
    trigger: 'the runtime reports the main process ended, or a failed probe or postStart hook killed it',
    next: {
      initialized: { to: 'pull', wait: { now: true } },
      restart: { to: 'restarting', wait: { timing: 'startMs' } },
      'init-failed': { to: 'pod-failed', wait: { now: true } },
      'all-succeeded': { to: 'pod-succeeded', wait: { now: true } },
      'some-failed': { to: 'pod-failed', wait: { now: true } },
    },
  },
  {
    name: 'restarting',
    scope: 'container',
    next: { first: { to: 'restart', wait: { ms: 0 } }, again: { to: 'crash-loop-backoff', wait: { now: true } } },
  },
  {
    name: 'crash-loop-backoff',
    scope: 'container',
    events: [{ type: 'Warning', reason: 'BackOff', message: 'Back-off restarting failed container ${container} in pod ${pod}' }],
    waiting: { message: 'back-off ${backoff} restarting failed container=${container} pod=${pod}', reason: 'CrashLoopBackOff' },
    next: { retry: { to: 'restart', wait: { backOff }, retry: true } },
  },
  { name: 'restart', scope: 'container', next: { ok: { to: 'pull', wait: { now: true } } } },
  // The pod worker's periodic resync of a running pod (volume files).
  { name: 'resync', scope: 'pod', next: { again: { to: 'resync', wait: { given: 'resyncMs and its jitter' }, retry: true } } },
  { name: 'pod-succeeded', scope: 'pod', phase: 'Succeeded', next: {} },
  { name: 'pod-failed', scope: 'pod', phase: 'Failed', next: {} },
  // Graceful deletion.
  {
    name: 'terminating',
    scope: 'pod',
    trigger: 'the pod has a deletionTimestamp',
    events: [{ type: 'Normal', reason: 'Killing', message: 'Stopping container ${container}' }],
    eventsPerContainer: true,
    next: { stop: { to: 'containers-stopped', wait: { given: 'the grace period, at most terminationCapMs' } } },
  },
  {
    name: 'containers-stopped',
    scope: 'pod',
    next: {
      // getPhase keeps a pod whose containers would be restarted Running until the worker is done.
      restartable: { to: 'stopped-reported', wait: { timing: 'terminalPhaseMs' } },
      succeeded: { to: 'terminated-succeeded', wait: { now: true } },
      failed: { to: 'terminated-failed', wait: { now: true } },
    },
  },
  {
    name: 'stopped-reported',
    scope: 'pod',
    next: { succeeded: { to: 'terminated-succeeded', wait: { now: true } }, failed: { to: 'terminated-failed', wait: { now: true } } },
  },
  { name: 'terminated-succeeded', scope: 'pod', phase: 'Succeeded', removes: true, next: {} },
  { name: 'terminated-failed', scope: 'pod', phase: 'Failed', removes: true, next: {} },
];

/** The row of a stage. */
export function podStage(name: PodStageName): PodStage {
  const row = podStages.find((s) => s.name === name);
  if (!row) throw new Error(`pod stage "${name}" is not in the podStages table`);
  return row;
}
