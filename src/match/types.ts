import type { MatchMode } from '../plan/types.js';

/** Kinds of difference, grouped in the summary so a stale doc can be told from a wrong one. */
export type DifferenceKind = 'wrong-value' | 'missing-line' | 'extra-line' | 'column-layout' | 'exit-status';

/** One difference between the doc's output and the actual output. */
export interface Difference {
  kind: DifferenceKind;
  /** One line: `row my-nginx, column PORT(S): doc 80/TCP, actual 8080:31234/TCP`. */
  message: string;
  /** Doc line and column the difference is at. */
  line: number;
  column: number;
  expected?: string;
  actual?: string;
  /**
   * True when the actual output has something the doc lacks that newer Kubernetes versions add
   * (a describe field, a YAML key): the doc is likely stale rather than wrong. On a missing line
   * (and the extra lines beside it), true when a grep context window moved because the cluster
   * prints fields the doc lacks, so the doc's edge lines fall outside it, or when a watch row
   * shows an early stage of an object this run's watch, started later in its life, never printed.
   */
  stale?: boolean;
  /**
   * True for a value the cluster's distribution sets (a cell or field of an add-on in
   * kube-system, kube-public or kube-node-lease: CoreDNS's ports, an image, a replica count): it
   * differs between clusters, so the doc is neither stale nor wrong.
   */
  environment?: boolean;
  /** Key path (`spec.ports[0].port`) for structured (YAML/JSON) differences. */
  path?: string;
}

/** A doc value bound to the value really seen (pod name with hash, IP, NodePort, placeholder). */
export interface Binding {
  /** The text as the doc has it: `my-nginx-cf54cdbf7-vr96x`, `<pod-name>`, `10.244.2.5`. */
  doc: string;
  actual: string;
  /** What kind of value it is (pod-name, ip, node-port, placeholder, …). */
  kind: string;
  /** Doc line where the page showed the value (set by the runner; used in messages). */
  line?: number;
  /**
   * True when the value was paired by chance among alike items (pods of one ReplicaSet, alike
   * but for their random names): it rewrites later commands but does not constrain later steps.
   */
  loose?: boolean;
}

/** What matchOutput compares: the doc's expected output and the output really seen. */
export interface MatchInput {
  expected: string;
  actual: string;
  mode: MatchMode;
  /** Doc line of the first expected line, so differences carry doc positions. */
  line: number;
  /** Column where the output text starts (list indentation). */
  column: number;
  /** The command that produced the output, for table/YAML detection. */
  command?: string;
  /**
   * The page's bindings so far (earlier steps' `MatchResult.bindings`): a value the cluster
   * assigned must not be shown here under another doc value (see BINDING_RULES).
   */
  bindings?: readonly Binding[];
  /** Names of rows the page calls optional (`ExpectedOutput.optionalRows`): present or absent, both fit. */
  optionalRows?: readonly string[];
}

/** The outcome of a comparison: differences at doc lines, a unified diff, bindings. */
export interface MatchResult {
  ok: boolean;
  differences: Difference[];
  /** Unified diff of expected vs actual (plain text, no colour). */
  diff: string;
  /** Instance-specific values the doc showed, bound to actual ones. */
  bindings: Binding[];
  /** How the outputs were compared: `exact`, `lines`, `table`, `structured`, `env`, `contains`, `regex`. */
  strategy?: MatchStrategy;
}

/** The comparison strategy matchOutput chose for a pair of outputs. */
export type MatchStrategy = 'exact' | 'lines' | 'table' | 'structured' | 'env' | 'set' | 'contains' | 'regex' | 'listing';
