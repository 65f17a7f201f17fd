import { diagnostic, type Diagnostic } from '../../diag/diagnostic.js';
import type { CommandStep } from '../../plan/types.js';
import { parseKubectl, spanPosition } from '../command-model.js';
import { KUBECTL_OTHER_SUBCOMMANDS, KUBECTL_SUBCOMMANDS } from '../data/kubectl.js';
import { KNOWN_PROGRAMS, type ShellWord as Word } from '../../shell/index.js';
import { closestWords } from '../similar.js';
import type { LintRule } from '../types.js';

const KNOWN = new Set(KNOWN_PROGRAMS);
const KUBECTL_ALL = [...KUBECTL_SUBCOMMANDS, ...KUBECTL_OTHER_SUBCOMMANDS];

/** A program or kubectl subcommand that is not known but is a typo away from one. */
export const unknownCommand: LintRule = {
  id: 'unknown-command',
  severity: 'error',
  description: 'A command starts with a misspelled program (`ubectl`) or kubectl subcommand (`kubectl gte`).',
  check(_plan, ctx) {
    const out: Diagnostic[] = [];
    for (const step of ctx.commands) {
      for (const sc of ctx.simple(step)) {
        const program = sc.program;
        if (!program || !/^[a-z][a-z0-9_+.-]*$/.test(program.raw)) continue;
        if (!KNOWN.has(program.value)) {
          const near = closestWords(program.value, KNOWN_PROGRAMS);
          if (near.length > 0) out.push(typo(this.id, step, program, near, 'program'));
          continue;
        }
        if (program.value !== 'kubectl') continue;
        const sub = parseKubectl(sc.args).path[0];
        if (!sub || !/^[a-z][a-z-]*$/.test(sub.raw) || KUBECTL_ALL.includes(sub.value)) continue;
        const near = closestWords(sub.value, KUBECTL_ALL);
        if (near.length > 0) out.push(typo(this.id, step, sub, near, 'kubectl subcommand'));
      }
    }
    return out;
  },
};

function typo(ruleId: string, step: CommandStep, word: Word, near: string[], what: string): Diagnostic {
  const range = spanPosition(step, word.start, word.end);
  const suggestion = near.length === 1 ? `\`${near[0]}\`` : near.map((n) => `\`${n}\``).join(' or ');
  return diagnostic(ruleId, 'error', range, `unknown ${what} \`${word.value}\`; did you mean ${suggestion}?`, {
    stepId: step.id,
    actual: word.raw,
    expected: near.join(' | '),
    fix:
      near.length === 1
        ? { description: `replace \`${word.raw}\` with \`${near[0]}\``, range, replacement: near[0]! }
        : { description: `replace \`${word.raw}\` with one of ${suggestion}` },
  });
}
