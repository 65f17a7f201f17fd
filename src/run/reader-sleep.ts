/**
 * A `sleep` the page's own shell runs (`… && sleep $grace && kubectl delete pvc …`): a reader waits
 * that long for the cluster. The step's shell gets a `sleep` function that asks the runner for the
 * time instead of sleeping: where the cluster's time passes at once (the simulator, not
 * `realtime`), the runner lets it pass and the function returns at once; elsewhere the function
 * sleeps for real, and the runner first moves the step's time limit past the sleep.
 *
 * Not for a step with a background job (`sleep 1000 &` keeps something alive; a job's sleep runs
 * beside the page's next commands, not instead of them), nor for lines run in a pod or on a node
 * (their shell is not this one), nor for a bounded loop whose sleeps count this machine's time.
 */
import { lstatSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseCommandLine, shQuote } from '../shell/index.js';

/** Longest one request may let pass at once: a day of the cluster's time. */
const MOST_MS = 24 * 3600_000;

/** GNU sleep's units. */
const UNIT_MS: Record<string, number> = { '': 1000, s: 1000, m: 60_000, h: 3600_000, d: 86_400_000 };

/** Milliseconds a `sleep` with these arguments waits (GNU sleep sums them), or undefined for what it does not say plainly (`infinity`, a flag). */
export function sleepMs(args: readonly string[]): number | undefined {
  if (args.length === 0) return undefined;
  let total = 0;
  for (const a of args) {
    const m = /^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/.exec(a);
    if (!m) return undefined;
    total += Number(m[1]) * UNIT_MS[m[2]!]!;
  }
  return total;
}

/** True when the script runs `sleep` in the step's own shell and starts no background job. */
export function sleepsInShell(script: string): boolean {
  const { commands } = parseCommandLine(script);
  if (commands.some((c) => c.background)) return false;
  return commands.some((c) => c.name === 'sleep' && c.prefixes.length === 0);
}

/** The files through which the step's `sleep` and the runner speak. */
export function sleepRequestFile(runDir: string): string {
  return join(runDir, 'sleep-request');
}

/** Removes a request an earlier step left (one killed while it slept). */
export function clearSleepRequest(runDir: string): void {
  const f = sleepRequestFile(runDir);
  rmSync(f, { force: true });
  rmSync(`${f}.real`, { force: true });
}

/**
 * The script with a `sleep` function around it: the function writes its arguments to the request
 * file and waits until the runner removed it; when the runner answered "real" (the file renamed to
 * `.real`), it sleeps. The function is gone after the step, and the step's exit status is kept.
 */
export function withReaderSleep(script: string, runDir: string): string {
  const f = shQuote(sleepRequestFile(runDir));
  const fn = [
    `sleep() { printf '%s\\n' "$*" >${f}; while [ -e ${f} ]; do command sleep 0.05; done;`,
    ` if [ -e ${f}.real ]; then rm -f ${f}.real; command sleep "$@"; fi; }`,
  ].join('');
  return `${fn}\n${script}\n__kdt_sleep_status=$?; unset -f sleep; eval "unset __kdt_sleep_status; (exit $__kdt_sleep_status)"`;
}

/** What the runner does with a request: let the time pass at once, or let the step sleep (after moving its limit). */
export interface SleepAnswer {
  /** Lets `ms` of the cluster's time pass at once; undefined where it cannot. */
  passAtOnce?: (ms: number) => Promise<void>;
  /** Moves the step's time limit so a real sleep of `ms` fits; called before the step sleeps. */
  allowReal: (ms: number) => void;
}

/**
 * Answers the step's pending `sleep` request, if there is one; returns the milliseconds it asked
 * for (NaN when its arguments said no plain duration), or undefined when nothing was asked.
 */
export async function answerSleep(runDir: string, answer: SleepAnswer): Promise<number | undefined> {
  const f = sleepRequestFile(runDir);
  let text: string;
  try {
    // The lesson can write the run dir: only a small regular file is read (not a fifo, nor a link elsewhere).
    const st = lstatSync(f);
    if (!st.isFile() || st.size > 4096) {
      rmSync(f, { force: true });
      return undefined;
    }
    text = readFileSync(f, 'utf8');
  } catch {
    return undefined;
  }
  // Written but not yet complete: the next look reads it.
  if (!text.endsWith('\n')) return undefined;
  const ms = sleepMs(text.trim().split(/\s+/).filter(Boolean));
  if (ms !== undefined && answer.passAtOnce) {
    await answer.passAtOnce(Math.min(ms, MOST_MS));
    rmSync(f, { force: true });
    return ms;
  }
  if (ms !== undefined) answer.allowReal(ms);
  renameSync(f, `${f}.real`);
  return ms ?? Number.NaN;
}
