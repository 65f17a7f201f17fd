import type { CommandStep, HostContext, ManifestStep, Plan, Step } from '../../src/plan/types.js';
import { lintPlan } from '../../src/lint/index.js';
import type { Diagnostic } from '../../src/diag/diagnostic.js';

let counter = 0;

/** A command step at a doc line (column 1 unless given). */
export function cmd(line: number, command: string, extra: Partial<CommandStep> & { hostKind?: HostContext['kind'] } = {}): CommandStep {
  const { hostKind, ...rest } = extra;
  const program = command.trim().split(/\s+/)[0] ?? '';
  const host: HostContext =
    hostKind === undefined || hostKind === 'local'
      ? { kind: 'local' }
      : hostKind === 'pod' || hostKind === 'node'
        ? { kind: hostKind, prompt: '$ ', source: { by: 'prompt' } }
        : { kind: hostKind, reason: 'test', source: { by: 'program' } };
  const lines = command.split('\n');
  return {
    id: `c${++counter}`,
    kind: 'command',
    line,
    position: { line, column: 1, endLine: line + lines.length - 1, endColumn: lines[lines.length - 1]!.length + 1 },
    command,
    program,
    class: 'other',
    host,
    expected: null,
    inferred: false,
    setup: false,
    blockId: `b${counter}`,
    ...rest,
  };
}

/** An inline manifest step; `line` is the opening fence line (content starts one below). */
export function manifest(line: number, content: string, extra: Partial<ManifestStep> = {}): ManifestStep {
  return {
    id: `m${++counter}`,
    kind: 'manifest',
    line,
    position: { line, column: 1, endLine: line + content.split('\n').length + 1, endColumn: 4 },
    file: null,
    language: 'yaml',
    content,
    origin: 'inline',
    inferred: false,
    ...extra,
  };
}

/** A plan of the given steps (path empty, so no source is read). */
export function plan(...steps: Step[]): Plan {
  return { version: 1, path: '', steps, findings: [] };
}

/** Lints a hand-built plan with one rule. */
export function lintOne(rule: string, ...steps: Step[]): Diagnostic[] {
  return lintPlan(plan(...steps), { rules: [rule] });
}
