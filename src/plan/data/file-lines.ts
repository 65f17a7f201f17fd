/**
 * A line of a shell fence that names files instead of running a program: a folder
 * (`/etc/kubernetes/manifests/`), a data file (`/var/lib/kubelet/config.yaml`), a file under a
 * folder of data or settings (`~/.kube/config`, `/proc/cpuinfo`), or a listing of such names
 * (`admin.conf  kubelet.conf`). A shell would try to execute the first name; the page only
 * shows where files are, so the line is an illustration. A program the page runs by its path
 * (`./configure.sh`, `/usr/local/bin/foo --flag`, `~/bin/tool`) is not such a line.
 * `trigger` lines must be read as file names and `clean` ones must not
 * (test/plan/file-lines.test.ts).
 */
export const FILE_NAME_LINE = {
  /** Extensions of files that hold data or settings, never a program to execute. */
  dataExtension:
    /\.(?:ya?ml|json|conf|cfg|config|toml|ini|properties|env|kubeconfig|pem|crt|cert|key|csr|pub|srl|log|txt|md|csv|xml|tar|t?gz|tgz|zip|service|socket|timer|rules|list|repo|sock)$/i,
  /**
   * Folders that hold data, settings, devices and state, not programs: `/etc`, `/var`, `/proc`,
   * `/sys`, `/dev`, `/run`, and a dot-folder of the home (`~/.kube`, `$HOME/.ssh`).
   */
  dataFolder: /^(?:\/(?:etc|var|proc|sys|dev|run)\/|(?:~|\$HOME|\$\{HOME\})\/\.[^/]+\/)/,
  /** Folders of programs inside those (`/etc/init.d/`, `/var/lib/…/bin/`): what is there may run. */
  programFolder: /\/(?:s?bin|libexec|init\.d|rc\.d|rc\d\.d|cron\.\w+)\//,
  /** Extensions of scripts and programs: a name with one runs, wherever it is. */
  programExtension: /\.(?:sh|bash|zsh|py|pl|rb|js|mjs|exe|bin|run|AppImage)$/i,
  /** A word that can only name files: a path or a file name, without flags, variables but `$HOME`, or operators. */
  fileWord: /^(?:[\w.~@+:-]|\$HOME|\$\{HOME\}|\/|\*)+$/,
  trigger: [
    '/etc/kubernetes/manifests/',
    '/var/lib/kubelet/config.yaml',
    '~/.kube/config',
    '$HOME/.kube/config',
    '/etc/kubernetes/pki/ca.crt',
    '/proc/cpuinfo',
    '/etc/kubernetes/admin.conf /etc/kubernetes/kubelet.conf',
    'admin.conf  controller-manager.conf  kubelet.conf  scheduler.conf',
    '/etc/kubernetes/manifests/*.yaml',
    '/var/log/pods/',
    'manifests/',
  ],
  clean: [
    './configure.sh',
    '/usr/local/bin/foo --flag',
    '/usr/local/bin/foo',
    '~/bin/tool',
    '/etc/init.d/kubelet',
    '/tmp/kubectl version',
    './hack/local-up-cluster.sh -O',
    'kubectl apply -f /etc/kubernetes/manifests/',
    'cat ~/.kube/config',
    'KUBECONFIG=~/.kube/config kubectl get pods',
    'sudo /etc/kubernetes/admin.conf',
    '/etc/kubernetes/admin.conf > copy.conf',
    'config.yaml | kubectl apply -f -',
    'ls',
    'clear',
    './run',
  ],
} as const;
