/**
 * The one contract every backend (sim, kind, context) implements.
 * The runner knows only this file; the CLI composes concrete backends.
 */

export interface BackendCapabilities {
  /** `node $ …` steps can run on a cluster node. */
  nodeShell: boolean;
  /** Services of type LoadBalancer get an external IP. */
  loadBalancer: boolean;
  /** Nodes may have an ExternalIP address (a cloud provider's); false on kind and the simulator. */
  nodeExternalIPs: boolean;
  /** `kubectl port-forward` works. */
  portForward: boolean;
  /** The lesson runs in its own generated namespace (context backend). */
  namespaceIsolation: boolean;
  /** False when a node shell has no node daemons behind it (kube-proxy's and the kubelet's local ports); unset means it has them. */
  nodeDaemons?: boolean;
  /** The cluster's Service IP range (kube-apiserver `--service-cluster-ip-range`), when the backend knows it. */
  serviceRange?: string;
}

export interface ExecResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

export interface BackendStartOptions {
  /** The run's temp dir; the backend writes its kubeconfig here. */
  workDir: string;
  /** Kubernetes minor version to emulate or create, e.g. "1.32". */
  k8sVersion?: string;
  /** Nodes the page asks its cluster to have ("at least two nodes"); a backend that makes its cluster gives it that many. */
  nodes?: number;
  signal?: AbortSignal;
  /** Progress lines for long work (cluster creation). */
  log?: (message: string) => void;
}

/** Facts gathered after a failed step, for the report. */
export interface BackendDiagnostics {
  events: string;
  describe: string;
  logs: string;
}

/** A started backend: a cluster reachable through `kubeconfigPath`. */
export interface BackendSession {
  readonly name: string;
  readonly kubeconfigPath: string;
  /** Extra environment for the lesson shell (the runner sets KUBECONFIG itself). */
  readonly env: Readonly<Record<string, string>>;
  /** The namespace the doc's default namespace maps to. */
  readonly namespace: string;
  readonly capabilities: BackendCapabilities;
  /**
   * Runs a shell command on a cluster node (`node $ curl …`); `tty`: its output is a terminal, as in
   * `docker exec -it <node> curl …` (programs print what they print on a terminal).
   */
  nodeExec?(command: string, options: { timeoutMs: number; node?: string; tty?: boolean }): Promise<ExecResult>;
  /**
   * Asked before each command: a reason to refuse it (touches another namespace or cluster-scoped
   * objects on a shared cluster), or undefined to let it run.
   */
  refuse?(command: string): string | undefined;
  /**
   * True when the cluster will not change by itself within `horizonMs` (no controller work due,
   * nothing written since the last call). Lets a failing read-only step stop retrying early;
   * backends that cannot tell leave it out and such steps are retried for the whole settle time.
   */
  atRest?(horizonMs: number): boolean;
  /**
   * True when what containers print may still grow within `horizonMs` although the cluster is at
   * rest (a container's loop sleeping between two lines of a log). Lets a step whose output lacks
   * only lines the doc shows wait for them; backends that cannot tell leave it out.
   */
  outputMayGrow?(horizonMs: number): boolean;
  /**
   * Lets `ms` of the cluster's time pass at once instead of waiting for it (a simulated cluster
   * fires the timers due within it). The runner calls it where it would sleep between retries,
   * unless the run is `realtime`; backends on real time leave it out and the runner sleeps.
   */
  passTime?(ms: number): Promise<void>;
  /**
   * Asked before a command runs on this machine (not in a pod or on a node): why it cannot reach
   * an address it names (an address that exists only inside a simulated cluster), or undefined.
   */
  unreachable?(command: string): string | undefined;
  /**
   * Asked after a step did not pass: why its outcome cannot be checked on this backend (the
   * command needs something the backend does not model, e.g. an API a real cluster serves and the
   * simulator does not), or undefined when the verdict stands.
   */
  cannotCheck?(command: string, output: string, expected?: string): string | undefined;
  /**
   * The programs a package puts on PATH when a page installs it in a container (`dnsutils` →
   * `dig`, `nslookup`, `host`), or undefined when the backend's catalog does not know the package.
   */
  packagePrograms?(pkg: string): readonly string[] | undefined;
  /**
   * The objects of these resources (`pods`, `deployments`) in a namespace, as `kubectl get
   * <resources> -n <namespace> -o json` lists them, read without starting kubectl (a simulated
   * cluster holds them in-process). The runner looks at objects this way before a step (which pod
   * of a Deployment a doc's pod name stands for); backends behind a real API server leave it out
   * and the runner asks kubectl.
   */
  listObjects?(resources: readonly string[], namespace: string): unknown[];
  /** What the backend had to approximate during the lesson (an image it does not know, …). */
  warnings?(): string[];
  /** Called after the lesson: returns what the lesson left outside its namespace, if the backend can tell. */
  leakCheck?(): Promise<string[]>;
  stop(): Promise<void>;
}

export interface Backend {
  readonly name: string;
  start(options: BackendStartOptions): Promise<BackendSession>;
}
