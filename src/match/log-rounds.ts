/**
 * A container that loops (`while true; do cat /etc/podinfo/labels; sleep 5; done`, `while true;
 * do date; sleep 10; done`) prints the same block of lines each round, and `kubectl logs` prints
 * every round since the container started. A page shows the one or two rounds its author saw; a
 * reader who looks later sees more. The round is read from the actual output alone (its shortest
 * repeating block), never from the page; the page's lines must be that many whole rounds, compared
 * with the actual's first rounds as any output is.
 */
import { firstKubectlCall, hasFlag, parseCommandLine } from '../shell/index.js';
import { isElision } from './lines.js';
import { compileTemplate, testTemplate } from './template.js';

/** `kubectl logs …` alone (no pipe), printing the whole log: not cut by `--tail`, `--since`, `--since-time`, `--limit-bytes`. */
export function isWholeLog(command: string | undefined): boolean {
  if (!command) return false;
  if (parseCommandLine(command).commands.filter((c) => c.inside.length === 0).length !== 1) return false;
  const call = firstKubectlCall(command);
  if (!call || call.command !== 'logs') return false;
  return !hasFlag(call, '--tail', '--since', '--since-time', '--limit-bytes');
}

/**
 * Two lines of the same loop a round apart: equal, equal but for values a normalizer knows (a
 * date, an IP), or equal but for counters that went up.
 */
function sameLine(earlier: string, later: string): boolean {
  if (earlier.trim() === later.trim() || testTemplate(compileTemplate(earlier), later)) return true;
  const a = earlier.trim().split(/(\d+)/);
  const b = later.trim().split(/(\d+)/);
  if (a.length !== b.length || a.length === 1) return false;
  return a.every((part, i) => (i % 2 === 0 ? part === b[i] : Number(b[i]) >= Number(part)));
}

/**
 * The number of lines of the shortest block the lines repeat, or undefined when they do not hold
 * one round and at least half of the next. The last round may be cut short: the log is read while
 * the container prints it (a line without its newline is not in the log yet).
 */
export function roundLength(lines: readonly string[]): number | undefined {
  for (let p = 1; 2 * (lines.length - p) >= p; p++) {
    let ok = true;
    for (let i = 0; i + p < lines.length && ok; i++) ok = sameLine(lines[i]!, lines[i + p]!);
    if (ok) return p;
  }
  return undefined;
}

/**
 * The actual output cut after as many rounds as the doc shows, when the actual repeats a block,
 * the doc's lines (blank lines aside) are a whole number of those rounds, and the actual has more;
 * undefined otherwise. Blank lines are not lines of a round (comparisons ignore them).
 */
export function firstRounds(expected: string, actual: string): string | undefined {
  const doc = expected.split('\n').filter((l) => l.trim() !== '');
  if (doc.length === 0 || doc.some((l) => isElision(l))) return undefined;
  const lines = actual.split('\n');
  const content = lines.flatMap((l, i) => (l.trim() !== '' ? [i] : []));
  const p = roundLength(content.map((i) => lines[i]!));
  if (p === undefined || doc.length % p !== 0 || doc.length >= content.length) return undefined;
  return lines.slice(0, content[doc.length - 1]! + 1).join('\n');
}
