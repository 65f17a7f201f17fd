/**
 * A small POSIX-ish shell word splitter: enough to find programs, flags, file arguments
 * and redirections in tutorial commands. It never executes or expands anything.
 */

/** One shell word with its unquoted value and its offsets in the command text. */
export interface Word {
  /** The word with quotes and backslash escapes removed (`$VAR` and `$(…)` kept as written). */
  value: string;
  /** The word as written. */
  raw: string;
  start: number;
  end: number;
  /** Offsets (in `raw`) of text that was inside single quotes, where `$VAR` is literal. */
  singleQuoted: Array<[number, number]>;
}

/** A redirection such as `> out.txt` or `< in.txt`. */
export interface Redirect {
  op: '>' | '>>' | '<' | '<<' | '<<<' | '>&';
  target: Word;
}

/** One simple command: the words between operators (`;`, `&&`, `||`, `|`, `&`, newline). */
export interface Segment {
  words: Word[];
  redirects: Redirect[];
  /** The operator that ended the segment (`|` means its output is piped on). */
  terminator: string;
}

/** A `<name>` placeholder glued together (no spaces), as tutorials write them. */
const PLACEHOLDER = /^<[A-Za-z][\w.-]*>/;

const OPERATOR_CHARS = new Set([';', '&', '|', '\n']);

/** Splits a command (possibly several lines, with heredocs) into simple commands. */
export function splitShell(text: string): Segment[] {
  const segments: Segment[] = [];
  let seg: Segment = { words: [], redirects: [], terminator: '' };
  let pendingRedirect: Redirect['op'] | null = null;
  const heredocs: string[] = [];
  let i = 0;

  const pushWord = (w: Word): void => {
    if (pendingRedirect) {
      seg.redirects.push({ op: pendingRedirect, target: w });
      if (pendingRedirect === '<<') heredocs.push(w.value);
      pendingRedirect = null;
    } else seg.words.push(w);
  };
  const endSegment = (terminator: string): void => {
    seg.terminator = terminator;
    if (seg.words.length > 0 || seg.redirects.length > 0) segments.push(seg);
    seg = { words: [], redirects: [], terminator: '' };
    pendingRedirect = null;
  };

  while (i < text.length) {
    const c = text[i]!;
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
      continue;
    }
    if (c === '\\' && text[i + 1] === '\n') {
      i += 2;
      continue;
    }
    if (c === '#') {
      while (i < text.length && text[i] !== '\n') i++;
      continue;
    }
    if (c === '\n') {
      endSegment('\n');
      i++;
      // Skip heredoc bodies: they are data, not commands.
      while (heredocs.length > 0) {
        const delimiter = heredocs.shift()!;
        while (i < text.length) {
          const nl = text.indexOf('\n', i);
          const line = text.slice(i, nl === -1 ? text.length : nl);
          i = nl === -1 ? text.length : nl + 1;
          if (line.trim() === delimiter) break;
        }
      }
      continue;
    }
    if (OPERATOR_CHARS.has(c)) {
      const two = text.slice(i, i + 2);
      if (two === '&&' || two === '||') {
        endSegment(two);
        i += 2;
      } else if (c === '&' && text[i + 1] === '>') {
        pendingRedirect = '>';
        i += text[i + 2] === '>' ? 3 : 2;
      } else {
        endSegment(c);
        i++;
      }
      continue;
    }
    if (c === '<' && PLACEHOLDER.test(text.slice(i, i + 80))) {
      const w = readWord(text, i);
      i = w.end;
      pushWord(w);
      continue;
    }
    if (c === '>' || c === '<') {
      const three = text.slice(i, i + 3);
      if (three === '<<<') {
        pendingRedirect = '<<<';
        i += 3;
      } else if (text.startsWith('<<', i)) {
        pendingRedirect = '<<';
        i += text[i + 2] === '-' ? 3 : 2;
      } else if (text.startsWith('>>', i)) {
        pendingRedirect = '>>';
        i += 2;
      } else if (text.startsWith('>&', i)) {
        pendingRedirect = '>&';
        i += 2;
      } else {
        pendingRedirect = c;
        i += text[i + 1] === '|' ? 2 : 1;
      }
      continue;
    }
    const w = readWord(text, i);
    i = w.end;
    // `2>file`, `1>&2`: a file descriptor number glued to a redirection.
    if (/^\d+$/.test(w.raw) && (text[i] === '>' || text[i] === '<')) continue;
    pushWord(w);
  }
  endSegment('');
  return segments;
}

function readWord(text: string, start: number): Word {
  let i = start;
  let value = '';
  const singleQuoted: Array<[number, number]> = [];
  while (i < text.length) {
    const c = text[i]!;
    if (c === '<') {
      // `<pod-name>` is a tutorial placeholder, not a redirection.
      const m = PLACEHOLDER.exec(text.slice(i, i + 80));
      if (m) {
        value += m[0];
        i += m[0].length;
        continue;
      }
    }
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === ';' || c === '|' || c === '&' || c === '>' || c === '<') break;
    if (c === '\\') {
      if (text[i + 1] === '\n') break;
      value += text[i + 1] ?? '';
      i += 2;
    } else if (c === "'") {
      const close = text.indexOf("'", i + 1);
      const end = close === -1 ? text.length : close;
      singleQuoted.push([i + 1 - start, end - start]);
      value += text.slice(i + 1, end);
      i = end + 1;
    } else if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') {
        if (text[j] === '\\' && j + 1 < text.length) {
          value += text[j + 1];
          j += 2;
        } else value += text[j++];
      }
      i = j + 1;
    } else if (c === '$' && (text[i + 1] === '(' || text[i + 1] === '{')) {
      const end = matchBracket(text, i + 1);
      value += text.slice(i, end);
      i = end;
    } else if (c === '`') {
      const close = text.indexOf('`', i + 1);
      const end = close === -1 ? text.length : close + 1;
      value += text.slice(i, end);
      i = end;
    } else {
      value += c;
      i++;
    }
  }
  i = Math.min(i, text.length);
  return { value, raw: text.slice(start, i), start, end: i, singleQuoted };
}

function matchBracket(text: string, open: number): number {
  const openCh = text[open]!;
  const closeCh = openCh === '(' ? ')' : '}';
  let depth = 0;
  for (let j = open; j < text.length; j++) {
    const ch = text[j];
    if (ch === "'") {
      const close = text.indexOf("'", j + 1);
      if (close === -1) return text.length;
      j = close;
    } else if (ch === openCh) depth++;
    else if (ch === closeCh && --depth === 0) return j + 1;
  }
  return text.length;
}

/** Converts an offset in a command to a 0-based line and column within that command. */
export function offsetToLineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 0;
  let lineStart = 0;
  for (let j = 0; j < offset && j < text.length; j++) {
    if (text[j] === '\n') {
      line++;
      lineStart = j + 1;
    }
  }
  return { line, column: offset - lineStart };
}

/**
 * Offsets of a command's text that are data, not shell syntax: heredoc bodies and text
 * inside straight quotes. Characters there are the author's content.
 */
export function dataRanges(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  const pending: string[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '\\') {
      i += 2;
    } else if (c === "'" || c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== c) j += c === '"' && text[j] === '\\' ? 2 : 1;
      ranges.push([i, Math.min(j + 1, text.length)]);
      i = j + 1;
    } else if (text.startsWith('<<', i) && text[i + 2] !== '<') {
      const m = /^<<-?\s*(['"]?)([A-Za-z_][\w-]*)\1/.exec(text.slice(i));
      if (m) pending.push(m[2]!);
      i += m ? m[0].length : 2;
    } else if (c === '\n' && pending.length > 0) {
      const start = i + 1;
      let j = start;
      while (pending.length > 0 && j < text.length) {
        const nl = text.indexOf('\n', j);
        const end = nl === -1 ? text.length : nl;
        if (text.slice(j, end).trim() === pending[0]) pending.shift();
        j = end + 1;
      }
      ranges.push([start, Math.min(j, text.length)]);
      i = j;
    } else i++;
  }
  return ranges;
}
