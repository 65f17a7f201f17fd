import {
  CLASS_PRECEDENCE,
  COMMAND_PREFIXES,
  EXEC_READ_ONLY_PROGRAMS,
  HOST_TOOL_PROGRAMS,
  INTERACTIVE_PROGRAMS,
  KUBECTL_INTERACTIVE_FLAGS,
  KUBECTL_SUBCOMMAND_CLASS,
  KUBECTL_VALUE_FLAGS,
} from './classify-table.js';
import { splitCommands } from './shell-words.js';
import type { CommandClass, HostContext } from './types.js';

/** What a command is: its class, its program and, for kubectl, its subcommand. */
export interface CommandClassification {
  class: CommandClass;
  program: string;
  subcommand?: string;
}

const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;

/**
 * Classifies a command as written in a tutorial (one line, or several with `\`
 * continuations and heredocs). A line with several commands (`a; b | c`) gets the
 * strongest class of its parts (interactive > mutating > read-only > host-tool > other);
 * program and subcommand come from the first part.
 */
export function classifyCommand(command: string): CommandClassification {
  const parts = splitCommands(command).map(classifySimple).filter((p) => p.program !== '');
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

/** Drops env assignments and prefixes (`FOO=1 sudo kubectl …` → `kubectl …`). */
function programWords(words: string[]): string[] {
  let i = 0;
  while (i < words.length && (ASSIGNMENT.test(words[i]!) || COMMAND_PREFIXES.has(words[i]!))) i++;
  return words.slice(i);
}

function classifySimple(cmd: { words: string[] }): CommandClassification {
  const words = programWords(cmd.words);
  if (words.length === 0) {
    return cmd.words.length > 0 ? { class: 'host-tool', program: cmd.words[0]!.split('=')[0]! } : { class: 'other', program: '' };
  }
  const program = basename(words[0]!);
  if (program === 'kubectl' || program === 'oc') return classifyKubectl(program, words.slice(1));
  if (INTERACTIVE_PROGRAMS.has(program)) return { class: 'interactive', program };
  if (program === 'minikube' && ['dashboard', 'tunnel', 'ssh'].includes(words[1] ?? '')) {
    return { class: 'interactive', program };
  }
  if (HOST_TOOL_PROGRAMS.has(program)) return { class: 'host-tool', program };
  return { class: 'other', program };
}

function classifyKubectl(program: string, args: string[]): CommandClassification {
  const positional: string[] = [];
  const flags: string[] = [];
  let separator = -1;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      separator = i;
      break;
    }
    if (a.startsWith('-') && a.length > 1) {
      flags.push(a);
      if (positional.length === 0 && KUBECTL_VALUE_FLAGS.has(a)) i++;
    } else positional.push(a);
  }
  const sub = positional[0];
  if (sub === undefined) return { class: 'other', program };
  const two = positional[1] === undefined ? undefined : `${sub} ${positional[1]}`;
  const key = two !== undefined && KUBECTL_SUBCOMMAND_CLASS[two] !== undefined ? two : sub;
  let cls: CommandClass = KUBECTL_SUBCOMMAND_CLASS[key] ?? 'other';
  const interactive = KUBECTL_INTERACTIVE_FLAGS[key];
  if (interactive && hasAnyFlag(flags, interactive.long, interactive.short)) cls = 'interactive';
  if (sub === 'exec') cls = classifyExec(args, flags, separator);
  if (sub === 'cp') cls = (positional[positional.length - 1] ?? '').includes(':') ? 'mutating' : 'read-only';
  return { class: cls, program, subcommand: sub };
}

/** `kubectl exec`: interactive with a TTY/stdin, read-only for inspection programs, else mutating. */
function classifyExec(args: string[], flags: string[], separator: number): CommandClass {
  const interactive = KUBECTL_INTERACTIVE_FLAGS.exec!;
  if (hasAnyFlag(flags, interactive.long, interactive.short)) return 'interactive';
  // Without `--`, take the first word that looks like a program name after the pod name.
  const rest = separator >= 0 ? args.slice(separator + 1) : args.slice(2).filter((w) => /^[A-Za-z./]/.test(w));
  const stripped = programWords(rest);
  const inner = stripped.length > 0 ? stripped : rest;
  const innerProgram = inner[0] === undefined ? '' : basename(inner[0]);
  if (['sh', 'bash', '/bin/sh', '/bin/bash'].includes(innerProgram) && inner.includes('-c')) {
    const script = inner[inner.indexOf('-c') + 1] ?? '';
    return classifyCommand(script).class === 'mutating' ? 'mutating' : 'read-only';
  }
  return EXEC_READ_ONLY_PROGRAMS.has(innerProgram) ? 'read-only' : 'mutating';
}

function hasAnyFlag(flags: string[], long: readonly string[], short: readonly string[]): boolean {
  return flags.some((f) => {
    if (f.startsWith('--')) return long.includes(f.split('=')[0]!);
    return [...f.slice(1).split('=')[0]!].some((ch) => short.includes(ch));
  });
}

/** `/usr/bin/kubectl` → `kubectl`; words that are not paths (`service/my-nginx`) stay as written. */
function basename(word: string): string {
  if (!/^[./~]/.test(word)) return word;
  const slash = word.lastIndexOf('/');
  return slash >= 0 && slash < word.length - 1 ? word.slice(slash + 1) : word;
}
