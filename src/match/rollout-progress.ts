/**
 * `kubectl rollout status` prints a progress line each time the object's status changes while it
 * waits, then a final line. Which progress lines a run prints depends on how far the rollout got
 * before kubectl looked: a doc's progress lines may or may not show up in another run, so they are
 * not compared — but only lines in a wording kubectl 1.32 prints (a line in an older wording, such
 * as `Waiting for rollout to finish: …` without the object's name, is still compared and fails).
 * Wordings from kubectl 1.32's polymorphichelpers/rollout_status.go.
 */
import type { Line } from './lines.js';

const Q = '"[^"]+"';
const N = '\\d+';

/** Lines printed while waiting, per kind. */
export const ROLLOUT_PROGRESS: readonly RegExp[] = [
  new RegExp(`^Waiting for deployment ${Q} rollout to finish: ${N} out of ${N} new replicas have been updated\\.\\.\\.$`),
  new RegExp(`^Waiting for deployment ${Q} rollout to finish: ${N} old replicas are pending termination\\.\\.\\.$`),
  new RegExp(`^Waiting for deployment ${Q} rollout to finish: ${N} of ${N} updated replicas are available\\.\\.\\.$`),
  /^Waiting for deployment spec update to be observed\.\.\.$/,
  /^Waiting for daemon set spec update to be observed\.\.\.$/,
  new RegExp(`^Waiting for daemon set ${Q} rollout to finish: ${N} out of ${N} new pods have been updated\\.\\.\\.$`),
  new RegExp(`^Waiting for daemon set ${Q} rollout to finish: ${N} of ${N} updated pods are available\\.\\.\\.$`),
  /^Waiting for statefulset spec update to be observed\.\.\.$/,
  new RegExp(`^Waiting for ${N} pods to be ready\\.\\.\\.$`),
  new RegExp(`^Waiting for partitioned roll out to finish: ${N} out of ${N} new pods have been updated\\.\\.\\.$`),
  new RegExp(`^waiting for statefulset rolling update to complete ${N} pods at revision \\S+\\.\\.\\.$`),
];

/** The line a finished rollout ends with. */
export const ROLLOUT_DONE: readonly RegExp[] = [
  new RegExp(`^deployment ${Q} successfully rolled out$`),
  new RegExp(`^daemon set ${Q} successfully rolled out$`),
  new RegExp(`^partitioned roll out complete: ${N} new pods have been updated\\.\\.\\.$`),
  new RegExp(`^statefulset rolling update complete ${N} pods at revision \\S+\\.\\.\\.$`),
];

const ROLLOUT_STATUS = /\bkubectl\b(?:\s+\S+)*?\s+rollout\s+status\b/;

/** True when the command waits on a rollout (`kubectl rollout status …`) and prints progress lines. */
export function isRolloutStatus(command: string | undefined): boolean {
  return command !== undefined && ROLLOUT_STATUS.test(command) && !/\s(?:-w|--watch)[= ]?false\b/.test(command);
}

const isProgress = (l: Line): boolean => ROLLOUT_PROGRESS.some((r) => r.test(l.text.trim()));
const isDone = (l: Line): boolean => ROLLOUT_DONE.some((r) => r.test(l.text.trim()));

/**
 * The lines of a rollout's output to compare: progress lines dropped on both sides; when the doc
 * shows only progress (the rollout still going when the author copied it), the actual final line
 * is dropped too, since this run may simply have finished sooner.
 */
export function withoutProgress(doc: readonly Line[], actual: readonly Line[]): { doc: Line[]; actual: Line[] } {
  const d = doc.filter((l) => !isProgress(l));
  const onlyProgress = d.length === 0 && doc.length > 0;
  const a = actual.filter((l) => !isProgress(l) && !(onlyProgress && isDone(l)));
  return { doc: d, actual: a };
}
