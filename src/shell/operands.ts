/**
 * A program's arguments read as its option parser reads them (getopt: `-n 5`, `-n5`, `-tn 5`,
 * `--lines=5`, `--` ends the options), with the options of {@link PROGRAM_OPTIONS}.
 */
import { PROGRAM_OPTIONS } from './data/program-options.js';
import type { ShellWord } from './types.js';

/** What the reader needs of a word: its value (a {@link ShellWord}, or a plain string wrapped). */
type Word = Pick<ShellWord, 'value'>;

/** The arguments of one program, read. */
export interface ProgramArguments<W extends Word = ShellWord> {
  /** Words that are no option nor an option's value, in order (after `--` too). */
  operands: W[];
  /** The values given to options that take one, by option name, in order: the value's word (`-n5`, `--lines=5`: the option's word with the value cut out). */
  values: Map<string, W[]>;
  /** Every option given, by name, with a value or without (`-L`, `--remote-name`). */
  given: Set<string>;
  /** True when a `--` separated the options from the operands. */
  dashDash: boolean;
  /** The inline-code option given (`-c` of `bash -c`, `-m` of `python -m`), if any. */
  inline?: string;
}

/** Reads `args` as `program` (its name, without directories) reads them. */
export function programArguments<W extends Word>(program: string, args: readonly W[]): ProgramArguments<W> {
  const options = PROGRAM_OPTIONS[program] ?? {};
  const takes = (name: string): number => (options.twoValues?.includes(name) ? 2 : options.value?.includes(name) || options.inline?.includes(name) ? 1 : 0);
  const read: ProgramArguments<W> = { operands: [], values: new Map(), given: new Set(), dashDash: false };
  const give = (name: string, value: W | undefined): void => {
    read.given.add(name);
    if (options.inline?.includes(name) && read.inline === undefined) read.inline = name;
    if (value === undefined) return;
    read.values.set(name, [...(read.values.get(name) ?? []), value]);
  };
  const part = (w: W, value: string): W => ({ ...w, value });
  for (let i = 0; i < args.length; i++) {
    const v = args[i]!.value;
    if (read.dashDash || v === '-' || !v.startsWith('-') || /^-\d/.test(v)) {
      read.operands.push(args[i]!);
      continue;
    }
    if (v === '--') {
      read.dashDash = true;
      continue;
    }
    if (v.startsWith('--')) {
      const eq = v.indexOf('=');
      const name = eq > 0 ? v.slice(0, eq) : v;
      const n = eq > 0 ? 0 : takes(name);
      give(name, eq > 0 ? part(args[i]!, v.slice(eq + 1)) : n > 0 ? args[i + 1] : undefined);
      i += n;
      continue;
    }
    // Short options: letters until one takes a value, which is the rest of the word or the next word.
    for (let j = 1; j < v.length; j++) {
      const name = `-${v[j]}`;
      const n = takes(name);
      if (n === 0) {
        give(name, undefined);
        continue;
      }
      const rest = v.slice(j + 1).replace(/^=/, '');
      if (rest !== '' && n === 1) give(name, part(args[i]!, rest));
      else {
        give(name, args[i + 1]);
        i += n;
      }
      break;
    }
  }
  return read;
}

/**
 * The values of options as programs with whole-word options write them (`openssl -out x`,
 * `make -f x`, `wget -O=x`): the next word, or what follows `=`. No getopt reading: `-out` is one
 * option, not `-o -u -t`.
 */
export function optionValues<W extends Word>(args: readonly W[], names: readonly string[]): W[] {
  const out: W[] = [];
  args.forEach((a, i) => {
    const eq = a.value.indexOf('=');
    if (names.includes(a.value) && args[i + 1]) out.push(args[i + 1]!);
    else if (eq > 0 && names.includes(a.value.slice(0, eq))) out.push({ ...a, value: a.value.slice(eq + 1) });
  });
  return out;
}
