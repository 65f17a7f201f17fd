/**
 * Words that only run the real program (`sudo kubectl …`, `timeout 10 kubectl …`), as data.
 * The program is the first word after the prefix, its options and its operands.
 */
export interface PrefixRule {
  /** Options that take the next word as their value (`-u root`, `-n 2`). */
  valueOptions?: readonly string[];
  /** Words the prefix itself takes before the program (`timeout`'s duration). */
  operands?: number;
  /** True when `VAR=value` words after it set the program's environment (`env A=1 prog`). */
  assignments?: boolean;
}

/** Every prefix the command model looks through, with how it takes its own arguments. */
export const COMMAND_PREFIXES: Readonly<Record<string, PrefixRule>> = {
  sudo: { valueOptions: ['-u', '--user', '-g', '--group', '-C', '-h', '--host', '-p', '--prompt', '-r', '-t', '-U'], assignments: true },
  doas: { valueOptions: ['-u', '-C'] },
  env: { valueOptions: ['-u', '--unset', '-C', '--chdir', '-S', '--split-string'], assignments: true },
  time: {},
  timeout: { valueOptions: ['-s', '--signal', '-k', '--kill-after'], operands: 1 },
  nohup: {},
  nice: { valueOptions: ['-n', '--adjustment'] },
  stdbuf: { valueOptions: ['-i', '-o', '-e'] },
  watch: { valueOptions: ['-n', '--interval', '-q', '--equexit'] },
  xargs: { valueOptions: ['-I', '-n', '--max-args', '-P', '--max-procs', '-d', '--delimiter', '-L', '-s', '-E', '-a', '--arg-file'] },
  exec: { valueOptions: ['-a'] },
  command: {},
  builtin: {},
};
