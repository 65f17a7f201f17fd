import { diagnostic, type Diagnostic } from '../../diag/diagnostic.js';
import { parseKubectl, spanPosition, type KubectlCall } from '../command-model.js';
import { INTERACTIVE_COMMANDS } from '../data/interactive.js';
import type { LintRule } from '../types.js';

/** Commands that need a person or never end; the message says how the runner runs them. */
export const interactiveCommand: LintRule = {
  id: 'interactive-command',
  severity: 'warning',
  description: 'An interactive or never-ending command (kubectl edit, exec -it, get -w, port-forward …); says how it will be run.',
  check(_plan, ctx) {
    const out: Diagnostic[] = [];
    for (const step of ctx.commands) {
      // Shown again only for the output of the one kept running in another terminal: not run.
      if (step.showsOutputOf) continue;
      for (const sc of ctx.simple(step)) {
        // `watch kubectl …` is located at kubectl; the wrapper is what never ends.
        const program = sc.prefixes.some((p) => p.value === 'watch') ? 'watch' : sc.program?.value;
        if (!program || !sc.program) continue;
        const call = parseKubectl(sc.args);
        const sub = program === 'kubectl' ? call.path[0]?.value : sc.args.find((a) => !a.value.startsWith('-'))?.value;
        const entry = INTERACTIVE_COMMANDS.find(
          (e) => e.program === program && (e.subcommand === undefined || e.subcommand === sub) && (!e.flags || e.flags.some((f) => hasFlagLetter(call, f))),
        );
        if (!entry) continue;
        const range = spanPosition(step, sc.program!.start, (sc.args[sc.args.length - 1] ?? sc.program!).end);
        out.push(
          diagnostic(this.id, 'warning', range, `\`${entry.name}\` is interactive or does not end by itself; the runner ${entry.how}`, {
            stepId: step.id,
          }),
        );
      }
    }
    return out;
  },
};

/** True when a flag is given, also inside a short-flag cluster (`-t` in `-it`). */
function hasFlagLetter(call: KubectlCall, flag: string): boolean {
  if (call.flags.has(flag) || [...call.flags.keys()].some((k) => k.startsWith(`${flag}=`))) {
    return (call.flags.get(flag) ?? []).every((f) => f.value !== 'false');
  }
  if (/^-[a-zA-Z]$/.test(flag)) return [...call.flags.keys()].some((k) => /^-[a-zA-Z]{2,}$/.test(k) && k.includes(flag[1]!));
  return false;
}
