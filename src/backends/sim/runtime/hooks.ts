import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { KObject } from '../types.js';
import type { ProbeOutcome } from './probe.js';
import type { ApiServerEndpoint } from './net/api-server.js';

/** The outcome of a probe or lifecycle handler run in a simulated container. */
export type { ProbeOutcome } from './probe.js';

/**
 * What the API server and the kubelet controller ask of the pod runtime.
 * The default (`noRuntime`) answers every stream request with "not supported by the simulator".
 */
export interface PodRuntime {
  /** May the kubelet pull this image? False gives ErrImagePull / ImagePullBackOff. */
  canPull(image: string): boolean;
  /**
   * The kubelet started the containers of this pod (phase Running): snapshot env, files, listeners.
   * Init containers `runInit` did not run (sidecars) run first, one by one.
   */
  podStarted(pod: KObject): void;
  /**
   * The kubelet starts an init container (not a sidecar): the runtime runs its process now, a fresh
   * instance each time, and resolves how it ends — its exit code, or undefined when the runtime
   * cannot tell (a program the simulator does not run, a name on the internet it cannot reach, the
   * image's own program): then the image's rules decide. Undefined when the runtime does not run it.
   * Its name resolution and connections follow the cluster as it is while it runs, so a loop
   * waiting for a Service (`until nslookup my-svc; do sleep 2; done`) ends once the Service exists.
   */
  runInit?(pod: KObject, container: string, podIP: string): Promise<number | undefined> | undefined;
  /** The pod is gone from the store. */
  podRemoved(pod: KObject): void;
  /** exec / attach / portforward upgrade on a pod (WebSocket or SPDY). */
  upgrade(kind: 'exec' | 'attach' | 'portforward', pod: KObject, query: URLSearchParams, req: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** GET …/pods/NAME/log. */
  log(pod: KObject, query: URLSearchParams, req: IncomingMessage, res: ServerResponse): void;
  /** Runs a shell command on a node (`node $ curl …`). */
  nodeExec?(node: string, command: string, timeoutMs: number, tty?: boolean): Promise<{ stdout: string; stderr: string; exitCode: number }>;
  /** Pod manifests node shells wrote outside the kubelet's staticPodPath (`static-pods.ts`). */
  strayStaticPods?(): Array<{ node: string; path: string; name: string }>;
  /**
   * Subscribes to main processes that end by themselves (`echo hi`, `sh -c 'exit 3'`), so the
   * kubelet can mark the container terminated with that exit code. Returns an unsubscribe function.
   */
  onContainerExit?(listener: (pod: KObject, container: string, exitCode: number) => void): () => void;
  /**
   * Runs a container probe or lifecycle handler (exec, httpGet, tcpSocket or grpc, as in the pod
   * spec) against the simulated container, with the probe's timeout in simulated ms. Undefined
   * when the runtime has no such container.
   */
  probe?(pod: KObject, container: string, probe: Record<string, unknown>, timeoutMs?: number): Promise<ProbeOutcome | undefined>;
  /** Stops a container's main process (the kubelet killed it); its end is not reported as an exit. */
  killContainer?(pod: KObject, container: string): void;
  /**
   * Starts a container again with a fresh writable layer (volumes kept) and runs its main process;
   * true when the runtime will report its exit through onContainerExit.
   */
  restartContainer?(pod: KObject, container: string): boolean;
  /**
   * Rewrites the pod's ConfigMap, Secret, downwardAPI and projected volumes whose source changed,
   * as a periodic pod sync does (subPath mounts keep their copy). Returns the volumes rewritten.
   */
  refreshVolumes?(pod: KObject): string[];
  /** What the container's termination-message file holds (capped as the kubelet caps it), if anything. */
  terminationMessage?(pod: KObject, container: string): string | undefined;
  /** The last lines of the container's log (for FallbackToLogsOnError), capped at `maxLines` lines / `maxBytes` bytes. */
  logTail?(pod: KObject, container: string, maxLines: number, maxBytes: number): string | undefined;
  /** Notes about simulated behaviour a run should report (unknown images, emulated volumes). */
  warnings?(): string[];
  /** The pods that looked up names on the internet, which the simulator does not reach. */
  internetLookups?(): InternetLookup[];
  /**
   * The API server is up: from now on the cluster network reaches it at its endpoint (the
   * `kubernetes` Service), so `curl https://kubernetes.default.svc/api` in a pod is answered by it.
   */
  serveApiServer?(endpoint: ApiServerEndpoint): void;
  /** Stops listeners and timers. */
  close?(): Promise<void>;
}

/** A pod that looked up names on the internet. */
export interface InternetLookup {
  namespace: string;
  pod: string;
  names: string[];
}
