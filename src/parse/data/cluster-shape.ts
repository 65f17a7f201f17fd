/**
 * Prose that states how many nodes a page's cluster needs ("a Kubernetes cluster with at least two
 * nodes"), so a simulated cluster can be started with them. `workers`: the count is of nodes that
 * are not control plane hosts, so the cluster has one more. `trigger` sentences must give the
 * count, `clean` ones none (test/parse/cluster-shape.test.ts).
 */
export const NODE_COUNT_CUE = {
  pattern:
    /\b(?:at\s+least|a\s+minimum\s+of|minimum\s+of|with)\s+(two|three|four|five|2|3|4|5)\s+(worker\s+)?nodes\b(?:\s+(?:that|which)\s+are\s+not\s+(?:acting\s+as\s+)?control[\s-]plane\b)?/i,
  trigger: [
    ['A Kubernetes cluster with at least two nodes (one control plane node and one worker node) to demonstrate the behavior of DaemonSets.', 2],
    ['Your cluster must have at least 3 nodes.', 3],
    ['It is recommended to run this tutorial on a cluster with at least two nodes that are not acting as control plane hosts.', 3],
    ['You need a cluster with at least two worker nodes.', 3],
  ] as const,
  clean: ['Deploy two nodes of the application.', 'The Pod is scheduled to one of the nodes.', 'You need at least two Pods running.', 'at least one node'],
} as const;

const WORDS: Readonly<Record<string, number>> = { two: 2, three: 3, four: 4, five: 5 };

/** Nodes a sentence asks the cluster to have, counting the control plane; undefined when it says nothing. */
export function nodesAskedIn(text: string): number | undefined {
  const m = NODE_COUNT_CUE.pattern.exec(text.replace(/\s+/g, ' '));
  if (!m) return undefined;
  const n = WORDS[m[1]!.toLowerCase()] ?? Number(m[1]);
  const workers = m[2] !== undefined || /not\s+(?:acting\s+as\s+)?control/i.test(m[0]);
  return workers ? n + 1 : n;
}
