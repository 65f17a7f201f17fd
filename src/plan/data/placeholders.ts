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

/**
 * A value the page shortens with `...` inside it (`"c3R...zE2"`, `eyJhbGc...Xn0`): the step would
 * work on the elision itself. Only whole words: `./...` and a trailing `...` are not elisions.
 */
export const ELIDED_VALUE = /(?<=^|[\s"'=:])([A-Za-z0-9+/_-]{2,}\.{3}[A-Za-z0-9+/=_-]{2,})(?=$|[\s"'])/;

/** Programs for which `a...b` is syntax, not an elision (`git diff main...topic`). */
export const DOT_RANGE_PROGRAMS: ReadonlySet<string> = new Set(['git', 'seq']);

/**
 * Cluster clients, run even with a shortened value: the cluster may refuse the request for another
 * reason first (`--bound-object-uid 123...456` of a ServiceAccount the page deleted), and that
 * refusal is the page's to answer for.
 */
export const ELISION_STILL_RUNS: ReadonlySet<string> = new Set(['kubectl', 'oc']);

/** A comment telling the reader to substitute a value: `# replace this with your IP`. */
export const REPLACE_COMMENT = /#.*\b(?:replace|substitute|change|set)\b.*\b(?:this|with|your|own)\b/i;

/**
 * A path the reader fills in with a file of their own: `path/to/cert/file`, `/path/to/.ssh/id_rsa`,
 * `--key=path/to/key.pem`. Only the `path/to/` words mark it: `/usr/share/path/x` is a real path.
 * `trigger` arguments must match and `clean` ones must not (test/plan/placeholder-paths.test.ts).
 */
export const PLACEHOLDER_PATH = {
  pattern: /(?<=^|[\s=:'"])(\/?(?:path|your\/path)\/to\/[^\s'";|&)]*)/,
  trigger: ['--cert=path/to/cert/file', '--from-file=ssh-privatekey=/path/to/.ssh/id_rsa', 'cat /path/to/file', "--from-file='path/to/bar'"],
  clean: ['--from-file=./config/path/to.txt', 'kubectl get --raw /api/v1/path', '/usr/share/path/to/x', 'cat mypath/to/file'],
} as const;

/** Programs that read a placeholder path and stop with an error before any effect; others are not run with one. */
export const PLACEHOLDER_PATH_STILL_RUNS: ReadonlySet<string> = new Set(['kubectl']);

/**
 * A usage synopsis written as a command (`kubectl rolling-update NAME ([NEW_NAME] --image=IMAGE | -f
 * FILE)`, `kubectl create secret generic NAME [--from-file=[key=]source]`): upper-case placeholder
 * operands together with `[…]` optional groups or `( a | b )` alternatives of options. Either
 * alone is shell (`[[ -f x ]]`, globs like `[0-9]`, subshells, pipelines, `$HOME`, `FOO=1 cmd`).
 * `trigger` commands must read as synopses and `clean` ones must not (test/plan/usage-synopsis.test.ts).
 */
export const USAGE_SYNOPSIS = {
  /** A bare upper-case operand or option value: `NAME`, `IMAGE:TAG`, `--image=IMAGE`, `[NEW_NAME]`. */
  placeholder: /^(?:--?[a-z][\w-]*=)?\[?[A-Z][A-Z0-9_]+(?::[A-Z][A-Z0-9_]+)?\]?$/,
  /** `[NEW_NAME]`, `[-c CONTAINER]`, `[--from-file=…]`: an optional group (not `[[`, `[ `, nor a glob class). */
  optional: /(?<![[\w$])\[(?:-{1,2}[a-z][\w-]*|[A-Z][A-Z0-9_]+)[^\]]*\]/,
  /** `( [NEW_NAME] --image=IMAGE | -f FILE )`: alternatives, each side starting with an option or a placeholder. */
  alternatives: /(?<![$\w(])\(\s*(?:-|\[|[A-Z][A-Z0-9_]+\b)[^()|]*(?:\|\s*(?:-|\[|[A-Z][A-Z0-9_]+\b)[^()|]*)+\)/,
  trigger: [
    'kubectl rolling-update NAME \\\n    ([NEW_NAME] --image=IMAGE | -f FILE)',
    'kubectl rolling-update NAME [NEW_NAME] --image=IMAGE:TAG',
    'kubectl create secret generic NAME [--from-file=[key=]source]',
    'kubectl logs POD [-c CONTAINER]',
  ],
  clean: [
    '[[ -f config.yaml ]] && kubectl apply -f config.yaml',
    'kubectl delete pod $(kubectl get pods -o name | head -1)',
    'kubectl get pods | grep NAME',
    'ls /var/log/pod-[0-9]*',
    'echo $HOME',
    'FOO=1 kubectl get pods',
    '(kubectl get pods | grep Running)',
    'kubectl get pods -o custom-columns=NAME:.metadata.name,STATUS:.status.phase',
    'if [ "$STATUS" = Running ]; then echo OK; fi',
    'kubectl rolling-update NAME -f FILE',
  ],
} as const;
