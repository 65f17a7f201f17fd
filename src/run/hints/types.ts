import type { Diagnostic } from '../../diag/diagnostic.js';
import type { CommandStep, ManifestStep } from '../../plan/types.js';

/** A Kubernetes object as `kubectl get -o json` returns it (only the fields hints read). */
export interface K8sObject {
  kind?: string;
  metadata: {
    name: string;
    namespace?: string;
    creationTimestamp?: string;
    labels?: Record<string, string>;
    ownerReferences?: Array<{ kind: string; name: string }>;
  };
  spec?: Record<string, unknown>;
  status?: Record<string, unknown>;
}

/** Cluster state gathered after a failed step. */
export interface ClusterFacts {
  pods: K8sObject[];
  services: K8sObject[];
  deployments: K8sObject[];
  replicaSets: K8sObject[];
}

/** A step that ran before the failed one. */
export interface EarlierStep {
  step: CommandStep;
  /** The command as run. */
  ran: string;
  status: 'pass' | 'fail' | 'skipped' | 'unchecked' | 'error';
  /** Its exit status, when it ran to one. */
  exitCode?: number | null;
}

/** Everything a hint rule may look at. */
export interface HintContext {
  step: CommandStep;
  output: string;
  exitCode: number | null;
  expected: string | null;
  earlier: EarlierStep[];
  manifests: ManifestStep[];
  lintFindings: Diagnostic[];
  /** Null when facts were not gathered (no cluster, gathering off or failed). */
  facts: ClusterFacts | null;
}

/** Details a rule found, used to build its message. */
export type HintDetails = Record<string, string>;

/** A hint rule as data: an id, a predicate returning details, and message/fix templates. */
export interface HintRule {
  id: string;
  /** The rule reads cluster facts; it is tried only when they were gathered. */
  needsFacts: boolean;
  when(ctx: HintContext): HintDetails | null;
  message(d: HintDetails): string;
  fix?(d: HintDetails): string;
}
