/**
 * A value the page tells the reader to choose from the output before it (`# Select name of cluster
 * you want to interact with from above output:` then `export CLUSTER_NAME="some_server_name"`): the
 * literal is the author's stand-in, not a value. When the previous output leaves one choice (a
 * table with one row), the assignment gets that row's value; otherwise the step is skipped with the
 * reason, and the steps using the variable then find it never set.
 */
import type { CommandStep, Step } from '../plan/types.js';
import { literalAssignment } from '../plan/data/reader-choice.js';
import { shQuote } from '../shell/index.js';
import type { Rewrite } from './types.js';

/** Cells of a table line: split on tabs or runs of two or more spaces. */
const cells = (line: string): string[] =>
  line
    .trim()
    .split(/\t+|\s{2,}/)
    .filter(Boolean);

/** The value a one-row table offers for a variable: the column its name names (`CLUSTER_NAME` → "Cluster name"), else the first. */
export function onlyChoice(output: string, variable: string): { value: string } | { rows: number } {
  const lines = output.split('\n').filter((l) => l.trim() !== '');
  const rows = lines.slice(1).map(cells);
  if (lines.length < 2 || rows.length !== 1) return { rows: Math.max(0, lines.length - 1) };
  const header = cells(lines[0]!).map((h) => h.toLowerCase().replace(/[\s_-]+/g, ' '));
  const wanted = variable.toLowerCase().replace(/_/g, ' ');
  const at = header.findIndex((h) => h === wanted || wanted.startsWith(h) || h.startsWith(wanted));
  const value = rows[0]![at >= 0 ? at : 0];
  return value ? { value } : { rows: 1 };
}

/** The command step before `step` in the page, if any. */
function commandBefore(steps: readonly Step[], step: CommandStep): CommandStep | undefined {
  const at = steps.indexOf(step);
  for (let i = at - 1; i >= 0; i--) if (steps[i]!.kind === 'command') return steps[i] as CommandStep;
  return undefined;
}

/** The assignment with the reader's choice bound, or the reason it cannot be. */
export function bindReaderChoice(
  step: CommandStep,
  command: string,
  steps: readonly Step[],
  outputs: ReadonlyMap<string, string>,
): { command: string; rewrite: Rewrite } | { skip: string } | undefined {
  const choice = step.readerChoice;
  const assigned = literalAssignment(command);
  if (!choice || !assigned) return undefined;
  const before = commandBefore(steps, step);
  const output = before ? outputs.get(before.id) : undefined;
  const said = `the page asks the reader to choose ${assigned.name} ("${choice.cue}")`;
  if (!before || output === undefined) return { skip: `${said}, and the output it is chosen from was not produced in this run` };
  const picked = onlyChoice(output, assigned.name);
  if (!('value' in picked)) return { skip: `${said} from the output of line ${before.line}, which offers ${picked.rows} choices; which one is the reader's` };
  const to = `${/^\s*export\s/.test(command) ? 'export ' : ''}${assigned.name}=${shQuote(picked.value)}`;
  return {
    command: to,
    rewrite: { kind: 'binding', from: command, to, reason: `${said} from the output of line ${before.line}, which offers one: ${picked.value}` },
  };
}
