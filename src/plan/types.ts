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
}

/** What a command does to the cluster or the host; later stages use it for retries and rewrites. */
export type CommandClass = 'read-only' | 'mutating' | 'interactive' | 'host-tool' | 'other';

/** Where a command runs: the reader's machine, a cluster node (`node $ …`) or inside a pod (`root@pod:/# …`). */
export type HostContext =
  | { kind: 'local' }
  | { kind: 'node'; prompt: string; name?: string }
  | { kind: 'pod'; prompt: string; name?: string };

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
  /** Ids of the manifest steps whose files this command reads (`-f ./run-my-nginx.yaml`, `--from-file`, k8s.io/examples URLs). */
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
  /** `text` only for a non-manifest file named by a `file=` directive (e.g. `default.conf`). */
  language: 'yaml' | 'json' | 'text';
  /** Content; null when a referenced example file could not be found. */
  content: string | null;
  /** inline: shown in the doc; example: from a code_sample/codenew shortcode or k8s.io/examples URL. */
  origin: 'inline' | 'example';
  /** The examples-relative path for origin=example (`service/networking/run-my-nginx.yaml`). */
  examplePath?: string;
  inferred: boolean;
  section?: string;
  /** Why this step is skipped (directive, not the first tab); absent when it is used. */
  skip?: string;
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
}

/** The lesson plan: the lesson with every command classified. Plain serializable data. */
export interface Plan extends Lesson {
  version: 1;
}
