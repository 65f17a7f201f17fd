/**
 * The lesson shell's state as the supervisor carries it from one step to the next (supervisor.ts):
 * the working directory and the variables, as NUL-separated records in the state file the last
 * step wrote. Reading it tells the runner what the next step will see without starting a bash
 * for it (each one costs a process and the state's save and restore).
 */
import { readFileSync } from 'node:fs';
import { SPECIAL } from './supervisor.js';

/** A variable the next step will have. */
export interface ShellVariable {
  value: string;
  exported: boolean;
}

/** What the next step of the lesson shell starts with. */
export interface ShellState {
  cwd: string;
  variables: Map<string, ShellVariable>;
}

/** `SPECIAL`'s glob alternatives as one regex (`BASH_*`, `__kdt_[abklnv]`). */
const SPECIAL_NAME = new RegExp(
  `^(?:${SPECIAL.split('|')
    .map((g) =>
      g
        .replace(/[.+^${}()\\]/g, '\\$&')
        .replace(/\*/g, '.*')
        .replace(/\?/g, '.'),
    )
    .join('|')})$`,
);

/**
 * True when the state file can answer for the variable `name`: bash's own variables (`PWD`,
 * `UID`, `BASH_VERSION`, …) and the trailer's are not in it, although the shell has them.
 */
export function isCarriedName(name: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !SPECIAL_NAME.test(name);
}

/** Parses a state file's records; null when it is incomplete (the step ended the shell, or it is being written). */
export function parseShellState(text: string): ShellState | null {
  const fields = text.split('\0');
  let cwd: string | undefined;
  const variables = new Map<string, ShellVariable>();
  // Records are three fields each: kind, name, value; the last is `E` with two empty fields.
  for (let i = 0; i + 2 < fields.length; i += 3) {
    const [kind, name, value] = [fields[i]!, fields[i + 1]!, fields[i + 2]!];
    if (kind === 'E') return cwd === undefined ? null : { cwd, variables };
    if (kind === 'C') cwd = value;
    else if (kind === 'V' || kind === 'X') variables.set(name, { value, exported: kind === 'X' });
  }
  return null;
}

/** Reads and parses a state file; null when it cannot be read or is incomplete. */
export function readShellState(path: string): ShellState | null {
  try {
    return parseShellState(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}
