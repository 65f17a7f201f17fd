import { diagnostic, type Diagnostic } from '../../diag/diagnostic.js';
import type { CommandStep } from '../../plan/types.js';
import type { LintContext } from '../context.js';
import type { LintRule } from '../types.js';

/** `kubectl expose deployment/x`, `kubectl expose deployment x`: the kind, name and Service name. */
function exposeOf(command: string): { kind: string; name: string; service: string } | undefined {
  const m = /\bkubectl\s+expose\s+(?:(\w+)\/([\w.-]+)|(\w+)\s+([\w.-]+))/.exec(command);
  if (!m || /\s(-l|--labels)[\s=]/.test(command)) return undefined;
  const kind = (m[1] ?? m[3]!)
    .toLowerCase()
    .replace(/^deploy$/, 'deployment')
    .replace(/s$/, '');
  const name = m[2] ?? m[4]!;
  return { kind, name, service: /--name[= ]([\w.-]+)/.exec(command)?.[1] ?? name };
}

/** The labels of the doc's manifest for kind/name: an object (possibly empty), or undefined when the doc has no such manifest. */
function manifestLabels(ctx: LintContext, kind: string, name: string): Record<string, unknown> | undefined {
  for (const step of ctx.manifests) {
    const loaded = ctx.load(step);
    if (!loaded?.ok) continue;
    for (const doc of loaded.documents) {
      const v = doc.value as { kind?: unknown; metadata?: { name?: unknown; labels?: unknown } } | null;
      if (typeof v?.kind !== 'string' || v.kind.toLowerCase() !== kind || v.metadata?.name !== name) continue;
      const labels = v.metadata.labels;
      return labels && typeof labels === 'object' ? (labels as Record<string, unknown>) : {};
    }
  }
  return undefined;
}

/**
 * `kubectl expose` gives the Service the labels of the object it exposes. A doc that exposes a
 * Deployment whose manifest has no labels, then shows `Labels: run=x` in `describe svc`, shows
 * output no cluster prints (often the output of a Service manifest it also shows).
 */
export const exposeLabels: LintRule = {
  id: 'expose-labels',
  severity: 'warning',
  description: "`describe svc` shows labels that `kubectl expose` cannot have given the Service: the exposed object's manifest has other labels.",
  check(_plan, ctx) {
    const out: Diagnostic[] = [];
    const exposed = new Map<string, { kind: string; name: string; labels: Record<string, unknown>; step: CommandStep }>();
    for (const step of ctx.commands) {
      const e = exposeOf(step.command);
      if (e) {
        const labels = manifestLabels(ctx, e.kind, e.name);
        if (labels) exposed.set(e.service, { ...e, labels, step });
        else exposed.delete(e.service);
        continue;
      }
      // Another command that (re)creates the Service from a manifest ends what expose made.
      if (/\bkubectl\s+(apply|create|replace)\b/.test(step.command)) for (const svc of [...exposed.keys()]) if (step.command.includes(svc)) exposed.delete(svc);
      const d = /\bkubectl\s+describe\s+(?:svc|service|services)(?:\/|\s+)([\w.-]+)/.exec(step.command);
      const source = d ? exposed.get(d[1]!) : undefined;
      if (!source || !step.expected) continue;
      const lines = step.expected.text.split('\n');
      const at = lines.findIndex((l) => /^\s*Labels:\s/.test(l));
      if (at < 0) continue;
      const shown = lines[at]!.replace(/^\s*Labels:\s*/, '').trim();
      const actual =
        Object.entries(source.labels)
          .map(([k, v]) => `${k}=${String(v)}`)
          .sort()
          .join(',') || '<none>';
      if (
        shown === actual ||
        shown
          .split(/\s*,\s*|\s+/)
          .sort()
          .join(',') === actual
      )
        continue;
      out.push(
        diagnostic(
          this.id,
          'warning',
          { line: step.expected.position.line + at, column: step.expected.position.column },
          `\`Labels: ${shown}\` cannot come from \`kubectl expose\` (line ${source.step.line}): it copies the labels of ${source.kind} ${source.name}, which are ${actual} in the doc's manifest`,
          { stepId: step.id, expected: shown, actual },
        ),
      );
    }
    return out;
  },
};
