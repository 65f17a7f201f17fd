/**
 * Commands that never end by design, as data: a reader stops them (Ctrl+C) or leaves them running
 * in another terminal. Read by `neverEnds` (`src/shell/endless.ts`).
 */

/** A program (or kubectl/minikube subcommand) that runs until it is stopped. */
export interface NeverEndingCommand {
  program: string;
  /** The subcommand it must run (kubectl's command path, minikube's first word); any when absent. */
  sub?: readonly string[];
  /** It never ends only with one of these flags (kubectl: by name, `-it` split; others: exact words). */
  flags?: readonly string[];
  /** Letters that, inside a cluster of short options (`tail -fn 20`), make it follow. */
  shortLetters?: string;
  /** With one of these flags it ends after all (`minikube service --url` prints the URL and returns). */
  unless?: readonly string[];
  /** What it does, for reasons shown to the user. */
  what: string;
}

export const NEVER_ENDING_COMMANDS: readonly NeverEndingCommand[] = [
  { program: 'watch', what: '`watch` repeats its command until stopped' },
  { program: 'tail', flags: ['--follow', '-f', '-F'], shortLetters: 'fF', what: '`tail -f` follows the file until stopped' },
  { program: 'kubectl', sub: ['port-forward'], what: '`kubectl port-forward` forwards until stopped' },
  { program: 'kubectl', sub: ['proxy'], what: '`kubectl proxy` serves until stopped' },
  { program: 'kubectl', flags: ['-w', '--watch', '--watch-only'], what: 'a kubectl watch prints changes until stopped' },
  { program: 'kubectl', sub: ['logs'], flags: ['-f', '--follow'], what: '`kubectl logs -f` follows the log until stopped' },
  { program: 'minikube', sub: ['tunnel'], what: '`minikube tunnel` runs until stopped' },
  { program: 'minikube', sub: ['dashboard'], what: '`minikube dashboard` serves until stopped' },
  { program: 'minikube', sub: ['mount'], what: '`minikube mount` serves until stopped' },
  { program: 'minikube', sub: ['service'], unless: ['--url'], what: '`minikube service` keeps its tunnel open until stopped' },
];

/**
 * Loop conditions that never change (`while true`, `while :`, `while sleep 5`, `while [ 1 ]`;
 * `until false`): the program of the condition's last command, with its arguments when they matter.
 * `sleep` is here because it succeeds every time it is given a duration.
 */
export const ENDLESS_CONDITIONS: Readonly<Record<'while' | 'until', readonly { program: string; args?: readonly string[] }[]>> = {
  while: [{ program: 'true' }, { program: ':' }, { program: 'sleep' }, { program: '[', args: ['1', ']'] }, { program: 'test', args: ['1'] }],
  until: [{ program: 'false' }],
};

/** Builtins that leave a loop from its body: a loop with one of them may end. */
export const LOOP_EXITS: ReadonlySet<string> = new Set(['break', 'exit', 'return']);

/** Shells whose `-c` script is a command line of its own (`kubectl exec pod -- sh -c 'while true; …'`). */
export const SCRIPT_SHELLS: ReadonlySet<string> = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh']);
