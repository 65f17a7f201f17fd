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
  /** While in a heredoc: every word that could end it (a line without one of them cannot). */
  delimiters?: string[] | undefined;
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
  const trimmed = line.trimStart().replace(/(?<!\\)[ \t]+$/, '');
  s.lines.push(trimmed);
  // Inside a heredoc body only a delimiter line can change the verdict: the other lines of a
  // long manifest need not be parsed again (each parse reads the whole command so far).
  if (s.inHeredoc && s.delimiters?.length && !s.delimiters.some((d) => trimmed.includes(d))) return;
  const text = s.lines.join('\n');
  const verdict = incompleteness(text);
  s.inHeredoc = verdict === 'heredoc';
  s.delimiters = s.inHeredoc ? heredocDelimiters(text) : undefined;
  s.open = verdict !== 'complete' || /(^|[^\\])(\\\\)*\\$/.test(line);
}

/**
 * Every word after a `<<` or `<<-`, quotes and a leading backslash removed: a superset of the
 * delimiters of the heredocs the text opens.
 */
function heredocDelimiters(text: string): string[] {
  return [...text.matchAll(/<<-?[ \t]*['"]?\\?([^\s'"<>|&;()]+)/g)].map((m) => m[1]!);
}

/**
 * Words and characters only: no quote, escape, redirection, operator, bracket, brace, `$`, `#`
 * or `!`. Such text cannot open a construct unless one of its words is a reserved word.
 */
const PLAIN_TEXT = /^[A-Za-z0-9_.,:=@%+\-/ \t\n]*$/;
const RESERVED = new Set([
  'if',
  'then',
  'else',
  'elif',
  'fi',
  'case',
  'esac',
  'for',
  'select',
  'while',
  'until',
  'do',
  'done',
  'in',
  'function',
  'time',
  'coproc',
]);

/**
 * True when the text is plainly a whole command without asking the shell parser: most lines of a
 * tutorial (`kubectl get pods -o wide`) are, and the parser costs a fifth of a page's lint.
 * False means "ask the parser", never "incomplete".
 */
export function isPlainlyComplete(text: string): boolean {
  if (!PLAIN_TEXT.test(text)) return false;
  for (const word of text.split(/[ \t\n]+/)) if (RESERVED.has(word)) return false;
  return true;
}

type Verdict = 'complete' | 'heredoc' | 'open';

/**
 * Verdicts by text, as parseCommandLine caches its parses: pages repeat their commands (and a
 * site its pages' commands), and each verdict costs a parse, a third of a millisecond.
 */
const verdicts = new Map<string, Verdict>();
const VERDICT_CACHE_LIMIT = 5000;

/** Whether the text is a whole command, or stops inside a heredoc or another construct. */
function incompleteness(text: string): Verdict {
  if (isPlainlyComplete(text)) return 'complete';
  let verdict = verdicts.get(text);
  if (verdict === undefined) {
    verdict = parseVerdict(text);
    if (verdicts.size >= VERDICT_CACHE_LIMIT) verdicts.clear();
    verdicts.set(text, verdict);
  }
  return verdict;
}

function parseVerdict(text: string): Verdict {
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
