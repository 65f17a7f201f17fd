/**
 * Programs that Kubernetes tutorials run, for spotting a mistyped first word (`ubectl`).
 * A word that is neither here nor close to an entry is left alone: it may be a local tool.
 */
export const KNOWN_PROGRAMS: readonly string[] = [
  // Kubernetes and cluster tools
  'kubectl', 'kubeadm', 'kubelet', 'minikube', 'kind', 'k3d', 'k3s', 'microk8s', 'helm', 'kustomize',
  'kubectx', 'kubens', 'kubeseal', 'stern', 'k9s', 'skaffold', 'tilt', 'istioctl', 'linkerd', 'cilium',
  'calicoctl', 'argocd', 'flux', 'velero', 'etcdctl', 'etcdutl', 'crictl', 'ctr', 'nerdctl', 'containerd',
  'docker', 'podman', 'buildah', 'kompose', 'cfssl', 'cfssljson', 'eksctl', 'gcloud', 'aws', 'az', 'doctl',
  'terraform', 'vagrant', 'multipass',
  // Source, build and language tools
  'git', 'make', 'go', 'python', 'python3', 'pip', 'pip3', 'node', 'npm', 'npx', 'java', 'mvn', 'gradle',
  // Network and security
  'curl', 'wget', 'openssl', 'ssh', 'scp', 'ssh-keygen', 'nslookup', 'dig', 'host', 'ping', 'nc', 'netcat',
  'telnet', 'ip', 'ifconfig', 'iptables', 'ss', 'netstat', 'tcpdump', 'socat', 'htpasswd', 'gpg', 'traceroute',
  // Shell builtins and keywords
  'cd', 'echo', 'printf', 'export', 'source', 'alias', 'unset', 'set', 'read', 'exit', 'eval', 'exec', 'test',
  'for', 'while', 'until', 'do', 'done', 'if', 'then', 'else', 'elif', 'fi', 'case', 'esac', 'true', 'false',
  'history', 'clear', 'type', 'wait', 'trap', 'shift', 'local', 'return', 'function',
  // Files and text
  'cat', 'ls', 'pwd', 'mkdir', 'rmdir', 'rm', 'cp', 'mv', 'touch', 'ln', 'chmod', 'chown', 'find', 'stat',
  'file', 'grep', 'egrep', 'fgrep', 'sed', 'awk', 'cut', 'sort', 'uniq', 'head', 'tail', 'wc', 'tr', 'tee',
  'xargs', 'diff', 'less', 'more', 'vi', 'vim', 'nano', 'base64', 'jq', 'yq', 'envsubst', 'tar', 'gzip',
  'gunzip', 'zip', 'unzip', 'basename', 'dirname', 'realpath', 'readlink', 'md5sum', 'sha256sum', 'shasum',
  'dd', 'seq', 'yes', 'column', 'paste', 'split', 'install', 'tree', 'rev', 'fold',
  // System and processes
  'sudo', 'su', 'env', 'printenv', 'watch', 'sleep', 'timeout', 'nohup', 'time', 'kill', 'killall', 'ps',
  'top', 'htop', 'free', 'df', 'du', 'mount', 'umount', 'systemctl', 'journalctl', 'service', 'hostname',
  'whoami', 'id', 'date', 'uname', 'which', 'lsof', 'swapoff', 'sysctl', 'modprobe', 'lsmod', 'useradd',
  'apt', 'apt-get', 'yum', 'dnf', 'apk', 'brew', 'snap', 'choco', 'open', 'xdg-open', 'bash', 'sh', 'zsh',
  // Clients used inside pods
  'redis-cli', 'mysql', 'psql', 'mongo', 'mongosh', 'cqlsh', 'wrk', 'ab', 'hey',
];
