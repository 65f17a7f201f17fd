import type { Api } from '../api/types.js';
import type { PodRuntime } from '../runtime/hooks.js';
import type { KObject } from '../types.js';
import { containerExited, createContainer, following, keepUnseen, killContainer } from './kubelet-container-stages.js';
import { fnv32a } from './hash.js';
import type { ContainerHealth, HealthRun } from './kubelet-health.js';
import { exitPlan, goDuration, imageSize, normalizeImage, pullError } from './kubelet-images.js';
import type { Go, StageCursor, StageHandler, StageRun, StageValues } from './kubelet-stages.js';
import { type ContainerRun, containerSpec, exitCodeOf, isRunning, stopContainers } from './kubelet-status.js';
import { probeHandlers } from './kubelet-probe-stages.js';
import { missingVolumeSource } from './kubelet-volumes.js';
import type { PodLifecycleTimings } from './stages/pod-lifecycle.js';
import type { PodStage, PodStageName } from './stages/pod-stages.js';
import { type Json, dig, timestamp } from './util.js';

/** The kubelet's record of one pod. */
export interface KubeletRun extends StageRun, HealthRun {
  timers: Set<unknown>;
  /** The kubelet has reported a status (from the `setup` stage on). */
  reported: boolean;
  /** A pod found running (a restored cluster): reported as it is, not moved through the stages. */
  adopted: boolean;
  notifyStarted: boolean;
  startedOnce: boolean;
  mountFailures: number;
  pullFailures: Map<string, number>;
}

/** What the stage handlers need from the kubelet. */
export interface HandlerHost {
  api: Api;
  runtime: PodRuntime;
  timings: PodLifecycleTimings;
  health: ContainerHealth;
  /** The images each node has pulled. */
  images: Map<string, Set<string>>;
  current(run: KubeletRun): KObject | undefined;
  /** Records the events of a stage whose row lists them per container. */
  record(run: KubeletRun, stage: PodStageName, c: ContainerRun, values: StageValues): void;
  /** The pod's status may have changed outside a timer of its own (a probe's answer): sync it. */
  changed(run: KubeletRun): void;
  /** The row of a stage (of the table the kubelet runs). */
  row(stage: PodStageName): PodStage;
  /** The delay of an outcome of a stage (a back-off after `amount` failures). */
  waitMs(stage: PodStageName, outcome: string, amount?: number): number;
}

type Handlers = Partial<Record<PodStageName, StageHandler<KubeletRun>>>;

function pullPolicy(pod: KObject | undefined, c: ContainerRun): string {
  const policy = containerSpec(pod, c.name)?.['imagePullPolicy'];
  if (typeof policy === 'string') return policy;
  return /:latest$/.test(c.image) || !/:[^/]+$/.test(c.image) ? 'Always' : 'IfNotPresent';
}

/**
 * The part of each stage of `podStages` that is not data: whether it still applies, which
 * outcome it takes, and the values of its messages.
 */
export function kubeletHandlers(k: HandlerHost): Handlers {
  const clock = k.api.ctx.clock;
  const now = () => timestamp(clock.now());
  const cacheOf = (run: KubeletRun) => {
    const cache = k.images.get(run.node) ?? new Set<string>();
    k.images.set(run.node, cache);
    return cache;
  };
  const live = (run: KubeletRun) => k.current(run) !== undefined && !run.terminating;
  const resyncWait = (run: KubeletRun, round: number) => {
    // The jitter comes from the pod's uid and the round, not the id generator, so it does not
    // shift the names and addresses generated after it.
    const spread = fnv32a(new TextEncoder().encode(`${run.uid}/${round}`)) % 1000;
    return k.timings.resyncMs + Math.floor((k.timings.resyncMs * k.timings.resyncJitter * spread) / 1000);
  };

  return {
    setup: {
      act(run, at, go) {
        run.reported = true;
        run.startTime = now();
        go('ok', at);
      },
    },
    volumes: {
      enter: (run) => live(run) && {},
      act(run, at, go) {
        // A missing ConfigMap or Secret keeps the pod in ContainerCreating (no sandbox, no IP).
        const missing = missingVolumeSource(k.api, k.current(run)!);
        if (missing) go('missing', { ...at, detail: missing });
        else go('mounted', { i: 0, chain: true });
      },
    },
    'volume-missing': {
      enter: (_run, at) => ({ detail: at.detail! }),
      act(run, at, go) {
        run.mountFailures++;
        go('retry', at, run.mountFailures);
      },
    },
    pull: {
      enter: (run, at) => run.containers[at.i] !== undefined && !run.terminating && {},
      act(run, at, go) {
        const c = run.containers[at.i]!;
        const present = cacheOf(run).has(normalizeImage(c.image)) && pullPolicy(k.current(run), c) !== 'Always';
        go(present ? 'present' : 'absent', at);
      },
    },
    pulling: {
      act(run, at, go) {
        const c = run.containers[at.i]!;
        if (!k.runtime.canPull(c.image)) go('unpullable', at);
        else go(cacheOf(run).has(normalizeImage(c.image)) ? 'cached' : 'fresh', at);
      },
    },
    pulled: {
      enter: (run, at, waitedMs) => ({ took: goDuration(waitedMs), size: imageSize(run.containers[at.i]!.image) }),
      act(run, at, go) {
        cacheOf(run).add(normalizeImage(run.containers[at.i]!.image));
        go('ok', at);
      },
    },
    'pull-failed': {
      enter: (run, at) => ({ detail: pullError(run.containers[at.i]!.image) }),
      act(run, at, go, values) {
        const c = run.containers[at.i]!;
        run.pullFailures.set(c.name, (run.pullFailures.get(c.name) ?? 0) + 1);
        go('backoff', { ...at, detail: String(values['detail']) });
        if (at.chain && !c.init) go('chain', following(at));
      },
    },
    'pull-backoff': {
      enter: (_run, at) => ({ detail: at.detail! }),
      act: (run, at, go) => go('retry', { i: at.i, chain: false }, run.pullFailures.get(run.containers[at.i]!.name)),
    },
    create: {
      enter: (run) => live(run) && {},
      before: keepUnseen,
      act: (run, at, go) => createContainer(k, run, at, go, resyncWait),
    },
    relisted: {
      act(run, at) {
        const c = run.containers[at.i]!;
        if (c.restartCount === at.gen) c.unseen = undefined;
      },
    },
    killing: {
      enter: (_run, at) => ({ detail: at.detail! }),
      act: (run, at, go) => killContainer(k, run, at, go),
    },
    killed: {
      enter(run, at) {
        const c = run.containers[at.i]!;
        return c.restartCount === at.gen && isRunning(c) && {};
      },
      act(run, at, go) {
        const fresh = k.current(run);
        if (fresh) k.runtime.killContainer?.(fresh, run.containers[at.i]!.name);
        go('exits', at);
      },
    },
    'process-unrunnable': {
      act(run, at, go) {
        // The simulated shell cannot run this program (perl, python…): the image rules decide instead.
        const spec = containerSpec(k.current(run), run.containers[at.i]!.name);
        const plan = spec ? exitPlan(spec, k.timings.exitAfterMs) : undefined;
        if (plan) go('exits', { i: at.i, chain: false, exitCode: plan.exitCode }, plan.afterMs);
      },
    },
    exited: {
      enter: (run, at) => isRunning(run.containers[at.i]!) && {},
      act: (run, at, go) => containerExited(k, run, at, go),
    },
    restarting: { act: (run, at, go) => go(run.containers[at.i]!.restartCount === 0 ? 'first' : 'again', at) },
    'crash-loop-backoff': {
      enter(run, at) {
        const c = run.containers[at.i]!;
        const pod = k.current(run);
        return {
          pod: `${pod?.metadata.name}_${pod?.metadata.namespace}(${run.uid})`,
          backoff: goDuration(k.waitMs('crash-loop-backoff', 'retry', c.restartCount)),
        };
      },
      act: (run, at, go) => go('retry', at, run.containers[at.i]!.restartCount),
    },
    // The row keeps the ended instance as lastState and counts the restart.
    restart: { act: (_run, at, go) => go('ok', { i: at.i, chain: false }) },
    resync: {
      // Rewrites the volume files whose ConfigMap, Secret or pod labels/annotations changed since
      // (the pod sync's WaitForAttachAndMount remounts them); env from ConfigMaps and subPath mounts
      // never change. Writes no object, so it does not keep the cluster from being at rest.
      enter: (run) => live(run) && {},
      act(run, at, go) {
        k.runtime.refreshVolumes?.(k.current(run)!);
        const round = (at.round ?? 0) + 1;
        go('again', { ...at, round }, resyncWait(run, round));
      },
    },
    terminating: { act: (run, at, go) => terminating(k, run, at, go) },
    'containers-stopped': { act: (run, at, go) => containersStopped(k, run, at, go) },
    'stopped-reported': { act: (_run, at, go) => go(at.phase === 'Succeeded' ? 'succeeded' : 'failed', at) },
    ...probeHandlers(k),
  };
}

/** A deleted pod: its running containers get the stop signal (after preStop) and end within the grace period. */
function terminating(k: HandlerHost, run: KubeletRun, at: StageCursor, go: Go): void {
  run.terminating = true;
  for (const t of run.timers) k.api.ctx.clock.clearTimeout(t);
  run.timers.clear();
  const pod = k.current(run)!;
  const running = run.containers.filter(isRunning);
  for (const c of running) {
    k.record(run, 'terminating', c, {});
    const spec = (dig<Json[]>(pod, 'spec', 'containers') ?? []).find((x) => x['name'] === c.name);
    const preStop = dig<Json>(spec, 'lifecycle', 'preStop');
    if (preStop) k.health.preStop(run, c, c.restartCount, preStop);
  }
  const grace = Number(pod.metadata.deletionGracePeriodSeconds ?? dig(pod, 'spec', 'terminationGracePeriodSeconds') ?? 30);
  const ms = running.length === 0 ? 0 : Math.min(grace * 1000, k.timings.terminationCapMs);
  go('stop', { ...at, stopping: running.map((c) => run.containers.indexOf(c)) }, ms);
}

function containersStopped(k: HandlerHost, run: KubeletRun, at: StageCursor, go: Go): void {
  const running = (at.stopping ?? []).map((i) => run.containers[i]!);
  stopContainers(run, running, timestamp(k.api.ctx.clock.now()), k.row('containers-stopped'));
  const succeeded = run.containers.filter((c) => !c.init).every((c) => exitCodeOf(c) === 0);
  const phase = run.finished ?? (succeeded ? 'Succeeded' : 'Failed');
  // kubelet getPhase without the terminal flag: a pod whose containers would be restarted
  // (restartPolicy Always, or OnFailure after a failure) still reads Running once they are
  // stopped; the terminal phase follows when the pod worker has finished with it.
  const policy = String(dig(k.current(run), 'spec', 'restartPolicy') ?? 'Always');
  if (!run.finished && running.length > 0 && (policy === 'Always' || (policy === 'OnFailure' && !succeeded))) go('restartable', { ...at, phase });
  else go(phase === 'Succeeded' ? 'succeeded' : 'failed', at);
}
