import { KUBECTL_COMMAND_FLAGS, KUBECTL_GLOBAL_FLAGS } from './data/kubectl-flags.js';
import { parseCommandLine } from './parse.js';
import type { ShellWord, SimpleCommand } from './types.js';

/** One flag as given: its value (`true` for a boolean), its word, and the value's own word. */
export interface KubectlFlag {
  value: string | true;
  word: ShellWord;
  valueWord?: ShellWord;
}

/** A kubectl invocation split into its command path, positionals and flags. */
export interface KubectlCall {
  /** `['create', 'secret', 'tls']`; empty when only flags were given. */
  path: ShellWord[];
  /** The command path with aliases resolved (`create cm` → `create configmap`), `''` when none. */
  command: string;
  /** Positional arguments after the command path, before `--`. */
  positionals: ShellWord[];
  /** Flags by name (`-f`, `--from-file`); combined short flags (`-it`) are split into `-i`, `-t`. */
  flags: Map<string, KubectlFlag[]>;
  /** Words after a standalone `--`, or undefined when there is none. */
  afterDashDash: ShellWord[] | undefined;
}

/** Subcommand aliases kubectl accepts (its help lists only the canonical names). */
const ALIASES: Readonly<Record<string, string>> = {
  'create cm': 'create configmap',
  'create cj': 'create cronjob',
  'create deploy': 'create deployment',
  'create ing': 'create ingress',
  'create ns': 'create namespace',
  'create pdb': 'create poddisruptionbudget',
  'create pc': 'create priorityclass',
  'create resourcequota': 'create quota',
  'create sa': 'create serviceaccount',
  'create svc': 'create service',
  'top nodes': 'top node',
  'top no': 'top node',
  'top pods': 'top pod',
  'top po': 'top pod',
  'config use': 'config use-context',
};

/**
 * Flags that take a value but may stand alone (pflag's NoOptDefVal): measured on kubectl 1.32,
 * `create deployment x --image=nginx --dry-run -o name` reads `-o` as its own flag.
 */
const OPTIONAL_VALUE = new Set(['--dry-run', '--validate', '--cascade']);

const GLOBAL_VALUE = new Set(KUBECTL_GLOBAL_FLAGS.value);
/** For a command kubectl does not list (a plugin, a typo): any flag that takes a value somewhere. */
const ANY_VALUE = new Set([...GLOBAL_VALUE, ...Object.values(KUBECTL_COMMAND_FLAGS).flatMap((f) => f.value)]);

/** True when the flag takes the next word as its value under the given command path. */
export function takesValue(name: string, command: string): boolean {
  if (OPTIONAL_VALUE.has(name)) return false;
  if (GLOBAL_VALUE.has(name)) return true;
  const own = command === '' ? undefined : KUBECTL_COMMAND_FLAGS[command];
  if (own) return own.value.includes(name);
  return command === '' ? false : ANY_VALUE.has(name);
}

/** The kubectl call of a simple command whose program is kubectl (or `oc`), else undefined. */
export function kubectlCall(command: SimpleCommand): KubectlCall | undefined {
  return command.name === 'kubectl' || command.name === 'oc' ? parseKubectl(command.args) : undefined;
}

/** The kubectl call of a line's first top-level command, when that command is kubectl. */
export function firstKubectlCall(text: string): KubectlCall | undefined {
  const first = parseCommandLine(text).commands.find((c) => c.inside.length === 0);
  return first && kubectlCall(first);
}

/** Every flag as `name` or `name=value`, in the order first given. */
export function flagWords(call: KubectlCall): Array<{ name: string; value?: string }> {
  return [...call.flags].flatMap(([name, list]) => list.map((f) => (f.value === true ? { name } : { name, value: f.value })));
}

/** Parses the arguments of `kubectl …` the way kubectl's flag parser reads them. */
export function parseKubectl(args: readonly ShellWord[]): KubectlCall {
  const call: KubectlCall = { path: [], command: '', positionals: [], flags: new Map(), afterDashDash: undefined };
  const add = (name: string, flag: KubectlFlag): void => {
    const list = call.flags.get(name) ?? [];
    list.push(flag);
    call.flags.set(name, list);
  };
  for (let i = 0; i < args.length; i++) {
    const w = args[i]!;
    const v = w.value;
    if (v === '--') {
      call.afterDashDash = args.slice(i + 1);
      break;
    }
    const next = args[i + 1];
    if (v.startsWith('--') && v.length > 2) {
      const eq = v.indexOf('=');
      if (eq > 2) add(v.slice(0, eq), { value: v.slice(eq + 1), word: w });
      else if (next && takesValue(v, call.command)) {
        add(v, { value: next.value, word: w, valueWord: next });
        i++;
      } else add(v, { value: true, word: w });
      continue;
    }
    if (v.startsWith('-') && v.length > 1 && !/^-\d/.test(v)) {
      i += shortFlags(w, next, call.command, add);
      continue;
    }
    const key = call.command === '' ? v : `${call.command} ${v}`;
    const resolved = ALIASES[key] ?? key;
    if (call.positionals.length === 0 && (call.command === '' || KUBECTL_COMMAND_FLAGS[resolved] !== undefined)) {
      call.path.push(w);
      call.command = resolved;
    } else call.positionals.push(w);
  }
  return call;
}

/** `-it`, `-n=x`, `-nx`, `-n x`: pflag reads letters until one takes a value. Returns words consumed beyond `w`. */
function shortFlags(w: ShellWord, next: ShellWord | undefined, command: string, add: (name: string, flag: KubectlFlag) => void): number {
  const v = w.value;
  for (let j = 1; j < v.length; j++) {
    const name = `-${v[j]}`;
    if (!takesValue(name, command)) {
      add(name, { value: true, word: w });
      continue;
    }
    const rest = v.slice(j + 1);
    if (rest !== '') add(name, { value: rest.startsWith('=') ? rest.slice(1) : rest, word: w });
    else if (next) {
      add(name, { value: next.value, word: w, valueWord: next });
      return 1;
    } else add(name, { value: true, word: w });
    return 0;
  }
  return 0;
}

/** True when any of the flags was given (`-i` also when written inside `-it`). */
export function hasFlag(call: KubectlCall, ...names: string[]): boolean {
  return names.some((n) => call.flags.has(n));
}

/** The value of the first of `names` that was given with a value. */
export function flagValue(call: KubectlCall, ...names: string[]): string | undefined {
  for (const n of names) {
    const v = call.flags.get(n)?.find((f) => f.value !== true)?.value;
    if (typeof v === 'string') return v;
  }
  return undefined;
}
