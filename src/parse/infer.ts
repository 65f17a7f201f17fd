import { BARE_COMMAND_PROGRAMS, parseCommandLine } from '../shell/index.js';
import { BARE_KUBECTL_SUBCOMMANDS } from './data/programs.js';
import { BARE_OUTPUT_LINE, COMMAND_ARGUMENT, MANIFEST_LINE, MANIFEST_START, SENTENCE_END } from './data/inferred.js';
import type { BlockCommand } from './command-block.js';
import { isOutputOnly, matchPrompt, programOf } from './line-kinds.js';
import type { DocLine } from './source-text.js';
import { SHORTCODE } from './data/shortcodes.js';

/** Part of a prose run: plain prose, commands (with output lines) or a manifest without fences. */
export type ProsePiece =
  { kind: 'prose'; lines: DocLine[] } | { kind: 'commands'; lines: DocLine[]; commands: BlockCommand[] } | { kind: 'manifest'; lines: DocLine[] };

/**
 * Reads a run of prose lines for commands and manifests that lost their fences:
 * - a line starting with a prompt (`$ `, `node $ `, …) is a command;
 * - a bare line starting with a strong program (see BARE_COMMAND_PROGRAMS) followed by a
 *   flag, path, pipe, `KEY=VALUE` or file name is a command (`kubectl` needs a known
 *   subcommand instead);
 * - `# …` lines touching a command are its comments;
 * - other lines after a command in the same run are its output;
 * - `apiVersion:`/`kind:` starts a manifest that goes on while lines look like YAML.
 * Everything else stays prose. Commands keep their text exactly (defects included).
 */
export function analyzeProseRun(lines: DocLine[], podNames: ReadonlySet<string>): ProsePiece[] {
  const pieces: ProsePiece[] = [];
  let prose: DocLine[] = [];
  let cmds: { lines: DocLine[]; commands: BlockCommand[] } | undefined;
  const flushProse = (): void => {
    if (prose.length > 0) pieces.push({ kind: 'prose', lines: prose });
    prose = [];
  };
  const flushCommands = (): void => {
    if (cmds) pieces.push({ kind: 'commands', ...cmds });
    cmds = undefined;
  };
  let i = 0;
  while (i < lines.length) {
    const l = lines[i]!;
    if (MANIFEST_START.test(l.text)) {
      flushProse();
      flushCommands();
      let j = i + 1;
      while (j < lines.length && MANIFEST_LINE.test(lines[j]!.text.trim()) && !isCommandLine(lines[j]!, podNames)) j++;
      pieces.push({ kind: 'manifest', lines: lines.slice(i, j) });
      i = j;
      continue;
    }
    const command = commandAt(l, podNames);
    if (command) {
      flushProse();
      cmds ??= { lines: [], commands: [] };
      cmds.lines.push(l);
      cmds.commands.push(command);
      i++;
      continue;
    }
    if (/^#\s/.test(l.text) && (cmds || isCommandLine(lines[i + 1], podNames))) {
      flushProse();
      cmds ??= { lines: [], commands: [] };
      cmds.lines.push(l);
      i++;
      continue;
    }
    const last = cmds?.commands[cmds.commands.length - 1];
    if (cmds && last && !SENTENCE_END.test(l.text) && !isShortcodeOnly(l.text)) {
      cmds.lines.push(l);
      last.output.push(l);
      last.outputForm ??= last.prompted ? 'transcript' : 'inline';
      i++;
      continue;
    }
    flushCommands();
    prose.push(l);
    i++;
  }
  flushProse();
  flushCommands();
  return pieces;
}

/**
 * A line of Hugo shortcodes and nothing else (`{{< /tab >}}`, `{{< tab name="PowerShell" >}}`,
 * the stray brace of `{{{< tab … >}}`): page markup around a command, never what it prints.
 */
export function isShortcodeOnly(text: string): boolean {
  return text.includes('{{') && text.replace(SHORTCODE, '').replace(/[{}]/g, '').trim() === '';
}

function isCommandLine(l: DocLine | undefined, podNames: ReadonlySet<string>): boolean {
  return l !== undefined && commandAt(l, podNames) !== undefined;
}

/** The command on a prose line, if the line is one. */
function commandAt(l: DocLine, podNames: ReadonlySet<string>): BlockCommand | undefined {
  const prompt = matchPrompt(l.text, false, podNames);
  if (prompt) {
    if (prompt.prompt.startsWith('#')) return undefined;
    const text = l.text.slice(prompt.prompt.length);
    if (text.trim() === '') return undefined;
    return {
      lines: [{ text, line: l.line, column: l.column + prompt.prompt.length }],
      host: prompt.host,
      prompted: true,
      output: [],
      outputForm: null,
    };
  }
  if (!isBareCommand(l.text)) return undefined;
  return { lines: [l], host: { kind: 'local' }, prompted: false, output: [], outputForm: null };
}

/** The word after the program, as the command model reads the line (`kubectl get` → `get`). */
function firstArgument(text: string, program: string): string | undefined {
  return parseCommandLine(text).commands.find((c) => c.program?.value === program)?.args[0]?.value;
}

/** A bare line that reads as a command (see analyzeProseRun). */
export function isBareCommand(text: string): boolean {
  const program = programOf(text);
  if (program === undefined || !BARE_COMMAND_PROGRAMS.has(program)) return false;
  if (program === 'kubectl') return BARE_KUBECTL_SUBCOMMANDS.has(firstArgument(text, program) ?? '');
  const rest = text.slice(text.indexOf(program) + program.length);
  return COMMAND_ARGUMENT.test(rest) && !/\s,\s|[a-z]{3,}\.\s*$/.test(text);
}

/** True when every line of a prose piece reads as output shown without fences. */
export function looksLikeBareOutput(lines: DocLine[]): boolean {
  return (
    lines.length > 0 && lines.every((l) => !isShortcodeOnly(l.text) && (isOutputOnly(l.text) || (BARE_OUTPUT_LINE.test(l.text) && !SENTENCE_END.test(l.text))))
  );
}
