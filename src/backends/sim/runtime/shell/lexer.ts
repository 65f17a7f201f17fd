import { ShellSyntaxError, type Redirect, type Word, type WordPart } from './ast.js';

/** A lexical token: a word (with its structure), an operator, a newline or the end. */
export type Token =
  { k: 'word'; w: Word; line: number } | { k: 'op'; v: string; line: number; fd?: number } | { k: 'nl'; line: number } | { k: 'eof'; line: number };

const OPS = ['&&', '||', ';;', '<<<', '<<-', '<<', '>>', '>&', '<&', '&>>', '&>', '<>', '>|', '|', '&', ';', '<', '>', '(', ')'];
const META = new Set([' ', '\t', '\n', ';', '&', '|', '<', '>', '(', ')']);

/**
 * Splits shell source into words and operators. Quoting, `$…` expansions and here-documents are
 * recognised here, so a word keeps its structure for the expander.
 */
export class Lexer {
  private i = 0;
  private line = 1;
  private pendingHeredocs: Redirect[] = [];
  constructor(private readonly src: string) {}

  /** Registers a here-document whose body starts after the next newline. */
  heredoc(r: Redirect): void {
    this.pendingHeredocs.push(r);
  }

  next(): Token {
    const s = this.src;
    for (;;) {
      while (this.i < s.length && (s[this.i] === ' ' || s[this.i] === '\t')) this.i++;
      if (s[this.i] === '\\' && s[this.i + 1] === '\n') {
        this.i += 2;
        this.line++;
        continue;
      }
      if (s[this.i] === '#') {
        while (this.i < s.length && s[this.i] !== '\n') this.i++;
      }
      break;
    }
    if (this.i >= s.length) {
      if (this.pendingHeredocs.length) throw new ShellSyntaxError('end of file', this.line, true);
      return { k: 'eof', line: this.line };
    }
    const c = s[this.i]!;
    if (c === '\n') {
      this.i++;
      const line = this.line++;
      this.readHeredocs();
      return { k: 'nl', line };
    }
    // An fd number glued to a redirection: 2>, 2>&1, 0<
    const fdMatch = /^(\d+)(?=[<>])/.exec(s.slice(this.i, this.i + 4));
    if (fdMatch) {
      this.i += fdMatch[1]!.length;
      const op = this.op();
      return { k: 'op', v: op!, line: this.line, fd: Number(fdMatch[1]) };
    }
    const op = this.op();
    if (op) return { k: 'op', v: op, line: this.line };
    return { k: 'word', w: this.word(), line: this.line };
  }

  private op(): string | undefined {
    for (const o of OPS) {
      if (this.src.startsWith(o, this.i)) {
        this.i += o.length;
        return o;
      }
    }
    return undefined;
  }

  private word(): Word {
    const start = this.i;
    const parts = this.parts((c) => META.has(c), false);
    return { parts, raw: this.src.slice(start, this.i) };
  }

  /** Reads word parts until `stop` says so (outside quotes). `inDq`: inside double quotes. */
  private parts(stop: (c: string) => boolean, inDq: boolean): WordPart[] {
    const s = this.src;
    const parts: WordPart[] = [];
    let lit = '';
    const flush = () => {
      if (lit) parts.push(inDq ? { t: 'sq', v: lit } : { t: 'lit', v: lit });
      lit = '';
    };
    while (this.i < s.length) {
      const c = s[this.i]!;
      if (stop(c)) break;
      if (c === '\\') {
        const n = s[this.i + 1];
        this.i += 2;
        if (n === undefined) {
          lit += '\\';
          break;
        }
        if (n === '\n') {
          this.line++;
          continue;
        }
        if (inDq && !'$`"\\'.includes(n)) {
          lit += '\\' + n;
          continue;
        }
        flush();
        parts.push({ t: 'sq', v: n });
        continue;
      }
      if (c === "'" && !inDq) {
        flush();
        const end = s.indexOf("'", this.i + 1);
        if (end < 0) throw new ShellSyntaxError('end of file', this.line, true);
        const v = s.slice(this.i + 1, end);
        this.line += v.split('\n').length - 1;
        parts.push({ t: 'sq', v });
        this.i = end + 1;
        continue;
      }
      if (c === '"' && !inDq) {
        flush();
        this.i++;
        const inner = this.parts((ch) => ch === '"', true);
        if (s[this.i] !== '"') throw new ShellSyntaxError('end of file', this.line, true);
        this.i++;
        parts.push({ t: 'dq', parts: inner });
        continue;
      }
      if (c === '$') {
        const p = this.dollar();
        if (p) {
          flush();
          parts.push(p);
          continue;
        }
      }
      if (c === '`') {
        flush();
        const end = s.indexOf('`', this.i + 1);
        if (end < 0) throw new ShellSyntaxError('end of file', this.line, true);
        parts.push({ t: 'cmdsub', src: s.slice(this.i + 1, end).replace(/\\([`$\\])/g, '$1') });
        this.i = end + 1;
        continue;
      }
      if (c === '~' && !inDq && parts.length === 0 && !lit) {
        const m = /^~([A-Za-z0-9_]*)/.exec(s.slice(this.i))!;
        parts.push({ t: 'tilde', user: m[1]! });
        this.i += m[0].length;
        continue;
      }
      if (c === '\n') this.line++;
      lit += c;
      this.i++;
    }
    flush();
    return parts;
  }

  /** `$name`, `${…}`, `$(…)`, `$((…))`; undefined for a lone `$`. */
  private dollar(): WordPart | undefined {
    const s = this.src;
    const n = s[this.i + 1];
    if (n === '(') {
      if (s[this.i + 2] === '(') {
        const end = this.matching(this.i + 3, '((', '))');
        const expr = s.slice(this.i + 3, end);
        this.i = end + 2;
        return { t: 'arith', expr };
      }
      const end = this.matching(this.i + 2, '(', ')');
      const src = s.slice(this.i + 2, end);
      this.i = end + 1;
      return { t: 'cmdsub', src };
    }
    if (n === '{') {
      const end = this.matching(this.i + 2, '{', '}');
      const body = s.slice(this.i + 2, end);
      this.i = end + 1;
      return parseBraced(body, this.line);
    }
    const m = /^([A-Za-z_][A-Za-z0-9_]*|[0-9?#@*$!-])/.exec(s.slice(this.i + 1));
    if (!m) return undefined;
    this.i += 1 + m[0].length;
    return { t: 'param', name: m[0] };
  }

  /** Index of the closer that balances an opener (quotes skipped). */
  private matching(from: number, open: string, close: string): number {
    const s = this.src;
    let depth = 1;
    for (let j = from; j < s.length; j++) {
      const c = s[j]!;
      if (c === '\\') {
        j++;
        continue;
      }
      if (c === "'") {
        const e = s.indexOf("'", j + 1);
        if (e < 0) break;
        j = e;
        continue;
      }
      if (c === '"') {
        for (j++; j < s.length && s[j] !== '"'; j++) if (s[j] === '\\') j++;
        continue;
      }
      if (s.startsWith(close, j)) {
        depth--;
        if (depth === 0) return j;
        j += close.length - 1;
        continue;
      }
      if (s.startsWith(open, j) || (open === '((' && c === '(')) depth++;
    }
    throw new ShellSyntaxError('end of file', this.line, true);
  }

  private readHeredocs(): void {
    const s = this.src;
    for (const r of this.pendingHeredocs) {
      const delim = r.target.parts.map((p) => ('v' in p ? p.v : p.t === 'dq' ? p.parts.map((q) => ('v' in q ? q.v : '')).join('') : '')).join('');
      const quoted = r.target.parts.some((p) => p.t !== 'lit');
      const lines: string[] = [];
      let closed = false;
      while (this.i < s.length) {
        let end = s.indexOf('\n', this.i);
        if (end < 0) end = s.length;
        let line = s.slice(this.i, end);
        this.i = Math.min(end + 1, s.length);
        this.line++;
        if (r.op === '<<-') line = line.replace(/^\t+/, '');
        if (line === delim) {
          closed = true;
          break;
        }
        lines.push(line);
      }
      if (!closed && this.i < s.length) throw new ShellSyntaxError('end of file', this.line, true);
      const text = lines.length ? lines.join('\n') + '\n' : '';
      r.body = quoted ? { parts: [{ t: 'sq', v: text }], raw: text } : { parts: new Lexer(text).heredocParts(), raw: text };
    }
    this.pendingHeredocs = [];
  }

  /** Parses the whole source as a here-document body (only `$` and backquotes are special). */
  heredocParts(): WordPart[] {
    const parts: WordPart[] = [];
    let lit = '';
    const s = this.src;
    while (this.i < s.length) {
      const c = s[this.i]!;
      if (c === '\\' && '$`\\'.includes(s[this.i + 1] ?? '')) {
        lit += s[this.i + 1];
        this.i += 2;
        continue;
      }
      if (c === '$' || c === '`') {
        const p = c === '$' ? this.dollar() : undefined;
        if (p) {
          if (lit) parts.push({ t: 'sq', v: lit });
          lit = '';
          parts.push(p);
          continue;
        }
        if (c === '`') {
          const end = s.indexOf('`', this.i + 1);
          if (end > 0) {
            if (lit) parts.push({ t: 'sq', v: lit });
            lit = '';
            parts.push({ t: 'cmdsub', src: s.slice(this.i + 1, end) });
            this.i = end + 1;
            continue;
          }
        }
      }
      lit += c;
      this.i++;
    }
    if (lit) parts.push({ t: 'sq', v: lit });
    return parts;
  }
}

/** `${#x}`, `${x:-y}`, `${x#p}`, `${x/a/b}` … */
function parseBraced(body: string, line: number): WordPart {
  if (body.startsWith('#') && body.length > 1) return { t: 'param', name: body.slice(1), length: true };
  // An array element with a number for index (`${BASH_REMATCH[1]}`), read as its own variable.
  const m = /^([A-Za-z_][A-Za-z0-9_]*(?:\[[0-9]+\])?|[0-9]+|[?#@*$!-])(.*)$/s.exec(body);
  if (!m) throw new ShellSyntaxError(`\${${body}}: bad substitution`, line);
  const rest = m[2]!;
  if (!rest) return { t: 'param', name: m[1]! };
  const om = /^(:[-=?+]|[-=?+]|##|#|%%|%|\/\/|\/|:)(.*)$/s.exec(rest);
  if (!om) throw new ShellSyntaxError(`\${${body}}: bad substitution`, line);
  const lx = new Lexer(om[2]!);
  const parts = lx.heredocParts().map((q): WordPart => (q.t === 'sq' ? { t: 'lit', v: q.v } : q));
  return { t: 'param', name: m[1]!, op: om[1]!, arg: { parts, raw: om[2]! } };
}
