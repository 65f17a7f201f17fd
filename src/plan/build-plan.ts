import { classifyStep } from './classify.js';
import { withShownPodShell } from './shown-shell.js';
import type { Lesson, Plan, Step } from './types.js';

/**
 * Turns a parsed lesson into a plan: every command step gets its class, program and
 * kubectl subcommand from {@link classifyStep} (the command and where it runs). Pure; the lesson is not modified.
 * Steps keep doc order and ids; setup steps (`setup: true`) are meant to run first.
 */
export function buildPlan(lesson: Lesson): Plan {
  const classified: Step[] = lesson.steps.map((step) => {
    if (step.kind !== 'command') return { ...step };
    const c = classifyStep(step.command, step.host);
    const next = { ...step, class: c.class, program: c.program };
    if (c.subcommand === undefined) delete next.subcommand;
    else next.subcommand = c.subcommand;
    return next;
  });
  const steps = withShownPodShell(classified);
  const plan: Plan = { version: 1, path: lesson.path, steps, findings: [...lesson.findings] };
  if (lesson.title !== undefined) plan.title = lesson.title;
  if (lesson.links) plan.links = lesson.links.map((l) => ({ ...l }));
  if (lesson.cluster) plan.cluster = { ...lesson.cluster };
  if (lesson.featureGates) plan.featureGates = lesson.featureGates.map((g) => ({ ...g }));
  if (lesson.settings) plan.settings = lesson.settings.map((s) => ({ ...s }));
  return plan;
}
