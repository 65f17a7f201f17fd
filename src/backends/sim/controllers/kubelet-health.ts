import type { Api } from '../api/types.js';
import type { PodRuntime, ProbeOutcome } from '../runtime/hooks.js';
import type { KObject } from '../types.js';
import type { ProbeTally } from './kubelet-probes.js';
import { type ContainerRun, type PodRun, containerSpec, isRunning } from './kubelet-status.js';
import type { PodLifecycleTimings } from './stages/pod-lifecycle.js';
import type { Json } from './util.js';

/** What the container-health part of the kubelet knows about a pod. */
export interface HealthRun extends PodRun {
  terminating: boolean;
  /** Probe result counters by `container/type`. */
  tallies: Map<string, ProbeTally>;
}

/** What it needs from the kubelet: its clock-bound timers, events, and the killing of a container. */
export interface KubeletOps {
  api: Api;
  runtime: PodRuntime;
  timings: PodLifecycleTimings;
  /** The pod is still known to the kubelet. */
  alive(run: HealthRun): boolean;
  /** Runs `fn` after `ms` of simulated time (cancelled with the pod), then syncs the pod. */
  after(run: HealthRun, ms: number, fn: () => void): void;
  current(run: HealthRun): KObject | undefined;
  event(run: HealthRun, c: ContainerRun | undefined, type: 'Normal' | 'Warning', reason: string, message: string): void;
  /**
   * Stops container instance `gen` to restart it (the `killing` stage): preStop, the stop signal,
   * then the kill when the pod's grace period ends.
   */
  kill(run: HealthRun, c: ContainerRun, gen: number, message: string): void;
  /** The pod's status may have changed: sync it. */
  changed(run: HealthRun): void;
  /** Simulated ms → clock ms at the simulator's speed. */
  delay(ms: number): number;
}

/**
 * Container health as the kubelet's lifecycle handlers see it: postStart and preStop
 * hooks, killing a container whose postStart failed, and the message a terminated container
 * leaves. The probe workers are stages of the pod stage table (`kubelet-probe-stages.ts`).
 */
export class ContainerHealth {
  constructor(private readonly k: KubeletOps) {}

  /** Is this container instance still the one a probe worker was started for (running, not being killed)? */
  isProbing(run: HealthRun, c: ContainerRun, gen: number): boolean {
    return this.k.alive(run) && !run.terminating && c.restartCount === gen && isRunning(c) && !c.killing;
  }

  /** Runs a lifecycle handler in a running container, waiting for the runtime to have started it. */
  private async handler(run: HealthRun, c: ContainerRun, gen: number, handler: Json): Promise<ProbeOutcome | undefined> {
    // lifecycle.sleep only pauses the kubelet; it cannot fail.
    if (handler['sleep']) return { result: 'success', output: '' };
    for (let attempt = 0; attempt < 100; attempt++) {
      const pod = this.k.current(run);
      if (!pod || !this.k.runtime.probe || c.restartCount !== gen || !isRunning(c)) return undefined;
      const o = await this.k.runtime.probe(pod, c.name, handler).catch(() => undefined);
      // The kubelet's HTTP hook runner does not look at the status code: only a failed request fails.
      if (o && handler['httpGet'] && o.output.startsWith('HTTP probe failed')) return { result: 'success', output: '' };
      if (o) return o;
      await new Promise<void>((resolve) => this.k.api.ctx.clock.setTimeout(() => resolve(), this.k.delay(this.k.timings.probeRetryMs)));
    }
    return undefined;
  }

  /** postStart runs right after the container starts; when it fails the container is killed and restarted. */
  postStart(run: HealthRun, c: ContainerRun, gen: number, handler: Json): void {
    void this.handler(run, c, gen, handler).then((o) => {
      if (o?.result !== 'failure' || c.restartCount !== gen || !isRunning(c) || c.killing) return;
      this.k.event(run, c, 'Warning', 'FailedPostStartHook', 'PostStartHook failed');
      this.k.kill(run, c, gen, 'FailedPostStartHook');
      this.k.changed(run);
    });
  }

  /** preStop runs before the stop signal; a failure is only reported. */
  preStop(run: HealthRun, c: ContainerRun, gen: number, handler: Json): void {
    void this.handler(run, c, gen, handler).then((o) => {
      if (o?.result === 'failure') this.k.event(run, c, 'Warning', 'FailedPreStopHook', 'PreStopHook failed');
    });
  }

  /**
   * The message of a terminated container: its terminationMessagePath file, else (with
   * FallbackToLogsOnError and a failure) the end of its log, as the kubelet reads them.
   */
  terminationMessage(run: HealthRun, c: ContainerRun, exitCode: number): string | undefined {
    const pod = this.k.current(run);
    if (!pod) return undefined;
    const fromFile = this.k.runtime.terminationMessage?.(pod, c.name);
    if (fromFile) return fromFile;
    const spec = containerSpec(pod, c.name);
    if (spec?.['terminationMessagePolicy'] !== 'FallbackToLogsOnError' || exitCode === 0) return undefined;
    // kubelet: the last 80 lines, at most 2048 bytes.
    return this.k.runtime.logTail?.(pod, c.name, 80, 2048) || undefined;
  }
}
