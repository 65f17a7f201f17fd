/**
 * The lesson's step loop: each step in order (skipped once the run is interrupted, timed out or
 * quit), steps kept running in another terminal finished when their lines appear or their section
 * ends, and the lesson's error when it stopped early.
 */
import { isAbsolute, relative, resolve } from 'node:path';
import type { ManifestStep, Step } from '../plan/types.js';
import { missingPaths } from './look.js';
import { dependencyReason, dependsOn, presentObjects, producedNames, readable, skippedOnly } from './depends.js';
import { fillManifest } from './fill-manifest.js';
import { fillManifestPlaceholders, recordTemplates } from './manifest-placeholders.js';
import { finishConcurrent, hasShown, runsConcurrently, startConcurrent, type Concurrent } from './concurrent.js';
import type { NormalizedRunOptions, StepDecision } from './options.js';
import { baseResult, skipped, stepFindings } from './outcome.js';
import { writeManifest } from './sandbox.js';
import { stepRoles } from './select.js';
import type { LessonState } from './state.js';
import { runCommandStep } from './step/index.js';
import { judgeShownOutput } from './shown-output.js';
import { prepareStep } from './step/prepare.js';
import { podBackgroundLine } from './rewrite/index.js';
import type { LessonResult, StepResult } from './types.js';

/** Why the remaining steps are skipped, if they are. */
function stopReason(o: NormalizedRunOptions, state: LessonState, quit: boolean): string | null {
  return o.signal?.aborted
    ? 'the run was interrupted'
    : state.lessonTimedOut
      ? 'the lesson time limit was reached'
      : quit
        ? 'the reader quit the walk-through'
        : null;
}

/** What one step comes to: its result, or a step started in another terminal (finished later). */
async function stepOutcome(
  state: LessonState,
  step: Step,
  index: number,
  stop: string | null,
  decision: StepDecision | undefined,
): Promise<{ result: StepResult } | { started: Concurrent }> {
  let r: StepResult;
  if (stop) r = skipped(step, stop);
  else if (decision?.action === 'quit') r = skipped(step, 'the reader quit the walk-through');
  else if (decision?.action === 'skip') r = skipped(step, 'skipped by the reader');
  else if (
    step.kind === 'command' &&
    runsConcurrently(step) &&
    !decision &&
    dependsOn(step.command, readable(step.command, skippedOnly(state.skippedProducers, presentObjects(state.ran))))
  ) {
    // Kept running in another terminal or not, what it reads was never made (a file, an object
    // by name or through its pods: `port-forward mongo-75f59d57f4-4nd6q` of a Deployment never applied).
    const p = dependsOn(step.command, readable(step.command, skippedOnly(state.skippedProducers, presentObjects(state.ran))))!;
    r = skipped(step, dependencyReason(p));
    state.skippedProducers.push({ line: step.line, reason: p.reason, names: producedNames(step.command) });
  } else if (step.kind === 'command' && runsConcurrently(step) && !decision && step.host.kind === 'pod') {
    // Typed in a pod's shell: prepared as any line there (bindings, the shell it was typed in, what
    // it reads), then run in that pod in the background.
    const ready = await prepareStep(state, step, index);
    if (!('prepared' in ready)) return { result: ready };
    const pod = ready.prepared.podTarget;
    if (!pod) r = await runCommandStep(state, step, index);
    else {
      const rewrites = ready.rewrites.filter((w) => w.kind !== 'interactive');
      return { started: await startConcurrent(state, step, index, { command: podBackgroundLine(pod, ready.command), rewrites }) };
    }
  } else if (step.kind === 'command' && runsConcurrently(step) && !decision) {
    return { started: await startConcurrent(state, step, index) };
  } else if (step.kind === 'manifest' && step.partial && step.file !== null) {
    // Lines to add to a file: the file as the page means it is not shown, so what reads it cannot be checked.
    const reason = `the page shows only lines to add to ${step.file} (line ${step.line}), not the whole file`;
    state.templateManifests.set(step.file, { file: step.file, line: step.line, placeholder: '', at: `line ${step.line}`, reason, unusable: reason });
    r = skipped(step, reason);
  } else if (step.kind === 'manifest') {
    const filled = step.content === null ? null : fillManifest(step.content, state.ran);
    // `<pod-name>`-like values are filled as in commands; a file left with one is a template.
    const reader = filled && step.language !== 'text' ? fillManifestPlaceholders(filled.content, state.observations, step.section ?? '') : null;
    const written = await writeStepManifest(state, reader ? { ...step, content: reader.content } : step);
    r = 'reason' in written ? skipped(step, written.reason) : baseResult(step);
    // A file the runner could not write is missing for the steps that use it (`chmod +x worker.py`).
    if ('reason' in written && step.file) state.skippedProducers.push({ line: step.line, reason: written.reason, names: new Set([step.file]) });
    if ('written' in written) recordTemplates(state.templateManifests, written.written, step, reader?.left ?? []);
    const rewrites = [...(filled?.rewrites ?? []), ...(reader?.rewrites ?? [])];
    if (rewrites.length) r.rewrites = rewrites;
  } else if (decision?.action === 'run' && decision.command !== undefined && decision.command !== step.command) {
    r = await runCommandStep(state, { ...step, command: decision.command }, index);
    r.command = step.command;
    r.rewrites.unshift({ kind: 'edit', from: step.command, to: decision.command, reason: 'edited by the reader' });
  } else r = await runCommandStep(state, step, index);
  return { result: r };
}

/** Writes a manifest step's file; one the prose puts in a folder goes under the shell's working directory of this point. */
async function writeStepManifest(state: LessonState, step: ManifestStep): Promise<ReturnType<typeof writeManifest>> {
  const { home, owner } = state.sandbox;
  if (!step.folder) return writeManifest(home, step, owner);
  const { cwd } = await missingPaths(state, [], 'exists');
  const rel = cwd === undefined ? null : relative(home, cwd);
  if (rel === null || rel.startsWith('..') || isAbsolute(rel)) {
    return { reason: `the shell's working directory ${cwd ?? '(unknown)'} is outside the lesson's home; ${step.folder}/${step.file} not written` };
  }
  return writeManifest(home, step, owner, resolve(home, rel));
}

/** Records a command step's findings, and what it did for a later line that prints its `$?`. */
function recordCommand(state: LessonState, result: LessonResult, step: Step, r: StepResult): void {
  if (step.kind !== 'command') return;
  result.findings.push(...stepFindings(step, r));
  state.previousCommand = {
    line: step.line,
    status: r.status,
    exitDiffers: r.differences.some((d) => d.kind === 'exit-status'),
    exitCode: r.exitCode ?? null,
  };
}

/** The lesson's error when it stopped before its end: interrupted, or out of time. */
function stoppedEarly(o: NormalizedRunOptions, state: LessonState, result: LessonResult): void {
  if (o.signal?.aborted) result.error ??= { code: 'ERR_INTERRUPTED', message: 'the run was interrupted; remaining steps were not run' };
  else if (state.lessonTimedOut) {
    result.error ??= {
      code: 'ERR_LESSON_TIMEOUT',
      message: `the lesson exceeded its time limit of ${Math.round(o.lessonTimeoutMs / 1000)}s; raise it with the lesson timeout option`,
    };
  }
}

/** True when a step from `from` on, which runs, shows the output of the step at `line`. */
function shownLater(steps: readonly Step[], roles: readonly string[], from: number, line: number): boolean {
  return steps.some((s, i) => i >= from && roles[i] !== 'omit' && s.kind === 'command' && !s.skip && s.showsOutputOf?.line === line);
}

/** Runs the lesson's steps in order into `result`. */
export async function runSteps(state: LessonState, result: LessonResult): Promise<void> {
  const { plan, options: o } = state;
  const roles = stepRoles(plan.steps, o.select);
  const total = roles.filter((r) => r !== 'omit').length;
  let n = 0;
  let quit = false;
  // Steps running in another terminal, finished when their lines appear or their section ends.
  let pending: Concurrent[] = [];
  const finish = async (c: Concurrent, waitMs: number): Promise<void> => {
    pending = pending.filter((p) => p !== c);
    const r = await finishConcurrent(state, c, waitMs);
    result.findings.push(...stepFindings(c.step, r));
    o.onStepResult(r, c.step);
  };
  for (const [index, step] of plan.steps.entries()) {
    const role = roles[index]!;
    if (role === 'omit') continue;
    for (const c of [...pending]) {
      // Its section ended, or the page told the reader to stop it (Ctrl+C) before this step; a
      // step still to come that shows its output keeps it running past its section.
      const stopped = c.step.stoppedAt !== undefined && c.step.stoppedAt.line < step.line;
      if (stopped || (step.section !== c.step.section && !shownLater(plan.steps, roles, index, c.step.line))) await finish(c, o.settleMs);
    }
    if (Date.now() >= state.deadline) state.lessonTimedOut = true;
    const stop = stopReason(o, state, quit);
    const position = n++;
    o.onStepStart(step, position, total);
    const decision = !stop && step.kind === 'command' && o.beforeStep ? await o.beforeStep(step, position, total) : undefined;
    if (decision?.action === 'quit') quit = true;
    const shown = !stop && !decision && step.kind === 'command' && step.showsOutputOf ? await judgeShownOutput(state, step, pending, result.steps) : undefined;
    const outcome = shown ? { result: shown } : await stepOutcome(state, step, index, stop, decision);
    if ('started' in outcome) {
      const c = outcome.started;
      if (role === 'replay') c.result.replay = true;
      result.steps.push(c.result);
      pending.push(c);
      continue;
    }
    const r = outcome.result;
    if (role === 'replay') r.replay = true;
    result.steps.push(r);
    recordCommand(state, result, step, r);
    o.onStepResult(r, step);
    for (const c of [...pending]) {
      if (await hasShown(state, c)) await finish(c, 0);
    }
  }
  for (const c of [...pending]) await finish(c, o.signal?.aborted ? 0 : o.settleMs);
  stoppedEarly(o, state, result);
}
