/**
 * Files on the reader's machine: a command on the reader's machine reads a file
 * (`kubectl apply -f mypdb.yaml`, `rev data.txt`) that no step of the page writes or downloads
 * and no block of the page shows. The page leaves it to the reader (save one of the examples
 * under that name, bring your own data), so a step needing it cannot be checked here. The runner
 * marks such a step unchecked and lint reports the file as a warning, both by this decision.
 */
import { parseCommandLine } from '../shell/index.js';

/** kubectl subcommands whose arguments are read in a container. */
const IN_CONTAINER = new Set(['exec', 'debug', 'run', 'attach']);

/** The words of a line's commands (arguments and redirections), unquoted. */
function words(command: string): string[] {
  return parseCommandLine(command).commands.flatMap((c) => [...c.args, ...c.redirects.map((r) => r.target)].map((w) => w.value.replace(/^-[-\w]*=/, '')));
}

/**
 * True when `file`, which `command` needs, is the reader's own: the command names it outside a
 * container, it is relative (not a system file) without variables, no earlier command of the page
 * (`earlier`, as written) mentions it, and no block the page shows (`shownFiles`) is that file.
 */
export function isReaderFile(file: string, command: string, earlier: readonly string[], shownFiles: readonly string[]): boolean {
  if (!file || file.startsWith('/') || file.includes('$')) return false;
  // A path given to a program in a container is the container's, not the reader's.
  const inContainer = parseCommandLine(command).commands.some((c) => c.name === 'kubectl' && c.args.some((a) => IN_CONTAINER.has(a.value)));
  if (inContainer || !words(command).includes(file)) return false;
  const base = file.split('/').pop()!;
  if (shownFiles.some((f) => f === file || f.split('/').pop() === base)) return false;
  return !earlier.some((ran) => ran.includes(base));
}

/** Why a step needing the reader's own `file` cannot be checked (the runner's and lint's words). */
export function readerFileReason(file: string): string {
  return `${file} is a file on the reader's machine: no step of the page writes or downloads it, and no block shows it`;
}
