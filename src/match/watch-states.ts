/**
 * A watch (`kubectl get … --watch`) prints a row each time an object changes, from the moment it
 * starts. A page usually shows the rows from the moment its author looked: the states the object
 * passed through before (`ContainerCreating` before `Running`) are the reader's timing, not a
 * difference. Only the run of rows of one object at the top of the listing is such a prelude, and
 * the object keeps at least its last row there: every row the page shows must still be matched.
 */
import { firstKubectlCall, hasFlag } from '../shell/index.js';

/** True for `kubectl get … -w|--watch|--watch-only` (not `--watch=false`). */
export function isWatchCommand(command: string | undefined): boolean {
  if (!command) return false;
  const call = firstKubectlCall(command);
  if (!call || call.path[0]?.value !== 'get') return false;
  if (!hasFlag(call, '--watch', '-w', '--watch-only')) return false;
  return !/\s(?:-w|--watch|--watch-only)=false\b/.test(command);
}

/** The name column of a table row (after NAMESPACE when the table has one). */
function rowName(row: string, namespaced: boolean): string | undefined {
  const fields = row.trim().split(/\s+/);
  return namespaced ? fields[1] : fields[0];
}

/**
 * The actual output without 1, 2, … of the rows of one object that open the listing (an object's
 * last row there is kept), shortest cut first; empty when the output does not open that way.
 */
export function withoutEarlierStates(actual: string): string[] {
  const lines = actual.split('\n');
  const headerAt = lines.findIndex((l) => l.trim() !== '');
  const header = lines[headerAt];
  if (header === undefined || !/^(?:NAMESPACE\s+)?NAME\s/.test(header)) return [];
  const namespaced = /^NAMESPACE\s/.test(header);
  const rows = lines.slice(headerAt + 1);
  const first = rows[0] !== undefined && rows[0].trim() !== '' ? rowName(rows[0], namespaced) : undefined;
  if (first === undefined) return [];
  let run = 0;
  while (run < rows.length && rows[run]!.trim() !== '' && rowName(rows[run]!, namespaced) === first) run++;
  const out: string[] = [];
  for (let cut = 1; cut < run; cut++) out.push([...lines.slice(0, headerAt + 1), ...rows.slice(cut)].join('\n'));
  return out;
}

/**
 * Where a pod's STATUS (kubectl's printed reason, printers.go) lies in the life of a pod that
 * starts and goes away: created, starting its containers, running, on its way out. Failure states
 * (`Error`, `CrashLoopBackOff`, …) have no place: they are never a stage a watch may have missed.
 */
const LIFECYCLE: readonly { status: RegExp; rank: number }[] = [
  { status: /^Pending$/, rank: 0 },
  { status: /^(?:ContainerCreating|PodInitializing|Init:\d+\/\d+)$/, rank: 1 },
  { status: /^Running$/, rank: 2 },
  { status: /^(?:Terminating|Completed)$/, rank: 3 },
];

/** The status's stage in a pod's life (see LIFECYCLE), or undefined for one that has none. */
export function lifecycleRank(status: string | undefined): number | undefined {
  return LIFECYCLE.find((s) => s.status.test(status?.trim() ?? ''))?.rank;
}
