/**
 * `kubectl edit` made non-interactive: KUBE_EDITOR is a script applying the change the doc
 * describes — a sed expression from a `<!-- kubedoctest: edit s/…/…/ -->` directive (when the
 * parser provides `step.edit`), else a change the prose after it states plainly (`step.editProse`,
 * phrasings in src/plan/data/edit-prose.ts), else a change read from the doc's next expected outputs.
 */
import { editFromProse } from '../../plan/data/edit-prose.js';
import type { CommandStep } from '../../plan/types.js';
import type { RewriteContext } from './types.js';
import { writeInside } from '../safe-write.js';
import { shQuote } from '../../shell/index.js';

/** One change to make in the edited object's YAML. */
export interface EditChange {
  /** A sed expression applied to the YAML kubectl opens. */
  sed: string;
  /** Where it came from, for the report. */
  source: string;
}

const SERVICE_TYPES = ['LoadBalancer', 'NodePort', 'ClusterIP', 'ExternalName'];

/** Reads the change from the expected outputs of the next few steps, or null. */
export function deriveEdit(step: CommandStep, ctx: RewriteContext): EditChange | null {
  const directive = (step as CommandStep & { edit?: unknown }).edit;
  if (typeof directive === 'string' && directive.trim()) return { sed: directive.trim(), source: `the edit directive` };
  // A change the prose states plainly ("Change the number of replicas to 4").
  const said = step.editProse ? editFromProse(step.editProse.text) : undefined;
  if (said && step.editProse) return { sed: said.sed, source: `the prose at line ${step.editProse.line} ("${said.sentence}")` };
  const kind = / edit\s+(?:(svc|service|services)\b|(deploy|deployment|deployments)\b)/.exec(step.command);
  const later = ctx.steps.slice(ctx.index + 1, ctx.index + 4).filter((s): s is CommandStep => s.kind === 'command' && s.expected !== null);
  for (const s of later) {
    const text = s.expected!.text;
    if (!kind || kind[1]) {
      const yamlType = new RegExp(`^\\s*type:\\s*(${SERVICE_TYPES.join('|')})\\s*$`, 'm').exec(text);
      const tableType = new RegExp(`^\\S+\\s+(${SERVICE_TYPES.slice(0, 2).join('|')})\\s+`, 'm').exec(text);
      const type = yamlType?.[1] ?? tableType?.[1];
      if (type) return { sed: `s/^  type: .*/  type: ${type}/`, source: `the output shown at line ${s.expected!.position.line}` };
    }
    if (!kind || kind[2]) {
      const replicas = /^\s*replicas:\s*(\d+)\s*$/m.exec(text);
      if (replicas) return { sed: `s/^  replicas: .*/  replicas: ${replicas[1]}/`, source: `the output shown at line ${s.expected!.position.line}` };
    }
  }
  return null;
}

/** Writes the editor script and returns its path. */
export function writeEditor(ctx: RewriteContext, change: EditChange): string {
  // The run dir is the lesson's: no link it planted may redirect the write.
  return writeInside(ctx.runDir, `editor-${ctx.index}.sh`, `#!/bin/sh\nexec sed -i -e ${shQuote(change.sed)} "$1"\n`, { mode: 0o755 });
}
