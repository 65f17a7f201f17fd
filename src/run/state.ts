import type { TemplateManifest } from './manifest-placeholders.js';
/**
 * The state of one running lesson, in four parts: what it runs with (fixed for the lesson), the
 * record of what its steps did, where its shell is, and its time budget. A function takes the
 * parts it reads or updates; the step runner and runPlan hold all four as one `LessonState`.
 */
import type { BackendSession } from '../backends/backend.js';
import type { Binding } from '../match/types.js';
import type { ManifestStep, Plan } from '../plan/types.js';
import type { Observations } from './bind.js';
import type { SkippedProducer } from './depends.js';
import type { RanCommand } from './fill-manifest.js';
import type { CreatedObject } from './recreate.js';
import type { PreviousCommand } from './exit-status-reader.js';
import type { EarlierStep } from './hints/types.js';
import type { Matcher, NormalizedRunOptions } from './options.js';
import type { PodShell } from './rewrite/types.js';
import type { Sandbox } from './sandbox.js';
import type { LessonShell, ShellOptions } from './shell.js';

/** What the lesson runs with: set up before its first step and the same for all of them. */
export interface LessonContext {
  readonly plan: Plan;
  readonly session: BackendSession;
  readonly sandbox: Sandbox;
  /** Environment of the runner's own kubectl calls (diagnostics, hints): its kubeconfig, its PATH, nothing the lesson can write. */
  readonly env: Record<string, string>;
  /** The lesson shell; replaced by a fresh one (from `shellOptions`) when it dies or is killed. */
  shell: LessonShell;
  readonly shellOptions: ShellOptions;
  readonly options: NormalizedRunOptions;
  readonly matcher: Matcher;
  /** Example files written into the sandbox, by example path. */
  readonly examples: Map<string, string>;
  /** The plan's manifest steps. */
  readonly manifests: ManifestStep[];
}

/** The record of what the lesson's steps did so far, read by the steps after them. */
export interface LessonRecord {
  bindings: Binding[];
  observations: Observations;
  earlier: EarlierStep[];
  /** Output of each command step that ran, by step id (for an output block that shows several commands). */
  outputs: Map<string, string>;
  /** Commands that ran, with their output (placeholders of later manifests are filled from them). */
  ran: RanCommand[];
  /** Objects earlier steps reported as created (`secret/x created`), for a step that makes one again. */
  created: CreatedObject[];
  /** Steps skipped because they could not run here, with what they would have produced. */
  skippedProducers: SkippedProducer[];
  /** Manifest files written with a placeholder the reader fills in, by file name: steps applying them are templates. */
  templateManifests: Map<string, TemplateManifest>;
  /** Ports of this machine another process held when a step wanted to listen on them, with that step's line. */
  heldPorts?: Map<number, number>;
  /** The command step decided just before the current one (for a line printing its `$?`). */
  previousCommand?: PreviousCommand;
  /** Programs already found on this machine's lesson shell (looked up once per lesson). */
  foundPrograms: Set<string>;
}

/** Where the lesson's shell is: in a pod's shell the doc opened, or restarted after a step. */
export interface ShellPosition {
  podShell: PodShell | null;
  /** The last step ran inside the pod shell. */
  inPod: boolean;
  /** Doc line of the step after which the shell was restarted (state lost), if any. */
  shellRestartedAt: number | null;
}

/** The lesson's time limit. */
export interface TimeBudget {
  /** Epoch ms when the lesson time limit is reached. */
  readonly deadline: number;
  /** Set when the lesson time limit is reached during a step. */
  lessonTimedOut: boolean;
}

/** The two parts most stages read: what the lesson runs with and what its steps did. */
export type LessonProgress = LessonContext & LessonRecord;

/** Everything a step may read or update. */
export type LessonState = LessonContext & LessonRecord & ShellPosition & TimeBudget;
