/**
 * Decides where one shell command ends when it spans several lines: `\` continuations,
 * open quotes, heredoc bodies (`cat <<EOF … EOF`), compound commands (`for … done`,
 * `if … fi`, `{ … }`) and lines ending with `|`, `&&` or `||`. Fed one line at a time,
 * so a long block costs linear time.
 */
export interface ContinuationState {
  quote: "'" | '"' | null;
  /** Delimiters of heredocs whose bodies have not started or not ended yet. */
  heredocs: string[];
  inHeredoc: boolean;
  depth: number;
  trailing: boolean;
}

const OPENERS = new Set(['for', 'while', 'until', 'if', 'case', 'select', '{']);
const CLOSERS = new Set(['done', 'fi', 'esac', '}']);
const COMMAND_POSITION_AFTER = new Set(['then', 'do', 'else', 'elif', '{', '!']);

/** A fresh state for a new command. */
export function newContinuation(): ContinuationState {
  return { quote: null, heredocs: [], inHeredoc: false, depth: 0, trailing: false };
}

/** True when the command fed so far needs the next line. */
export function continues(s: ContinuationState): boolean {
  return s.quote !== null || s.inHeredoc || s.heredocs.length > 0 || s.depth > 0 || s.trailing;
}

/** Feeds one line of a command into the state. */
export function feedLine(s: ContinuationState, line: string): void {
  if (s.inHeredoc) {
    if (line.replace(/^\t+/, '').trim() === s.heredocs[0]) {
      s.heredocs.shift();
      s.inHeredoc = s.heredocs.length > 0;
    }
    return;
  }
  let word = '';
  let commandPosition = s.quote === null;
  let expectDelimiter = false;
  const endWord = (): void => {
    if (word === '') return;
    if (expectDelimiter) {
      s.heredocs.push(word.replace(/^-/, '').replace(/['"]/g, ''));
      expectDelimiter = false;
    } else if (commandPosition && OPENERS.has(word)) {
      s.depth++;
    } else if (CLOSERS.has(word) && s.depth > 0) {
      s.depth--;
      commandPosition = false;
      word = '';
      return;
    }
    commandPosition = COMMAND_POSITION_AFTER.has(word) || (commandPosition && OPENERS.has(word) && word !== 'case');
    word = '';
  };
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (s.quote === "'") {
      if (c === "'") s.quote = null;
      word += c;
      continue;
    }
    if (s.quote === '"') {
      if (c === '\\') i++;
      else if (c === '"') s.quote = null;
      word += c;
      continue;
    }
    if (c === '\\') {
      word += line.slice(i, i + 2);
      i++;
      continue;
    }
    if (c === "'" || c === '"') {
      s.quote = c;
      word += c;
      continue;
    }
    if (c === '#' && word === '') break;
    if (c === '<' && line[i + 1] === '<' && line[i + 2] !== '<') {
      endWord();
      expectDelimiter = true;
      i += line[i + 2] === '-' ? 2 : 1;
      continue;
    }
    if (c === ' ' || c === '\t') {
      endWord();
      continue;
    }
    if (c === ';' || c === '|' || c === '&' || c === '(' || c === ')') {
      endWord();
      commandPosition = c !== ')';
      continue;
    }
    word += c;
  }
  const trailingBackslash = s.quote !== "'" && /(^|[^\\])(\\\\)*\\$/.test(line);
  if (s.quote === null) endWord();
  s.trailing = trailingBackslash || (s.quote === null && /(\||&&)\s*$/.test(line));
  if (s.heredocs.length > 0) s.inHeredoc = true;
}
