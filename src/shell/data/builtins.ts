/**
 * What the shell itself does without starting a program: its builtins, and which commands print
 * nothing when they work. Read by the simulator (which programs a container's script starts, what
 * any image with a shell can run) and by parse (is a block after a command its output?).
 */

/** Builtins (and the `[`, `echo`, `printf`, `true` that POSIX shells build in): running one starts no program. */
export const SHELL_BUILTINS: ReadonlySet<string> = new Set([
  ...['cd', 'export', 'set', 'unset', 'exit', 'read', 'source', '.', 'eval', 'exec', 'shift', 'trap', 'wait', 'alias'],
  ...['type', 'command', 'local', 'return', 'break', 'continue', 'readonly', 'declare', 'typeset', 'shopt', 'umask'],
  ...['echo', 'printf', 'test', '[', '[[', 'true', 'false', ':'],
]);

/**
 * How a command that prints nothing when it works is quiet: `always`, or only `with-arguments`
 * (alone, `export`, `set`, `alias`, `declare`, `readonly`, `umask` and `shopt` list what they hold).
 */
export type Quiet = 'always' | 'with-arguments';

/** Commands that print nothing when they work: a block after one is not its output. */
export const QUIET_COMMANDS: Readonly<Record<string, Quiet>> = {
  cd: 'always',
  unset: 'always',
  source: 'always',
  '.': 'always',
  true: 'always',
  ':': 'always',
  sleep: 'always',
  mkdir: 'always',
  cp: 'always',
  mv: 'always',
  rm: 'always',
  touch: 'always',
  chmod: 'always',
  ln: 'always',
  export: 'with-arguments',
  alias: 'with-arguments',
  set: 'with-arguments',
  readonly: 'with-arguments',
  local: 'with-arguments',
  declare: 'with-arguments',
  typeset: 'with-arguments',
  shopt: 'with-arguments',
  umask: 'with-arguments',
};
