import type { Difference } from './types.js';

/**
 * Checks a command's exit status against what the doc shows: output of a successful run while
 * the command failed (or an error while it succeeded) is an `exit-status` difference at the
 * command's doc line; null when they agree.
 */
export function matchExitStatus(expectedSuccess: boolean, exitCode: number, line: number): Difference | null {
  const succeeded = exitCode === 0;
  if (succeeded === expectedSuccess) return null;
  return {
    kind: 'exit-status',
    message: expectedSuccess
      ? `command failed with exit status ${exitCode}; the doc shows the output of a successful run`
      : 'command succeeded; the doc shows it failing',
    line,
    column: 1,
    expected: expectedSuccess ? 'exit status 0' : 'non-zero exit status',
    actual: `exit status ${exitCode}`,
  };
}
