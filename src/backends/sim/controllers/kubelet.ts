import type { Api } from '../api/types.js';
import { markRetryLoop } from '../clock.js';
import type { PodRuntime } from '../runtime/hooks.js';
import type { KObject, StoreChange } from '../types.js';
import { recordEvent } from './events.js';
import { qosClass } from './kubelet-images.js';
import { type KubeletRun as Run, kubeletHandlers } from './kubelet-handlers.js';
import { StageEngine } from './kubelet-stages.js';
import { type ContainerRun, buildPodStatus, initialContainers, isRunning, statusDiffers } from './kubelet-status.js';
import { ContainerHealth } from './kubelet-health.js';
import type { NodeInfo } from './nodes.js';
import { WorkQueue } from './queue.js';
import { PodIPs } from './pod-ips.js';
import type { PodLifecycleTimings } from './stages/pod-lifecycle.js';
import { type PodStage, podStages } from './stages/pod-stages.js';
import { type Json, dig, keyOf, splitKey, timestamp, tolerate, typeOf } from './util.js';

/**
 * The simulated kubelets of every node: they move bound pods through the stages of `podStages`
 * (ContainerCreating, image pulls or ErrImagePull / ImagePullBackOff, Running and Ready, containers
 * that exit — Completed, CrashLoopBackOff, Succeeded — and graceful termination) on the clock,
 * with delays from the lifecycle timings, and report each pod's status from what they know.
 */
export class Kubelet {
  readonly queue: WorkQueue;
  private readonly runs = new Map<string, Run>();
  private readonly ips = new PodIPs();
  private readonly images = new Map<string, Set<string>>();
  private readonly pods;
  private readonly unsubscribeExits: (() => void) | undefined;
  private readonly health: ContainerHealth;
  private readonly stages: StageEngine<Run>;

  constructor(
    private readonly api: Api,
    private readonly runtime: PodRuntime,
    private readonly nodes: readonly NodeInfo[],
    private readonly timings: PodLifecycleTimings,
    stages: readonly PodStage[] = podStages,
  ) {
    this.pods = typeOf(api, 'pods');
    this.queue = new WorkQueue('kubelet', api.ctx.clock, (key) => this.sync(key));
    this.health = new ContainerHealth({
      api,
      runtime,
      timings,
      alive: (run) => this.runs.has(run.uid),
      after: (run, ms, fn) => this.after(run as Run, ms, fn),
      current: (run) => this.current(run as Run),
      event: (run, c, type, reason, message) => this.event(run as Run, c, type, reason, message),
      kill: (run, c, gen, message) => this.stages.enter(run as Run, 'killing', { i: run.containers.indexOf(c), chain: false, gen, detail: message }),
      changed: (run) => this.queue.add(run.key),
      delay: (ms) => this.delay(ms),
    });
    this.stages = new StageEngine<Run>(
      stages,
      kubeletHandlers({
        api,
        runtime,
        timings,
        health: this.health,
        images: this.images,
        current: (run) => this.current(run),
        record: (run, stage, c, values) => this.stages.record(run, stage, c, values),
        changed: (run) => this.queue.add(run.key),
        row: (stage) => this.stages.row(stage),
        waitMs: (stage, outcome, amount) => this.stages.waitMs(stage, outcome, amount) ?? 0,
      }),
      { timings, after: (run, ms, fn, retry) => this.after(run, ms, fn, retry), event: (...a) => this.event(...a), sandbox: (run) => this.sandbox(run) },
    );
    this.unsubscribeExits = runtime.onContainerExit?.((pod, container, exitCode) => this.processExited(pod, container, exitCode));
  }

  /** Enqueues bound pods; forgets removed ones. */
  handle(change: StoreChange): void {
    if (change.resource !== this.pods) return;
    const pod = change.object;
    if (change.type === 'DELETED') {
      const run = this.runs.get(String(pod.metadata.uid));
      if (run) {
        for (const t of run.timers) this.api.ctx.clock.clearTimeout(t);
        this.runs.delete(run.uid);
      }
      this.ips.release(dig<string>(pod, 'status', 'podIP'));
      if (dig(pod, 'spec', 'nodeName')) this.runtime.podRemoved(pod);
      return;
    }
    if (this.node(pod)) this.queue.add(keyOf(pod));
  }

  /** Stops every timer. */
  stop(): void {
    this.unsubscribeExits?.();
    this.queue.stop();
    for (const run of this.runs.values()) for (const t of run.timers) this.api.ctx.clock.clearTimeout(t);
  }

  private node(pod: KObject): NodeInfo | undefined {
    const name = dig(pod, 'spec', 'nodeName');
    return name ? this.nodes.find((n) => n.name === name) : undefined;
  }

  private delay(ms: number): number {
    return ms / (this.api.ctx.speed > 0 ? this.api.ctx.speed : 1);
  }

  private sync(key: string): void {
    const { namespace, name } = splitKey(key);
    const pod = this.api.find(this.pods, namespace, name);
    const node = pod && this.node(pod);
    if (!pod || !node) return;
    let run = this.runs.get(String(pod.metadata.uid));
    if (!run) run = this.begin(pod, node);
    if (pod.metadata.deletionTimestamp && !run.terminating) this.stages.enter(run, 'terminating', { i: 0, chain: false });
    let current = pod;
    if (run.reported && !run.adopted) {
      const status = buildPodStatus(pod, run, timestamp(this.api.ctx.clock.now()));
      if (statusDiffers(pod, status)) current = this.api.update(this.pods, namespace, { ...pod, status }, { subresource: 'status' });
    }
    if (run.stopped) {
      tolerate(() => this.api.delete(this.pods, namespace, name, { gracePeriodSeconds: 0 }));
      return;
    }
    if (run.notifyStarted) {
      run.notifyStarted = false;
      this.runtime.podStarted(current);
    }
  }

  private begin(pod: KObject, node: NodeInfo): Run {
    const spec = (pod['spec'] as Json) ?? {};
    const status = (pod['status'] as Json) ?? {};
    const containers = initialContainers(spec);
    const run: Run = {
      uid: String(pod.metadata.uid),
      key: keyOf(pod),
      node: node.name,
      hostIP: node.internalIP,
      sandboxReady: false,
      containers,
      qosClass: qosClass(spec),
      timers: new Set(),
      reported: false,
      adopted: false,
      terminating: false,
      stopped: false,
      notifyStarted: false,
      startedOnce: false,
      mountFailures: 0,
      pullFailures: new Map(),
      tallies: new Map(),
    };
    this.runs.set(run.uid, run);
    const phase = status['phase'];
    if (phase && phase !== 'Pending' && status['containerStatuses']) {
      run.adopted = run.reported = true;
      if (typeof status['podIP'] === 'string') this.ips.reserve(status['podIP']);
      return run;
    }
    this.stages.enter(run, 'admitted', { i: 0, chain: true });
    return run;
  }

  /** Runs `fn` after `ms` (then syncs the pod); `retry`: a retry loop that cannot change the outcome by itself. */
  private after(run: Run, ms: number, fn: () => void, retry = false): void {
    const handle = this.api.ctx.clock.setTimeout(() => {
      run.timers.delete(handle);
      if (!this.runs.has(run.uid)) return;
      fn();
      this.queue.add(run.key);
    }, this.delay(ms));
    run.timers.add(handle);
    if (retry) markRetryLoop(this.api.ctx.clock, handle);
  }

  private current(run: Run): KObject | undefined {
    const { namespace, name } = splitKey(run.key);
    return this.api.find(this.pods, namespace, name);
  }

  private event(run: Run, c: ContainerRun | undefined, type: 'Normal' | 'Warning', reason: string, message: string): void {
    const pod = this.current(run);
    if (!pod) return;
    const fieldPath = c ? `spec.${c.init ? 'initContainers' : 'containers'}{${c.name}}` : undefined;
    recordEvent(this.api, pod, type, reason, message, 'kubelet', run.node, { fieldPath, instance: run.node });
  }

  private sandbox(run: Run): void {
    if (run.sandboxReady) return;
    run.sandboxReady = true;
    const node = this.nodes.find((n) => n.name === run.node)!;
    // A pod on the host network has the node's address, as kube-proxy and CNI pods do on kind.
    run.podIP ??= dig<boolean>(this.current(run), 'spec', 'hostNetwork') ? node.internalIP : this.ips.allocate(node);
  }

  /** A main process the runtime ran has ended by itself. */
  private processExited(pod: KObject, container: string, exitCode: number): void {
    const run = this.runs.get(String(pod.metadata.uid));
    const i = run ? run.containers.findIndex((c) => !c.init && c.name === container) : -1;
    if (!run || i < 0 || run.terminating || !isRunning(run.containers[i]!)) return;
    if (exitCode === 126 || exitCode === 127) {
      this.stages.enter(run, 'process-unrunnable', { i, chain: false });
      return;
    }
    this.stages.enter(run, 'exited', { i, chain: false, exitCode });
    this.queue.add(run.key);
  }
}
