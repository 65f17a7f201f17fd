import type { CommandStep } from '../plan/types.js';
import {
  ALONE_COMMANDS,
  DESCRIBE_FIRST_LINE,
  DESCRIBE_LINE,
  PRINTED_ENV_LINE,
  ENV_PRINTING,
  REPL_REPLY_LINE,
  SINGLE_VALUE,
  TABLE_HEADER,
  VALUE_PRINTING,
} from './data/output-blocks.js';
import { isOutputOnly, looksLikeCommand, programOf } from './line-kinds.js';
import type { DocLine } from './source-text.js';
import { textLineShape, type TextLineShape } from './data/text-lines.js';

/**
 * True when a fence's content is output whatever its language tag: a table header
 * (`NAME   READY   STATUS`), `Error from server …`, a database client's prompt or table
 * (`mysql>`, `127.0.0.1:6379>`, `+----+`), or a single value (`true`, `3`, a token) right after a
 * command that prints one value (jsonpath, `echo $VAR`, `wc -l`).
 */
export function looksLikeOutputBlock(lines: DocLine[], last: CommandStep | undefined): boolean {
  const nonBlank = lines.filter((l) => l.text.trim() !== '');
  const first = nonBlank[0]?.text.trim();
  if (first === undefined) return false;
  if (TABLE_HEADER.test(first) || /^(?:Error from server|error: )/.test(first)) return true;
  if (nonBlank.some((l) => REPL_REPLY_LINE.test(l.text.trim()))) return true;
  if (isDescribeOutput(nonBlank)) return true;
  if (nonBlank.length === 1 && last !== undefined && VALUE_PRINTING.test(last.command) && SINGLE_VALUE.test(first)) {
    return /^(?:true|false|-?\d+(?:\.\d+)?)$/.test(first) || !looksLikeCommand(first) || !ALONE_COMMANDS.has(first);
  }
  return false;
}

/**
 * True when a block reads as kubectl describe's output: its first line is a capitalised `Key:`
 * ({@link DESCRIBE_FIRST_LINE}) and either the key has several words (`Pods Status:`), its value
 * stands two spaces off (`Name:       pods-high`), or another line is describe's (a rule of dashes,
 * `Key:` alone). `Name: x` alone may be a page's note; `Name=x cmd` and `echo Name: x` are commands.
 */
export function isDescribeOutput(nonBlank: readonly DocLine[]): boolean {
  const first = nonBlank[0]?.text;
  if (first === undefined || !DESCRIBE_FIRST_LINE.pattern.test(first)) return false;
  const key = first.slice(0, first.indexOf(':'));
  if (/\s/.test(key) || /^[^:]*:\s{2,}\S/.test(first)) return true;
  return nonBlank.slice(1).some((l) => DESCRIBE_LINE.test(l.text));
}

/**
 * True when a block is the environment a command printed: every line `NAME=value` as printed (no
 * `export`, no command substitution; `$(VAR)` left unexpanded) right after `kubectl logs`, `printenv`
 * or `env` — a program echoing its environment, not assignments to run.
 */
export function isPrintedEnvironment(lines: DocLine[], last: CommandStep | undefined): boolean {
  if (last === undefined || !ENV_PRINTING.pattern.test(last.command)) return false;
  const nonBlank = lines.filter((l) => l.text.trim() !== '');
  return nonBlank.length > 0 && nonBlank.every((l) => PRINTED_ENV_LINE.test(l.text));
}

/**
 * True when the only lines of a block that read as commands are `NAME=value` as a program prints
 * them (no command after the value, no command substitution): after an output cue such a block is
 * output, while a real command line (`kubectl get cm x -o yaml`) after a cue stays a command.
 */
export function hasOnlyPrintedAssignments(lines: DocLine[]): boolean {
  const nonBlank = lines.filter((l) => l.text.trim() !== '');
  return nonBlank.every((l) => !looksLikeCommand(l.text) || (PRINTED_ENV_LINE.test(l.text) && programOf(l.text) === undefined));
}

/**
 * True when every line is a variable assignment and one is clearly shell (`export`, `$(…)`,
 * backticks, `$VAR`): `POD=$(kubectl get …)` is a command, never output; `HOME=/root` alone
 * may be `printenv` output.
 */
export function isAssignmentBlock(lines: DocLine[]): boolean {
  const nonBlank = lines.filter((l) => l.text.trim() !== '' && !l.text.trim().startsWith('#'));
  if (nonBlank.length === 0) return false;
  if (!nonBlank.every((l) => /^\s*(?:export\s+)?[A-Za-z_][A-Za-z0-9_]*=/.test(l.text) && !isOutputOnly(l.text))) return false;
  return nonBlank.some((l) => /^\s*export\s|\$[({A-Za-z_]|`/.test(l.text));
}

/** kubectl's result line of a mutating command: `deployment.apps/web created`, `pod "x" deleted`. */
export const RESULT_LINE =
  /^[\w.-]+(?:\/[\w.-]+|\s+"[^"]+")\s+(?:created|configured|unchanged|deleted|exposed|scaled|labeled|annotated|patched|replaced|edited|restarted|rolled back|cordoned|uncordoned|drained|tainted|evicted|serverside-applied|autoscaled|paused|resumed|image updated)\b/m;

/** Shapes that make a block an excerpt of a manifest (left to the manifest rules) or kubectl's messages. */
const YAML_SHAPES = new Set(['yaml-key', 'yaml-item']);

/** What a block that holds no command is, when every line of it has a shape no reader types. */
export interface NonCommandText {
  /** The first line whose shape makes the block an illustration (a host name, a setting, …), if any. */
  illustration?: { line: DocLine; shape: TextLineShape };
  /** Every line is kubectl's own message (`pod "x" deleted`, `node "n" already cordoned`) or other output. */
  messages: boolean;
}

/**
 * Reads a block line by line with {@link textLineShape} and the output-only lines: undefined when
 * some line (not blank, not a `#` comment) could be a command. A block of YAML keys alone is a
 * manifest excerpt, left to the manifest rules (`illustration` unset, `messages` false).
 */
export function nonCommandText(lines: DocLine[]): NonCommandText | undefined {
  const code = lines.filter((l) => l.text.trim() !== '' && !l.text.trim().startsWith('#'));
  if (code.length === 0) return undefined;
  let illustration: NonCommandText['illustration'];
  let messages = true;
  for (const l of code) {
    const shape = textLineShape(l.text);
    if (!shape && !isOutputOnly(l.text)) return undefined;
    // `WARNING: …` / `Error: …` are a program's messages, not a YAML key.
    if (shape && YAML_SHAPES.has(shape.name)) messages &&= /^[A-Z]+:\s/.test(l.text.trim());
    else if (shape && shape.name !== 'kubectl-message') {
      messages = false;
      illustration ??= { line: l, shape };
    } else if (!shape && /^\s*[\w./-]+:(?:\s|$)/.test(l.text)) messages = false;
  }
  return illustration ? { illustration, messages: false } : { messages };
}
