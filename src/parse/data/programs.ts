/**
 * First words that make a line a command rather than output. Used to split a shell fence
 * without prompts into commands and their output, and to recognise commands that lost their
 * fences. A line whose first word (after `VAR=value` assignments and `sudo`) is not here is
 * output when it follows a command in the same block.
 */
export const COMMAND_WORDS: ReadonlySet<string> = new Set([
  'kubectl', 'kubeadm', 'minikube', 'kind', 'k3d', 'helm', 'kustomize', 'docker', 'podman', 'crictl', 'etcdctl',
  'istioctl', 'eksctl', 'gcloud', 'aws', 'az', 'oc', 'git', 'make', 'go', 'python', 'python3', 'pip', 'pip3', 'node',
  'npm', 'npx', 'curl', 'wget', 'openssl', 'ssh', 'scp', 'ssh-keygen', 'nslookup', 'dig', 'ping', 'nc', 'telnet',
  'cd', 'echo', 'printf', 'export', 'source', 'alias', 'unset', 'set', 'read', 'eval', 'exec', 'test', 'for', 'while',
  'until', 'if', 'case', 'true', 'false', 'cat', 'ls', 'pwd', 'mkdir', 'rm', 'rmdir', 'cp', 'mv', 'touch', 'ln',
  'chmod', 'chown', 'find', 'grep', 'sed', 'awk', 'cut', 'sort', 'head', 'tail', 'wc', 'tr', 'tee', 'xargs', 'diff',
  'less', 'more', 'vi', 'vim', 'nano', 'base64', 'jq', 'yq', 'envsubst', 'tar', 'gzip', 'unzip', 'sudo', 'env',
  'printenv', 'watch', 'sleep', 'timeout', 'kill', 'ps', 'top', 'df', 'du', 'systemctl', 'journalctl', 'hostname',
  'whoami', 'uname', 'which', 'apt', 'apt-get', 'yum', 'dnf', 'apk', 'brew', 'bash', 'sh', 'zsh', 'htpasswd',
  'cfssl', 'cfssljson', 'ubectl', 'kubeclt', 'kubect', 'kubetcl', 'exit', 'logout', 'id', 'mount', 'ip', 'ifconfig',
  'iptables', 'iptables-save', 'ip6tables', 'ip6tables-save', 'ipvsadm', 'conntrack', 'netstat', 'ss', 'tcpdump',
  'traceroute', 'getent', 'mysql', 'psql', 'redis-cli', 'mongosh', 'sysctl', 'date', 'vagrant', 'stat',
]);

/**
 * Programs strong enough to recognise a bare command in prose (text that lost its fences):
 * a prose line starting with one of these followed by an argument is a command.
 * `kubectl` also needs a subcommand from {@link BARE_KUBECTL_SUBCOMMANDS}.
 */
export const BARE_COMMAND_PROGRAMS: ReadonlySet<string> = new Set([
  'kubectl', 'openssl', 'curl', 'wget', 'minikube', 'docker', 'base64', 'make', 'cat', 'echo', 'helm', 'kind', 'mkdir',
]);

/** kubectl subcommands that make a bare prose line a command. */
export const BARE_KUBECTL_SUBCOMMANDS: ReadonlySet<string> = new Set([
  'get', 'describe', 'apply', 'create', 'delete', 'expose', 'exec', 'run', 'scale', 'edit', 'logs', 'label',
  'annotate', 'patch', 'rollout', 'set', 'port-forward', 'proxy', 'top', 'cluster-info', 'version', 'config', 'wait',
  'attach', 'cp', 'autoscale', 'drain', 'cordon', 'taint', 'explain', 'api-resources', 'replace', 'debug',
]);
