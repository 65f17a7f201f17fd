/** Environment variables every shell has: never placeholders. */
export const SHELL_VARIABLES: ReadonlySet<string> = new Set([
  'HOME',
  'PATH',
  'PWD',
  'OLDPWD',
  'USER',
  'SHELL',
  'HOSTNAME',
  'RANDOM',
  'KUBECONFIG',
  'TERM',
  'LANG',
  'UID',
  'IFS',
  'BASH_SOURCE',
  'SECONDS',
  'LINENO',
  'TMPDIR',
  'EDITOR',
  'GOPATH',
]);

/**
 * Placeholder names of a syntax template (`kubectl get <resource>`, `kubectl <command> [flags]`):
 * a command holding one is illustrative, not an example to run; other placeholders
 * (`<pod-name>`, `<CLUSTER-IP>`) may be bound from earlier output by the runner.
 */
export const TEMPLATE_PLACEHOLDERS: ReadonlySet<string> = new Set([
  'resource',
  'resource-type',
  'resource_type',
  'type',
  'command',
  'subcommand',
  'args',
  'arguments',
  'flags',
  'options',
  'kind',
  'verb',
  'value',
  'key',
  'file',
  'filename',
  'path',
  'image',
  'your-image',
  'version',
]);

/** A comment telling the reader to substitute a value: `# replace this with your IP`. */
export const REPLACE_COMMENT = /#.*\b(?:replace|substitute|change|set)\b.*\b(?:this|with|your|own)\b/i;
