import { COMMAND_PREFIXES } from './data/prefixes.js';
import { simpleCommand } from './program.js';
import type { CommandLine, Redirect, RedirectOp, ShellComment, ShellWord, SimpleCommand, Terminator } from './types.js';

/**
 * A forgiving word splitter for text the shell parser rejects (an unbalanced quote from a doc,
 * a heredoc without its end): quotes run to the end of the text, `<name>` placeholders are words.
 * It sees no compound commands or substitutions; every command is at the top level.
 */
export function splitTolerant(text: string): Omit<CommandLine, 'tolerant'> {
  return new Splitter(text).run();
}

/** A plain first word (no quote, escape, `$`, `=`, glob or operator) and what ends it. */
const PLAIN_FIRST_WORD = /^[ \t\r]*([A-Za-z0-9_./:@%+,-]+)(?:[ \t\r\n]|$)/;

/**
 * The program word of the first command of a line, as {@link splitTolerant} finds it, without
 * splitting the rest: prose paragraphs are asked too, and most start with a plain word that is
 * no prefix (`sudo`, `env`), so that word is the answer.
 */
export function firstProgramWord(text: string): string | undefined {
  const m = PLAIN_FIRST_WORD.exec(text);
  if (m && !Object.hasOwn(COMMAND_PREFIXES, m[1]!)) return m[1];
  return splitTolerant(text).commands[0]?.program?.value;
}

/** A `<name>` placeholder glued together (no spaces), as tutorials write them. */
const PLACEHOLDER = /^<[A-Za-z][\w./-]*>/;
const WORD_END = new Set([' ', '\t', '\n', '\r', ';', '|', '&', '>', '<']);

interface Pending {
  words: ShellWord[];
  redirects: Redirect[];
  start: number;
}

class Splitter {
  private readonly commands: SimpleCommand[] = [];
  private readonly comments: ShellComment[] = [];
  private current: Pending = { words: [], redirects: [], start: -1 };
  private pendingRedirect: { op: RedirectOp; fd?: string } | null = null;
  private readonly heredocs: Redirect[] = [];
  private i = 0;

  constructor(private readonly text: string) {}

  run(): Omit<CommandLine, 'tolerant'> {
    const text = this.text;
    while (this.i < text.length) {
      const c = text[this.i]!;
      if (c === ' ' || c === '\t' || c === '\r') this.i++;
      else if (c === '\\' && text[this.i + 1] === '\n') this.i += 2;
      else if (c === '#') this.comment();
      else if (c === '\n') {
        this.end('\n');
        this.i++;
        this.heredocBodies();
      } else if (c === ';' || c === '&' || c === '|') this.operator(c);
      else if ((c === '>' || c === '<') && !PLACEHOLDER.test(text.slice(this.i, this.i + 80))) this.redirection(c);
      else this.wordAt();
    }
    this.end('');
    return { text, commands: this.commands, comments: this.comments, loopVariables: [], loops: [] };
  }

  private comment(): void {
    const start = this.i;
    while (this.i < this.text.length && this.text[this.i] !== '\n') this.i++;
    this.comments.push({ text: this.text.slice(start + 1, this.i), start, end: this.i });
  }

  private operator(c: string): void {
    const two = this.text.slice(this.i, this.i + 2);
    if (two === '&&' || two === '||' || two === '|&') {
      this.end(two);
      this.i += 2;
    } else if (c === '&' && this.text[this.i + 1] === '>') {
      const append = this.text[this.i + 2] === '>';
      this.pendingRedirect = { op: append ? '&>>' : '&>' };
      this.i += append ? 3 : 2;
    } else {
      this.end(c as Terminator);
      this.i++;
    }
  }

  private redirection(c: string, fd?: string): void {
    const ops: RedirectOp[] = ['<<<', '<<-', '&>>', '<<', '>>', '>&', '<&', '<>', '>|'];
    const op = ops.find((o) => this.text.startsWith(o, this.i)) ?? (c as RedirectOp);
    this.pendingRedirect = fd === undefined ? { op } : { op, fd };
    this.i += op.length;
  }

  private wordAt(): void {
    const w = this.readWord(this.i);
    this.i = w.end;
    // `2>file`, `1>&2`: a file descriptor number glued to a redirection.
    const next = this.text[this.i];
    if (/^\d+$/.test(w.raw) && (next === '>' || next === '<')) return this.redirection(next, w.raw);
    if (this.current.start < 0) this.current.start = w.start;
    if (!this.pendingRedirect) {
      this.current.words.push(w);
      return;
    }
    const r: Redirect = { ...this.pendingRedirect, target: w };
    if (r.op === '<<' || r.op === '<<-') this.heredocs.push(r);
    this.current.redirects.push(r);
    this.pendingRedirect = null;
  }

  private end(terminator: Terminator): void {
    const { words, redirects, start } = this.current;
    if (words.length > 0 || redirects.length > 0) {
      const last = [...words, ...redirects.map((r) => r.target)].reduce((m, w) => Math.max(m, w.end), 0);
      this.commands.push(simpleCommand(words, { redirects, terminator, background: terminator === '&', inside: [], start, end: last }));
    }
    this.current = { words: [], redirects: [], start: -1 };
    this.pendingRedirect = null;
  }

  /** Heredoc bodies start on the line after their command: they are data, not commands. */
  private heredocBodies(): void {
    for (const r of this.heredocs.splice(0)) {
      const start = this.i;
      let bodyEnd = this.text.length;
      while (this.i < this.text.length) {
        const nl = this.text.indexOf('\n', this.i);
        const line = this.text.slice(this.i, nl === -1 ? this.text.length : nl);
        const lineStart = this.i;
        this.i = nl === -1 ? this.text.length : nl + 1;
        if (line.trim() === r.target.value) {
          bodyEnd = lineStart;
          break;
        }
      }
      r.heredoc = { body: this.text.slice(start, bodyEnd), start, end: bodyEnd, quoted: /['"\\]/.test(r.target.raw) };
    }
  }

  private readWord(start: number): ShellWord {
    const text = this.text;
    let i = start;
    let value = '';
    const singleQuoted: Array<[number, number]> = [];
    const quoted: Array<[number, number]> = [];
    while (i < text.length) {
      const c = text[i]!;
      const placeholder = c === '<' ? PLACEHOLDER.exec(text.slice(i, i + 80)) : null;
      if (placeholder) {
        value += placeholder[0];
        i += placeholder[0].length;
      } else if (WORD_END.has(c)) break;
      else if (c === '\\') {
        if (text[i + 1] === '\n') break;
        value += text[i + 1] ?? '';
        i += 2;
      } else if (c === "'") {
        const close = text.indexOf("'", i + 1);
        const end = close === -1 ? text.length : close;
        singleQuoted.push([i + 1 - start, end - start]);
        quoted.push([i - start, Math.min(end + 1, text.length) - start]);
        value += text.slice(i + 1, end);
        i = end + 1;
      } else if (c === '"') {
        const open = i;
        let j = i + 1;
        while (j < text.length && text[j] !== '"') {
          if (text[j] === '\\' && j + 1 < text.length) {
            value += text[j + 1];
            j += 2;
          } else value += text[j++];
        }
        quoted.push([open - start, Math.min(j + 1, text.length) - start]);
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
    return { value, raw: text.slice(start, i), start, end: i, singleQuoted, quoted };
  }
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
