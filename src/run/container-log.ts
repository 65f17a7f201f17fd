/**
 * Output the doc attributes to a container its step starts (`expected.log`): the container's log,
 * read with `kubectl logs` once the step ran, and read again while the cluster is still at work
 * (the container may not have run yet) until it matches, the settle window has passed, or the
 * cluster is at rest and the log stays the same.
 */
import type { MatchResult } from '../match/types.js';
import type { ContainerLog } from '../plan/types.js';
import { shQuote } from '../shell/index.js';
import { ClusterTime } from './pace.js';
import type { LessonContext } from './state.js';

/** The `kubectl logs` command that reads the container's log. */
export function logCommand(log: ContainerLog): string {
  const target = log.target!.startsWith('pod/') ? log.target!.slice(4) : log.target!;
  return [
    'kubectl logs',
    shQuote(target),
    ...(log.namespace ? ['-n', shQuote(log.namespace)] : []),
    ...(log.container ? ['-c', shQuote(log.container)] : []),
  ].join(' ');
}

/** Reads the log until it matches or waiting cannot change it; returns the last log read and its comparison. */
export async function readContainerLog(
  state: Pick<LessonContext, 'options' | 'session'>,
  log: ContainerLog,
  compare: (output: string, command: string) => MatchResult,
  run: (script: string) => Promise<string>,
): Promise<{ command: string; output: string; matched: MatchResult; attempts: number }> {
  const command = logCommand(log);
  const clock = new ClusterTime(state);
  let delay = state.options.settleIntervalMs;
  let previous: string | undefined;
  state.session.atRest?.(state.options.settleMs);
  for (let attempts = 1; ; attempts++) {
    const output = await run(`${command} 2>&1`);
    const matched = compare(output, command);
    const left = state.options.settleMs - clock.elapsed();
    if (matched.ok || delay > left || state.options.signal?.aborted) return { command, output, matched, attempts };
    const outcome = JSON.stringify([output.length > 0, matched.differences.map((d) => [d.kind, d.line, d.message])]);
    if ((state.session.atRest?.(left) ?? false) && outcome === previous) return { command, output, matched, attempts };
    previous = outcome;
    await clock.pause(delay);
    delay = Math.min(delay * 2, 2000);
  }
}
