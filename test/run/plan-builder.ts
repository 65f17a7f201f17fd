/** Builds small plans for runner tests without the parser. */
import type { CommandClass, CommandStep, HostContext, ManifestStep, MatchMode, Plan, Step } from '../../src/plan/types.js';

let counter = 0;

/** A command step at `line`. */
export function cmd(
  line: number,
  command: string,
  opts: { expected?: string; mode?: MatchMode; cls?: CommandClass; host?: HostContext; skip?: string; timeoutMs?: number; setup?: boolean } = {},
): CommandStep {
  const words = command.trim().split(/\s+/);
  const step: CommandStep = {
    id: `s${++counter}`,
    kind: 'command',
    line,
    position: { line, column: 1, endLine: line, endColumn: command.length + 1 },
    command,
    program: words[0] ?? '',
    ...(words[0] === 'kubectl' && words[1] ? { subcommand: words[1] } : {}),
    class: opts.cls ?? 'other',
    host: opts.host ?? { kind: 'local' },
    expected:
      opts.expected === undefined
        ? null
        : { text: opts.expected, position: { line: line + 2, column: 1, endLine: line + 2, endColumn: 1 }, form: 'fence', mode: opts.mode ?? 'exact' },
    inferred: false,
    setup: opts.setup ?? false,
    blockId: `b${line}`,
  };
  if (opts.skip) step.skip = opts.skip;
  if (opts.timeoutMs) step.timeoutMs = opts.timeoutMs;
  return step;
}

/** A manifest step. */
export function manifest(line: number, file: string | null, content: string | null, examplePath?: string): ManifestStep {
  return {
    id: `m${++counter}`,
    kind: 'manifest',
    line,
    position: { line, column: 1, endLine: line + 5, endColumn: 1 },
    file,
    language: 'yaml',
    content,
    origin: examplePath ? 'example' : 'inline',
    ...(examplePath ? { examplePath } : {}),
    inferred: false,
  };
}

/** A plan of the given steps. */
export function plan(steps: Step[], path = 'lesson.md'): Plan {
  return { version: 1, path, steps, findings: [] };
}
