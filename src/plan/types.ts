import type { Diagnostic } from '../diag/diagnostic.js';
import type { Position } from '../diag/position.js';

/** How an expected output is compared with the actual one. */
export type MatchMode = 'exact' | 'similar' | 'contains' | 'lines' | 'regex';

/**
 * How an expected output was paired with its command:
 * - `fence`: an untagged/text/console fence right after the command fence;
 * - `cue`: a prose cue ("The output is similar to:") between command and output fence;
 * - `transcript`: output lines after a `$ ` prompt line in the same block;
 * - `inline`: output lines after the command in the same shell fence, without prompts;
 * - `comment`: a `# output` / `# should output` comment.
 */
export type PairingForm = 'fence' | 'cue' | 'transcript' | 'inline' | 'comment';

/** Output the doc claims a command prints. */
export interface ExpectedOutput {
  /** The output as shown, with list-nesting indentation stripped. */
  text: string;
  /** Where the output text is in the doc (first line of output content). */
  position: Position;
  form: PairingForm;
  mode: MatchMode;
  /** The prose cue that introduced it, if any. */
  cue?: string;
  /**
   * Names the prose makes optional rows of ("If you see dns-autoscaler in the output, …"): a line
   * naming one may be present or absent in the actual output.
   */
  optionalRows?: string[];
  /**
   * Ids of earlier commands of the same block whose output this text also shows (several
   * commands in one fence, one output block after it): the runner concatenates their outputs
   * in order, then this step's, and compares the result.
   */
  covers?: string[];
  /**
   * Ids of earlier commands of the same block that print something, when the shown text may hold
   * their output or only this step's (`kubectl get pods` then `kubectl get svc`, one output block):
   * the runner compares this step's output alone and with theirs before it, in order, and keeps
   * the comparison that fits. A reader who pastes the whole fence sees all of it.
   */
  mayCover?: string[];
  /**
   * The prose attributes the text to a container the command starts ("produces the following
   * output in the `test-container` container:"): it is that container's log, compared with
   * `kubectl logs` once the container ran, never with the command's own `pod/x created`.
   */
  log?: ContainerLog;
  /**
   * The text is the content of a file the command writes (`> file`, `>> file`, `| tee file`,
   * `-o yaml > f`), as the doc wrote its path: compare that file, not stdout.
   */
  file?: string;
}

/** The container whose log an expected output is. */
export interface ContainerLog {
  /** What `kubectl logs` reads: `pod/NAME`, or a workload (`job/NAME`) whose pod it picks. */
  target?: string;
  namespace?: string;
  container?: string;
  /** Why the step does not tell which pod or container prints it; the output is then unchecked. */
  unknown?: string;
}

/** What a command does to the cluster or the host; later stages use it for retries and rewrites. */
export type CommandClass = 'read-only' | 'mutating' | 'interactive' | 'host-tool' | 'other';

/**
 * What decided a step's context:
 * - `prompt`: the line's own prompt (`root@pod:/#`, `node $`, `user@host$`);
 * - `session`: an earlier step opened an interactive session (`kubectl exec -it … -- sh`,
 *   `minikube ssh`, `ssh …`) and this line is typed in it; `line`/`text` name that step;
 * - `cue`: prose right before the block ("From within a Pod", "on the node"); `text` is the cue;
 * - `default`: nothing said otherwise (the reader's machine);
 * - `program`: the command itself (a template with `<placeholders>`, a tool that is not a host tool).
 */
export interface ContextSource {
  by: 'prompt' | 'session' | 'cue' | 'default' | 'program';
  /** Doc line of what decided it (the session-opening command, the cue, the prompt line). */
  line?: number;
  /** The deciding text as written (the prompt, the cue sentence, the session command). */
  text?: string;
}

/**
 * Where a command runs:
 * - `local`: the reader's machine (the runner's host);
 * - `pod`: inside a container (namespace/pod/container when known);
 * - `node`: a cluster node's shell (`minikube ssh`, `node $`);
 * - `remote`: a machine the runner does not have (`ssh`, `gcloud compute ssh`, a cloud console);
 * - `illustrative`: a syntax template or generic example, not meant to be run as written;
 * - `unknown`: not a host tool (`apt-get`, `nslookup`, `iptables`, `ps`, …) and nothing says
 *   where it runs; never guessed as local.
 */
export type HostContext =
  | { kind: 'local'; source?: ContextSource }
  | {
      kind: 'pod';
      prompt?: string;
      name?: string;
      namespace?: string;
      container?: string;
      /** Typed at the prompt of this client an earlier step opened in the pod (`redis-cli`, `mysql`), not in a shell. */
      client?: string;
      /**
       * Doc line of the pod shell the page showed earlier as the way to run commands in a pod
       * (`kubectl run -it … busybox … sh`); a cue put this line "within a pod" without naming one,
       * so it runs in that shell's pod, which the runner starts when the page did not.
       */
      shownShell?: number;
      source: ContextSource;
    }
  | { kind: 'node'; prompt?: string; name?: string; source: ContextSource }
  | { kind: 'remote'; reason: string; source: ContextSource }
  | { kind: 'illustrative'; reason: string; source: ContextSource }
  | { kind: 'unknown'; reason: string; source: ContextSource };

/** The shell an interactive step opens; later lines typed in it run there. */
export interface SessionTarget {
  kind: 'pod' | 'node' | 'remote';
  /** Pod or node name (`node/<name>` of `kubectl debug` gives the node name). */
  name?: string;
  namespace?: string;
  container?: string;
}

/** A long-running step the page keeps running in another terminal while the next steps run. */
export interface ConcurrentCue {
  /** The prose (or comment) that says so ("In another terminal, …", "leave this running"). */
  cue: string;
  /** Doc line of the cue. */
  line: number;
}

/** A shell command the reader runs. */
export interface CommandStep {
  id: string;
  kind: 'command';
  /** 1-based doc line of the command (same as position.line). */
  line: number;
  position: Position;
  /** The command as written (continuation lines, heredocs kept), prompt stripped. */
  command: string;
  /** First word of the command (`kubectl`, `curl`, …) after env assignments/sudo. */
  program: string;
  /** kubectl subcommand (`get`, `apply`, …) when program is kubectl. */
  subcommand?: string;
  class: CommandClass;
  host: HostContext;
  expected: ExpectedOutput | null;
  /** True when recognised outside a code fence (scraped pages). */
  inferred: boolean;
  /** Hidden setup step from a `<!-- kubedoctest: setup -->` directive. */
  setup: boolean;
  /** Why this step is skipped (directive or not runnable); absent when it runs. */
  skip?: string;
  /** Per-step timeout from a directive. */
  timeoutMs?: number;
  /** Id of the code block it came from; commands of one block share it. */
  blockId: string;
  /** The nearest heading above the step. */
  section?: string;
  /**
   * The prose sentence presenting this command as another way to do what an earlier command did
   * ("Alternatively, …", "You can optionally …"): the reader runs one or the other.
   */
  alternative?: string;
  /**
   * A change the prose before it narrates an outside actor making, which no step makes ("The
   * autoscaler increments the Deployment replicas to 15"): its output may show the state after it.
   */
  narrated?: { text: string; line: number };
  /**
   * Set on a step that opens an interactive shell (`kubectl exec -it <pod> -- sh`, `minikube ssh`,
   * `ssh host`): the lines after it without a prompt of their own run in that shell until `exit`,
   * a prompt or cue that says otherwise, or the next heading.
   */
  opensSession?: SessionTarget;
  /** True on the `exit`/`logout` line that ends a session; its `host` is the session it ends. */
  closesSession?: boolean;
  /** The page keeps this long-running step (a watch, `port-forward`, `proxy`) running in another terminal. */
  concurrent?: ConcurrentCue;
  /**
   * The prose after this long-running step that tells the reader to stop it ("terminate the load
   * generation by typing `<Ctrl> + C`"): a step running in the background is stopped there.
   */
  stoppedAt?: ConcurrentCue;
  /**
   * The page repeats the command of an earlier long-running step it kept running in another
   * terminal (at `line`) to show what that one printed ("Examine the output of the `kubectl get`
   * command in the first terminal", `cue`): this step is not run again; its output is the earlier
   * step's, from its start up to now.
   */
  showsOutputOf?: { line: number; cue: string };
  /**
   * Placeholders in the command that nothing on the page assigns (`<pod-name>`, `${POD_NAME}`,
   * `my-pod`-style generic names), as written. The runner may bind them from earlier output;
   * when it cannot, the step is illustrative.
   */
  placeholders?: string[];
  /**
   * The page shows this command's output again at a later time ("A little later, the same command
   * may show:", at `line`): the later step compares it; here the values of the `keys` it shows
   * again (describe fields such as `Pods Status`) and of table state columns were a state passed through.
   */
  laterSnapshot?: { line: number; keys: string[] };
  /** The prose that says what a placeholder stands for ("where `<pid>` is the Redis process ID"), before or right after the step. */
  placeholderProse?: string;
  /** A literal assignment the comment or prose before it says is the reader's choice from the previous output. */
  readerChoice?: { cue: string; name: string };
  /** For `kubectl edit`: the prose after it that states the change plainly ("Change the number of replicas to 4"). */
  editProse?: { text: string; line: number };
  /** Ids of the manifest steps whose files this command reads (`-f ./run-my-nginx.yaml`, `--from-file`, website URLs of shown files). */
  references?: string[];
}

/** A manifest the doc shows or references, to be written into the lesson sandbox. */
export interface ManifestStep {
  id: string;
  kind: 'manifest';
  line: number;
  position: Position;
  /** The file name the doc uses for it (`run-my-nginx.yaml`), or null when none is known. */
  file: string | null;
  /**
   * The folder the prose puts `file` in, relative to the shell's working directory at that point
   * of the page ("Create `base/deployment.yaml`" → `base`): the file is written there when its step runs.
   */
  folder?: string;
  /** `text` only for a non-manifest file named by a `file=` directive (e.g. `default.conf`). */
  language: 'yaml' | 'json' | 'text';
  /** Content; null when a referenced example file could not be found. */
  content: string | null;
  /** inline: shown in the doc; example: from a code_sample/codenew shortcode or k8s.io/examples URL. */
  origin: 'inline' | 'example';
  /** The examples-relative path for origin=example (`service/networking/run-my-nginx.yaml`). */
  examplePath?: string;
  /**
   * Other site paths the file is known by (a Jekyll include's ghlink `docs/tasks/x/commands.yaml`):
   * a command that applies it by its website address (`-f https://k8s.io/docs/tasks/x/commands.yaml`) reads this file.
   */
  sitePaths?: string[];
  inferred: boolean;
  section?: string;
  /** Why this step is skipped (directive, not the first tab); absent when it is used. */
  skip?: string;
  /**
   * The doc shows only lines to add to `file` ("Edit `x.yaml` and add the following lines:"), not
   * the whole file: it is not written, and a command reading the file cannot be checked.
   */
  partial?: true;
}

export type Step = CommandStep | ManifestStep;

/** A web address the prose links to (a repository folder or file the reader is sent to). */
export interface DocLink {
  url: string;
  line: number;
}

/** The parsed tutorial: ordered steps with positions. Plain serializable data. */
export interface Lesson {
  path: string;
  title?: string;
  steps: Step[];
  /** http(s) links in the prose, in doc order: where files the doc uses but does not show may come from. */
  links?: DocLink[];
  /** Problems found while parsing (unterminated fence, undecodable bytes, …). */
  findings: Diagnostic[];
  /** The cluster the prose asks for ("a cluster with at least two nodes"), at its doc line. */
  cluster?: { nodes: number; line: number; text: string };
  /** Feature gates the prose asks the reader to enable (`feature_gate_name="X"`, "the `X` feature gate"), first mention each. */
  featureGates?: { name: string; line: number }[];
  /** Cluster settings the prose states ("a 10.96.0.0/28 range for Services"), at their doc line. */
  settings?: { id: 'service-range'; value: string; line: number; text: string }[];
}

/** The lesson plan: the lesson with every command classified. Plain serializable data. */
export interface Plan extends Lesson {
  version: 1;
}
