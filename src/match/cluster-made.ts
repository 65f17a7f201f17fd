/**
 * Objects a cluster creates by itself in every namespace, with the Kubernetes version that
 * started doing so. A table row of one of them that the doc lacks means the doc was captured on
 * an older cluster: the row is stale, not wrong.
 */
export const CLUSTER_MADE: ReadonlyArray<{ name: string; since: string; what: string }> = [
  { name: 'kube-root-ca.crt', since: '1.20', what: "the ConfigMap with the cluster's CA that every namespace gets" },
];

/** Why an extra row named `name` is stale, or undefined when it is not a cluster-made object. */
export function clusterMadeRow(name: string): string | undefined {
  const made = CLUSTER_MADE.find((m) => m.name === name);
  return made ? `${made.what}, created by the cluster since Kubernetes ${made.since}; the doc may predate it` : undefined;
}
