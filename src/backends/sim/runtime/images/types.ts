import type { OsRelease } from './releases.js';
import type { ShellKind } from '../shell/flavor.js';

/** What serves a port inside a container. */
export interface ListenerSpec {
  port: number;
  /** `https` wraps the server in TLS with the cert and key files named here. */
  tls?: { cert: string; key: string };
  /** The application: decides responses and access-log lines. */
  app: 'nginx' | 'http-echo' | 'echoserver' | 'hello-app' | 'httpd' | 'tcp' | 'grpc' | 'agnhost' | 'liveness' | 'php-apache' | 'redis';
}

/**
 * An image as the simulator knows it: behaviour as data. Everything a container of this image
 * has (environment, files, executables, listeners, start-up log lines) comes from here.
 */
export interface ImageProfile {
  id: string;
  /**
   * The distribution release the image's tag names (Ubuntu and Debian images): /etc/os-release and
   * apt's mirror follow it. null: a tag the release table does not know (no claim is made).
   */
  release?: OsRelease | null;
  /** Repository names this profile answers for (without registry `docker.io/library/` and tag). */
  repos: string[];
  /** Version shown in banners and headers (e.g. nginx's `1.27.3`). */
  version?: string;
  /** The shell /bin/sh is, or `none` for images without one (distroless, scratch). */
  shell: ShellKind | 'none';
  /** True when /bin/bash exists. */
  bash: boolean;
  /** `busybox` applets or GNU coreutils: decides the wording of errors and `ls -l`. */
  userland: 'busybox' | 'gnu';
  /** curl version, when the image has curl (decides the user agent and error wording). */
  curl?: string;
  /** nslookup flavour, when the image has one. */
  nslookup?: 'busybox' | 'bind';
  /** Executables by directory: `{ '/bin': ['ls', …] }`. Busybox applets become links to /bin/busybox. */
  bins: Record<string, string[]>;
  /** Image environment (Dockerfile ENV), before the container's own. */
  env: Record<string, string>;
  /** Extra files: path → content. `{{host}}` and `{{version}}` are filled in. */
  files: Record<string, string>;
  /** Default entrypoint + cmd, when the pod does not set them. */
  entrypoint?: string[];
  cmd?: string[];
  /**
   * A first argument the image's `docker-entrypoint.sh` hands to its server (`set -- <cmd> "$@"`)
   * rather than running it (`exec "$@"`); an option (`-…`) when unset. redis': an option or a
   * `*.conf` file.
   */
  serverArg?: RegExp;
  /**
   * What `ps` shows for the image's own command (its entrypoint and cmd, not a command the pod
   * sets): the user it runs as once started and the title it gives itself — redis' entrypoint
   * re-runs itself as `redis` (gosu) and `redis-server` sets the title `redis-server *:6379`.
   */
  process?: { user: string; title: string };
  /**
   * Processes the image's own command starts beside it, as `ps` shows them: nginx's master forks
   * `worker_processes` workers (`auto` in the image's nginx.conf: one per CPU the container sees),
   * each running as the configured user and titled `nginx: worker process`. `count` is a number
   * or `cpus`; pids follow each other from `firstPid` (what the entrypoint's scripts left free).
   * Start-up log lines holding `{{worker-pid}}` are repeated once per worker.
   */
  workers?: { user: string; title: string; count: number | 'cpus'; firstPid: number };
  /**
   * Signals the image's own server handles by exiting, with its exit code (`kill 1` in the
   * container). As pid 1 it has no default action for any other: the kernel ignores them, even
   * SIGKILL sent from inside the container.
   */
  stopSignals?: Record<string, number>;
  workdir?: string;
  listeners: ListenerSpec[];
  /** Start-up log lines; `{{ts}}` is an nginx-style time, `{{iso}}` RFC 3339 and `{{pid}}` a process id. */
  startLogs: string[];
  /** Profile used because the image is unknown (the run reports it). */
  generic?: boolean;
}
