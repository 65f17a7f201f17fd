import type { ImageProfile } from './types.js';
import { HTTPS_DEFAULT_CONF, DEBIAN_OS_RELEASE, NGINX_50X, NGINX_CONF, NGINX_DEFAULT_CONF, NGINX_INDEX, PASSWD } from './content.js';

export const DEBIAN_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
export const BUSYBOX_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/** Busybox applets that exist in the busybox image (a subset: the ones tutorials reach for). */
export const BUSYBOX_APPLETS = [
  'sh', 'ash', 'echo', 'cat', 'ls', 'grep', 'egrep', 'fgrep', 'head', 'tail', 'wc', 'sort', 'uniq', 'cut', 'tr', 'sed',
  'tee', 'base64', 'printenv', 'env', 'hostname', 'date', 'sleep', 'true', 'false', 'test', '[', '[[', 'id', 'pwd',
  'mkdir', 'touch', 'rm', 'rmdir', 'cp', 'mv', 'ln', 'chmod', 'chown', 'readlink', 'realpath', 'find', 'basename',
  'dirname', 'whoami', 'uname', 'which', 'seq', 'xargs', 'printf', 'nproc', 'timeout', 'nohup', 'kill', 'tar',
  'wget', 'nslookup', 'ping', 'nc', 'telnet', 'httpd', 'ps', 'top', 'vi', 'awk', 'gzip', 'gunzip', 'md5sum',
  'sha256sum', 'stat', 'df', 'du', 'free', 'mount', 'ip', 'ifconfig', 'route', 'netstat', 'traceroute', 'dd',
  'expr', 'watch', 'yes', 'less', 'more', 'diff', 'od', 'hexdump', 'uptime', 'arp',
];

/** GNU userland of a Debian-based image (bookworm). */
export const DEBIAN_BINS = [
  'sh', 'dash', 'bash', 'cat', 'ls', 'grep', 'egrep', 'fgrep', 'head', 'tail', 'wc', 'sort', 'uniq', 'cut', 'tr',
  'sed', 'tee', 'base64', 'printenv', 'env', 'hostname', 'date', 'sleep', 'true', 'false', 'test', '[', 'id', 'pwd',
  'mkdir', 'touch', 'rm', 'rmdir', 'cp', 'mv', 'ln', 'chmod', 'chown', 'readlink', 'realpath', 'find', 'basename',
  'dirname', 'whoami', 'uname', 'which', 'seq', 'xargs', 'printf', 'nproc', 'timeout', 'nohup', 'kill', 'tar',
  'echo', 'getent', 'gzip', 'md5sum', 'sha256sum', 'stat', 'df', 'du', 'mount', 'dd', 'expr', 'yes', 'od', 'diff',
  'apt-get', 'apt', 'dpkg', 'perl', 'awk', 'mawk',
];

export const debianFiles = (extra: Record<string, string> = {}): Record<string, string> => ({
  '/etc/os-release': DEBIAN_OS_RELEASE,
  '/etc/debian_version': '12.8\n',
  '/etc/passwd': PASSWD,
  '/etc/group': 'root:x:0:\ndaemon:x:1:\nbin:x:2:\nnogroup:x:65534:\n',
  ...extra,
});

/** A Debian-like image: dash as sh, bash, GNU coreutils, Debian's files; `extra` overrides. */
export const debianLike = (id: string, repos: string[], extra: Partial<ImageProfile> = {}): ImageProfile => ({
  id,
  repos,
  shell: 'dash',
  bash: true,
  userland: 'gnu',
  bins: { '/usr/bin': DEBIAN_BINS },
  env: { PATH: DEBIAN_PATH },
  files: debianFiles(),
  listeners: [],
  startLogs: [],
  ...extra,
});

const nginxFiles = (version: string) =>
  debianFiles({
    '/usr/share/nginx/html/index.html': NGINX_INDEX,
    '/usr/share/nginx/html/50x.html': NGINX_50X,
    '/etc/nginx/nginx.conf': NGINX_CONF,
    '/etc/nginx/conf.d/default.conf': NGINX_DEFAULT_CONF,
    '/docker-entrypoint.sh': '#!/bin/sh\n# vim:sw=4:ts=4:et\n\nset -e\n',
    '/var/log/nginx/access.log': '',
    '/var/log/nginx/error.log': '',
    '/etc/passwd': PASSWD + 'nginx:x:101:101:nginx user:/nonexistent:/bin/false\n',
    '/usr/share/doc/nginx/version': version,
  });

const NGINX_START = [
  '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
  '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
  '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
  '10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf',
  '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf',
  '/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh',
  '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh',
  '/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh',
  '/docker-entrypoint.sh: Configuration complete; ready for start up',
  '{{ts}} [notice] 1#1: using the "epoll" event method',
  '{{ts}} [notice] 1#1: nginx/{{version}}',
  '{{ts}} [notice] 1#1: built by gcc 12.2.0 (Debian 12.2.0-14) ',
  '{{ts}} [notice] 1#1: OS: Linux 6.8.0-45-generic',
  '{{ts}} [notice] 1#1: getrlimit(RLIMIT_NOFILE): 1048576:1048576',
  '{{ts}} [notice] 1#1: start worker processes',
  '{{ts}} [notice] 1#1: start worker process 29',
  '{{ts}} [notice] 1#1: start worker process 30',
  '{{ts}} [notice] 1#1: start worker process 31',
  '{{ts}} [notice] 1#1: start worker process 32',
];

export const busybox = (id: string, repos: string[], extraBins: string[] = []): ImageProfile => ({
  id,
  repos,
  version: '1.36.1',
  shell: 'ash',
  bash: false,
  userland: 'busybox',
  nslookup: 'busybox',
  bins: { '/bin': [...BUSYBOX_APPLETS], ...(extraBins.length ? { '/usr/bin': extraBins } : {}) },
  env: { PATH: BUSYBOX_PATH },
  files: {
    '/etc/passwd': 'root:x:0:0:root:/root:/bin/sh\ndaemon:x:1:1:daemon:/usr/sbin:/bin/false\nnobody:x:65534:65534:nobody:/home:/bin/false\nwww-data:x:33:33:www-data:/var/www:/bin/false\n',
    '/etc/group': 'root:x:0:\nwheel:x:10:root\nnobody:x:65534:\n',
  },
  cmd: ['sh'],
  listeners: [],
  startLogs: [],
});

/** Every image the simulator knows. Order matters: the first whose repo matches wins. */
export const PROFILES: ImageProfile[] = [
  {
    id: 'nginx',
    curl: '7.88.1',
    repos: ['nginx', 'nginxinc/nginx-unprivileged', 'k8s.gcr.io/nginx-slim', 'registry.k8s.io/nginx-slim'],
    version: '1.27.3',
    shell: 'dash',
    bash: true,
    userland: 'gnu',
    bins: { '/usr/bin': [...DEBIAN_BINS, 'curl'], '/usr/sbin': ['nginx'] },
    env: {
      PATH: DEBIAN_PATH,
      NGINX_VERSION: '1.27.3',
      NJS_VERSION: '0.8.7',
      NJS_RELEASE: '1~bookworm',
      PKG_RELEASE: '1~bookworm',
      DYNPKG_RELEASE: '1~bookworm',
    },
    files: nginxFiles('1.27.3'),
    entrypoint: ['/docker-entrypoint.sh'],
    cmd: ['nginx', '-g', 'daemon off;'],
    // Listeners come from the nginx configuration in the container (see net/apps.ts).
    listeners: [{ port: 80, app: 'nginx' }],
    startLogs: NGINX_START,
  },
  busybox('busybox', ['busybox', 'registry.k8s.io/busybox', 'k8s.gcr.io/busybox', 'gcr.io/google-containers/busybox', 'registry.k8s.io/e2e-test-images/busybox']),
  { ...busybox('busyboxplus', ['radial/busyboxplus'], ['curl']), curl: '7.39.0' },
  { ...busybox('alpine', ['alpine']), bins: { '/bin': [...BUSYBOX_APPLETS], '/sbin': ['apk'] }, files: { '/etc/alpine-release': '3.20.3\n', '/etc/os-release': 'NAME="Alpine Linux"\nID=alpine\nVERSION_ID=3.20.3\nPRETTY_NAME="Alpine Linux v3.20"\n' }, cmd: ['/bin/sh'] },
  { ...busybox('curl', ['curlimages/curl', 'appropriate/curl'], ['curl']), curl: '8.11.1', entrypoint: ['/entrypoint.sh'], cmd: ['curl'] },
  debianLike('dnsutils', ['registry.k8s.io/e2e-test-images/jessie-dnsutils', 'gcr.io/kubernetes-e2e-test-images/dnsutils', 'tutum/dnsutils', 'infoblox/dnstools'], {
    curl: '7.38.0',
    nslookup: 'bind',
    bins: { '/usr/bin': [...DEBIAN_BINS, 'nslookup', 'dig', 'host', 'curl', 'wget', 'ping'] },
    cmd: ['sleep', '3600'],
  }),
  debianLike('debian', ['debian'], { cmd: ['bash'] }),
  {
    id: 'http-echo',
    repos: ['hashicorp/http-echo'],
    version: '1.0.0',
    shell: 'none',
    bash: false,
    userland: 'gnu',
    bins: { '/': ['http-echo'] },
    env: { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' },
    files: {},
    entrypoint: ['/http-echo'],
    listeners: [{ port: 5678, app: 'http-echo' }],
    startLogs: ['{{echo-ts}} [INFO] server is listening on :5678'],
  },
  {
    id: 'hello-app',
    repos: ['gcr.io/google-samples/hello-app', 'us-docker.pkg.dev/google-samples/containers/gke/hello-app'],
    version: '1.0.0',
    shell: 'ash',
    bash: false,
    userland: 'busybox',
    nslookup: 'busybox',
    bins: { '/bin': BUSYBOX_APPLETS, '/': ['hello-app'] },
    env: { PATH: BUSYBOX_PATH, PORT: '8080' },
    files: {},
    entrypoint: ['/hello-app'],
    listeners: [{ port: 8080, app: 'hello-app' }],
    startLogs: ['{{go-ts}} Server listening on port 8080'],
  },
  {
    id: 'echoserver',
    repos: ['registry.k8s.io/echoserver', 'k8s.gcr.io/echoserver', 'gcr.io/google_containers/echoserver'],
    version: '1.10',
    shell: 'dash',
    bash: true,
    userland: 'gnu',
    bins: { '/usr/bin': DEBIAN_BINS, '/usr/sbin': ['nginx'] },
    env: { PATH: DEBIAN_PATH },
    files: debianFiles(),
    entrypoint: ['/usr/local/bin/run.sh'],
    listeners: [{ port: 8080, app: 'echoserver' }],
    startLogs: ['Generating self-signed cert', 'Generating a 2048 bit RSA private key', "writing new private key to '/certs/privateKey.key'", '-----', 'Starting nginx'],
  },
];

const nginx = PROFILES[0]!;
/** nginx images built for the "Connecting Applications with Services" tutorial: HTTP on 80, HTTPS on 443. */
PROFILES.push({
  ...nginx,
  id: 'nginx-https',
  repos: ['bprashanth/nginxhttps', 'ymqytw/nginxhttps'],
  files: { ...nginx.files, '/etc/nginx/conf.d/default.conf': HTTPS_DEFAULT_CONF },
  listeners: [{ port: 80, app: 'nginx' }, { port: 443, app: 'nginx', tls: { cert: '/etc/nginx/ssl/tls.crt', key: '/etc/nginx/ssl/tls.key' } }],
});

/** The profile for images the simulator does not know: a Debian-like userland, no listeners. */
export const GENERIC_PROFILE: ImageProfile = debianLike('generic', [], { generic: true });
