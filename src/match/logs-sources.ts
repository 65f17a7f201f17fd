import { hasFlag, kubectlCall, parseCommandLine } from '../shell/index.js';

/**
 * True for a `kubectl logs` that reads several sources: pods chosen by a label selector
 * (`-l`/`--selector`), every container (`--all-containers`) or every pod of an object
 * (`--all-pods`). kubectl keeps its requests in a Go map, so it reads the sources in an order
 * that changes from run to run (in parallel with `-f`, interleaving their lines); the doc's
 * lines are then compared as a set, not in order. Only when kubectl is the last stage: after
 * `| sort` or `| head` the output is that program's.
 */
export function readsSeveralLogSources(command: string | undefined): boolean {
  if (!command) return false;
  const top = parseCommandLine(command).commands.filter((c) => c.inside.length === 0);
  const last = top[top.length - 1];
  const k = last && kubectlCall(last);
  if (!k || k.path[0]?.value !== 'logs') return false;
  return hasFlag(k, '-l', '--selector', '--all-containers', '--all-pods');
}
