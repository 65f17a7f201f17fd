/**
 * What a reader typing in the shell a page opened in a pod (`kubectl exec -it POD -- bash`) sees
 * of a line. The runner runs each such line as `kubectl exec -i POD -- SHELL -c LINE`: kubectl then
 * prints lines of its own around the pod's output, and the shell, not being interactive, words its
 * errors with the script's line number. Neither reaches the reader's terminal, whose shell just
 * shows the next prompt.
 */
import { type KubectlCall } from '../../shell/index.js';

/** The programs a page opens as a pod's shell (`-- sh`, `-- /bin/bash`). */
export const SHELL_PROGRAMS: ReadonlySet<string> = new Set([
  'sh',
  'bash',
  'ash',
  'dash',
  'zsh',
  '/bin/sh',
  '/bin/bash',
  '/bin/ash',
  '/bin/dash',
  '/bin/zsh',
  '/usr/bin/bash',
  '/usr/bin/zsh',
]);

/**
 * Lines kubectl itself prints for an exec, never the pod: each a whole line of its stderr.
 * - client-go's remotecommand error for a command that exited non-zero, printed by kubectl's
 *   `CheckErr` as kubectl exits with the same status;
 * - `podcmd.FindOrDefaultContainerByName` when the pod has several containers and no `-c`;
 * - `exec`'s `SetupTTY` when `-t` is asked for without a terminal.
 */
export const KUBECTL_EXEC_LINES: readonly RegExp[] = [
  /^command terminated with exit code \d+$/,
  /^Defaulted container "[^"\n]*" out of: [^\n]*$/,
  /^Unable to use a TTY - input is not a terminal or the right kind of file$/,
];

/**
 * The shell a page's command opens in a pod: `kubectl exec -it POD -- bash` → `bash`,
 * `kubectl run -it … -- /bin/ash` (or its argument after the image, `… busybox sh`) → `/bin/ash`;
 * undefined when it names no lone shell.
 */
export function openedShell(k: KubectlCall): string | undefined {
  const verb = k.path[0]?.value;
  const args = k.afterDashDash ?? (verb === 'run' ? k.positionals.slice(1) : []);
  return args.length === 1 && SHELL_PROGRAMS.has(args[0]!.value) ? args[0]!.value : undefined;
}

/**
 * A pod line's output as the reader's shell shows it: kubectl's own lines for the exec dropped,
 * and bash's errors worded as an interactive bash words them. Bash names itself by `$0` and the
 * script's line when it runs a script (`/bin/bash: line 1: ps: command not found`,
 * `bash: -c: line 1: syntax error …`) but by its program's base name alone when interactive
 * (`bash: ps: command not found`): bash's `error_prolog` and `get_name_for_error`.
 */
export function asReaderShellShows(output: string, shell = 'sh'): string {
  const base = shell.split('/').pop()!;
  const bashPrefix = base === 'bash' ? new RegExp(`^${escape(shell)}(?:: -c)?: line \\d+: `) : undefined;
  const lines = output.split('\n');
  const kept: string[] = [];
  for (const line of lines) {
    const bare = line.replace(/\r$/, '');
    if (KUBECTL_EXEC_LINES.some((p) => p.test(bare))) continue;
    kept.push(bashPrefix ? line.replace(bashPrefix, `${base}: `) : line);
  }
  return kept.join('\n');
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
