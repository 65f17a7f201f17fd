import { diagnostic, type Diagnostic } from '../../diag/diagnostic.js';
import { spanPosition } from '../command-model.js';
import { HOST_PATHS } from '../data/host-paths.js';
import type { LintRule } from '../types.js';

/** Commands using paths tied to the author's machine (`/d/tmp`, `C:\…`, `/Users/alice`). */
export const hostSpecificPath: LintRule = {
  id: 'host-specific-path',
  severity: 'warning',
  description: "A command uses a path that exists only on the author's machine (`/d/tmp`, `C:\\…`, `~/Downloads`, `/Users/<name>`).",
  check(_plan, ctx) {
    const out: Diagnostic[] = [];
    for (const step of ctx.commands) {
      if (ctx.isRemote(step)) continue;
      for (const { pattern, why } of HOST_PATHS) {
        for (const m of step.command.matchAll(pattern)) {
          const range = spanPosition(step, m.index!, m.index! + m[0].length);
          out.push(
            diagnostic(this.id, 'warning', range, `\`${m[0]}\` is ${why}; it will not exist on a reader's machine (use a relative path or /tmp)`, {
              stepId: step.id,
              actual: m[0],
            }),
          );
        }
      }
    }
    return out;
  },
};
