/**
 * Exit statuses that are not failures for the program that returns them: `kubectl diff` and
 * `diff` exit 1 when they found differences (kubectl's help: "1 Differences were found"),
 * which is the output the doc means to show. Only when that program decides the line's status
 * (the last top-level command: a pipeline returns its last stage's status).
 */
import { kubectlCall, parseCommandLine } from '../shell/index.js';

interface ExitMeaning {
  /** True when the simple command is this program. */
  is: (name: string, sub: string | undefined) => boolean;
  /** Exit statuses that report a finding, not an error. */
  found: readonly number[];
  /** Only when the doc announces that the line prints nothing (grep selecting no line exits 1). */
  whenNoOutput?: boolean;
}

export const EXIT_MEANINGS: readonly ExitMeaning[] = [
  { is: (name, sub) => name === 'kubectl' && sub === 'diff', found: [1] },
  { is: (name) => name === 'diff' || name === 'cmp', found: [1] },
  // grep exits 1 when no line was selected (POSIX; GNU grep's manual): the outcome a page that
  // says "you should not see any output" announces; 2 is still an error.
  { is: (name) => name === 'grep' || name === 'egrep' || name === 'fgrep', found: [1], whenNoOutput: true },
];

/**
 * The exit status as success (0) when the line's deciding program reports a finding with it;
 * `noOutput` when the doc announces that the line prints nothing.
 */
export function meaningfulExit(command: string, exitCode: number, noOutput = false): number {
  if (exitCode === 0) return 0;
  const top = parseCommandLine(command).commands.filter((c) => c.inside.length === 0);
  const last = top[top.length - 1];
  if (!last) return exitCode;
  const sub = kubectlCall(last)?.path[0]?.value;
  return EXIT_MEANINGS.some((m) => m.is(last.name, sub) && m.found.includes(exitCode) && (!m.whenNoOutput || noOutput)) ? 0 : exitCode;
}
