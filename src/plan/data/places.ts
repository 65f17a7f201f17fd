/**
 * Programs that are not tools of the reader's machine: package managers, network inspection,
 * node daemons and database clients. A line running one of them with no prompt, session or cue
 * saying where is `unknown`, never guessed as local (it is usually typed in a pod or on a node).
 */
export const NOT_HOST_TOOLS: ReadonlySet<string> = new Set([
  'apt',
  'apt-get',
  'apk',
  'yum',
  'dnf',
  'zypper',
  'microdnf',
  'dpkg',
  'rpm',
  'nslookup',
  'dig',
  'iptables',
  'iptables-save',
  'iptables-legacy',
  'iptables-nft',
  'ip6tables',
  'ip6tables-save',
  'nft',
  'ipvsadm',
  'conntrack',
  'ip',
  'ifconfig',
  'route',
  'arp',
  'brctl',
  'ps',
  'netstat',
  'ss',
  'tcpdump',
  'traceroute',
  'mysql',
  'mysqladmin',
  'redis-cli',
  'psql',
  'mongo',
  'mongosh',
  'cqlsh',
  'etcdctl',
  'crictl',
  'ctr',
  'nerdctl',
  'systemctl',
  'journalctl',
  'service',
  'kubelet',
  'sysctl',
  'mount',
  'umount',
  'lsblk',
  'blkid',
  'modprobe',
  'lsmod',
  'getent',
  'nsenter',
  'chroot',
]);

/** Shells: `kubectl exec -it pod -- <shell>` with no `-c` opens an interactive session. */
export const SHELLS: ReadonlySet<string> = new Set(['sh', 'bash', 'ash', 'zsh', 'dash', 'ksh', 'busybox']);

/**
 * Interactive clients that read commands of their own language (not shell lines) when started
 * without a command argument.
 */
export const REPL_CLIENTS: Readonly<Record<string, { commandFlags: readonly string[] }>> = {
  mysql: { commandFlags: ['-e', '--execute'] },
  psql: { commandFlags: ['-c', '--command', '-f', '--file'] },
  'redis-cli': { commandFlags: [] },
  mongo: { commandFlags: ['--eval'] },
  mongosh: { commandFlags: ['--eval'] },
  cqlsh: { commandFlags: ['-e', '--execute'] },
};

/**
 * Programs that reach the cluster from outside. Under a "from within a Pod" cue they still run
 * on the reader's machine (`kubectl exec` is how the reader gets into the pod).
 */
export const OUTSIDE_PROGRAMS: ReadonlySet<string> = new Set([
  'kubectl',
  'minikube',
  'kind',
  'gcloud',
  'az',
  'aws',
  'eksctl',
  'helm',
  'k3d',
  'vagrant',
  'kustomize',
]);
