/**
 * What the simulator does not model, looked up from what kubectl printed: the runner asks after a
 * step did not pass, and a step that needs one of these is reported as unchecked with the reason.
 */
import { unservedResource } from './real-resources.js';
import { namesUnmodelled, type UnmodelledObject } from './unmodelled-pods.js';
import { REDIS_UNMODELLED_COMMANDS } from './runtime/net/apps-more.js';

const NO_RESOURCE_TYPE = /the server doesn't have a resource type "([^"]+)"/;
const NO_METRICS = /Metrics API not available|the server could not find the requested resource \(get (?:pods|nodes)\.metrics\.k8s\.io\)/;

/**
 * Behaviour the simulator does not model, known from the command a failed step ran or the output
 * the doc shows for it (`both`: from the two together).
 */
const NOT_MODELLED: readonly { command: RegExp; expected?: RegExp; both?: boolean; reason: string }[] = [
  {
    // The add-ons' pods run no real program: CoreDNS, kube-proxy and the rest print no logs here.
    command: /\bkubectl\b.*\slogs\s.*(?:-n[\s=]|--namespace[\s=])kube-system\b|\bkubectl\b.*(?:-n[\s=]|--namespace[\s=])kube-system\b.*\slogs\s/,
    reason: 'the logs of kube-system add-ons (CoreDNS, kube-proxy, …) are not simulated (use --backend kind)',
  },
  {
    // node-problem-detector turns kernel log lines into Node events; clusters without it (kubeadm, kind) record none.
    command: /\bkubectl\b.*\s(?:describe\s+(?:nodes?|no)\b|get\s+(?:events?|ev)\b)/,
    both: true,
    expected: /\b(?:OOMKilling|KernelOops|TaskHung|KernelDeadlock|ReadonlyFilesystem|FilesystemCorruption|DockerHung|ContainerdUnhealthy|KubeletUnhealthy)\b/,
    reason:
      'events of node-problem-detector (OOMKilling, KernelOops, …) appear only on clusters that run it; the simulator, like kubeadm and kind clusters, does not',
  },
  {
    // Pod Security admission checks pods against the namespace's pod-security.kubernetes.io/* labels:
    // warnings (`would violate PodSecurity "restricted:latest": …`), refusals (`violates PodSecurity`)
    // and the label command's report on existing pods. The simulator admits every pod silently.
    command: /\bkubectl\b/,
    expected: /\b(?:would violate|violates|violate the new) PodSecurity\b/,
    both: true,
    reason: 'Pod Security admission (the pod-security.kubernetes.io/* namespace labels: its warnings and refusals) is not simulated (use --backend kind)',
  },
  {
    // The kernel's log (seccomp and AppArmor audit lines, OOM kills) is the node's; the simulated
    // containers make no system calls there, and this machine's own log is not the cluster's.
    command:
      /(?:^|[\s|;&(])(?:sudo\s+)?(?:tail|cat|less|more|head|grep|zgrep|awk)\b[^|;&\n]*\/var\/log\/(?:syslog|kern\.log|messages|audit\/audit\.log)\b|(?:^|[\s|;&(])(?:sudo\s+)?dmesg\b|(?:^|[\s|;&(])(?:sudo\s+)?journalctl\b[^|;&\n]*(?:\s-k\b|\s--dmesg\b|\s-t\s+kernel\b)/,
    reason:
      "the node's kernel log (/var/log/syslog, dmesg: seccomp and AppArmor audit lines, OOM kills) is not simulated; this machine's own log is not the cluster's",
  },
  {
    // With shareProcessNamespace, /proc/<pid>/root reaches another container's files; the simulator keeps each container's files apart.
    command: /\/proc\/(?:\d+|\$\w+)\/root\b/,
    reason: "another container's filesystem through /proc/<pid>/root (a shared process namespace) is not simulated",
  },
  {
    // A simulated process has no address space: its /proc entry holds status, cmdline and environ only.
    command: /\/proc\/(?:\d+|self|\$\w+)\/(?:s?maps|smaps_rollup|numa_maps|pagemap|mem)\b/,
    reason: "a process's memory mappings (/proc/<pid>/maps and the like) are not simulated",
  },
];

/**
 * A package manager's "no such package" for a package the simulator's catalog
 * (`runtime/images/packages.ts`) lacks: the distribution may well have it.
 */
/** The simulated redis's answer to a command it does not serve. */
const REDIS_UNKNOWN = /\(error\) ERR unknown command '([^']+)'|^ERR unknown command '([^']+)'/m;

const UNKNOWN_PACKAGE = [/^E: Unable to locate package (\S+)/m, /^\s+(\S+) \(no such package\)/m];

/** `kubectl get apiservices` shown listing the metrics API, which only metrics-server registers. */
const METRICS_APISERVICE = { command: /\bkubectl\b.*\sget\s+(?:\S+,)?apiservices?(?:\.apiregistration\.k8s\.io)?\b/, expected: /\bmetrics\.k8s\.io\b/ };

/**
 * Why the step's outcome cannot be checked on the simulator, or undefined. `metricsServed` says
 * whether this simulator serves the metrics API now: when it does, a metrics error is the page's
 * own (it ran `kubectl top` before installing metrics-server), and the step is checked.
 * `unmodelled` lists the pods (and their StatefulSets' later pods and Services) that cannot become
 * Ready here because they run programs the simulator does not model.
 */
export function simCannotCheck(
  command: string,
  output: string,
  metricsServed = false,
  expected = '',
  unmodelled: readonly UnmodelledObject[] = [],
): string | undefined {
  const type = NO_RESOURCE_TYPE.exec(output);
  if (type) return unservedResource(type[1]!);
  if ((NO_METRICS.test(output) || (METRICS_APISERVICE.command.test(command) && METRICS_APISERVICE.expected.test(expected))) && !metricsServed) {
    return 'the metrics API is served only once metrics-server is installed and available in kube-system (or with the sim option --metrics-server): `kubectl top` and resource-based autoscaling cannot be checked before that';
  }
  for (const pattern of UNKNOWN_PACKAGE) {
    const m = pattern.exec(output);
    if (m)
      return `package ${m[1]} is not in the simulator's package catalog, so whether the image's distribution has it cannot be checked (use --backend kind)`;
  }
  const redis = REDIS_UNKNOWN.exec(output);
  const redisCommand = (redis?.[1] ?? redis?.[2])?.toUpperCase();
  if (redisCommand && REDIS_UNMODELLED_COMMANDS.has(redisCommand))
    return `the redis command ${redisCommand} is not simulated (the simulated redis serves strings, counters, lists and keys; use --backend kind)`;
  for (const gap of NOT_MODELLED) {
    const byCommand = gap.command.test(command);
    const byExpected = gap.expected?.test(expected) ?? false;
    if (gap.both ? byCommand && byExpected : byCommand || byExpected) return gap.reason;
  }
  // A pod whose programs the simulator does not run (and what depends on it), named by the step.
  return namesUnmodelled(command, expected, unmodelled, output);
}
