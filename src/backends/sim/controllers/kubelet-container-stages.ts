import { containerUsage } from '../runtime/images/usage.js';
import type { HandlerHost, KubeletRun } from './kubelet-handlers.js';
import { containerID, exitPlan, imageID, imageRepository, normalizeImage } from './kubelet-images.js';
import { probeWorker } from './kubelet-probe-stages.js';
import { probesOf } from './kubelet-probes.js';
import type { Go, StageCursor } from './kubelet-stages.js';
import { containerSpec, containerStateName, containerStatus, exitCodeOf, isRunning } from './kubelet-status.js';
import { stopSignalExits } from './stages/images.js';
import { type Json, dig, timestamp } from './util.js';

/** The next container, in a chain that started it. */
export const following = (at: StageCursor): StageCursor => ({ i: at.i + 1, chain: true });

/**
 * Before `create` puts the container in state running: the status it had, which the kubelet
 * keeps reporting until its next relist sees the new instance (`createContainer` drops it when
 * it needs no relist).
 */
export function keepUnseen(run: KubeletRun, at: StageCursor): void {
  const c = run.containers[at.i]!;
  c.unseen = containerStatus(c);
}

/** The container runs: its state, the side lines of this instance (relist, exit, OOM kill, probes, hooks), then the next container. */
export function createContainer(k: HandlerHost, run: KubeletRun, at: StageCursor, go: Go, resyncWait: (run: KubeletRun, round: number) => number): void {
  const c = run.containers[at.i]!;
  const pod = k.current(run)!;
  const spec = containerSpec(pod, c.name);
  const plan = spec ? exitPlan(spec, k.timings.exitAfterMs) : undefined;
  // A process that allocates more than its memory limit is killed by the kernel at once.
  const oom = spec ? containerUsage(spec).oomKilled : false;
  c.containerID = containerID(run.uid, c.name, c.restartCount);
  c.imageID = imageID(c.image);
  c.imageRef = normalizeImage(c.image);
  c.startedAt = timestamp(k.api.ctx.clock.now());
  c.killing = false;
  // Runs beside the main containers (a main container or a sidecar), not to completion.
  const beside = !c.init || c.sidecar === true;
  const probes = beside ? probesOf(spec) : [];
  c.started = !probes.some((p) => p.type === 'Startup');
  c.readiness = probes.some((p) => p.type === 'Readiness') ? 'failure' : undefined;
  // The kubelet learns that a container runs from its next relist: one that has already ended
  // by then is never reported running, so a crash loop never looks Ready.
  if (c.restartCount > 0 || oom || (plan && plan.afterMs < k.timings.relistMs)) {
    go('relist', { ...at, gen: c.restartCount });
  } else c.unseen = undefined;
  // The runtime runs a main process the first time and reports when it ends; restarts follow the rules.
  const restarted = !c.init && c.restartCount > 0 && k.runtime.restartContainer?.(pod, c.name) === true;
  const runtimeReports = restarted || (k.runtime.onContainerExit !== undefined && !c.init && c.restartCount === 0);
  // An init container's process runs in the runtime, which says how it ends (it may wait for a
  // Service); when it cannot tell (a program it does not run), the image's rules decide.
  const init = beside ? undefined : k.runtime.runInit?.(pod, c.name, run.podIP ?? '');
  if (init) {
    const instance = c.restartCount;
    void init.then((code) => {
      if (!k.current(run) || run.terminating || c.restartCount !== instance || !isRunning(c)) return;
      const how = code === undefined ? plan : { afterMs: 0, exitCode: code };
      go('exits', { i: at.i, chain: at.chain, exitCode: how?.exitCode ?? 0 }, how?.afterMs ?? k.timings.exitAfterMs);
    });
  } else if ((plan || !beside) && !runtimeReports)
    go('exits', { i: at.i, chain: at.chain, exitCode: plan?.exitCode ?? 0 }, plan?.afterMs ?? k.timings.exitAfterMs);
  if (oom) go('oom', { i: at.i, chain: at.chain, gen: c.restartCount, exitCode: 137, reason: 'OOMKilled' });
  for (const p of probes) go('probe', probeWorker(at, c.restartCount, p));
  const postStart = dig<Json>(spec, 'lifecycle', 'postStart');
  if (postStart && beside) k.health.postStart(run, c, c.restartCount, postStart);
  if (beside && at.chain) go('chain', following(at));
  if (!run.startedOnce && run.containers.filter((x) => !x.init).every((x) => isRunning(x) || x.restartCount > 0 || containerStateName(x) !== 'waiting')) {
    run.startedOnce = true;
    run.notifyStarted = true;
    go('resync', { i: 0, chain: false, round: 0 }, resyncWait(run, 0));
  }
}

/**
 * The kubelet stops a container it will restart (a failed liveness or startup probe, a failed
 * postStart hook): preStop runs, then the stop signal.
 */
export function killContainer(k: HandlerHost, run: KubeletRun, at: StageCursor, go: Go): void {
  const c = run.containers[at.i]!;
  c.killing = true;
  const pod = k.current(run);
  const spec = (dig<Json[]>(pod, 'spec', 'containers') ?? []).find((x) => x['name'] === c.name);
  const preStop = dig<Json>(spec, 'lifecycle', 'preStop');
  if (preStop) k.health.preStop(run, c, at.gen!, preStop);
  const next = { i: at.i, chain: false, gen: at.gen! };
  if (stopSignalExits.includes(imageRepository(c.image))) go('stop-signal', { ...next, exitCode: 0 });
  else go('grace-period', { ...next, exitCode: 137 }, (at.graceSeconds ?? Number(dig(pod, 'spec', 'terminationGracePeriodSeconds') ?? 30)) * 1000);
}

/** The container's process has ended: terminated state, then the restart rules or the pod's phase. */
export function containerExited(k: HandlerHost, run: KubeletRun, at: StageCursor, go: Go): void {
  const c = run.containers[at.i]!;
  const exitCode = at.exitCode ?? 0;
  const message = k.health.terminationMessage(run, c, exitCode);
  const terminated = {
    containerID: c.containerID,
    exitCode,
    finishedAt: timestamp(k.api.ctx.clock.now()),
    ...(message ? { message } : {}),
    reason: at.reason ?? (exitCode === 0 ? 'Completed' : 'Error'),
    startedAt: c.startedAt,
  };
  c.terminated = terminated;
  c.started = false;
  c.unseen = undefined;
  const policy = String(dig(k.current(run), 'spec', 'restartPolicy') ?? 'Always');
  // A sidecar restarts whatever the pod's policy and exit code (it is restartPolicy: Always itself).
  const restart = c.sidecar ? true : policy === 'Always' ? !c.init || exitCode !== 0 : policy === 'OnFailure' ? exitCode !== 0 : false;
  if (c.init && !c.sidecar && exitCode === 0) {
    if (at.chain) go('initialized', following(at));
    return;
  }
  if (restart) {
    go('restart', { i: at.i, chain: at.chain, terminated });
    return;
  }
  if (c.init) {
    go('init-failed', at);
    return;
  }
  const main = run.containers.filter((x) => !x.init);
  if (main.every((x) => containerStateName(x) === 'terminated')) go(main.every((x) => exitCodeOf(x) === 0) ? 'all-succeeded' : 'some-failed', at);
}
