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
