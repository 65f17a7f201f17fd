/**
 * What the simulated container runtime knows about images: which ones exit by themselves when run
 * without a long-running command, and how big they are (for the Pulled event).
 */
import { SHELL_IMAGES } from '../../../../shell/data/shell-images.js';

/** Images whose default process (a shell or an interpreter) ends at once without a TTY. */
export const exitingImages: readonly string[] = [
  ...SHELL_IMAGES,
  'perl',
  'python',
  'node',
  'curlimages/curl',
  'registry.k8s.io/busybox',
  'gcr.io/google-containers/busybox',
  'hello-world',
  'registry.k8s.io/e2e-test-images/busybox',
  'ruby',
  'golang',
  'openjdk',
];

/** Programs that end by themselves when a pod runs them as its command, in any image. */
export const oneShotPrograms: readonly string[] = [
  'sh',
  'bash',
  'ash',
  'dash',
  'echo',
  'printf',
  'date',
  'printenv',
  'env',
  'cat',
  'ls',
  'true',
  'false',
  'sleep',
  'perl',
  'python',
  'python3',
  'node',
  'ruby',
  'curl',
  'wget',
  'nslookup',
  'dig',
  'ping',
  'expr',
  'seq',
  'wc',
  'uname',
  'hostname',
];

/** Command fragments that keep a container running. */
export const longRunningPatterns: readonly RegExp[] = [
  /\bsleep\s+(infinity|inf)\b/,
  /while\s+(true|:)/,
  /\btail\s+-f\b/,
  /\bhttpd\b/,
  /\bnc\s+-l/,
  /\bsleep\s+\d{3,}/,
  /\bsleep\s+\d+[hmd]\b/,
  /\bfor\s*\(\(\s*;\s*;/,
  /\buntil\s+false\b/,
  /\bpython3?\s+-m\s+http\.server/,
];

/** Compressed sizes reported by containerd for common images, in bytes. */
export const imageSizes: Readonly<Record<string, number>> = {
  'docker.io/library/nginx:latest': 72950530,
  'docker.io/library/busybox:latest': 2167176,
  'docker.io/library/busybox:1.28': 727869,
  'docker.io/library/nginx:1.14.2': 44708492,
  'docker.io/library/redis:latest': 45062383,
  'docker.io/library/perl:5.34.0': 336374010,
  'docker.io/library/alpine:latest': 3653068,
};

/**
 * Images whose main process ends at once, with exit code 0, on the stop signal the kubelet sends
 * (nginx's STOPSIGNAL SIGQUIT, httpd's SIGWINCH, redis and mysql on SIGTERM). Others run as PID 1
 * ignoring SIGTERM and are killed when the grace period ends (exit 137).
 */
export const stopSignalExits: readonly string[] = [
  'nginx',
  'httpd',
  'redis',
  'mysql',
  'mariadb',
  'postgres',
  'registry.k8s.io/nginx-slim',
  'k8s.gcr.io/nginx-slim',
  'nginxinc/nginx-unprivileged',
  'registry.k8s.io/echoserver',
  'k8s.gcr.io/echoserver',
  'memcached',
  'rabbitmq',
  'mongo',
];

/**
 * Image references that say they do not exist (`non-existing-repo/non-existing-image:example`,
 * `nginx:doesnotexist`): docs use such names to show a failed pull, which a registry would give
 * (ErrImagePull, then ImagePullBackOff).
 */
export const missingImagePatterns: readonly RegExp[] = [
  /(?:^|[/:._-])non-?exist(?:ing|ent)?(?=$|[/:._-])/i,
  /(?:^|[/:._-])does-?not-?exist(?=$|[/:._-])/i,
  /(?:^|[/:._-])not-?exist(?:ing|ent)?(?=$|[/:._-])/i,
];
