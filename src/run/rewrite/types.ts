import type { BackendCapabilities } from '../../backends/backend.js';
import type { CommandStep, Step } from '../../plan/types.js';
import type { Rewrite } from '../types.js';
import type { PodVariable } from './pod-session.js';

/** The pod a doc's interactive shell (`kubectl exec -it X -- sh`, `kubectl run -it …`) opened. */
export interface PodShell {
  /** `curl-xxx`, `pod/curl`, `deploy/my-nginx`. */
  target: string;
  /** `-n ns`, `-c container` flags carried over from the opening command. */
  flags: string[];
  /** Line of the step that opened it. */
  line: number;
  /** The pod was started with `--rm`: delete it when the doc leaves the pod shell. */
  removeAfter: boolean;
  /** The shell's working directory after an earlier step's `cd`, carried into the next steps. */
  cwd?: string;
  /** Variables earlier steps set in the shell (`export TOKEN=…`), carried into the next steps. */
  vars?: Record<string, PodVariable>;
  /**
   * The shell the page opened (`bash`, `/bin/ash`); lines typed in it run with it, so its messages
   * are worded as the reader's shell words them. Undefined: `sh`.
   */
  shell?: string;
  /** The doc opened the shell with a terminal (`-t`): lines typed in it run with one too. */
  tty?: boolean;
  /**
   * The doc opened a database client, not a shell (`kubectl exec -it redis -- redis-cli`): the
   * program and its arguments; each line typed at its prompt runs as one call of it.
   */
  client?: { program: string; args: string[] };
}

/** What the rewriter knows about the lesson so far. */
export interface RewriteContext {
  steps: Step[];
  index: number;
  /** The runner's own dir (editor scripts, logs, pid files). */
  runDir: string;
  /** examplePath → sandbox-relative file written for it. */
  examples: Map<string, string>;
  capabilities: BackendCapabilities;
  podShell: PodShell | null;
  /** A value the doc showed, as this run bound it (a pod name from an earlier output). */
  bind?: (value: string) => string;
  /** How long a bounded watch may run, in ms. */
  watchMs: number;
}

/** How a watch-like step is bounded and stopped early. */
export interface Bounded {
  /** Exit statuses that mean "stopped by the runner" and count as success. */
  stoppedCodes: number[];
  /** How long it may run, in ms of the cluster's time (the simulator may let that time pass faster). */
  ms: number;
  /**
   * Bounded by this machine's clock, by the command itself (a loop of the reader's shell whose
   * `sleep`s are real): the runner does not let the cluster's time pass faster while it runs.
   */
  realTime?: boolean;
  /**
   * A loop that never ends by itself (a reader stops it once satisfied): the doc may show more of
   * its lines than it prints within its bound.
   */
  endless?: boolean;
}

/** The rewritten form of a command step. */
export type Prepared =
  | {
      action: 'skip';
      reason: string;
      rewrites: Rewrite[];
      warnings: string[];
      /**
       * A command asking kubectl whether it accepts the step's arguments (see
       * interactive-arguments.ts): when kubectl refuses them, the step runs as that command and
       * fails with kubectl's message instead of being skipped.
       */
      probe?: string;
    }
  | {
      action: 'run';
      /** The script for the lesson shell (or the node shell). */
      script: string;
      rewrites: Rewrite[];
      warnings: string[];
      /** Run on a node through the backend. */
      onNode?: { name?: string; tty?: boolean };
      /** Runs under a pseudo-terminal: its output has the terminal's CR LF line ends. */
      pty?: boolean;
      /** The pod a `pod` step runs in. */
      podTarget?: PodShell;
      /**
       * Typed at a shell or prompt the page opened in a pod: its output is what the reader's shell
       * shows (no line kubectl prints for the exec), worded by that shell (see pod-shell-output.ts).
       */
      readerShell?: { shell: string };
      /**
       * A pod step whose output ends with the shell's state (see takePodState): its working
       * directory and the variables it set, each with whether it was exported.
       */
      tracksPodState?: { assigned: Record<string, boolean> };
      bounded?: Bounded;
      /** Not compared with the doc's output (the doc shows an interactive session). */
      ignoreOutput?: boolean;
      /** The step opens a pod shell that later `pod` steps run in. */
      opensPodShell?: PodShell;
      /** The step may be retried like a read-only one (e.g. `watch kubectl get …` run once). */
      settle?: boolean;
    };

/** A rewrite rule: returns null when it does not apply. */
export type RewriteRule = (command: string, step: CommandStep, ctx: RewriteContext) => Prepared | null;
