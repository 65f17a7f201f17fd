import { diagnostic, type Diagnostic } from '../../diag/diagnostic.js';
import type { CommandStep } from '../../plan/types.js';
import { spanPosition } from '../command-model.js';
import type { LintContext } from '../context.js';
import { PLACEHOLDER_PATTERNS } from '../placeholders.js';
import { parseCommandLine, type ShellWord as Word } from '../../shell/index.js';
import type { LintRule } from '../types.js';

/** Variables a shell or the runner always has. */
const PRESET_VARS = new Set([
  'HOME',
  'PATH',
  'USER',
  'PWD',
  'OLDPWD',
  'SHELL',
  'HOSTNAME',
  'RANDOM',
  'TERM',
  'LANG',
  'KUBECONFIG',
  'EDITOR',
  'KUBE_EDITOR',
  'TMPDIR',
  'UID',
  'SECONDS',
  'IFS',
]);
/** Angle-bracket words kubectl itself prints (`<none>`), which are not placeholders. */
const KUBECTL_TOKENS = new Set(['none', 'unset', 'pending', 'nil', 'invalid', 'unknown', 'no value', 'empty']);

/** Placeholders and unset variables: the runner binds them at run time, so this is info. */
export const unboundPlaceholder: LintRule = {
  id: 'unbound-placeholder',
  severity: 'info',
  description: 'A placeholder (`<pod-name>`, `REPLACE_WITH_…`, `xx.xxx.xxx.xxx`) or a `$VAR` never set earlier; bound at run time.',
  check(_plan, ctx) {
    const out: Diagnostic[] = [];
    const setVars = new Set<string>();
    for (const step of ctx.commands) {
      for (const m of placeholders(step.command)) {
        const range = spanPosition(step, m.index, m.index + m.text.length);
        out.push(diagnostic(this.id, 'info', range, `\`${m.text}\` is a placeholder; it will be bound at run time`, { stepId: step.id, actual: m.text }));
      }
      for (const name of parseCommandLine(step.command).loopVariables) setVars.add(name);
      for (const sc of ctx.simple(step)) {
        const words = [...sc.assignments, ...(sc.program ? [sc.program] : []), ...sc.args, ...sc.redirects.map((r) => r.target)];
        if (!ctx.isRemote(step)) {
          for (const v of unsetVariables(words, setVars)) {
            const range = spanPosition(step, v.offset, v.offset + v.text.length);
            out.push(
              diagnostic(this.id, 'info', range, `\`${v.text}\` is not set by an earlier step; it will be bound at run time`, {
                stepId: step.id,
                actual: v.text,
              }),
            );
          }
        }
        recordAssignments(sc.program, sc.args, sc.assignments, setVars);
      }
    }
    outputPlaceholders(ctx, out, this.id);
    manifestPlaceholders(ctx, out, this.id);
    return out;
  },
};

function placeholders(text: string): Array<{ index: number; text: string }> {
  const found: Array<{ index: number; text: string }> = [];
  for (const { pattern } of PLACEHOLDER_PATTERNS) {
    for (const m of text.matchAll(pattern)) {
      if (m[1] && KUBECTL_TOKENS.has(m[1].toLowerCase())) continue;
      found.push({ index: m.index!, text: m[0] });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

/** `$VAR` / `${VAR}` uses outside single quotes whose variable no earlier step set. */
function unsetVariables(words: Word[], setVars: Set<string>): Array<{ offset: number; text: string }> {
  const found: Array<{ offset: number; text: string }> = [];
  for (const w of words) {
    for (const m of w.raw.matchAll(/\$(?:\{([A-Za-z_]\w*)[^}]*\}|([A-Za-z_]\w*))/g)) {
      const name = m[1] ?? m[2]!;
      const at = m.index!;
      if (w.singleQuoted.some(([a, b]) => at >= a && at < b) || w.raw[at - 1] === '\\') continue;
      if (setVars.has(name) || PRESET_VARS.has(name)) continue;
      found.push({ offset: w.start + at, text: m[0] });
    }
  }
  return found;
}

function recordAssignments(program: Word | undefined, args: Word[], assignments: Word[], setVars: Set<string>): void {
  for (const a of assignments) setVars.add(a.raw.slice(0, a.raw.indexOf('=')));
  const name = program?.value;
  if (name === 'export' || name === 'local' || name === 'declare' || name === 'readonly') {
    for (const a of args) {
      const m = /^([A-Za-z_]\w*)(=|$)/.exec(a.value);
      if (m) setVars.add(m[1]!);
    }
  } else if (name === 'read') {
    for (const a of args) if (/^[A-Za-z_]\w*$/.test(a.value)) setVars.add(a.value);
  } else if (name === 'for' && args[0]) setVars.add(args[0].value);
}

/** Redacted values in expected outputs (`xx.xxx.xxx.xxx`, `<EXTERNAL-IP>`). */
function outputPlaceholders(ctx: LintContext, out: Diagnostic[], ruleId: string): void {
  for (const step of ctx.commands as CommandStep[]) {
    const expected = step.expected;
    if (!expected) continue;
    for (const m of placeholders(expected.text)) {
      if (m.text.startsWith('<') && !/^<[A-Z][A-Z0-9_-]*>$/.test(m.text)) continue;
      const before = expected.text.slice(0, m.index).split('\n');
      const line = expected.position.line + before.length - 1;
      const column = before.length === 1 ? expected.position.column + m.index : before[before.length - 1]!.length + 1;
      out.push(
        diagnostic(
          ruleId,
          'info',
          { line, column },
          `\`${m.text}\` in the expected output is a placeholder; it will be bound to the actual value at run time`,
          {
            stepId: step.id,
            actual: m.text,
          },
        ),
      );
    }
  }
}

/** Values a manifest asks the reader to fill in (`REPLACE_WITH_BASE64_CERT`). */
/** What the runner does with a placeholder in a manifest (see src/run/fill-manifest.ts). */
function manifestPlaceholderMessage(text: string): string {
  if (/^REPLACE_WITH_BASE64_/.test(text)) return `\`${text}\` in the manifest is a placeholder; the runner fills it with the earlier base64 output about it`;
  return `\`${text}\` in the manifest is a placeholder the reader fills in; the runner writes the manifest as shown`;
}

function manifestPlaceholders(ctx: LintContext, out: Diagnostic[], ruleId: string): void {
  for (const step of ctx.manifests) {
    if (step.origin !== 'inline' || !step.content) continue;
    const first = ctx.contentLine(step);
    step.content.split('\n').forEach((text, i) => {
      for (const m of text.matchAll(/\bREPLACE_WITH_[A-Z0-9_]+\b|\b(?:[xX]{1,3}\.){3}[xX]{1,3}\b/g)) {
        out.push(
          diagnostic(ruleId, 'info', { line: first + i, column: step.position.column + m.index! }, manifestPlaceholderMessage(m[0]), {
            stepId: step.id,
            actual: m[0],
          }),
        );
      }
    });
  }
}
