/**
 * `echo $?` after a command prints that command's exit status: the page shows it to say the
 * command succeeded or failed. When the command's own run did not reproduce the outcome the page
 * shows for it (its exit status already differs, reported at its line) or it did not run at all,
 * the printed status says nothing new about the page: it is unchecked, naming that line.
 * Each step runs in a shell of its own, so the status is handed over to the line that prints it,
 * as a reader's terminal would have it.
 */
import { parseCommandLine } from '../shell/index.js';
import type { StepStatus } from './types.js';

/** The command step that ran (or was decided) just before, as the exit status reader needs it. */
export interface PreviousCommand {
  line: number;
  status: StepStatus;
  /** Its exit status differs from the one the page shows or implies. */
  exitDiffers: boolean;
  /** Its exit status; null when it did not run or finish. */
  exitCode: number | null;
}

/** True when the line only prints the previous command's exit status (`echo $?`, `printf '%s\n' "$?"`). */
export function printsExitStatusOnly(command: string): boolean {
  const parsed = parseCommandLine(command);
  if (parsed.commands.length !== 1) return false;
  const [c] = parsed.commands;
  if (c!.name !== 'echo' && c!.name !== 'printf') return false;
  return /\$\?|\$\{\?\}/.test(command);
}

/** Why the exit status this line prints cannot be checked, or null when it can. */
export function exitStatusNotReproduced(command: string, previous: PreviousCommand | undefined): string | null {
  if (!previous || !printsExitStatusOnly(command)) return null;
  if (previous.status === 'pass' || (previous.status === 'fail' && !previous.exitDiffers)) return null;
  const what =
    previous.status === 'fail'
      ? 'its exit status already differs from the page (reported there)'
      : previous.status === 'error'
        ? 'it did not finish'
        : 'it did not run';
  return `prints the exit status of line ${previous.line}, whose outcome this run did not reproduce: ${what}`;
}

/** The line with the previous command's exit status restored before it (`(exit 1); echo $?`), or null when it is 0 or unknown. */
export function withExitStatus(command: string, previous: PreviousCommand | undefined): { command: string; reason: string } | null {
  if (!previous || !previous.exitCode || !printsExitStatusOnly(command)) return null;
  return {
    command: `(exit ${previous.exitCode}); ${command}`,
    reason: `each line runs in a shell of its own: the exit status of line ${previous.line} is restored before the line that prints it`,
  };
}
