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
  | 'probe-tick'
  | 'probing'
  | 'probe-succeeded'
  | 'probe-failed'
  | 'probe-counted'
  | 'probe-passed'
  | 'probe-not-ready'
  | 'killing'
  | 'killed'
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
export type StageWait = { now: true } | { timing: keyof PodLifecycleTimings } | { backOff: BackOff } | { given: string } | { ms: number };

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

/** A container's state (`waiting`, `running`, `terminated`), as its status reports it. */
export type ContainerStateName = 'waiting' | 'running' | 'terminated';

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
  /** The container's waiting state from entry on (a row with `waiting` is in state `waiting`). */
  waiting?: { message: string; reason: string };
  /**
   * The state the stage puts its container in, from entry on: the container's status is read
   * from the last stage it entered that has one (`containerState`). A pod stage with a state puts
   * the containers it stops in it.
   */
  state?: ContainerStateName;
  /** On entry the container's lastState becomes the terminated state of the instance that ended (the cursor's). */
  keepsLastState?: true;
  /** On entry the container's restart count goes up: the next instance is a restart. */
  restarts?: true;
  /** The pod phase it settles: the pod's containers are done. */
  phase?: 'Succeeded' | 'Failed';
  /** The pod object is removed once this stage is reported. */
  removes?: true;
  /** A stage that ends a side line of one container instance, not the pod. */
  sideline?: true;
  /** Where it goes next, by outcome. */
  next: Readonly<Record<string, StageEdge>>;
}

/** An edge taken at once. */
const now = (to: PodStageName): StageEdge => ({ to, wait: { now: true } });
/** An edge taken after a timing of the lifecycle table. */
const after = (timing: keyof PodLifecycleTimings, to: PodStageName): StageEdge => ({ to, wait: { timing } });

const mountBackOff: BackOff = { initial: 'mountBackOffInitialMs', max: 'mountBackOffMaxMs' };
const backOff: BackOff = { initial: 'backOffInitialMs', max: 'backOffMaxMs' };

/**
 * A pod's life on the kubelet as data, in the manner of kwok's stages: each row says what the
 * stage writes on entry and where it goes next, after what wait. The kubelet (`kubelet.ts`) holds
 * the part of each stage that is not data (which outcome applies, values for the messages).
 */
export const podStages: readonly PodStage[] = [
  // The pod's setup: volumes, then the containers in order (init containers first).
  { name: 'admitted', scope: 'pod', trigger: 'a pod bound to this node, first seen', next: { fresh: after('setupMs', 'setup') } },
  { name: 'setup', scope: 'pod', next: { ok: now('volumes') } },
  { name: 'volumes', scope: 'pod', next: { mounted: now('pull'), missing: now('volume-missing') } },
  {
    name: 'volume-missing',
    scope: 'pod',
    events: [{ type: 'Warning', reason: 'FailedMount', message: '${detail}' }],
    // The volume manager's exponential back-off.
    next: { retry: { to: 'volumes', wait: { backOff: mountBackOff }, retry: true } },
  },
  // Each container: its image, then the container itself.
  { name: 'pull', scope: 'container', next: { present: now('image-present'), absent: now('pulling') } },
  {
    name: 'image-present',
    scope: 'container',
    events: [{ type: 'Normal', reason: 'Pulled', message: 'Container image "${image}" already present on machine' }],
    next: { ok: after('startMs', 'create') },
  },
  {
    name: 'pulling',
    scope: 'container',
    events: [{ type: 'Normal', reason: 'Pulling', message: 'Pulling image "${image}"' }],
    next: {
      fresh: after('pullMs', 'pulled'),
      cached: after('pullCachedMs', 'pulled'),
      unpullable: after('pullFailMs', 'pull-failed'),
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
    next: { ok: after('startMs', 'create') },
  },
  {
    name: 'pull-failed',
    scope: 'container',
    sandbox: true,
    events: [
      { type: 'Warning', reason: 'Failed', message: 'Failed to pull image "${image}": ${detail}' },
      { type: 'Warning', reason: 'Failed', message: 'Error: ErrImagePull' },
    ],
    state: 'waiting',
    waiting: { message: 'Failed to pull image "${image}": ${detail}', reason: 'ErrImagePull' },
    next: {
      backoff: after('pullBackOffMs', 'pull-backoff'),
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
    state: 'waiting',
    waiting: { message: 'Back-off pulling image "${image}": ErrImagePull: ${detail}', reason: 'ImagePullBackOff' },
    next: { retry: { to: 'pull', wait: { backOff }, retry: true } },
  },
  {
    name: 'create',
    scope: 'container',
    sandbox: true,
    state: 'running',
    events: [
      { type: 'Normal', reason: 'Created', message: 'Created container: ${container}' },
      { type: 'Normal', reason: 'Started', message: 'Started container ${container}' },
    ],
    next: {
      relist: after('relistMs', 'relisted'),
      exits: { to: 'exited', wait: { given: "the container's run time (its command, or exitAfterMs)" } },
      // A process that allocates more than its memory limit is killed by the kernel.
      oom: after('oomAfterMs', 'killed'),
      // The next container starts once this one runs (after a sidecar: the next init container).
      chain: now('pull'),
      resync: { to: 'resync', wait: { given: 'resyncMs and its jitter' }, retry: true },
      // One worker per probe of the container (startup, liveness, readiness), as the prober manager starts them.
      probe: now('probe-tick'),
    },
  },
  { name: 'relisted', scope: 'container', sideline: true, next: {} },
  // A probe worker (pkg/kubelet/prober/worker.go) of one container instance: it ticks every
  // periodSeconds while the instance runs and probes once initialDelaySeconds have passed — the
  // startup probe until the container has started, liveness and readiness only from then on.
  {
    name: 'probe-tick',
    scope: 'container',
    next: {
      period: { to: 'probe-tick', wait: { given: "the probe's periodSeconds" } },
      due: now('probing'),
    },
  },
  {
    name: 'probing',
    scope: 'container',
    next: {
      success: now('probe-succeeded'),
      failure: now('probe-failed'),
      // The runtime has not started the container's process yet: ask again shortly.
      'not-started': after('probeRetryMs', 'probing'),
    },
  },
  // The worker counts results in a row; the settled result changes at successThreshold successes
  // or failureThreshold failures.
  { name: 'probe-succeeded', scope: 'container', next: { below: now('probe-counted'), threshold: now('probe-passed') } },
  {
    name: 'probe-failed',
    scope: 'container',
    events: [{ type: 'Warning', reason: 'Unhealthy', message: '${probe} probe failed: ${detail}' }],
    next: {
      below: now('probe-counted'),
      // A failed readiness probe takes the container out of Ready; a failed liveness or startup
      // probe has it killed and restarted (and holds the worker until the next instance).
      'not-ready': now('probe-not-ready'),
      restart: now('killing'),
    },
  },
  { name: 'probe-counted', scope: 'container', sideline: true, next: {} },
  // Settled on success: a readiness probe makes the container Ready, a startup probe marks it started.
  { name: 'probe-passed', scope: 'container', sideline: true, next: {} },
  { name: 'probe-not-ready', scope: 'container', sideline: true, next: {} },
  {
    name: 'killing',
    scope: 'container',
    trigger: 'the postStart hook failed (a failed liveness or startup probe comes from probe-failed)',
    events: [{ type: 'Normal', reason: 'Killing', message: '${detail}' }],
    next: {
      // Servers that stop on the image's stop signal end at once; shells and sleeps as PID 1 ignore
      // SIGTERM and are killed when the grace period ends.
      'stop-signal': after('stopMs', 'killed'),
      'grace-period': { to: 'killed', wait: { given: "the grace period (the probe's or the pod's)" } },
    },
  },
  { name: 'killed', scope: 'container', next: { exits: now('exited') } },
  {
    name: 'process-unrunnable',
    scope: 'container',
    trigger: 'the runtime cannot run the main program (exit 126 or 127)',
    next: { exits: { to: 'exited', wait: { given: "the image's rules for the command" } } },
  },
  {
    name: 'exited',
    scope: 'container',
    trigger: 'the runtime reports that the main process ended',
    state: 'terminated',
    next: {
      initialized: now('pull'),
      restart: after('startMs', 'restarting'),
      'init-failed': now('pod-failed'),
      'all-succeeded': now('pod-succeeded'),
      'some-failed': now('pod-failed'),
    },
  },
  {
    name: 'restarting',
    scope: 'container',
    next: { first: { to: 'restart', wait: { ms: 0 } }, again: now('crash-loop-backoff') },
  },
  {
    name: 'crash-loop-backoff',
    scope: 'container',
    events: [{ type: 'Warning', reason: 'BackOff', message: 'Back-off restarting failed container ${container} in pod ${pod}' }],
    state: 'waiting',
    waiting: { message: 'back-off ${backoff} restarting failed container=${container} pod=${pod}', reason: 'CrashLoopBackOff' },
    keepsLastState: true,
    next: { retry: { to: 'restart', wait: { backOff }, retry: true } },
  },
  { name: 'restart', scope: 'container', keepsLastState: true, restarts: true, next: { ok: now('pull') } },
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
    state: 'terminated',
    next: {
      // getPhase keeps a pod whose containers would be restarted Running until the worker is done.
      restartable: after('terminalPhaseMs', 'stopped-reported'),
      succeeded: now('terminated-succeeded'),
      failed: now('terminated-failed'),
    },
  },
  {
    name: 'stopped-reported',
    scope: 'pod',
    next: { succeeded: now('terminated-succeeded'), failed: now('terminated-failed') },
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
