/**
 * Minimal shell word splitting for classification: quotes, backslashes, `$( … )`,
 * backticks, operators (`;`, `&&`, `||`, `|`, `&`, newline) and heredoc bodies.
 * Nothing is expanded. Linear in the length of the command.
 */

/** One simple command: its words (quotes removed) and the operator that ended it. */
export interface SimpleCommand {
  words: string[];
  terminator: string;
}

const OPERATORS = [';;', '&&', '||', '|&', ';', '|', '&', '\n'];

/** Splits a command line (or several, with heredocs and continuations) into simple commands. */
export function splitCommands(text: string): SimpleCommand[] {
  const out: SimpleCommand[] = [];
  let words: string[] = [];
  let word = '';
  let inWord = false;
  const heredocs: string[] = [];
  let expectHeredocWord = false;
  const flushWord = (): void => {
    if (!inWord) return;
    if (expectHeredocWord) {
      heredocs.push(word.replace(/^-/, ''));
      expectHeredocWord = false;
    } else words.push(word);
    word = '';
    inWord = false;
  };
  const end = (terminator: string): void => {
    flushWord();
    if (words.length > 0) out.push({ words, terminator });
    words = [];
  };
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i]!;
    if (c === '\\' && text[i + 1] === '\n') {
      i += 2;
      continue;
    }
    if (c === '\\') {
      word += text[i + 1] ?? '';
      inWord = true;
      i += 2;
      continue;
    }
    if (c === "'") {
      const close = text.indexOf("'", i + 1);
      const stop = close === -1 ? n : close;
      word += text.slice(i + 1, stop);
      inWord = true;
      i = stop + 1;
      continue;
    }
    if (c === '"') {
      let j = i + 1;
      while (j < n && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      word += text.slice(i + 1, Math.min(j, n));
      inWord = true;
      i = j + 1;
      continue;
    }
    if ((c === '$' && text[i + 1] === '(') || c === '`') {
      const j = skipSubstitution(text, i);
      word += text.slice(i, j);
      inWord = true;
      i = j;
      continue;
    }
    if (c === '<' && text[i + 1] === '<' && text[i + 2] !== '<') {
      flushWord();
      expectHeredocWord = true;
      i += text[i + 2] === '-' ? 3 : 2;
      continue;
    }
    if (c === '#' && !inWord) {
      const nl = text.indexOf('\n', i);
      i = nl === -1 ? n : nl;
      continue;
    }
    const op = OPERATORS.find((o) => text.startsWith(o, i));
    if (op) {
      end(op);
      i += op.length;
      if (op === '\n' && heredocs.length > 0) i = skipHeredocBodies(text, i, heredocs.splice(0));
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') {
      flushWord();
      i++;
      continue;
    }
    word += c;
    inWord = true;
    i++;
  }
  end('');
  return out;
}

/** Index just past a `$( … )` or backtick substitution starting at `start`. */
function skipSubstitution(text: string, start: number): number {
  if (text[start] === '`') {
    const close = text.indexOf('`', start + 1);
    return close === -1 ? text.length : close + 1;
  }
  let depth = 0;
  for (let i = start + 1; i < text.length; i++) {
    const c = text[i];
    if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i + 1;
  }
  return text.length;
}

/** Index just past the heredoc bodies that start at `start`, one per delimiter. */
function skipHeredocBodies(text: string, start: number, delimiters: string[]): number {
  let i = start;
  for (const delimiter of delimiters) {
    while (i < text.length) {
      const nl = text.indexOf('\n', i);
      const lineEnd = nl === -1 ? text.length : nl;
      const line = text.slice(i, lineEnd).trim();
      i = nl === -1 ? text.length : nl + 1;
      if (line === delimiter) break;
    }
  }
  return i;
}
