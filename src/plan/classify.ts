import { kubectlCall, locateProgram, outerCommands, programName, type KubectlCall, type SimpleCommand } from '../shell/index.js';
import {
  CLASS_PRECEDENCE,
  EXEC_READ_ONLY_PROGRAMS,
  HOST_TOOL_PROGRAMS,
  INTERACTIVE_PROGRAMS,
  KUBECTL_INTERACTIVE_FLAGS,
  KUBECTL_LOCAL_READS,
  KUBECTL_SUBCOMMAND_CLASS,
} from './classify-table.js';
import type { CommandClass, HostContext } from './types.js';

/** What a command is: its class, its program and, for kubectl, its subcommand. */
export interface CommandClassification {
  class: CommandClass;
  program: string;
  subcommand?: string;
}

/** Compound commands whose keyword names a line that starts with one (`for i in …; do …; done`). */
const COMPOUND_KEYWORDS = new Set(['for', 'while', 'until', 'if', 'case', 'select']);

/**
 * Classifies a command as written in a tutorial (one line, or several with `\`
 * continuations and heredocs). A line with several commands (`a; b | c`) gets the
 * strongest class of its parts (interactive > mutating > read-only > host-tool > other);
 * program and subcommand come from the first part. Commands inside `$( … )` only
 * compute a value and do not count.
 */
export function classifyCommand(command: string): CommandClassification {
  const commands = outerCommands(command);
  const parts = commands.map(classifySimple).filter((p) => p.program !== '');
  const keyword = commands[0]?.inside[0];
  if (keyword !== undefined && COMPOUND_KEYWORDS.has(keyword)) parts.unshift({ class: 'host-tool', program: keyword });
  const first = parts[0];
  if (!first) return { class: 'other', program: '' };
  let cls: CommandClass = first.class;
  for (const p of parts) if (CLASS_PRECEDENCE.indexOf(p.class) < CLASS_PRECEDENCE.indexOf(cls)) cls = p.class;
  // A read-only kubectl piped through host filters (`| grep`) stays read-only.
  if (cls === 'host-tool' && parts.some((p) => p.class === 'read-only')) cls = 'read-only';
  const result: CommandClassification = { class: cls, program: first.program };
  if (first.subcommand !== undefined) result.subcommand = first.subcommand;
  return result;
}

/**
 * Classifies a command where it runs: a host tool run on a node or inside a pod
 * (`node $ curl …`, `root@pod:/# ls`) only inspects that machine when its program is an
 * inspection program, so it counts as read-only there.
 */
export function classifyStep(command: string, host: HostContext): CommandClassification {
  const c = classifyCommand(command);
  if (host.kind !== 'local' && c.class === 'host-tool' && EXEC_READ_ONLY_PROGRAMS.has(c.program)) return { ...c, class: 'read-only' };
  return c;
}

function classifySimple(c: SimpleCommand): CommandClassification {
  if (!c.program) {
    // A bare assignment (`FOO=bar`) sets a variable on the reader's machine.
    const name = c.assignments[0]?.value.split('=')[0];
    return name ? { class: 'host-tool', program: name } : { class: 'other', program: '' };
  }
  const program = c.name;
  // `watch kubectl get pods` never ends.
  const interactivePrefix = c.prefixes.some((p) => INTERACTIVE_PROGRAMS.has(p.value));
  const call = kubectlCall(c);
  if (call) {
    const k = classifyKubectl(program, call);
    return interactivePrefix ? { ...k, class: 'interactive' } : k;
  }
  if (interactivePrefix || INTERACTIVE_PROGRAMS.has(program)) return { class: 'interactive', program };
  if (program === 'minikube' && ['dashboard', 'tunnel', 'ssh'].includes(c.args[0]?.value ?? '')) {
    return { class: 'interactive', program };
  }
  if (HOST_TOOL_PROGRAMS.has(program)) return { class: 'host-tool', program };
  return { class: 'other', program };
}

/** The key of a kubectl call in {@link KUBECTL_SUBCOMMAND_CLASS}: two words (`rollout status`) over one. */
function kubectlKey(call: KubectlCall): string | undefined {
  const words = [...call.path, ...call.positionals].map((w) => w.value);
  const sub = words[0];
  if (sub === undefined) return undefined;
  const two = words[1] === undefined ? undefined : `${sub} ${words[1]}`;
  return two !== undefined && KUBECTL_SUBCOMMAND_CLASS[two] !== undefined ? two : sub;
}

/**
 * True when every read-only part of a read-only command reads local files only (`kubectl
 * kustomize overlays/prod`, `kubectl config view`): waiting for the cluster cannot change its output.
 */
export function readsOnlyLocalFiles(command: string): boolean {
  const parts = outerCommands(command).filter((c) => c.program);
  const reads = parts.filter((c) => classifySimple(c).class === 'read-only');
  if (reads.length === 0) return false;
  return reads.every((c) => {
    const call = kubectlCall(c);
    const key = call ? kubectlKey(call) : undefined;
    return key !== undefined && KUBECTL_LOCAL_READS.has(key);
  });
}

function classifyKubectl(program: string, call: KubectlCall): CommandClassification {
  const words = [...call.path, ...call.positionals].map((w) => w.value);
  const sub = words[0];
  const key = kubectlKey(call);
  if (sub === undefined || key === undefined) return { class: 'other', program };
  let cls: CommandClass = KUBECTL_SUBCOMMAND_CLASS[key] ?? 'other';
  const interactive = KUBECTL_INTERACTIVE_FLAGS[key];
  if (interactive && hasAnyFlag(call, interactive.long, interactive.short)) cls = 'interactive';
  if (sub === 'exec') cls = classifyExec(call);
  if (sub === 'cp') cls = (words[words.length - 1] ?? '').includes(':') ? 'mutating' : 'read-only';
  return { class: cls, program, subcommand: sub };
}

/** `kubectl exec`: interactive with a TTY/stdin, read-only for inspection programs, else mutating. */
function classifyExec(call: KubectlCall): CommandClass {
  const interactive = KUBECTL_INTERACTIVE_FLAGS.exec!;
  if (hasAnyFlag(call, interactive.long, interactive.short)) return 'interactive';
  // Without `--` (an old form, or a doc's `–` for `--`), the command starts at the first word
  // after the pod name that looks like a program.
  const rest = call.afterDashDash ?? call.positionals.slice(1).filter((w) => /^[A-Za-z./]/.test(w.value));
  const inner = locateProgram(rest);
  const innerProgram = programName(inner.program);
  const args = inner.args.map((w) => w.value);
  if (['sh', 'bash'].includes(innerProgram) && args.includes('-c')) {
    const script = args[args.indexOf('-c') + 1] ?? '';
    return classifyCommand(script).class === 'mutating' ? 'mutating' : 'read-only';
  }
  return EXEC_READ_ONLY_PROGRAMS.has(innerProgram) ? 'read-only' : 'mutating';
}

function hasAnyFlag(call: KubectlCall, long: readonly string[], short: readonly string[]): boolean {
  return long.some((f) => call.flags.has(f)) || short.some((ch) => call.flags.has(`-${ch}`));
}
