import { diagnostic, type Diagnostic } from '../../diag/diagnostic.js';
import { parseKubectl, spanPosition } from '../command-model.js';
import { REMOVED_FLAGS } from '../data/removed-flags.js';
import type { LintRule } from '../types.js';

/** kubectl flags and subcommands that were removed (error) or deprecated (warning). */
export const removedFlag: LintRule = {
  id: 'removed-flag',
  severity: 'error',
  description: 'A kubectl flag or subcommand that was removed (`run --replicas`, `get --export`, `rolling-update`) or deprecated (`--record`).',
  check(_plan, ctx) {
    const out: Diagnostic[] = [];
    for (const step of ctx.commands) {
      for (const sc of ctx.simple(step)) {
        if (sc.program?.value !== 'kubectl') continue;
        const call = parseKubectl(sc.args);
        const sub = call.path[0];
        for (const entry of REMOVED_FLAGS) {
          if (entry.subcommand && entry.subcommand !== sub?.value) continue;
          const given = entry.flag ? call.flags.get(entry.flag) : undefined;
          if (entry.flag && (!given || (entry.bareOnly && given.every((g) => g.value !== true && g.word.value.includes('='))))) continue;
          const word = given?.[0]?.word ?? sub!;
          const what = entry.flag ? `\`kubectl ${sub?.value ?? ''} ${entry.flag}\``.replace('  ', ' ') : `\`kubectl ${entry.subcommand}\``;
          const severity = entry.removedIn ? 'error' : 'warning';
          const when = entry.removedIn ? `was removed in kubectl ${entry.removedIn}` : `is deprecated since kubectl ${entry.deprecatedIn}`;
          out.push(
            diagnostic(this.id, severity, spanPosition(step, word.start, word.end), `${what} ${when}; ${entry.instead}`, {
              stepId: step.id,
              actual: word.raw,
            }),
          );
        }
      }
    }
    return out;
  },
};
