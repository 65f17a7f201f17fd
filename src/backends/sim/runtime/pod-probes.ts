import type { PodRuntime } from './hooks.js';
import { execInContainer } from './exec/run.js';
import { NO_SLEEP_CAP, type RuntimeParts } from './parts.js';
import { runningContainer } from './pod-records.js';
import { runHandler } from './probe.js';

/** Runs a container's probes and lifecycle handlers against the started container. */
export function createPodProbes(parts: RuntimeParts): Required<Pick<PodRuntime, 'probe'>> {
  const { api, pods, net, speed } = parts;
  const ctx = api.ctx;
  return {
    async probe(pod, container, probe, timeoutMs) {
      const rec = pods.of(pod);
      const c = runningContainer(rec, container);
      if (!rec || !c) return undefined;
      return runHandler(
        {
          pod: rec.pod,
          container,
          podIP: rec.ip,
          exec: (argv, io, signal) => execInContainer(parts.hostOf(rec, c, AbortSignal.any([signal, c.stop.signal]), NO_SLEEP_CAP), c.env, c.workdir, argv, io),
          listener: (port) => net.directory.listenersAt(rec.ip)?.get(port),
          wait: (ms) => new Promise((resolve) => ctx.clock.setTimeout(resolve, ms / speed())),
          userAgent: `kube-probe/${ctx.version.major}.${ctx.version.minor}`,
        },
        probe,
        timeoutMs,
      );
    },
  };
}
