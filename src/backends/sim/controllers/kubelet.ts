import type { Api } from '../api/types.js';
import { markRetryLoop } from '../clock.js';
import type { PodRuntime } from '../runtime/hooks.js';
import type { KObject, StoreChange } from '../types.js';
import { recordEvent } from './events.js';
import { missingVolumeSource } from './kubelet-volumes.js';
import { containerID, exitPlan, goDuration, imageID, imageSize, normalizeImage, pullError, qosClass } from './kubelet-images.js';
import { type ContainerRun, type PodRun, buildPodStatus, containerStatus, initialContainers, statusDiffers, stopContainers } from './kubelet-status.js';
import { type ProbeTally, probesOf } from './kubelet-probes.js';
import { ContainerHealth } from './kubelet-health.js';
import { containerUsage } from '../runtime/images/usage.js';
import type { NodeInfo } from './nodes.js';
import { WorkQueue } from './queue.js';
import { fnv32a } from './hash.js';
import { PodIPs } from './pod-ips.js';
import type { PodLifecycleTimings } from './stages/pod-lifecycle.js';
import { type Json, dig, keyOf, splitKey, timestamp, tolerate, typeOf } from './util.js';

interface Run extends PodRun {
  timers: Set<unknown>;
  reported: boolean;
  adopted: boolean;
  terminating: boolean;
  /** Containers are stopped: report that, then remove the pod. */
  stopped: boolean;
  notifyStarted: boolean;
  startedOnce: boolean;
  pullFailures: Map<string, number>;
  /** Probe result counters by `container/type`. */
  tallies: Map<string, ProbeTally>;
}

/**
 * The simulated kubelets of every node: they drive bound pods through ContainerCreating, image
 * pulls (or ErrImagePull / ImagePullBackOff), Running and Ready, containers that exit (Completed,
 * CrashLoopBackOff, Succeeded), and graceful termination, with delays from the lifecycle stages.
 */
export class Kubelet {
  readonly queue: WorkQueue;
  private readonly runs = new Map<string, Run>();
  private readonly ips = new PodIPs();
  private readonly images = new Map<string, Set<string>>();
  private readonly pods;
  private readonly unsubscribeExits: (() => void) | undefined;
  private readonly health: ContainerHealth;

  constructor(
    private readonly api: Api,
    private readonly runtime: PodRuntime,
    private readonly nodes: readonly NodeInfo[],
    private readonly timings: PodLifecycleTimings,
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
      exit: (run, i, code, chain, reason) => this.exit(run as Run, i, code, chain, reason),
      changed: (run) => this.queue.add(run.key),
      delay: (ms) => this.delay(ms),
    });
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
    if (pod.metadata.deletionTimestamp && !run.terminating) this.terminate(pod, run);
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
    this.after(run, this.timings.setupMs, () => {
      run.reported = true;
      run.startTime = timestamp(this.api.ctx.clock.now());
      this.mount(run, 1);
    });
    return run;
  }

  /** Sets up volumes, then pulls; a missing ConfigMap or Secret keeps the pod in ContainerCreating, retried with backoff. */
  private mount(run: Run, attempt: number): void {
    const pod = this.current(run);
    if (!pod || run.terminating) return;
    const missing = missingVolumeSource(this.api, pod);
    if (!missing) {
      this.pull(run, 0, true);
      return;
    }
    this.event(run, undefined, 'Warning', 'FailedMount', missing);
    // The volume manager's exponential backoff: 500 ms doubling, at most 2m2s.
    this.after(run, Math.min(500 * 2 ** (attempt - 1), 122_000), () => this.mount(run, attempt + 1), true);
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

  private pullPolicy(run: Run, c: ContainerRun): string {
    const pod = this.current(run);
    const spec = [...(dig<Json[]>(pod, 'spec', 'initContainers') ?? []), ...(dig<Json[]>(pod, 'spec', 'containers') ?? [])];
    const policy = spec.find((s) => s['name'] === c.name)?.['imagePullPolicy'];
    if (typeof policy === 'string') return policy;
    return /:latest$/.test(c.image) || !/:[^/]+$/.test(c.image) ? 'Always' : 'IfNotPresent';
  }

  /** Pulls container `i`; `chain` moves on to the next container once this one has started. */
  private pull(run: Run, i: number, chain: boolean): void {
    const c = run.containers[i];
    if (!c || run.terminating) return;
    const cache = this.images.get(run.node) ?? new Set<string>();
    this.images.set(run.node, cache);
    const ref = normalizeImage(c.image);
    const policy = this.pullPolicy(run, c);
    if (cache.has(ref) && policy !== 'Always') {
      this.event(run, c, 'Normal', 'Pulled', `Container image "${c.image}" already present on machine`);
      this.after(run, this.timings.startMs, () => this.start(run, i, chain));
      return;
    }
    this.event(run, c, 'Normal', 'Pulling', `Pulling image "${c.image}"`);
    if (!this.runtime.canPull(c.image)) {
      this.after(run, this.timings.pullFailMs, () => this.pullFailed(run, i, chain));
      return;
    }
    const took = cache.has(ref) ? this.timings.pullCachedMs : this.timings.pullMs;
    this.after(run, took, () => {
      cache.add(ref);
      const d = goDuration(took);
      this.event(
        run,
        c,
        'Normal',
        'Pulled',
        `Successfully pulled image "${c.image}" in ${d} (${d} including waiting). Image size: ${imageSize(c.image)} bytes.`,
      );
      this.after(run, this.timings.startMs, () => this.start(run, i, chain));
    });
  }

  private pullFailed(run: Run, i: number, chain: boolean): void {
    const c = run.containers[i]!;
    this.sandbox(run);
    const msg = pullError(c.image);
    this.event(run, c, 'Warning', 'Failed', `Failed to pull image "${c.image}": ${msg}`);
    this.event(run, c, 'Warning', 'Failed', 'Error: ErrImagePull');
    c.state = { waiting: { message: `Failed to pull image "${c.image}": ${msg}`, reason: 'ErrImagePull' } };
    const failures = (run.pullFailures.get(c.name) ?? 0) + 1;
    run.pullFailures.set(c.name, failures);
    this.after(run, this.timings.pullBackOffMs, () => {
      this.event(run, c, 'Normal', 'BackOff', `Back-off pulling image "${c.image}"`);
      this.event(run, c, 'Warning', 'Failed', 'Error: ImagePullBackOff');
      c.state = { waiting: { message: `Back-off pulling image "${c.image}": ErrImagePull: ${msg}`, reason: 'ImagePullBackOff' } };
      this.after(run, this.backOff(failures), () => this.pull(run, i, false), true);
    });
    if (chain && !c.init) this.after(run, 0, () => this.pull(run, i + 1, true));
  }

  private backOff(n: number): number {
    return Math.min(this.timings.backOffInitialMs * 2 ** Math.max(0, n - 1), this.timings.backOffMaxMs);
  }

  private start(run: Run, i: number, chain: boolean): void {
    const c = run.containers[i]!;
    const pod = this.current(run);
    if (!pod || run.terminating) return;
    const now = timestamp(this.api.ctx.clock.now());
    this.sandbox(run);
    this.event(run, c, 'Normal', 'Created', `Created container: ${c.name}`);
    this.event(run, c, 'Normal', 'Started', `Started container ${c.name}`);
    const spec = [...(dig<Json[]>(pod, 'spec', 'initContainers') ?? []), ...(dig<Json[]>(pod, 'spec', 'containers') ?? [])].find((s) => s['name'] === c.name);
    const plan = spec ? exitPlan(spec, this.timings.exitAfterMs) : undefined;
    // A process that allocates more than its memory limit is killed by the kernel at once.
    const oom = spec ? containerUsage(spec).oomKilled : false;
    const before = containerStatus(c);
    c.containerID = containerID(run.uid, c.name, c.restartCount);
    c.imageID = imageID(c.image);
    c.imageRef = normalizeImage(c.image);
    c.state = { running: { startedAt: now } };
    c.killing = false;
    // Runs beside the main containers (a main container or a sidecar), not to completion.
    const beside = !c.init || c.sidecar === true;
    const probes = beside ? probesOf(spec) : [];
    c.started = !probes.some((p) => p.type === 'Startup');
    c.readiness = probes.some((p) => p.type === 'Readiness') ? 'failure' : undefined;
    this.health.refreshReady(c);
    // The kubelet learns that a container runs from its next relist: one that has already ended
    // by then is never reported running, so a crash loop never looks Ready.
    if (c.restartCount > 0 || oom || (plan && plan.afterMs < this.timings.relistMs)) {
      c.unseen = before;
      const gen = c.restartCount;
      this.after(run, this.timings.relistMs, () => {
        if (c.restartCount === gen) c.unseen = undefined;
      });
    } else c.unseen = undefined;
    // The runtime runs a main process the first time and reports when it ends; restarts follow the rules.
    const restarted = !c.init && c.restartCount > 0 && this.runtime.restartContainer?.(pod, c.name) === true;
    const runtimeReports = restarted || (this.runtime.onContainerExit !== undefined && !c.init && c.restartCount === 0);
    // An init container's process runs in the runtime, which says how it ends (it may wait for a Service).
    const init = beside ? undefined : this.runtime.runInit?.(pod, c.name, run.podIP ?? '');
    const instance = c.restartCount;
    void init?.then((code) => this.initExited(run, i, instance, code === undefined ? plan : { afterMs: 0, exitCode: code }));
    if ((plan || !beside) && !runtimeReports && !init)
      this.after(run, plan?.afterMs ?? this.timings.exitAfterMs, () => this.exit(run, i, plan?.exitCode ?? 0, chain));
    if (oom) {
      const gen = c.restartCount;
      this.after(run, this.timings.oomAfterMs, () => {
        if (c.restartCount !== gen || !c.state['running']) return;
        const fresh = this.current(run);
        if (fresh) this.runtime.killContainer?.(fresh, c.name);
        this.exit(run, i, 137, chain, 'OOMKilled');
      });
    }
    for (const p of probes) this.health.probeTick(run, c, c.restartCount, p, 0);
    const postStart = dig<Json>(spec, 'lifecycle', 'postStart');
    if (postStart && beside) this.health.postStart(run, c, c.restartCount, postStart);
    // The next container starts once this one runs (after a sidecar: the next init container).
    if (beside && chain) this.pull(run, i + 1, true);
    if (!run.startedOnce && run.containers.filter((x) => !x.init).every((x) => x.state['running'] || x.restartCount > 0 || x.state['waiting'] === undefined)) {
      run.startedOnce = true;
      run.notifyStarted = true;
      this.scheduleResync(run);
    }
  }

  /**
   * The pod worker's periodic resync of a running pod: each one rewrites the volume files whose
   * ConfigMap, Secret or pod labels/annotations changed since (the pod sync's WaitForAttachAndMount
   * remounts them); env from ConfigMaps and subPath mounts never change. Writes no object, so it
   * does not keep the cluster from being at rest.
   */
  private scheduleResync(run: Run, round = 0): void {
    const { resyncMs, resyncJitter } = this.timings;
    // The jitter comes from the pod's uid and the round, not the id generator, so it does not
    // shift the names and addresses generated after it.
    const spread = fnv32a(new TextEncoder().encode(`${run.uid}/${round}`)) % 1000;
    const wait = resyncMs + Math.floor((resyncMs * resyncJitter * spread) / 1000);
    this.after(
      run,
      wait,
      () => {
        const pod = this.current(run);
        if (!pod || run.terminating) return;
        this.runtime.refreshVolumes?.(pod);
        this.scheduleResync(run, round + 1);
      },
      true,
    );
  }

  private exit(run: Run, i: number, exitCode: number, chain: boolean, reason?: string): void {
    const c = run.containers[i]!;
    const running = c.state['running'] as Json | undefined;
    if (!running) return;
    const message = this.health.terminationMessage(run, c, exitCode);
    const terminated = {
      containerID: c.containerID,
      exitCode,
      finishedAt: timestamp(this.api.ctx.clock.now()),
      ...(message ? { message } : {}),
      reason: reason ?? (exitCode === 0 ? 'Completed' : 'Error'),
      startedAt: running['startedAt'],
    };
    c.state = { terminated };
    c.ready = false;
    c.started = false;
    c.unseen = undefined;
    const policy = String(dig(this.current(run), 'spec', 'restartPolicy') ?? 'Always');
    // A sidecar restarts whatever the pod's policy and exit code (it is restartPolicy: Always itself).
    const restart = c.sidecar ? true : policy === 'Always' ? !c.init || exitCode !== 0 : policy === 'OnFailure' ? exitCode !== 0 : false;
    if (c.init && !c.sidecar && exitCode === 0) {
      if (chain) this.pull(run, i + 1, true);
      return;
    }
    if (!restart) {
      if (c.init) run.finished = 'Failed';
      const main = run.containers.filter((x) => !x.init);
      if (!c.init && main.every((x) => x.state['terminated'])) {
        run.finished = main.every((x) => (x.state['terminated'] as Json)['exitCode'] === 0) ? 'Succeeded' : 'Failed';
      }
      return;
    }
    const pod = this.current(run);
    const podRef = `${pod?.metadata.name}_${pod?.metadata.namespace}(${run.uid})`;
    const wait = c.restartCount === 0 ? 0 : this.backOff(c.restartCount);
    const enterBackOff = () => {
      if (wait === 0) return;
      this.event(run, c, 'Warning', 'BackOff', `Back-off restarting failed container ${c.name} in pod ${podRef}`);
      c.state = { waiting: { message: `back-off ${goDuration(wait)} restarting failed container=${c.name} pod=${podRef}`, reason: 'CrashLoopBackOff' } };
      c.lastState = { terminated };
    };
    this.after(run, this.timings.startMs, () => {
      enterBackOff();
      this.after(
        run,
        wait,
        () => {
          c.lastState = { terminated };
          c.restartCount++;
          this.pull(run, i, false);
        },
        wait > 0,
      );
    });
  }

  /** An init container's process ended (`how`), or the runtime could not tell (the image's rules: `plan`). */
  private initExited(run: Run, i: number, gen: number, how: { afterMs: number; exitCode: number } | undefined): void {
    const c = run.containers[i]!;
    if (!this.runs.has(run.uid) || run.terminating || c.restartCount !== gen || !c.state['running']) return;
    this.after(run, how?.afterMs ?? this.timings.exitAfterMs, () => this.exit(run, i, how?.exitCode ?? 0, true));
  }

  /** A main process the runtime ran has ended by itself. */
  private processExited(pod: KObject, container: string, exitCode: number): void {
    const run = this.runs.get(String(pod.metadata.uid));
    const i = run ? run.containers.findIndex((c) => !c.init && c.name === container) : -1;
    if (!run || i < 0 || run.terminating || !run.containers[i]!.state['running']) return;
    if (exitCode === 126 || exitCode === 127) {
      // The simulated shell cannot run this program (perl, python…): the image rules decide instead.
      const spec = (dig<Json[]>(pod, 'spec', 'containers') ?? []).find((c) => c['name'] === container);
      const plan = spec ? exitPlan(spec, this.timings.exitAfterMs) : undefined;
      if (plan) this.after(run, plan.afterMs, () => this.exit(run, i, plan.exitCode, false));
      return;
    }
    this.exit(run, i, exitCode, false);
    this.queue.add(run.key);
  }

  private terminate(pod: KObject, run: Run): void {
    run.terminating = true;
    for (const t of run.timers) this.api.ctx.clock.clearTimeout(t);
    run.timers.clear();
    const running = run.containers.filter((c) => c.state['running']);
    for (const c of running) {
      this.event(run, c, 'Normal', 'Killing', `Stopping container ${c.name}`);
      const spec = (dig<Json[]>(pod, 'spec', 'containers') ?? []).find((x) => x['name'] === c.name);
      const preStop = dig<Json>(spec, 'lifecycle', 'preStop');
      if (preStop) this.health.preStop(run, c, c.restartCount, preStop);
    }
    const grace = Number(pod.metadata.deletionGracePeriodSeconds ?? dig(pod, 'spec', 'terminationGracePeriodSeconds') ?? 30);
    const ms = running.length === 0 ? 0 : Math.min(grace * 1000, this.timings.terminationCapMs);
    this.after(run, ms, () => {
      stopContainers(run, running, timestamp(this.api.ctx.clock.now()));
      const main = run.containers.filter((c) => !c.init);
      const succeeded = main.every((c) => dig(c.state, 'terminated', 'exitCode') === 0);
      const ended = () => {
        run.stopped = true;
        run.finished ??= succeeded ? 'Succeeded' : 'Failed';
      };
      // kubelet getPhase without the terminal flag: a pod whose containers would be restarted
      // (restartPolicy Always, or OnFailure after a failure) still reads Running once they are
      // stopped; the terminal phase follows when the pod worker has finished with it.
      const policy = String(dig(pod, 'spec', 'restartPolicy') ?? 'Always');
      if (!run.finished && running.length > 0 && (policy === 'Always' || (policy === 'OnFailure' && !succeeded))) {
        this.after(run, this.timings.terminalPhaseMs, ended);
      } else ended();
    });
  }
}
