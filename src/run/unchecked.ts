/**
 * "Cannot check" is a verdict of its own: a step whose outcome depends on something the backend
 * does not model (an API the simulator does not serve, a cloud provider, the internet, an address
 * that exists only inside the simulated cluster) is `unchecked` with the reason — never a failure
 * and never a pass. Each rule is data: what in the step or its output shows the gap, and why.
 */
import type { BackendSession } from '../backends/backend.js';
import { missingCloudFeature } from './cloud-only.js';
import { otherDistributionRows } from './distribution-components.js';
import { offline } from './network.js';
import { heldPort, heldPortReason } from './host-ports.js';
import { NODE_PATHS } from '../plan/data/places.js';
import { firstKubectlCall, flagValue, refusedLocalPort } from '../shell/index.js';

/** What a step showed and printed. */
export interface Outcome {
  /** The command as run. */
  command: string;
  output: string;
  /** The doc's expected output, if any. */
  expected: string | null;
  /** True when the step ran on the reader's machine (not in a pod or on a node). */
  onHost: boolean;
  /** True when the step ran in the backend's node shell. */
  onNode?: boolean;
}

/** `kubectl get nodes` (any flags but a name or an output format other than wide). */
const NODE_LIST = /^kubectl\s+get\s+(?:nodes?|no)(?:\s+(?:-o\s*wide|--output[= ]wide|--show-labels|-l\s*\S+|--selector[= ]\S+))*\s*$/;

/** `kubectl get nodes` printed by a template or as names, one line per node. */
const NODE_TEMPLATE_LIST = /^kubectl\s+get\s+(?:nodes?|no)\s+(?:.*\s)?(?:-o|--output)[= ]?['"$]*(?:jsonpath|go-template|custom-columns|name)\b/;

/** The default NodePort range (kube-apiserver `--service-node-port-range`). */
const NODE_PORT_RANGE = [30000, 32767] as const;

/** The node shell's word for a program it does not have: `bash: line 1: ipvsadm: command not found`. */
const NODE_COMMAND_NOT_FOUND = /^(?:bash|sh): (?:line \d+: )?([\w.+-]+): command not found$/m;

interface Rule {
  id: string;
  /** The reason the step cannot be checked, or undefined when the rule does not apply. */
  test(o: Outcome, session: Pick<BackendSession, 'capabilities' | 'cannotCheck'>): string | undefined;
}

/** A backend's own words that it cannot do this (`… not supported by the simulator; use --backend kind`). */
const SAYS_UNSUPPORTED = /^.*\bnot supported by the simulator\b.*$/m;

export const UNCHECKED_RULES: readonly Rule[] = [
  {
    id: 'backend-unsupported',
    test: (o) => {
      const m = SAYS_UNSUPPORTED.exec(o.output);
      return m ? m[0].replace(/^(?:Error from server \(\w+\):\s*|error:\s*)/, '').trim() : undefined;
    },
  },
  { id: 'backend-lookup', test: (o, s) => s.cannotCheck?.(o.command, o.output, o.expected ?? undefined) },
  { id: 'cloud-feature', test: (o, s) => (o.expected ? missingCloudFeature(o.expected, o.output, s.capabilities) : undefined) },
  {
    // The node's own daemons (kube-proxy's metrics and health-check ports, the kubelet's) are not
    // simulated: what a node-local port answers cannot be checked on the node shell.
    id: 'node-daemon-port',
    test: (o, s) => {
      // A connection refused on the node itself (`curl: (7) Failed to connect to localhost port 10249`).
      const port = o.onNode && s.capabilities.nodeDaemons === false ? refusedLocalPort(o.output) : undefined;
      // A port of the NodePort range is a Service's, which the node shell does reach: refused there is a finding.
      return port !== undefined && !(port >= NODE_PORT_RANGE[0] && port <= NODE_PORT_RANGE[1])
        ? `nothing listens on port ${port} of the backend's node: its node shell has no node daemons (kube-proxy's metrics and health-check ports, the kubelet's)`
        : undefined;
    },
  },
  {
    // The node shell has the tools of a node's userland, not the node's own programs (kube-proxy's
    // rules through iptables-save or ipvsadm, crictl, journalctl): what they print cannot be checked.
    id: 'node-program',
    test: (o, s) => {
      const m = o.onNode && s.capabilities.nodeDaemons === false ? NODE_COMMAND_NOT_FOUND.exec(o.output) : null;
      return m
        ? `\`${m[1]}\` is not simulated in the backend's node shell: a node's own programs and state (kube-proxy's iptables or IPVS rules, the container runtime's CLI, its journal) are not modelled`
        : undefined;
    },
  },
  {
    // Nor does it have the node's own files (the kubelet's state, CNI bridges and config, pod logs).
    id: 'node-files',
    test: (o, s) => {
      if (!o.onNode || s.capabilities.nodeDaemons !== false) return undefined;
      const path = NODE_PATHS.pattern.exec(o.command)?.[0];
      return path && /No such file or directory/.test(o.output)
        ? `${path} is not simulated in the backend's node shell: a node's own files (the kubelet's state, the CNI bridge and its config, pod logs) are not modelled`
        : undefined;
    },
  },
  {
    // The nodes (how many, their names, roles and versions) are the author's cluster's; the
    // backend has its own. The header is still checked: a stale column list stays a failure.
    id: 'cluster-nodes',
    test: (o) => {
      if (!o.expected || !NODE_LIST.test(o.command.trim())) return undefined;
      const header = (t: string): string => (t.split('\n').find((l) => l.trim() !== '') ?? '').trim().split(/\s+/).join(' ');
      if (!/^NAME STATUS\b/.test(header(o.expected)) || header(o.expected) !== header(o.output)) return undefined;
      const count = o.expected.split('\n').filter((l) => l.trim() !== '').length - 1;
      return `lists the nodes of the author's cluster (${count} node${count === 1 ? '' : 's'}); the backend's cluster has nodes of its own, with other names, roles and versions`;
    },
  },
  {
    // The same list printed by a template (`-o jsonpath='{range .items[*]}{.metadata.name}: …'`,
    // `-o name`, `custom-columns`): a line per node of the author's cluster, none of them the
    // backend's. Lines that name a node of the backend stay checked.
    id: 'cluster-nodes-template',
    test: (o) => {
      if (!o.expected || !NODE_TEMPLATE_LIST.test(o.command.trim())) return undefined;
      const lines = (t: string): string[] => t.split('\n').filter((l) => l.trim() !== '');
      const name = (l: string): string =>
        l
          .trim()
          .split(/[\s:,]+/)[0]!
          .replace(/^nodes?\//, '');
      const shown = lines(o.expected);
      const actual = new Set(lines(o.output).map(name));
      if (shown.length === 0 || actual.size === 0 || shown.some((l) => actual.has(name(l)))) return undefined;
      return `lists the nodes of the author's cluster (${shown.length} line${shown.length === 1 ? '' : 's'} naming ${[...new Set(shown.map(name))].slice(0, 3).join(', ')}${shown.length > 3 ? ', …' : ''}); the backend's cluster has nodes of its own, with other names and versions`;
    },
  },
  { id: 'offline', test: (o) => (o.onHost ? offline(o.command, o.output) : undefined) },
  {
    // Lessons running side by side share this machine's ports: one held by another process is not the page's defect.
    id: 'host-port-held',
    test: (o) => {
      const port = o.onHost ? heldPort(o.output) : undefined;
      return port === undefined ? undefined : heldPortReason(port);
    },
  },
  // The system pods of the author's distribution (minikube's static pods and add-ons) are not the doc's facts.
  { id: 'other-distribution', test: (o) => (o.expected ? otherDistributionRows(o.command, o.expected, o.output) : undefined) },
  { id: 'session-processes', test: (o) => sessionShellMissing(o) },
];

/** Process rows whose command is an interactive shell: busybox `PID USER TIME COMMAND`, procps `USER PID … COMMAND`. */
const SHELL_ROWS = [
  /^\s*(\d+)\s+\S+\s+\d+:\d+\s+(?:\/bin\/)?(?:sh|ash|bash|dash)\s*$/,
  /^[\w-]+\s+(\d+)\s+\d+\.\d\s+\d+\.\d\s.*\s(?:\/bin\/)?(?:sh|ash|bash|dash)\s*$/,
];

/** True when a listing has a shell that is not pid 1 (the container's own command). */
function listsSessionShell(text: string): boolean {
  return text.split('\n').some((l) =>
    SHELL_ROWS.some((r) => {
      const m = r.exec(l);
      return m !== null && m[1] !== '1';
    }),
  );
}

/**
 * `ps` typed in the interactive shell a page opened (`kubectl exec -it pod -- sh`) lists that
 * shell; the runner runs each line of such a session in its own `kubectl exec … sh -c`, where no
 * interactive shell exists. A listing the doc shows with the shell in it cannot be checked here.
 */
function sessionShellMissing(o: Outcome): string | undefined {
  // The line may follow the `cd` the runner carries from an earlier line of the session.
  if (!o.expected || !/\bkubectl exec -i (?:-t )?.*? -- \S+ -c (?:'\\''|')?(?:cd [^;\n]*;\s*)?(?:ps|top)\b/.test(o.command)) return undefined;
  const shown = listsSessionShell(o.expected);
  const has = listsSessionShell(o.output);
  return shown && !has
    ? 'the process list shows the interactive shell the page opened; the runner runs each line typed in it with its own `kubectl exec`, so that shell is not running'
    : undefined;
}

/** Why a step that did not pass cannot be checked on this backend, or undefined (then its verdict stands). */
export function cannotCheck(o: Outcome, session: Pick<BackendSession, 'capabilities' | 'cannotCheck'>): { rule: string; reason: string } | undefined {
  for (const rule of UNCHECKED_RULES) {
    const reason = rule.test(o, session);
    if (reason) return { rule: rule.id, reason };
  }
  return undefined;
}

/**
 * Why a `kubectl wait` for a condition cannot be checked before it runs, or undefined: the object
 * it waits on is one whose program the backend does not model (a Job of an image the simulator
 * does not know), so the condition may never come and the step would only run into its time limit.
 */
export function waitCannotEnd(command: string, session: Pick<BackendSession, 'cannotCheck'>): string | undefined {
  const call = firstKubectlCall(command);
  if (call?.command !== 'wait') return undefined;
  const forWhat = flagValue(call, '--for') ?? '';
  if (!/^(?:condition|jsonpath)=/.test(forWhat)) return undefined;
  return session.cannotCheck?.(command, '', undefined);
}
