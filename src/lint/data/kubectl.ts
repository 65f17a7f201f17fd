/** kubectl's command tree and flags, as data for the command rules. */

/** Top-level kubectl subcommands (kubectl 1.33). */
export const KUBECTL_SUBCOMMANDS: readonly string[] = [
  'create', 'expose', 'run', 'set', 'explain', 'get', 'edit', 'delete', 'rollout', 'scale', 'autoscale',
  'certificate', 'cluster-info', 'top', 'cordon', 'uncordon', 'drain', 'taint', 'describe', 'logs', 'attach',
  'exec', 'port-forward', 'proxy', 'cp', 'auth', 'debug', 'events', 'diff', 'apply', 'patch', 'replace', 'wait',
  'kustomize', 'label', 'annotate', 'completion', 'alpha', 'api-resources', 'api-versions', 'config', 'plugin',
  'version', 'options', 'help',
];

/**
 * Removed subcommands and well-known plugins: not typos, so never "corrected"
 * (removed ones are reported by `removed-flag`).
 */
export const KUBECTL_OTHER_SUBCOMMANDS: readonly string[] = [
  'rolling-update', 'convert', 'krew', 'ctx', 'ns', 'neat', 'tree', 'view-secret', 'whoami', 'df-pv', 'slice',
];

/** kubectl flags that take a value in the next word when not written `--flag=value`. */
export const KUBECTL_VALUE_FLAGS: ReadonlySet<string> = new Set([
  '-n', '--namespace', '-l', '--selector', '-o', '--output', '-f', '--filename', '-k', '--kustomize', '-c',
  '--container', '--context', '--kubeconfig', '--cluster', '--user', '-s', '--server', '--token', '--as',
  '--as-group', '--image', '--port', '--target-port', '--type', '--name', '--protocol', '--replicas',
  '--from-literal', '--from-file', '--from-env-file', '--cert', '--key', '--field-selector', '--sort-by',
  '--template', '-p', '--patch', '--patch-file', '--timeout', '--for', '--to-revision', '--restart', '--labels',
  '--env', '--overrides', '--image-pull-policy', '--docker-server', '--docker-username', '--docker-password',
  '--docker-email', '--serviceaccount', '--current-replicas', '--min', '--max', '--cpu-percent', '--cpu',
  '--memory', '--grace-period', '--since', '--tail', '--since-time', '--pod-running-timeout', '--address',
  '--external-ip', '--load-balancer-ip', '--cluster-ip', '--session-affinity', '--generator', '--request-timeout',
  '-v', '--v', '--field-manager', '--prune-allowlist', '--selector', '--target', '--profile', '--copy-to',
  '--columns', '--chunk-size', '-L', '--label-columns', '--subresource', '--raw', '--api-group', '--resource',
  '--verb', '--role', '--clusterrole', '--group', '--rule', '--schedule', '--from', '--hostport', '--attach',
]);

/** Global flags that may come before the subcommand (`kubectl -n kube-system get pods`). */
export const KUBECTL_GLOBAL_FLAGS: ReadonlySet<string> = new Set([
  '-n', '--namespace', '--context', '--kubeconfig', '--cluster', '--user', '-s', '--server', '--token', '--as',
  '--as-group', '-v', '--v', '--request-timeout',
]);

/** Subcommands that have their own subcommands (`kubectl create secret tls`). */
export const KUBECTL_NESTED: Readonly<Record<string, readonly string[]>> = {
  create: ['clusterrole', 'clusterrolebinding', 'configmap', 'cm', 'cronjob', 'cj', 'deployment', 'deploy', 'ingress', 'ing', 'job', 'namespace', 'ns', 'poddisruptionbudget', 'pdb', 'priorityclass', 'pc', 'quota', 'resourcequota', 'role', 'rolebinding', 'secret', 'service', 'svc', 'serviceaccount', 'sa', 'token'],
  'create secret': ['docker-registry', 'generic', 'tls'],
  'create service': ['clusterip', 'externalname', 'loadbalancer', 'nodeport'],
  rollout: ['history', 'pause', 'restart', 'resume', 'status', 'undo'],
  set: ['env', 'image', 'resources', 'selector', 'serviceaccount', 'subject'],
  config: ['current-context', 'delete-cluster', 'delete-context', 'delete-user', 'get-clusters', 'get-contexts', 'get-users', 'rename-context', 'set', 'set-cluster', 'set-context', 'set-credentials', 'unset', 'use-context', 'use', 'view'],
  apply: ['edit-last-applied', 'set-last-applied', 'view-last-applied'],
  auth: ['can-i', 'reconcile', 'whoami'],
  top: ['node', 'nodes', 'no', 'pod', 'pods', 'po'],
  certificate: ['approve', 'deny'],
  plugin: ['list'],
};
