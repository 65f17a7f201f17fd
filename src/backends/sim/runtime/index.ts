import type { Api } from '../api/types.js';
import { missingImagePatterns } from '../controllers/stages/images.js';
import { tagExists } from '../controllers/kubelet-images.js';
import type { InternetLookup, PodRuntime } from './hooks.js';
import type { Vfs } from './fs/vfs.js';
import { sharedVolumes } from './fs/volumes.js';
import { nodeFilesystem, nodeShell } from './node.js';
import { createRuntimeParts } from './parts.js';
import { createPodLifecycle } from './pod-lifecycle.js';
import { createPodLogs } from './pod-logs.js';
import { createPodProbes } from './pod-probes.js';
import { createPodStreams } from './pod-streams.js';
import { strayStaticPods, syncStaticPods, type StaticPodState, type StrayStaticPod } from './static-pods.js';

/** The runtime interface the API server and kubelet use. */
export type { PodRuntime } from './hooks.js';

/** Options of the pod runtime. */
export interface RuntimeOptions {
  /** The cluster CA (for projected kube-root-ca.crt when the ConfigMap is missing). */
  caPem?: string;
  /** Longest one `sleep` in an exec session may last, in real ms (default 30 s). */
  execSleepCapMs?: number;
}

/** The simulator's pod runtime, with what a run can report. */
export interface SimPodRuntime extends PodRuntime {
  /** Notes about simulated behaviour the run should report (unknown images, emulated volumes). */
  warnings(): string[];
  internetLookups(): InternetLookup[];
  /** Pod manifests the node shells wrote outside the kubelet's staticPodPath (see `static-pods.ts`). */
  strayStaticPods(): StrayStaticPod[];
  /** Runs argv in a started container (tests, tooling). */
  exec(
    namespace: string,
    pod: string,
    container: string | undefined,
    argv: string[],
    stdin?: string,
  ): Promise<{ stdout: string; stderr: string; exitCode: number; error?: string }>;
}

/** May the kubelet pull this image: a well-formed reference to an image and tag that exist. */
const canPull = (image: string): boolean =>
  /^[a-z0-9][a-z0-9._\-/:@]*$/.test(image) && !/[/:]$/.test(image) && !missingImagePatterns.some((p) => p.test(image)) && tagExists(image);

/**
 * Creates the pod runtime: exec/attach over WebSocket, logs, in-pod shell, cluster network, node
 * shell. Each part is its own module over the shared pod records (`parts.ts`).
 */
export function createRuntime(api: Api, options: RuntimeOptions = {}): SimPodRuntime {
  const parts = createRuntimeParts(api);
  // A node's own filesystem: hostPath volumes and claims bound to a hostPath volume are its directories.
  const nodeFiles = new Map<string, Vfs>();
  const staticPods: StaticPodState = new Map();
  const strays = new Map<string, StrayStaticPod[]>();
  const shared = sharedVolumes((node, path) => nodeFilesystem(api, node, nodeFiles).vfs.mkdir(path, { parents: true, force: true }));
  return {
    canPull,
    ...createPodLifecycle(parts, shared, options.caPem),
    ...createPodStreams(parts, options.execSleepCapMs ?? 30_000),
    ...createPodLogs(parts),
    ...createPodProbes(parts),
    async nodeExec(node, command, timeoutMs, tty) {
      const result = await nodeShell(api, node, command, timeoutMs, parts.net.directory, parts.speed(), nodeFiles, tty === true);
      // The node's kubelet watches its static pod directory: what the command wrote there is published.
      const { vfs } = nodeFilesystem(api, node, nodeFiles);
      syncStaticPods(api, node, vfs, staticPods);
      strays.set(node, strayStaticPods(node, vfs));
      return result;
    },
    warnings: () => [...parts.notes],
    strayStaticPods: () => [...strays.values()].flat(),
    internetLookups: () => parts.net.internetLookups(),
    serveApiServer: (endpoint) => parts.net.serveApiServer(endpoint),
  };
}
