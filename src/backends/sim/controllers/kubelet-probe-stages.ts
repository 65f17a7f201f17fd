import type { HandlerHost, KubeletRun } from './kubelet-handlers.js';
import { type ProbeSettings, type ProbeTally, probeKillMessage, tally } from './kubelet-probes.js';
import type { Go, StageCursor, StageHandler } from './kubelet-stages.js';
import type { PodStageName } from './stages/pod-stages.js';

type ProbeStage = 'probe-tick' | 'probing' | 'probe-succeeded' | 'probe-failed' | 'probe-passed' | 'probe-not-ready';

/** The cursor of a probe worker started for container `at.i` when it runs (the `create` stage). */
export function probeWorker(at: StageCursor, gen: number, probe: ProbeSettings): StageCursor {
  return { i: at.i, chain: false, gen, probe, probeElapsedMs: 0 };
}

/** The consecutive-result counter of a probe worker, kept on the run across container restarts. */
function tallyOf(run: KubeletRun, at: StageCursor): ProbeTally {
  const key = `${run.containers[at.i]!.name}/${at.probe!.type}`;
  const t = run.tallies.get(key) ?? { run: 0 };
  run.tallies.set(key, t);
  return t;
}

/**
 * The part of the probe stages of `podStages` that is not data: whether the worker's container
 * instance still runs, the initial delay and the startup gate, the probe itself, and counting
 * its results against the thresholds (`tally`).
 */
export function probeHandlers(k: HandlerHost): Record<ProbeStage, StageHandler<KubeletRun>> {
  const probing = (run: KubeletRun, at: StageCursor) => k.health.isProbing(run, run.containers[at.i]!, at.gen!);
  const probe = (run: KubeletRun, at: StageCursor, go: Go) => {
    const pod = k.current(run);
    if (!pod) return;
    const c = run.containers[at.i]!;
    const p = at.probe!;
    // A runtime that cannot run probes: count them as passing.
    if (!k.runtime.probe) return go('success', { ...at, detail: '' });
    void k.runtime
      .probe(pod, c.name, p.spec, p.timeoutMs)
      .catch(() => undefined)
      .then((o) => {
        if (!probing(run, at)) return;
        if (o === undefined) go('not-started', at);
        else go(o.result, { ...at, detail: o.output });
      });
  };
  return {
    'probe-tick': {
      enter: (run, at) => probing(run, at) && {},
      act(run, at, go) {
        const p = at.probe!;
        const elapsed = at.probeElapsedMs ?? 0;
        go('period', { ...at, probeElapsedMs: elapsed + p.periodMs }, p.periodMs);
        if (elapsed < p.initialDelayMs) return;
        // The startup probe stops once the container has started; the others wait for it.
        const started = run.containers[at.i]!.started;
        if (p.type === 'Startup' ? !started : started) go('due', at);
      },
    },
    probing: { enter: (run, at) => probing(run, at) && {}, act: probe },
    'probe-succeeded': {
      act: (run, at, go) => go(tally(tallyOf(run, at), 'success', at.probe!) ? 'threshold' : 'below', at),
    },
    'probe-failed': {
      enter: (_run, at) => ({ probe: at.probe!.type, detail: at.detail ?? '' }),
      act(run, at, go) {
        const p = at.probe!;
        if (!tally(tallyOf(run, at), 'failure', p)) return go('below', at);
        if (p.type === 'Readiness') return go('not-ready', at);
        const c = run.containers[at.i]!;
        go('restart', {
          i: at.i,
          chain: false,
          gen: at.gen!,
          detail: probeKillMessage(c.name, p.type),
          ...(p.graceSeconds !== undefined ? { graceSeconds: p.graceSeconds } : {}),
        });
        // The container's readiness may have changed: report it.
        k.changed(run);
      },
    },
    'probe-passed': {
      act(run, at) {
        const c = run.containers[at.i]!;
        if (at.probe!.type === 'Readiness') c.readiness = 'success';
        else c.started = true;
        // The container's readiness may have changed: report it.
        k.changed(run);
      },
    },
    'probe-not-ready': {
      act(run, at) {
        run.containers[at.i]!.readiness = 'failure';
        // The container's readiness may have changed: report it.
        k.changed(run);
      },
    },
  } satisfies Partial<Record<PodStageName, StageHandler<KubeletRun>>>;
}
