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
 * without a command argument. `oneShot`: how a line typed at the prompt runs as one call of the
 * client — after that flag (`mysql -e LINE`), or `args`: its words as arguments (`redis-cli GET k`).
 */
export const REPL_CLIENTS: Readonly<Record<string, { commandFlags: readonly string[]; oneShot: string }>> = {
  mysql: { commandFlags: ['-e', '--execute'], oneShot: '-e' },
  psql: { commandFlags: ['-c', '--command', '-f', '--file'], oneShot: '-c' },
  'redis-cli': { commandFlags: [], oneShot: 'args' },
  mongo: { commandFlags: ['--eval'], oneShot: '--eval' },
  mongosh: { commandFlags: ['--eval'], oneShot: '--eval' },
  cqlsh: { commandFlags: ['-e', '--execute'], oneShot: '-e' },
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

/**
 * Paths only a cluster node has: the kubelet's and kube-proxy's state, the control plane's
 * manifests and certificates, CNI configuration, pod log directories and the bridges a network
 * plugin makes. A line reading or writing one with nothing else saying where it runs is typed on
 * a node, never on the reader's machine. A path after `host:` (`scp cp:/etc/kubernetes/…`) is on
 * that host, not here. `trigger` lines must match and `clean` lines must not
 * (test/plan/places.test.ts).
 */
export const NODE_PATHS = {
  pattern:
    /(?<![\w:@.~$}/-])\/(?:var\/lib\/(?:kubelet|kube-proxy|etcd|minikube)|etc\/kubernetes|etc\/cni|opt\/cni|var\/log\/(?:pods|containers|kubelet\.log|kube-proxy\.log|kube-apiserver\.log)|etc\/systemd\/system\/kubelet\.service\.d|(?:usr\/)?lib\/systemd\/system\/kubelet\.service(?:\.d)?|sys\/(?:devices\/virtual|class)\/net\/(?:cbr0|cni0|kube-bridge|flannel\.\d+|cilium_\w+|weave))(?![\w.-])/,
  trigger: [
    'for intf in /sys/devices/virtual/net/cbr0/brif/*; do cat $intf/hairpin_mode; done',
    'sudo cat /var/lib/kubelet/config.yaml',
    'ls /etc/kubernetes/manifests',
    'sudo cp -i /etc/kubernetes/admin.conf $HOME/.kube/config',
    'cat /etc/cni/net.d/10-flannel.conflist',
    'tail -n 20 /var/log/pods/default_web_0/nginx/0.log',
    'echo 1 > /sys/class/net/cni0/bridge/hairpin_mode',
  ],
  clean: [
    'scp root@control-plane:/etc/kubernetes/admin.conf .',
    'cat /sys/class/net/eth0/address',
    'ls ~/var/lib/kubelet',
    'ls /var/lib/kubelet-plugins-registry',
    'mkdir -p $HOME/.kube',
    'cat ./etc/kubernetes/admin.conf',
  ],
} as const;
