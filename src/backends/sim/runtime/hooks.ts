import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { KObject } from '../types.js';

/**
 * What the API server and the kubelet controller ask of the pod runtime.
 * The default (`noRuntime`) answers every stream request with "not supported by the simulator".
 */
export interface PodRuntime {
  /** May the kubelet pull this image? False gives ErrImagePull / ImagePullBackOff. */
  canPull(image: string): boolean;
  /** The kubelet started the containers of this pod (phase Running): snapshot env, files, listeners. */
  podStarted(pod: KObject): void;
  /** The pod is gone from the store. */
  podRemoved(pod: KObject): void;
  /** exec / attach / portforward upgrade on a pod (WebSocket or SPDY). */
  upgrade(
    kind: 'exec' | 'attach' | 'portforward',
    pod: KObject,
    query: URLSearchParams,
    req: IncomingMessage,
    socket: Duplex,
    head: Buffer,
  ): void;
  /** GET …/pods/NAME/log. */
  log(pod: KObject, query: URLSearchParams, req: IncomingMessage, res: ServerResponse): void;
  /** Runs a shell command on a node (`node $ curl …`). */
  nodeExec?(node: string, command: string, timeoutMs: number): Promise<{ stdout: string; stderr: string; exitCode: number }>;
  /**
   * Subscribes to main processes that end by themselves (`echo hi`, `sh -c 'exit 3'`), so the
   * kubelet can mark the container terminated with that exit code. Returns an unsubscribe function.
   */
  onContainerExit?(listener: (pod: KObject, container: string, exitCode: number) => void): () => void;
  /**
   * Runs a container probe (exec, httpGet or tcpSocket, as in the pod spec) inside the simulated
   * container: true when it succeeds. Undefined result when the runtime has no such container.
   */
  probe?(pod: KObject, container: string, probe: Record<string, unknown>): Promise<boolean | undefined>;
  /** Notes about simulated behaviour a run should report (unknown images, emulated volumes). */
  warnings?(): string[];
  /** Stops listeners and timers. */
  close?(): Promise<void>;
}
