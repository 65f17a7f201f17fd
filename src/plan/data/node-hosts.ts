/**
 * Hosts an interactive `ssh <host>` (or `gcloud compute ssh <instance>`) reaches that stand for a
 * node of the reader's cluster: a node-like name (`my-node1`, `node-2`, `k8s-worker-1`,
 * `kubernetes-minion-group-x7k2`, `gke-<cluster>-default-pool-<hash>-<id>`), a placeholder the
 * reader fills in with a node's name (`<node-name>`, `$NODE`, `${NODE_NAME}`), or a name the page's
 * own `kubectl get nodes` output listed. Any other host (`bastion`, `10.0.0.4`, `my-vm`,
 * `<external-ip>`) is another machine. `trigger` hosts must read as nodes and `clean` ones must not
 * (test/plan/node-host.test.ts).
 */
export const NODE_HOSTS = {
  /** A node-like host name: a word for a node, alone or as one dash-separated part, with an optional index. */
  name: /^(?:[a-z0-9][a-z0-9-]*-)?(?:node|nodes|worker|minion|control-?plane|master|k8s-node|kube-node)(?:-?\d+[a-z]?|-[a-z0-9]+)*$|^gke-[a-z0-9-]+-pool-[a-z0-9-]+$/,
  /** A placeholder for a node's name or address (`<node-name>`, `<your-node>`, `$NODE`, `${NODE_NAME}`). */
  placeholder: /^(?:<[^<>]*\bnode\b[^<>]*>|\$\{?NODE(?:_?NAME)?\}?|\$\{?[A-Z_]*NODE\}?)$/i,
  /** A placeholder for a node's address (`<node-ip>`) reaches the same node shell as its name. */
  trigger: [
    'my-node1',
    'node-1',
    'node01',
    'k8s-worker-2',
    'kubernetes-minion-group-x7k2',
    'kind-control-plane',
    'gke-demo-default-pool-1a2b3c4d-x9z8',
    '<node-name>',
    '<your-node>',
    '$NODE',
    '${NODE_NAME}',
    '<node-ip>',
  ],
  clean: ['bastion', '10.0.0.4', 'my-vm', 'jumphost.example.com', '<external-ip>', '<host>', '$HOST', 'nodejs-build', 'my-server'],
} as const;
