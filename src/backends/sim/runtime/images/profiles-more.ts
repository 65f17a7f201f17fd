import type { ImageProfile } from './types.js';
import { BUSYBOX_APPLETS, BUSYBOX_PATH, DEBIAN_BINS, DEBIAN_PATH, busybox, debianFiles, debianLike } from './profiles.js';

/** Images of the task pages on probes, resources, autoscaling and stateful apps. */
export const MORE_PROFILES: ImageProfile[] = [
  debianLike('ubuntu', ['ubuntu'], {
    files: debianFiles({
      '/etc/os-release':
        'PRETTY_NAME="Ubuntu 24.04.1 LTS"\nNAME="Ubuntu"\nVERSION_ID="24.04"\nVERSION="24.04.1 LTS (Noble Numbat)"\nVERSION_CODENAME=noble\nID=ubuntu\nID_LIKE=debian\n',
    }),
    cmd: ['/bin/bash'],
  }),
  debianLike('httpd', ['httpd'], {
    version: '2.4.62',
    bins: { '/usr/bin': DEBIAN_BINS, '/usr/local/apache2/bin': ['httpd', 'httpd-foreground', 'apachectl'] },
    env: { PATH: `/usr/local/apache2/bin:${DEBIAN_PATH}`, HTTPD_PREFIX: '/usr/local/apache2', HTTPD_VERSION: '2.4.62' },
    files: debianFiles({ '/usr/local/apache2/htdocs/index.html': '<html><body><h1>It works!</h1></body></html>\n' }),
    workdir: '/usr/local/apache2',
    cmd: ['httpd-foreground'],
    listeners: [{ port: 80, app: 'httpd' }],
    startLogs: [
      "AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using {{podIP}}. Set the 'ServerName' directive globally to suppress this message",
    ],
  }),
  debianLike('php-apache', ['registry.k8s.io/hpa-example', 'k8s.gcr.io/hpa-example'], {
    version: '2.4.10',
    bins: { '/usr/bin': DEBIAN_BINS, '/usr/local/bin': ['apache2-foreground'] },
    files: debianFiles({
      '/var/www/html/index.php': '<?php\n  $x = 0.0001;\n  for ($i = 0; $i <= 1000000; $i++) {\n    $x += sqrt($x);\n  }\n  echo "OK!";\n?>\n',
    }),
    cmd: ['apache2-foreground'],
    listeners: [{ port: 80, app: 'php-apache' }],
  }),
  debianLike('redis', ['redis', 'registry.k8s.io/redis', 'k8s.gcr.io/redis', 'bitnami/redis'], {
    version: '7.4.1',
    bins: { '/usr/bin': DEBIAN_BINS, '/usr/local/bin': ['redis-server', 'redis-cli', 'docker-entrypoint.sh'] },
    env: { PATH: DEBIAN_PATH, REDIS_VERSION: '7.4.1' },
    files: debianFiles({ '/data/.keep': '' }),
    workdir: '/data',
    entrypoint: ['docker-entrypoint.sh'],
    cmd: ['redis-server'],
    // docker-library/redis: `if [ "${1#-}" != "$1" ] || [ "${1%.conf}" != "$1" ]; then set -- redis-server "$@"; fi`
    serverArg: /^-|\.conf$/,
    process: { user: 'redis', title: 'redis-server *:6379' },
    // SIGTERM and SIGINT: redis saves if configured to and exits 0 ("Redis is now ready to exit, bye bye...").
    stopSignals: { TERM: 0, INT: 0 },
    listeners: [{ port: 6379, app: 'redis' }],
    startLogs: [
      '1:C * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo',
      '1:M * Running mode=standalone, port=6379.',
      '1:M * Server initialized',
      '1:M * Ready to accept connections tcp',
    ],
  }),
  // Percona XtraBackup with ncat, for cloning MySQL replicas: the programs are listed so the
  // simulator knows they exist, but none of them is modelled (a pod relying on them is unchecked).
  debianLike('xtrabackup', ['gcr.io/google-samples/xtrabackup'], {
    version: '1.0',
    bins: { '/usr/bin': [...DEBIAN_BINS, 'ncat', 'xbstream', 'xtrabackup', 'mysql'] },
    env: { PATH: DEBIAN_PATH },
  }),
  debianLike('mysql', ['mysql', 'mariadb'], {
    version: '8.4.3',
    bins: { '/usr/bin': [...DEBIAN_BINS, 'mysql', 'mysqld', 'mysqladmin'], '/usr/local/bin': ['docker-entrypoint.sh'] },
    env: { PATH: DEBIAN_PATH, MYSQL_MAJOR: '8.4', MYSQL_VERSION: '8.4.3-1.el9' },
    entrypoint: ['docker-entrypoint.sh'],
    cmd: ['mysqld'],
    listeners: [{ port: 3306, app: 'tcp' }],
    startLogs: [
      '[Note] [Entrypoint]: Entrypoint script for MySQL Server started.',
      '[System] [MY-010931] [Server] /usr/sbin/mysqld: ready for connections. Port: 3306  MySQL Community Server - GPL.',
    ],
  }),
  {
    ...busybox('agnhost', ['registry.k8s.io/e2e-test-images/agnhost', 'k8s.gcr.io/e2e-test-images/agnhost', 'gcr.io/kubernetes-e2e-test-images/agnhost']),
    version: '2.40',
    bins: { '/bin': [...BUSYBOX_APPLETS], '/': ['agnhost'] },
    entrypoint: ['/agnhost'],
    cmd: [],
    listeners: [{ port: 8080, app: 'agnhost' }],
  },
  {
    ...busybox('liveness', ['registry.k8s.io/liveness', 'k8s.gcr.io/liveness']),
    bins: { '/': ['server'] },
    shell: 'none',
    entrypoint: ['/server'],
    cmd: [],
    listeners: [{ port: 8080, app: 'liveness' }],
  },
  {
    ...busybox('goproxy', ['registry.k8s.io/goproxy', 'k8s.gcr.io/goproxy']),
    bins: { '/': ['goproxy'] },
    shell: 'none',
    entrypoint: ['/goproxy'],
    cmd: [],
    listeners: [{ port: 8080, app: 'tcp' }],
  },
  {
    ...busybox('etcd', ['registry.k8s.io/etcd', 'k8s.gcr.io/etcd', 'quay.io/coreos/etcd']),
    version: '3.5.16',
    bins: { '/usr/local/bin': ['etcd', 'etcdctl'] },
    shell: 'none',
    cmd: ['/usr/local/bin/etcd'],
    listeners: [{ port: 2379, app: 'grpc' }],
  },
  {
    // build/pause: FROM scratch with the one static /pause binary (USER 65535, ENTRYPOINT /pause).
    // No shell and no userland: `kubectl exec … -- sh` fails as runc cannot find the program.
    id: 'pause',
    repos: ['registry.k8s.io/pause', 'k8s.gcr.io/pause', 'gcr.io/google-containers/pause', 'gcr.io/google_containers/pause'],
    version: '3.10',
    shell: 'none',
    bash: false,
    userland: 'gnu',
    bins: { '/': ['pause'] },
    // An image without ENV PATH gets containerd's default one.
    env: { PATH: BUSYBOX_PATH },
    files: {},
    entrypoint: ['/pause'],
    process: { user: '65535', title: '/pause' },
    listeners: [],
    startLogs: [],
  },
  { ...busybox('stress', ['polinux/stress']), bins: { '/bin': [...BUSYBOX_APPLETS], '/usr/bin': ['stress'] }, env: { PATH: BUSYBOX_PATH }, cmd: ['stress'] },
  { ...busybox('vish-stress', ['vish/stress']), bins: { '/': ['stress'] }, shell: 'none', entrypoint: ['/stress'], cmd: [], env: { PATH: BUSYBOX_PATH } },
];
