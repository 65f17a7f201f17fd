import type { CommandClass } from './types.js';

/**
 * kubectl subcommands by what they do to the cluster. Two-word keys (`rollout status`)
 * win over one-word keys (`rollout`). Flags that make a command interactive are in
 * {@link KUBECTL_INTERACTIVE_FLAGS}.
 */
export const KUBECTL_SUBCOMMAND_CLASS: Readonly<Record<string, CommandClass>> = {
  get: 'read-only',
  describe: 'read-only',
  logs: 'read-only',
  top: 'read-only',
  explain: 'read-only',
  version: 'read-only',
  'cluster-info': 'read-only',
  'api-resources': 'read-only',
  'api-versions': 'read-only',
  'auth can-i': 'read-only',
  'auth whoami': 'read-only',
  'rollout status': 'read-only',
  'rollout history': 'read-only',
  wait: 'read-only',
  diff: 'read-only',
  events: 'read-only',
  kustomize: 'read-only',
  'config view': 'read-only',
  'config current-context': 'read-only',
  'config get-contexts': 'read-only',
  'config get-clusters': 'read-only',
  completion: 'host-tool',
  plugin: 'host-tool',
  config: 'host-tool',
  apply: 'mutating',
  create: 'mutating',
  delete: 'mutating',
  scale: 'mutating',
  expose: 'mutating',
  label: 'mutating',
  annotate: 'mutating',
  patch: 'mutating',
  replace: 'mutating',
  set: 'mutating',
  rollout: 'mutating',
  'rollout restart': 'mutating',
  'rollout undo': 'mutating',
  'rollout pause': 'mutating',
  'rollout resume': 'mutating',
  run: 'mutating',
  autoscale: 'mutating',
  cordon: 'mutating',
  uncordon: 'mutating',
  drain: 'mutating',
  taint: 'mutating',
  certificate: 'mutating',
  debug: 'interactive',
  edit: 'interactive',
  'port-forward': 'interactive',
  attach: 'interactive',
  proxy: 'interactive',
};

/**
 * Flags that turn a kubectl subcommand into one that waits for a person or never ends.
 * Short flags may be combined (`-it`); the check looks at each letter.
 */
export const KUBECTL_INTERACTIVE_FLAGS: Readonly<Record<string, { long: readonly string[]; short: readonly string[] }>> = {
  exec: { long: ['--stdin', '--tty'], short: ['i', 't'] },
  run: { long: ['--stdin', '--tty', '--attach'], short: ['i', 't'] },
  get: { long: ['--watch', '--watch-only'], short: ['w'] },
  logs: { long: ['--follow'], short: ['f'] },
  'rollout status': { long: [], short: [] },
};

/** Programs run inside a pod by `kubectl exec … -- <program>` that only look at things. */
export const EXEC_READ_ONLY_PROGRAMS: ReadonlySet<string> = new Set([
  'printenv', 'env', 'cat', 'curl', 'ls', 'nslookup', 'wget', 'echo', 'grep', 'ps', 'df', 'du', 'whoami',
  'id', 'hostname', 'date', 'dig', 'host', 'ping', 'head', 'tail', 'find', 'stat', 'uname', 'which',
  'redis-cli', 'mysql', 'psql', 'nc', 'getent', 'mount', 'ip', 'ifconfig', 'netstat', 'ss', 'true',
]);

/** Programs that open an interactive shell when run by `kubectl exec` without a command, or at all. */
export const INTERACTIVE_PROGRAMS: ReadonlySet<string> = new Set([
  'ssh', 'vi', 'vim', 'nano', 'less', 'more', 'top', 'htop', 'watch', 'k9s', 'tmux', 'screen',
]);

/** Programs (other than kubectl) that run on the reader's machine. */
export const HOST_TOOL_PROGRAMS: ReadonlySet<string> = new Set([
  'openssl', 'base64', 'make', 'curl', 'wget', 'echo', 'printf', 'cat', 'sed', 'awk', 'mkdir', 'cd', 'export',
  'minikube', 'kind', 'docker', 'podman', 'ls', 'grep', 'cp', 'mv', 'rm', 'touch', 'tee', 'jq', 'yq', 'git',
  'go', 'python', 'python3', 'source', 'alias', 'unset', 'sleep', 'head', 'tail', 'sort', 'uniq', 'tr', 'cut',
  'xargs', 'chmod', 'chown', 'tar', 'unzip', 'gzip', 'envsubst', 'pwd', 'env', 'printenv', 'nslookup', 'dig',
  'ping', 'nc', 'true', 'false', 'for', 'while', 'until', 'if', 'case', 'test', 'wc', 'diff', 'find',
  'ssh-keygen', 'htpasswd', 'helm', 'kustomize', 'cfssl', 'cfssljson', 'ln', 'basename', 'dirname', 'read',
  'set', 'eval', 'seq', 'md5sum', 'sha256sum', 'date', 'hostname', 'whoami', 'uname', 'which', 'ps', 'kill',
  'npm', 'npx', 'node', 'pip', 'pip3', 'apt', 'apt-get', 'yum', 'brew', 'bash', 'sh', 'zsh', 'k3d', 'kubeadm',
]);

/** When one line has several commands (`a; b | c`), the class of the line is the first in this order. */
export const CLASS_PRECEDENCE: readonly CommandClass[] = ['interactive', 'mutating', 'read-only', 'host-tool', 'other'];
