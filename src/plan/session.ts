import {
  commandWords,
  flagValue,
  neverEnds,
  outerCommands,
  parseKubectl,
  programArguments,
  type KubectlCall,
  type ShellWord,
  type SimpleCommand,
} from '../shell/index.js';
import { REPL_CLIENTS, SHELLS } from './data/places.js';
import { NODE_HOSTS } from './data/node-hosts.js';
import { containerExec, nodeOfContainer } from './node-container.js';
import type { SessionTarget } from './types.js';

/** What an interactive step opens: a shell (pod/node/remote), or a client REPL inside a pod. */
export interface OpenedSession extends SessionTarget {
  /** Set when the session reads a client's language (`mysql>`), not shell lines. */
  repl?: string;
}

/** The first simple command that runs a program, outside substitutions. */
function firstCommand(command: string): SimpleCommand | undefined {
  return outerCommands(command).find((c) => c.program);
}

/** The words of the first simple command, without `VAR=x` assignments and `sudo`-like prefixes. */
function firstCommandWords(command: string): string[] {
  const c = firstCommand(command);
  return c ? commandWords(c) : [];
}

/** What an interactive kubectl command says of its session, read with the command model's kubectl flag table. */
interface KubectlArgs {
  /** The subcommand (`exec`, `run`, …). */
  sub: string;
  positional: string[];
  /** Words after `--`, or undefined without `--`. */
  after: string[] | undefined;
  stdin: boolean;
  tty: boolean;
  namespace: string | undefined;
  container: string | undefined;
  copyTo: string | undefined;
}

/** True when a boolean flag was given and not set to false (`-i`, `--stdin`, not `--stdin=false`). */
function given(call: KubectlCall, ...names: string[]): boolean {
  return names.some((n) => call.flags.get(n)?.some((f) => f.value !== 'false'));
}

function kubectlArgs(args: readonly ShellWord[]): KubectlArgs {
  const call = parseKubectl(args);
  return {
    sub: call.path[0]?.value ?? '',
    positional: call.positionals.map((w) => w.value),
    after: call.afterDashDash?.map((w) => w.value),
    stdin: given(call, '-i', '--stdin'),
    tty: given(call, '-t', '--tty'),
    namespace: flagValue(call, '-n', '--namespace'),
    container: flagValue(call, '-c', '--container'),
    copyTo: flagValue(call, '--copy-to'),
  };
}

function isShellCommand(words: string[]): boolean {
  if (words.length === 0) return false;
  const program = words[0]!.split('/').pop()!;
  if (!SHELLS.has(program)) return false;
  if (program === 'busybox' && words[1] !== 'sh') return false;
  return !words.slice(1).some((w) => w === '-c' || /^-\w*c$/.test(w));
}

function replOf(words: string[]): string | undefined {
  if (words.length === 0) return undefined;
  const program = words[0]!.split('/').pop()!;
  const client = REPL_CLIENTS[program];
  if (!client) return undefined;
  const rest = words.slice(1);
  if (rest.some((w) => client.commandFlags.some((f) => w === f || w.startsWith(`${f}=`)))) return undefined;
  // `redis-cli ping`, `redis-cli -h x GET k`: a command after the options runs once and exits.
  if (
    program === 'redis-cli' &&
    programArguments(
      program,
      rest.map((value) => ({ value })),
    ).operands.length > 0
  )
    return undefined;
  return program;
}

/**
 * The database client a line typed in a pod's shell opens at its prompt (`redis-cli -h redis`,
 * `mysql -h db -p`), with its arguments; undefined for a line that runs once (`redis-cli ping`).
 */
export function clientOpenedBy(command: string): { program: string; args: string[] } | undefined {
  const words = firstCommandWords(command);
  const program = replOf(words);
  return program ? { program, args: words.slice(1) } : undefined;
}

function withNamespace(target: OpenedSession, args: KubectlArgs): OpenedSession {
  if (args.namespace) target.namespace = args.namespace;
  if (args.container) target.container = args.container;
  return target;
}

/**
 * The interactive session a command opens, or undefined: `kubectl exec -it <pod> -- sh`,
 * `kubectl run -it … [-- sh]`, `kubectl debug -it <pod>|node/<name>`, `kubectl attach -it`,
 * `minikube ssh`, `docker exec -it <node> bash`, `ssh host`, `gcloud compute ssh vm`,
 * `vagrant ssh`. A command given to run once (`-- sh -c '…'`, `ssh host cmd`) opens none.
 * `listings`: the page's `docker ps` outputs, naming the node container a container id stands for.
 * `nodeNames`: the nodes the page's own `kubectl get nodes` outputs listed. An `ssh` or `gcloud
 * compute ssh` to a node of the cluster (one of those, a node-like name, a placeholder for one:
 * `data/node-hosts.ts`) opens a node shell; to any other host, a remote one.
 */
export function sessionOpenedBy(command: string, listings: readonly string[] = [], nodeNames: readonly string[] = []): OpenedSession | undefined {
  const words = firstCommandWords(command);
  const program = words[0];
  if (program === undefined) return undefined;
  if (program === 'kubectl') return kubectlSession(kubectlArgs(firstCommand(command)!.args));
  if (program === 'minikube') {
    const read = programArguments(program, firstCommand(command)!.args);
    // `minikube ssh -- ls`, `minikube ssh 'ls'`: a command given runs once.
    if (read.operands[0]?.value === 'ssh') {
      if (read.dashDash || read.operands.length > 1) return undefined;
      // A profile's first node is named after it (`minikube start -p dev` makes node `dev`).
      const [node] = [
        ...(read.values.get('-n') ?? []),
        ...(read.values.get('--node') ?? []),
        ...(read.values.get('-p') ?? []),
        ...(read.values.get('--profile') ?? []),
      ];
      return { kind: 'node', name: node?.value ?? 'minikube' };
    }
  }
  if (program === 'docker' || program === 'podman' || program === 'nerdctl') {
    // Only a bare shell opens a session; `docker exec -it kind-worker bash -c '…'` runs once.
    const exec = containerExec(command);
    if (!exec || !exec.stdin || !exec.tty || !isShellCommand(exec.words)) return undefined;
    const node = nodeOfContainer(exec.container, listings);
    return node ? { kind: 'node', ...node } : { kind: 'node', name: exec.container };
  }
  if (program === 'ssh') {
    // `ssh host cmd` runs the command once.
    const { operands } = programArguments(program, firstCommand(command)!.args);
    if (operands.length !== 1) return undefined;
    return sshTarget(operands[0]!.value.replace(/^[^@]*@/, ''), nodeNames);
  }
  if (program === 'gcloud' || program === 'vagrant') {
    // Arguments after `--` go to ssh itself: for gcloud they may be a command to run once.
    const args = firstCommand(command)!.args;
    const cut = args.findIndex((w) => w.value === '--');
    const read = programArguments(program, cut < 0 ? args : args.slice(0, cut));
    const path = read.operands.map((w) => w.value);
    const [sub, name] = program === 'gcloud' ? [path.slice(0, 2).join(' '), path[2]] : [path[0], path[1]];
    if (sub !== (program === 'gcloud' ? 'compute ssh' : 'ssh') || read.inline !== undefined) return undefined;
    if (program === 'gcloud' && cut >= 0) return undefined;
    if (program === 'vagrant') return name ? { kind: 'remote', name } : { kind: 'remote' };
    return name ? sshTarget(name.replace(/^[^@]*@/, ''), nodeNames) : { kind: 'remote' };
  }
  return undefined;
}

/** True for an ssh host that stands for a node of the reader's cluster (see {@link NODE_HOSTS}). */
export function isNodeHost(host: string, nodeNames: readonly string[] = []): boolean {
  return nodeNames.includes(host) || NODE_HOSTS.name.test(host) || NODE_HOSTS.placeholder.test(host);
}

function sshTarget(host: string, nodeNames: readonly string[]): OpenedSession {
  return isNodeHost(host, nodeNames) ? { kind: 'node', name: host } : { kind: 'remote', name: host };
}

function kubectlSession(args: KubectlArgs): OpenedSession | undefined {
  const sub = args.sub;
  if (!args.stdin || !args.tty) return undefined;
  const target = (args.positional[0] ?? '').replace(/^(?:pods?|po)\//, '');
  if (sub === 'exec') {
    // `kubectl exec -it pod sh` (without `--`) is the old form.
    const cmd = args.after ?? args.positional.slice(1);
    if (!target) return undefined;
    const repl = replOf(cmd);
    if (repl) return withNamespace({ kind: 'pod', name: target, repl }, args);
    if (!isShellCommand(cmd)) return undefined;
    return withNamespace({ kind: 'pod', name: target }, args);
  }
  if (sub === 'run') {
    if (!target) return undefined;
    const cmd = args.after ?? [];
    const repl = replOf(cmd);
    if (repl) return withNamespace({ kind: 'pod', name: target, repl }, args);
    if (cmd.length > 0 && !isShellCommand(cmd)) return undefined;
    return withNamespace({ kind: 'pod', name: target }, args);
  }
  if (sub === 'attach') {
    if (!target) return undefined;
    return withNamespace({ kind: 'pod', name: target }, args);
  }
  if (sub === 'debug') {
    const cmd = args.after ?? [];
    if (cmd.length > 0 && !isShellCommand(cmd)) return undefined;
    if (/^(?:node|no|nodes)\//.test(args.positional[0] ?? '')) return { kind: 'node', name: args.positional[0]!.replace(/^[^/]+\//, '') };
    const copy = args.copyTo;
    const name = copy ?? target;
    if (!name) return undefined;
    const session = withNamespace({ kind: 'pod', name }, args);
    // The debug container is the one the shell runs in; `-c` names it when given.
    return session;
  }
  return undefined;
}

/** True for a line that ends the current session (`exit`, `exit 0`, `logout`; a client's `quit`, `\\q`). */
export function endsSession(command: string): boolean {
  // A trailing comment says why (`exit # To quit the shell in the container`); it is not a command.
  return /^\s*(?:exit(?:\s+\d+)?|logout|quit|\\q)(?:\s*;)?(?:\s+#.*)?\s*$/i.test(command);
}

/**
 * True for a step that keeps running until stopped: a command of the command model's
 * never-ending table (a watch, followed logs, `port-forward`, `kubectl proxy`, `minikube tunnel`,
 * `watch …`, `tail -f`) or an endless loop (`while true`, `while sleep 1`, `for ((;;))`).
 */
export function isLongRunning(command: string): boolean {
  return neverEnds(command) !== undefined;
}
