import type { CommandStep } from '../plan/types.js';
import type { Position } from '../diag/position.js';
import { KUBECTL_GLOBAL_FLAGS, KUBECTL_NESTED, KUBECTL_VALUE_FLAGS } from './data/kubectl.js';
import { PROGRAM_WRAPPERS } from './data/programs.js';
import { offsetToLineColumn, splitShell, type Segment, type Word } from './shell-words.js';

/** A simple command with its program located (after `VAR=x`, `sudo`, `watch` …). */
export interface SimpleCommand {
  segment: Segment;
  /** The program word, or undefined for a bare assignment (`export` is a program). */
  program: Word | undefined;
  /** Words after the program. */
  args: Word[];
  /** `VAR=value` words before the program. */
  assignments: Word[];
}

/** A kubectl invocation split into its subcommand path, positionals and flags. */
export interface KubectlCall {
  /** `['create', 'secret', 'tls']`; empty when only flags were given. */
  path: Word[];
  /** Positional arguments after the subcommand path, before `--`. */
  positionals: Word[];
  /** Flags by name (`-f`, `--from-file`) with every value given (`true` for booleans). */
  flags: Map<string, Array<{ value: string | true; word: Word; valueWord?: Word }>>;
  /** Words after a standalone `--`, or undefined when there is none. */
  afterDashDash: Word[] | undefined;
}

/** Locates the program of a simple command. */
export function simpleCommand(segment: Segment): SimpleCommand {
  const words = segment.words;
  const assignments: Word[] = [];
  let i = 0;
  while (i < words.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[i]!.raw)) assignments.push(words[i++]!);
  while (i < words.length - 1 && PROGRAM_WRAPPERS.has(words[i]!.value)) {
    i++;
    // Skip wrapper options (`watch -n 2`, `timeout 10`, `sudo -E`).
    while (i < words.length - 1 && (words[i]!.value.startsWith('-') || /^\d+[smh]?$/.test(words[i]!.value))) {
      const flag = words[i]!.value;
      i += flag === '-n' || flag === '-u' ? 2 : 1;
    }
    while (i < words.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[i]!.raw)) assignments.push(words[i++]!);
  }
  return { segment, program: words[i], args: words.slice(i + 1), assignments };
}

/** All simple commands of a command step, in order. */
export function simpleCommands(step: CommandStep): SimpleCommand[] {
  return splitShell(step.command).map(simpleCommand);
}

/** Splits a flag word into name and inline value (`--from-file=x` → `--from-file`, `x`). */
export function splitFlag(raw: string): { name: string; inline: string | undefined } {
  const eq = raw.indexOf('=');
  if (raw.startsWith('--') && eq > 2) return { name: raw.slice(0, eq), inline: raw.slice(eq + 1) };
  // `-fx.yaml` style: a known one-letter value flag with the value glued on.
  if (/^-[a-zA-Z]./.test(raw) && !raw.startsWith('--') && KUBECTL_VALUE_FLAGS.has(raw.slice(0, 2))) {
    const rest = raw.slice(2);
    return { name: raw.slice(0, 2), inline: rest.startsWith('=') ? rest.slice(1) : rest };
  }
  return { name: raw, inline: undefined };
}

/** Parses the arguments of `kubectl …`. */
export function parseKubectl(args: Word[]): KubectlCall {
  const call: KubectlCall = { path: [], positionals: [], flags: new Map(), afterDashDash: undefined };
  let i = 0;
  const addFlag = (name: string, value: string | true, word: Word, valueWord?: Word): void => {
    const list = call.flags.get(name) ?? [];
    list.push(valueWord ? { value, word, valueWord } : { value, word });
    call.flags.set(name, list);
  };
  for (; i < args.length; i++) {
    const w = args[i]!;
    if (w.value === '--') {
      call.afterDashDash = args.slice(i + 1);
      break;
    }
    if (w.value.startsWith('-') && w.value.length > 1) {
      const { name, inline } = splitFlag(w.value);
      if (inline !== undefined) addFlag(name, inline, w);
      else if (takesValue(name, call.path[0]?.value) && i + 1 < args.length && !/^-./.test(args[i + 1]!.value)) {
        addFlag(name, args[i + 1]!.value, w, args[i + 1]);
        i++;
      } else addFlag(name, true, w);
      continue;
    }
    const key = call.path.map((p) => p.value).join(' ');
    if (call.path.length === 0) call.path.push(w);
    else if (call.positionals.length === 0 && KUBECTL_NESTED[key]?.includes(w.value)) call.path.push(w);
    else call.positionals.push(w);
  }
  return call;
}

/** Flags that are booleans for one subcommand though they take values elsewhere (`logs -f`). */
const BOOLEAN_FOR: Readonly<Record<string, readonly string[]>> = { logs: ['-f', '-p'] };

function takesValue(name: string, subcommand: string | undefined): boolean {
  return KUBECTL_VALUE_FLAGS.has(name) && !(subcommand && BOOLEAN_FOR[subcommand]?.includes(name));
}

/** True when a kubectl flag (any of the names) was given. */
export function hasFlag(call: KubectlCall, ...names: string[]): boolean {
  return names.some((n) => call.flags.has(n));
}

/** True for global flags that may precede the subcommand. */
export function isGlobalFlag(name: string): boolean {
  return KUBECTL_GLOBAL_FLAGS.has(name);
}

/**
 * The doc position of a span of a command's text. The first line is placed from the step's
 * column; later lines of a multi-line command keep their in-command column (list indentation
 * may shift them; fixes re-find their text on the line).
 */
export function spanPosition(step: CommandStep, start: number, end: number): Position {
  const a = offsetToLineColumn(step.command, start);
  const b = offsetToLineColumn(step.command, end);
  const col = (lc: { line: number; column: number }): number =>
    lc.line === 0 ? step.position.column + lc.column : lc.column + 1;
  return { line: step.line + a.line, column: col(a), endLine: step.line + b.line, endColumn: col(b) };
}

/** True for a URL argument (files fetched from the network need no local source). */
export function isUrl(value: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(value);
}
