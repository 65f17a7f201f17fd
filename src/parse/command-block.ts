import type { HostContext, PairingForm } from '../plan/types.js';
import type { DocLine } from './source-text.js';
import { dedent, trimBlankLines } from './source-text.js';
import { CLIENT_PROMPTS, CONTINUATION_PROMPT } from './data/prompts.js';
import { commentMarkerOf } from './data/comment-markers.js';
import { IN_POD_COMMENT, OUTPUT_COMMENT, TRAILING_OUTPUT_COMMENT, continuesSilentLine, looksLikeCommand, matchPrompt } from './line-kinds.js';
import { continues, feedLine, newContinuation } from '../shell/continuation.js';

/** A command found in a block, with the output lines shown for it in the same block. */
export interface BlockCommand {
  /** Command lines as written (prompt removed from the first line, `> ` from continued ones). */
  lines: DocLine[];
  host: HostContext;
  prompted: boolean;
  /** The prompt is one any shell shows (`$`, `#`, `/ #`); see PromptPattern.generic. */
  genericPrompt?: boolean;
  output: DocLine[];
  outputForm: PairingForm | null;
  /** `#` comment lines of the block before this command (`# Run this locally on a node you choose`). */
  comments?: DocLine[];
  /** Typed at the prompt of this database client (`redis-cli`), not a shell's. */
  client?: string;
}

/**
 * A block typed in the database client an earlier step opened: each line that starts with the
 * client's prompt (CLIENT_PROMPTS) is a command typed in it, the lines after it up to the next
 * prompt its replies. Undefined when the block's first line is not at that prompt.
 */
export function splitClientBlock(lines: DocLine[], client: string): BlockCommand[] | undefined {
  const prompt = CLIENT_PROMPTS[client];
  const first = lines.find((l) => l.text.trim() !== '');
  if (!prompt || !first || !prompt.test(first.text.trim())) return undefined;
  const out: BlockCommand[] = [];
  for (const l of lines) {
    const indent = l.text.length - l.text.trimStart().length;
    const m = prompt.exec(l.text.trimStart());
    if (m && l.text.trimStart().length > m[0].length) {
      const typed: DocLine = { text: l.text.trimStart().slice(m[0].length), line: l.line, column: l.column + indent + m[0].length };
      out.push({ lines: [typed], host: { kind: 'local' }, prompted: true, genericPrompt: true, output: [], outputForm: null, client });
      continue;
    }
    const current = out[out.length - 1];
    if (!current || m) continue;
    current.output.push(l);
    if (l.text.trim() !== '') current.outputForm = 'transcript';
  }
  for (const c of out) c.output = trimBlankLines(c.output);
  return out;
}

/** How to read a block. */
export interface BlockOptions {
  /** `#` starts a comment (shell/bash/sh fences), so it is never a root prompt. */
  shellSyntax: boolean;
  /** Pods an earlier command opened a shell in. */
  podNames: ReadonlySet<string>;
}

/**
 * Splits the lines of a command block into commands and their output, one command per
 * shell "line" as a reader would paste it (continuations, heredocs, compound commands and
 * `;`/`&&` chains stay in one command). Rules, in order, for each line:
 * 1. a prompt line starts a command (transcript); once a block has a prompt, other lines
 *    after a command are its output;
 * 2. a `# output` / `# should output` comment makes the next lines (or its own text) output;
 * 3. other `#` lines are comments, and so are `//`-style lines (COMMENT_MARKERS) before the
 *    first command or right before the line that starts the next one;
 * 4. after a command, a line that does not read as a command is its output (inline);
 * 5. anything else starts a command.
 */
export function splitCommandBlock(lines: DocLine[], options: BlockOptions): BlockCommand[] {
  const hasPrompt = lines.some((l) => matchPrompt(l.text, options.shellSyntax, options.podNames) !== undefined);
  const out: BlockCommand[] = [];
  let current: BlockCommand | undefined;
  let forcedOutput = false;
  // After `# Run this in the shell inside the container`, unprompted commands are the pod's.
  let commentHost: HostContext | undefined;
  const comments: DocLine[] = [];
  let i = 0;
  while (i < lines.length) {
    const l = lines[i]!;
    const text = l.text;
    if (text.trim() === '') {
      if (current && current.output.length > 0) current.output.push(l);
      else forcedOutput = forcedOutput && current !== undefined;
      i++;
      continue;
    }
    const prompt = matchPrompt(text, options.shellSyntax, options.podNames);
    if (prompt) {
      const first = { text: text.slice(prompt.prompt.length), line: l.line, column: l.column + prompt.prompt.length };
      const taken = takeCommand(lines, i, first, true);
      current = { lines: taken.lines, host: prompt.host, prompted: true, output: [], outputForm: null };
      if (prompt.generic) current.genericPrompt = true;
      if (comments.length > 0) current.comments = [...comments];
      out.push(current);
      forcedOutput = false;
      i = taken.next;
      continue;
    }
    const trimmed = text.trimStart();
    if (trimmed.startsWith('#') && !forcedOutput) {
      comments.push({ text: trimmed, line: l.line, column: l.column });
      if (options.podNames.size > 0 && IN_POD_COMMENT.test(trimmed)) commentHost = { kind: 'pod', source: { by: 'cue', line: l.line, text: trimmed } };
      const m = OUTPUT_COMMENT.exec(trimmed);
      if (m && current) {
        current.outputForm = 'comment';
        if (m[1]) {
          const at = text.length - m[1].length;
          current.output.push({ text: m[1], line: l.line, column: l.column + at });
        } else forcedOutput = true;
      }
      i++;
      continue;
    }
    if (!forcedOutput && isMarkedComment(lines, i, current === undefined, hasPrompt, options)) {
      comments.push({ text: trimmed, line: l.line, column: l.column });
      i++;
      continue;
    }
    const silentBefore = current && !hasPrompt && !forcedOutput && current.output.length === 0 && continuesSilentLine(current.lines.at(-1)!.text, text);
    if (current && !silentBefore && (hasPrompt || forcedOutput || !looksLikeCommand(text))) {
      const comment = forcedOutput && current.outputForm === 'comment' ? /^(\s*#\s?)/.exec(text) : null;
      current.output.push(comment ? { text: text.slice(comment[1]!.length), line: l.line, column: l.column + comment[1]!.length } : l);
      if (current.outputForm === null) current.outputForm = current.prompted ? 'transcript' : 'inline';
      i++;
      continue;
    }
    const taken = takeCommand(lines, i, l, false);
    current = { lines: taken.lines, host: commentHost ?? { kind: 'local' }, prompted: false, output: [], outputForm: null };
    if (comments.length > 0) current.comments = [...comments];
    applyTrailingComment(current);
    out.push(current);
    forcedOutput = false;
    i = taken.next;
  }
  for (const c of out) {
    c.output = c.outputForm === 'comment' ? trimBlankLines(c.output) : dedent(trimBlankLines(c.output));
    if (c.output.length === 0) c.outputForm = null;
  }
  return out;
}

/**
 * True when line `i` starts with a comment marker (`// create the new controller`) and is a
 * comment: before any command, or followed by more marker lines and blanks up to the line that
 * starts the next command. A marker line that leads anywhere else is output (`cat main.go`).
 */
function isMarkedComment(lines: DocLine[], i: number, beforeAnyCommand: boolean, hasPrompt: boolean, options: BlockOptions): boolean {
  if (!commentMarkerOf(lines[i]!.text.trimStart())) return false;
  if (beforeAnyCommand) return true;
  for (let j = i + 1; j < lines.length; j++) {
    const text = lines[j]!.text;
    if (text.trim() === '' || commentMarkerOf(text.trimStart())) continue;
    if (hasPrompt) return matchPrompt(text, options.shellSyntax, options.podNames) !== undefined;
    return looksLikeCommand(text);
  }
  return false;
}

/** Takes the command starting at line `i` and its continuation lines. */
function takeCommand(lines: DocLine[], i: number, first: DocLine, prompted: boolean): { lines: DocLine[]; next: number } {
  const state = newContinuation();
  const taken = [first];
  feedLine(state, first.text);
  let j = i + 1;
  while (j < lines.length && continues(state)) {
    let l = lines[j]!;
    const cont = prompted && !state.inHeredoc ? CONTINUATION_PROMPT.exec(l.text) : null;
    if (cont) l = { text: l.text.slice(cont[0].length), line: l.line, column: l.column + cont[0].length };
    feedLine(state, l.text);
    taken.push(l);
    j++;
  }
  if (!prompted && !state.inHeredoc) stripPastedPrompts(taken);
  return { lines: taken, next: j };
}

/**
 * A command copied from a terminal without its `$ ` keeps the `> ` bash shows on continued
 * lines (`curl … \` / `> -d '{…}' \` / `> -H …`). Run as written, each `>` would redirect into a
 * file named like the next word. The `> ` is a prompt when every continued line starts with it
 * and either there are two or more, or the one continues with an option (`> -d`): a real
 * redirect on a line of its own names a file, not an option.
 */
function stripPastedPrompts(taken: DocLine[]): void {
  const rest = taken.slice(1);
  if (rest.length === 0 || taken[0]!.text.includes('<<') || !rest.every((l) => /^> \S/.test(l.text))) return;
  if (rest.length === 1 && !/^> -/.test(rest[0]!.text)) return;
  for (let k = 1; k < taken.length; k++) {
    const l = taken[k]!;
    taken[k] = { text: l.text.slice(2), line: l.line, column: l.column + 2 };
  }
}

/** `kubectl get x  # should output foo` → expected output `foo`, comment kept in the command. */
function applyTrailingComment(c: BlockCommand): void {
  if (c.lines.length !== 1) return;
  const l = c.lines[0]!;
  const m = TRAILING_OUTPUT_COMMENT.exec(l.text);
  if (!m || !m[1]) return;
  c.output.push({ text: m[1], line: l.line, column: l.column + l.text.length - m[1].length });
  c.outputForm = 'comment';
}

/** The command text of a block command: its lines joined as written. */
export function commandText(c: BlockCommand): string {
  return c.lines
    .map((l) => l.text)
    .join('\n')
    .trimEnd();
}
