import { BindingSet } from './bindings.js';
import { withoutOptionalRows } from './optional-rows.js';
import { withoutClientHints } from './client-hints.js';
import { withoutClusterAddOns } from './cluster-info.js';
import { compareContains, compareUnordered, type DocOrigin } from './compare-lines.js';
import { contentLines, splitLines } from './lines.js';
import { compareExact, compareRegex } from './modes.js';
import { compareSimilar } from './similar.js';
import type { Difference, DifferenceKind, MatchInput, MatchResult, MatchStrategy } from './types.js';
import { unifiedDiff } from './unified-diff.js';
import { isWatchCommand, withoutEarlierStates } from './watch-states.js';
import { firstRounds, isWholeLog } from './log-rounds.js';

function compare(input: MatchInput, origin: DocOrigin, bindings: BindingSet): { differences: Difference[]; strategy: MatchStrategy } {
  const expected = splitLines(input.expected);
  const actual = splitLines(input.actual);
  switch (input.mode) {
    case 'exact':
      return { differences: compareExact(origin, expected, actual), strategy: 'exact' };
    case 'regex':
      return { differences: compareRegex(origin, input.expected, input.actual.replace(/\r\n?/g, '\n')), strategy: 'regex' };
    case 'contains':
      return { differences: compareContains(origin, contentLines(expected), contentLines(actual), bindings), strategy: 'contains' };
    case 'lines':
      return { differences: compareUnordered(origin, contentLines(expected), contentLines(actual), bindings), strategy: 'set' };
    default:
      return compareSimilar(origin, expected, withoutClientHints(expected, actual), input.command, bindings);
  }
}

/**
 * Differences that do not fail a step in `similar` mode, by flag and kind: stale extra fields and
 * columns, lines a moved grep window pushed out and a later watch's early rows (the only stale
 * missing lines), values a
 * distribution sets.
 */
const TOLERATED: readonly { flag: 'stale' | 'environment'; kinds: readonly DifferenceKind[] }[] = [
  { flag: 'stale', kinds: ['extra-line', 'column-layout', 'missing-line'] },
  { flag: 'environment', kinds: ['wrong-value', 'missing-line', 'extra-line'] },
];

/** True for a difference that does not fail a step in this mode (see TOLERATED); only in similar mode. */
export function isTolerated(d: Difference, mode: MatchInput['mode']): boolean {
  return mode === 'similar' && TOLERATED.some((t) => d[t.flag] === true && t.kinds.includes(d.kind));
}

/**
 * Compares a command's actual output with the output the doc shows, in the doc's match mode.
 * Differences carry doc lines and columns; bindings tie the doc's instance-specific values (pod
 * names, IPs, NodePorts, placeholders) to the values seen. Never throws: a failure inside the
 * matcher is reported as a difference.
 */
export function matchOutput(input: MatchInput): MatchResult {
  // Rows the page calls optional and only one side has are left out of the comparison.
  if (input.optionalRows?.length) input = { ...input, ...withoutOptionalRows(input.expected, input.actual, input.optionalRows) };
  // The add-ons `kubectl cluster-info` lists are the cluster's: only the ones both sides show are compared.
  if (input.mode !== 'exact' && input.mode !== 'regex') input = { ...input, ...withoutClusterAddOns(input.expected, input.actual, input.command) };
  let result = compareOnce(input);
  // A watch's first rows may be states its object passed through before the page's author looked.
  if (!result.ok && input.mode !== 'exact' && input.mode !== 'regex' && isWatchCommand(input.command)) {
    for (const actual of withoutEarlierStates(input.actual)) {
      const trimmed = compareOnce({ ...input, actual });
      if (trimmed.ok) {
        result = trimmed;
        break;
      }
    }
  }
  // A looping container's log holds more rounds of its block than the page shows: the page's
  // rounds are compared with the first ones.
  if (!result.ok && input.mode !== 'exact' && input.mode !== 'regex' && isWholeLog(input.command)) {
    const actual = firstRounds(input.expected, input.actual);
    const rounds = actual === undefined ? undefined : compareOnce({ ...input, actual });
    if (rounds?.ok) result = rounds;
  }
  const { ok, differences, bindings, strategy } = result;
  let diff = '';
  if (!ok) {
    try {
      diff = unifiedDiff(splitLines(input.expected), splitLines(input.actual));
    } catch {
      diff = '';
    }
  }
  return { ok, differences, diff, bindings: bindings.list, ...(strategy ? { strategy } : {}) };
}

/** One comparison of the doc's output with an actual output: its differences, sorted, and whether they fail. */
function compareOnce(input: MatchInput): { ok: boolean; differences: Difference[]; bindings: BindingSet; strategy?: MatchStrategy } {
  const origin = { line: input.line, column: input.column };
  const bindings = new BindingSet(input.bindings ?? []);
  let differences: Difference[];
  let strategy: MatchStrategy | undefined;
  try {
    ({ differences, strategy } = compare(input, origin, bindings));
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    differences = [{ kind: 'wrong-value', message: `could not compare outputs: ${why}`, ...origin }];
  }
  differences.sort((a, b) => a.line - b.line || a.column - b.column);
  // "Similar to" output may show a subset: fields or columns a newer cluster adds, which the doc
  // lacks, and values the cluster's distribution sets, are reported but do not fail the step.
  // Anything else does.
  const ok = differences.every((d) => isTolerated(d, input.mode));
  return { ok, differences, bindings, ...(strategy ? { strategy } : {}) };
}
