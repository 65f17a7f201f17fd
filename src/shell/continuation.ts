import sh from 'mvdan-sh';
import { maskForParser } from './parse.js';

const { syntax } = sh;
const parser = syntax.NewParser(syntax.Variant(syntax.LangBash));

/**
 * Where one shell command ends when it spans several lines, as the shell parser sees it: open
 * quotes, heredoc bodies, compound commands (`for … done`, `{ … }`), `$( … )`, lines ending with
 * `|`, `&&`, `||` or a `\` continuation.
 */
export interface ContinuationState {
  lines: string[];
  /** True while the lines fed so far end inside a heredoc body. */
  inHeredoc: boolean;
  /** True when the command needs the next line. */
  open: boolean;
}

/** A fresh state for a new command. */
export function newContinuation(): ContinuationState {
  return { lines: [], inHeredoc: false, open: false };
}

/** True when the command fed so far needs the next line. */
export function continues(s: ContinuationState): boolean {
  return s.open;
}

/** Feeds one line of a command into the state. */
export function feedLine(s: ContinuationState, line: string): void {
  // Indentation and trailing blanks do not change where a command ends, but docs indent heredoc
  // delimiters and leave blanks after them (`  EOF `), which the shell would not accept.
  s.lines.push(line.trimStart().replace(/(?<!\\)[ \t]+$/, ''));
  const verdict = incompleteness(s.lines.join('\n'));
  s.inHeredoc = verdict === 'heredoc';
  s.open = verdict !== 'complete' || /(^|[^\\])(\\\\)*\\$/.test(line);
}

/** Whether the text is a whole command, or stops inside a heredoc or another construct. */
function incompleteness(text: string): 'complete' | 'heredoc' | 'open' {
  try {
    parser.Parse(maskForParser(text), '');
    return 'complete';
  } catch (err) {
    const message = typeof (err as { Error?: unknown }).Error === 'function' ? (err as { Error(): string }).Error() : '';
    // mvdan/sh reports an unclosed heredoc inside a pipeline as a plain error; it is still open.
    if (message.includes('unclosed here-document')) return 'heredoc';
    return syntax.IsIncomplete(err) ? 'open' : 'complete';
  }
}
