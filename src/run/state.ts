/** The mutable state of one running lesson, shared by the step runner and runPlan. */
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

/** Everything a step may read or update. */
export interface LessonState {
  plan: Plan;
  session: BackendSession;
  sandbox: Sandbox;
  /** Environment of the runner's own kubectl calls (diagnostics, hints): its kubeconfig, its PATH, nothing the lesson can write. */
  env: Record<string, string>;
  shell: LessonShell;
  shellOptions: ShellOptions;
  options: NormalizedRunOptions;
  matcher: Matcher;
  bindings: Binding[];
  observations: Observations;
  podShell: PodShell | null;
  /** The last step ran inside the pod shell. */
  inPod: boolean;
  examples: Map<string, string>;
  manifests: ManifestStep[];
  earlier: EarlierStep[];
  /** Output of each command step that ran, by step id (for an output block that shows several commands). */
  outputs: Map<string, string>;
  /** Commands that ran, with their output (placeholders of later manifests are filled from them). */
  ran: RanCommand[];
  /** Objects earlier steps reported as created (`secret/x created`), for a step that makes one again. */
  created: CreatedObject[];
  /** Steps skipped because they could not run here, with what they would have produced. */
  skippedProducers: SkippedProducer[];
  /** The command step decided just before the current one (for a line printing its `$?`). */
  previousCommand?: PreviousCommand;
  /** Doc line of the step after which the shell was restarted (state lost), if any. */
  shellRestartedAt: number | null;
  /** Epoch ms when the lesson time limit is reached. */
  deadline: number;
  /** Set when the lesson time limit is reached during a step. */
  lessonTimedOut: boolean;
}
