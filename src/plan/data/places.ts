import { SCRIPT_SHELLS } from '../../shell/data/never-ending.js';

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
export const SHELLS: ReadonlySet<string> = new Set([...SCRIPT_SHELLS, 'busybox']);

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
    /(?<![\w:@.~$}/-])\/(?:var\/lib\/(?:kubelet|kube-proxy|etcd|minikube)|etc\/kubernetes|etc\/cni|opt\/cni|var\/log\/(?:pods|containers|kubelet\.log|kube-proxy\.log|kube-apiserver\.log)|etc\/systemd\/system\/kubelet\.service\.d|(?:usr\/)?lib\/systemd\/system\/kubelet\.service(?:\.d)?|sys\/(?:devices\/virtual|class)\/net\/(?:cbr0|cni0|kube-bridge|flannel\.\d+|cilium_\w+|weave)|sys\/module\/(?:apparmor|nf_conntrack|br_netfilter|overlay)(?:\/[\w/.-]*)?|sys\/kernel\/security\/(?:apparmor|lsm)[\w/.-]*|etc\/apparmor\.d)(?![\w.-])/,
  trigger: [
    'for intf in /sys/devices/virtual/net/cbr0/brif/*; do cat $intf/hairpin_mode; done',
    'sudo cat /var/lib/kubelet/config.yaml',
    'ls /etc/kubernetes/manifests',
    'sudo cp -i /etc/kubernetes/admin.conf $HOME/.kube/config',
    'cat /etc/cni/net.d/10-flannel.conflist',
    'tail -n 20 /var/log/pods/default_web_0/nginx/0.log',
    'echo 1 > /sys/class/net/cni0/bridge/hairpin_mode',
    'cat /sys/module/apparmor/parameters/enabled',
    'sudo cat /sys/kernel/security/apparmor/profiles | sort',
    'sudo apparmor_parser -q /etc/apparmor.d/k8s-deny-write',
  ],
  clean: [
    'scp root@control-plane:/etc/kubernetes/admin.conf .',
    'cat /sys/class/net/eth0/address',
    'ls ~/var/lib/kubelet',
    'ls /var/lib/kubelet-plugins-registry',
    'mkdir -p $HOME/.kube',
    'cat ./etc/kubernetes/admin.conf',
    'ls /sys/modules-load.d',
    'cat /etc/apparmor.d.bak/x',
  ],
} as const;

/**
 * A request a client program sends to the API server through `kubectl proxy` (by default on port
 * 8001 of the machine it runs on): `curl http://localhost:8001/api/v1/nodes/x/status`. Such a
 * line runs where the proxy runs, whatever a heading says about the object it works on ("…on one
 * of your Nodes" names the API object, not where to type). `url` reads a client's argument; its
 * groups are the port and the path. `trigger` lines must read as a request to the proxy's API
 * paths and `clean` lines must not (test/plan/proxy-client.test.ts).
 */
export const PROXY_CLIENT = {
  programs: new Set(['curl', 'wget', 'http', 'https', 'xh']),
  /** `kubectl proxy`'s port when `--port` is not given. */
  defaultPort: 8001,
  url: /^(?:https?:\/\/)?(?:localhost|127\.0\.0\.1|\[::1\])(?::(\d+))?(\/\S*)?$/,
  /** Paths the API server serves (what a proxy forwards), not an application's. */
  apiPath: /^\/(?:api|apis|version|openapi|healthz|livez|readyz|logs)(?:[/?]|$)/,
  trigger: [
    'curl http://localhost:8001/api/v1/nodes/<your-node-name>/status',
    'curl --header "Content-Type: application/json-patch+json" --request PATCH --data \'[]\' http://localhost:8001/api/v1/nodes/n1/status',
    'curl -s 127.0.0.1:8001/apis/apps/v1/namespaces/default/deployments | jq .items',
    'wget -qO- http://localhost:8001/version',
  ],
  clean: [
    'curl http://localhost:8080/',
    'curl http://localhost:8001/index.html',
    'curl http://my-service.default.svc:8001/api/v1/pods',
    'curl localhost',
    'kubectl get --raw /api/v1/nodes',
  ],
} as const;

/**
 * What only a pod has: the ServiceAccount credentials mounted into its containers
 * (`/var/run/secrets/kubernetes.io/serviceaccount`), the API server's in-cluster name
 * (`kubernetes.default.svc`, resolved by the cluster's DNS) and the variables the kubelet sets in
 * every container (`$KUBERNETES_SERVICE_HOST`). A line using one with nothing else saying where it
 * runs is typed in a pod, never on the reader's machine. `trigger` lines must match and `clean`
 * lines must not (test/plan/places.test.ts).
 */
export const POD_EVIDENCE = {
  pattern:
    /(?<![\w.~$}/-])\/(?:var\/)?run\/secrets\/kubernetes\.io\/serviceaccount(?![\w.-])|(?<![\w.-])kubernetes\.default(?:\.svc(?:\.cluster\.local)?)?(?![\w-])(?!\.(?!svc)\w)|\$\{?KUBERNETES_(?:SERVICE|PORT)_?\w*\}?/,
  trigger: [
    'APISERVER=https://kubernetes.default.svc',
    'SERVICEACCOUNT=/var/run/secrets/kubernetes.io/serviceaccount',
    'TOKEN=$(cat /var/run/secrets/kubernetes.io/serviceaccount/token)',
    'curl --cacert /run/secrets/kubernetes.io/serviceaccount/ca.crt https://kubernetes.default/api',
    'curl -k https://$KUBERNETES_SERVICE_HOST:$KUBERNETES_SERVICE_PORT/version',
    'nslookup kubernetes.default.svc.cluster.local',
  ],
  clean: [
    'kubectl get --raw /api',
    'ls ./var/run/secrets/kubernetes.io/serviceaccount-copy',
    'curl https://kubernetes.io/docs/',
    'echo kubernetes.default.example.com',
    'cat /var/run/secrets/other/token',
  ],
} as const;
