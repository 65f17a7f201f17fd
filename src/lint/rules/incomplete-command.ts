import { diagnostic, type Diagnostic } from '../../diag/diagnostic.js';
import type { CommandStep } from '../../plan/types.js';
import { hasFlag, parseKubectl, spanPosition, type SimpleCommand } from '../command-model.js';
import { REQUIRED_ARGS } from '../data/required-args.js';
import { programArguments } from '../../shell/index.js';
import { TYPOGRAPHIC_CHARS } from '../data/typography.js';
import type { LintRule } from '../types.js';

const DASHES = new Set(TYPOGRAPHIC_CHARS.filter((t) => t.rule === 'typographic-dash').map((t) => t.char));

/** Commands missing what they need to do anything (`curl -k`, `kubectl get`, `kubectl exec pod cmd`). */
export const incompleteCommand: LintRule = {
  id: 'incomplete-command',
  severity: 'error',
  description: 'A command lacks a required argument: curl without URL, kubectl get/apply/exec/create secret tls without what they need.',
  check(_plan, ctx) {
    const out: Diagnostic[] = [];
    for (const step of ctx.commands) {
      for (const sc of ctx.simple(step)) {
        // `--help` and `--version` need nothing else.
        if (sc.args.some((a) => ['--help', '-h', '--version', '-V', '--manual'].includes(a.value))) continue;
        const problem = sc.program?.value === 'curl' ? curlProblem(sc) : sc.program?.value === 'kubectl' ? kubectlProblem(sc) : undefined;
        if (!problem) continue;
        const range = spanPosition(step, sc.program!.start, (sc.args[sc.args.length - 1] ?? sc.program!).end);
        out.push(
          diagnostic(this.id, 'error', range, problem.message, {
            stepId: step.id,
            ...(problem.fix ? { fix: problem.fix(step) } : {}),
            ...(problem.actual ? { actual: problem.actual } : {}),
          }),
        );
      }
    }
    return out;
  },
};

interface Problem {
  message: string;
  fix?: (step: CommandStep) => Diagnostic['fix'];
  /** The text the fix replaces. */
  actual?: string;
}

function curlProblem(sc: SimpleCommand): Problem | undefined {
  // Data piped in (`curl … <<EOF`) still needs a URL; a `-K` config file may hold it.
  // Its options read as curl reads them (`-sSo file`: `file` is the output, not the URL).
  const read = programArguments('curl', sc.args);
  if (read.operands.length > 0 || ['-K', '--config', '--url'].some((o) => read.given.has(o))) return undefined;
  const shown = ['curl', ...sc.args.map((a) => a.raw)].join(' ');
  return { message: `\`${shown}\` has no URL: curl needs the address to request` };
}

function kubectlProblem(sc: SimpleCommand): Problem | undefined {
  const call = parseKubectl(sc.args);
  const path = call.path.map((w) => w.value).join(' ');
  if (path === 'exec') return execProblem(call.positionals, call.afterDashDash, hasFlag(call, '-f', '--filename'));
  const rule = [...REQUIRED_ARGS].reverse().find((r) => r.program === 'kubectl' && r.path === path);
  if (!rule) return undefined;
  const positionalsOk = call.positionals.length + (call.afterDashDash?.length ?? 0) >= (rule.positionals ?? 0);
  const anyOk = rule.anyOf ? hasFlag(call, ...rule.anyOf) : rule.positionals !== undefined ? false : true;
  const allOk = (rule.allOf ?? []).every((f) => hasFlag(call, f));
  const primaryOk = rule.positionals !== undefined ? positionalsOk || anyOk : anyOk;
  if (primaryOk && allOk) return undefined;
  return { message: `\`kubectl ${path}\` needs ${rule.needs}` };
}

function execProblem(
  positionals: { value: string; raw: string; start: number; end: number }[],
  after: unknown[] | undefined,
  byFile: boolean,
): Problem | undefined {
  if (positionals.length === 0 && !byFile) return { message: '`kubectl exec` needs a pod name and `-- <command>`' };
  if (after !== undefined) return after.length === 0 ? { message: '`kubectl exec` has nothing after `--`: give the command to run' } : undefined;
  const cmd = positionals[byFile ? 0 : 1];
  if (!cmd) return { message: '`kubectl exec` has no command: add `-- <command>` (for example `-- printenv`)' };
  if (DASHES.has(cmd.value[0]!)) {
    return { message: `\`kubectl exec\` has no \`--\` before the command: \`${cmd.value}\` is a typographic dash, not \`--\`` };
  }
  return {
    actual: cmd.raw,
    message: `\`kubectl exec POD ${cmd.value}\` without \`--\` is the removed form; write \`kubectl exec POD -- ${cmd.value} …\``,
    fix: (step) => {
      const range = spanPosition(step, cmd.start, cmd.end);
      return { description: 'insert `--` before the command', range, replacement: `-- ${cmd.raw}` };
    },
  };
}
