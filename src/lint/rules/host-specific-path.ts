import { diagnostic, type Diagnostic } from '../../diag/diagnostic.js';
import { spanPosition } from '../command-model.js';
import type { LintRule } from '../types.js';

/** Paths that exist only on the author's machine, with what makes them host-specific. */
export const HOST_PATHS: ReadonlyArray<{ pattern: RegExp; why: string }> = [
  { pattern: /(?<![\w.~/-])\/[a-zA-Z]\/(?:tmp|Users|users|home|temp|Temp)\b[^\s'"]*/g, why: 'a Windows drive mounted in Git Bash/MSYS' },
  { pattern: /(?<![\w])[A-Za-z]:\\[^\s'"]*/g, why: 'a Windows drive path' },
  { pattern: /~\/(?:Downloads|Desktop|Documents)\b[^\s'"]*/g, why: "a folder of the author's home directory" },
  { pattern: /(?<![\w.-])\/Users\/(?!\$)[A-Za-z0-9._-]+[^\s'"]*/g, why: 'a macOS home directory' },
  { pattern: /(?<![\w.-])\/home\/(?!\$)[A-Za-z0-9._-]+[^\s'"]*/g, why: 'a Linux home directory' },
];

/** Commands using paths tied to the author's machine (`/d/tmp`, `C:\…`, `/Users/alice`). */
export const hostSpecificPath: LintRule = {
  id: 'host-specific-path',
  severity: 'warning',
  description: "A command uses a path that exists only on the author's machine (`/d/tmp`, `C:\\…`, `~/Downloads`, `/Users/<name>`).",
  check(_plan, ctx) {
    const out: Diagnostic[] = [];
    for (const step of ctx.commands) {
      if (step.host.kind !== 'local') continue;
      for (const { pattern, why } of HOST_PATHS) {
        for (const m of step.command.matchAll(pattern)) {
          const range = spanPosition(step, m.index!, m.index! + m[0].length);
          out.push(
            diagnostic(this.id, 'warning', range, `\`${m[0]}\` is ${why}; it will not exist on a reader's machine or in the runner (use a relative path or /tmp)`, {
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
