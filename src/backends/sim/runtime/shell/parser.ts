import { ShellSyntaxError, type AndOr, type Command, type List, type Pipeline, type Redirect, type Word } from './ast.js';
import { Lexer, type Token } from './lexer.js';

const REDIR_OPS = new Set(['>', '>>', '<', '>&', '<&', '<<', '<<-', '<<<', '&>', '&>>', '<>', '>|']);
const RESERVED_END = new Set(['then', 'do', 'done', 'fi', 'elif', 'else', 'esac', '}']);

/** Parses shell source into a List; throws ShellSyntaxError. */
export function parseShell(src: string): List {
  return new Parser(src).program();
}

/** The literal text of a word when it has no quoting or expansion. */
export function literal(w: Word): string | undefined {
  if (w.parts.length === 1 && w.parts[0]!.t === 'lit') return w.parts[0]!.v;
  return undefined;
}

function describe(t: Token): string {
  if (t.k === 'eof') return 'end of file';
  if (t.k === 'nl') return 'newline';
  if (t.k === 'op') return `"${t.v}"`;
  return `"${t.w.raw}"`;
}

class Parser {
  private readonly lx: Lexer;
  private tok: Token;
  constructor(src: string) {
    this.lx = new Lexer(src);
    this.tok = this.lx.next();
  }

  program(): List {
    const list = this.list(new Set());
    if (this.tok.k !== 'eof') this.fail();
    return list;
  }

  private fail(): never {
    throw new ShellSyntaxError(describe(this.tok), this.tok.line, this.tok.k === 'eof');
  }

  private advance(): Token {
    const t = this.tok;
    this.tok = this.lx.next();
    return t;
  }

  private isWord(v: string): boolean {
    return this.tok.k === 'word' && literal(this.tok.w) === v;
  }

  private isOp(v: string): boolean {
    return this.tok.k === 'op' && this.tok.v === v;
  }

  private expectWord(v: string): void {
    if (!this.isWord(v)) this.fail();
    this.advance();
  }

  private skipNewlines(): void {
    while (this.tok.k === 'nl') this.advance();
  }

  /** A list until one of the `enders` words (or `)`/`;;`/eof). */
  private list(enders: Set<string>): List {
    const out: List = [];
    this.skipNewlines();
    for (;;) {
      if (this.tok.k === 'eof' || this.isOp(')') || this.isOp(';;')) break;
      if (this.tok.k === 'word') {
        const l = literal(this.tok.w);
        if (l !== undefined && enders.has(l)) break;
      }
      const ao = this.andOr();
      out.push(ao);
      if (this.isOp(';') || this.isOp('&')) {
        ao.background = this.isOp('&');
        this.advance();
      } else if (this.tok.k !== 'nl') {
        break;
      }
      this.skipNewlines();
    }
    return out;
  }

  private andOr(): AndOr {
    const first = this.pipeline();
    const rest: AndOr['rest'] = [];
    while (this.isOp('&&') || this.isOp('||')) {
      const op = (this.advance() as { v: '&&' | '||' }).v;
      this.skipNewlines();
      rest.push({ op, pipe: this.pipeline() });
    }
    return { first, rest, background: false };
  }

  private pipeline(): Pipeline {
    let negated = false;
    while (this.isWord('!')) {
      negated = !negated;
      this.advance();
    }
    const cmds: Command[] = [this.command()];
    while (this.isOp('|')) {
      this.advance();
      this.skipNewlines();
      cmds.push(this.command());
    }
    return { negated, cmds };
  }

  private command(): Command {
    const t = this.tok;
    if (t.k === 'op' && t.v === '(') {
      this.advance();
      const body = this.list(new Set());
      if (!this.isOp(')')) this.fail();
      this.advance();
      return { t: 'subshell', body, redirs: this.redirs() };
    }
    if (t.k !== 'word' && !(t.k === 'op' && REDIR_OPS.has(t.v))) this.fail();
    const kw = t.k === 'word' ? literal(t.w) : undefined;
    switch (kw) {
      case '{': {
        this.advance();
        const body = this.list(new Set(['}']));
        this.expectWord('}');
        return { t: 'group', body, redirs: this.redirs() };
      }
      case 'if':
        return this.ifClause();
      case 'while':
      case 'until': {
        this.advance();
        const cond = this.list(new Set(['do']));
        this.expectWord('do');
        const body = this.list(new Set(['done']));
        this.expectWord('done');
        return { t: 'while', until: kw === 'until', cond, body, redirs: this.redirs() };
      }
      case 'for':
        return this.forClause();
      case 'case':
        return this.caseClause();
      case '[[': {
        this.advance();
        const words: Word[] = [];
        while (!this.isWord(']]')) {
          if (this.tok.k === 'word') words.push((this.advance() as Token & { k: 'word' }).w);
          else if (this.tok.k === 'op' && ['<', '>', '&&', '||', '(', ')'].includes(this.tok.v)) {
            const v = (this.advance() as { v: string }).v;
            words.push({ parts: [{ t: 'sq', v }], raw: v });
            continue;
          } else this.fail();
        }
        this.advance();
        return { t: 'dtest', words, redirs: this.redirs() };
      }
      default:
        if (kw !== undefined && RESERVED_END.has(kw)) this.fail();
    }
    return this.simple();
  }

  private ifClause(): Command {
    this.advance();
    const clauses: { cond: List; body: List }[] = [];
    let otherwise: List | undefined;
    for (;;) {
      const cond = this.list(new Set(['then']));
      this.expectWord('then');
      const body = this.list(new Set(['elif', 'else', 'fi']));
      clauses.push({ cond, body });
      if (this.isWord('elif')) {
        this.advance();
        continue;
      }
      if (this.isWord('else')) {
        this.advance();
        otherwise = this.list(new Set(['fi']));
      }
      this.expectWord('fi');
      break;
    }
    return { t: 'if', clauses, otherwise, redirs: this.redirs() };
  }

  private forClause(): Command {
    this.advance();
    if (this.tok.k !== 'word') this.fail();
    const name = this.advance() as Token & { k: 'word' };
    let items: Word[] | undefined;
    this.skipNewlines();
    if (this.isWord('in')) {
      this.advance();
      items = [];
      while (this.tok.k === 'word') items.push((this.advance() as Token & { k: 'word' }).w);
      if (this.isOp(';')) this.advance();
    } else if (this.isOp(';')) this.advance();
    this.skipNewlines();
    this.expectWord('do');
    const body = this.list(new Set(['done']));
    this.expectWord('done');
    return { t: 'for', name: name.w.raw, items, body, redirs: this.redirs() };
  }

  private caseClause(): Command {
    this.advance();
    if (this.tok.k !== 'word') this.fail();
    const subject = (this.advance() as Token & { k: 'word' }).w;
    this.skipNewlines();
    this.expectWord('in');
    this.skipNewlines();
    const arms: { patterns: Word[]; body: List }[] = [];
    while (!this.isWord('esac')) {
      if (this.isOp('(')) this.advance();
      const patterns: Word[] = [];
      for (;;) {
        if (this.tok.k !== 'word') this.fail();
        patterns.push((this.advance() as Token & { k: 'word' }).w);
        if (this.isOp('|')) {
          this.advance();
          continue;
        }
        break;
      }
      if (!this.isOp(')')) this.fail();
      this.advance();
      const body = this.list(new Set(['esac']));
      arms.push({ patterns, body });
      if (this.isOp(';;')) this.advance();
      else if (!this.isWord('esac')) this.fail();
      this.skipNewlines();
    }
    this.advance();
    return { t: 'case', subject, arms, redirs: this.redirs() };
  }

  private redirect(): Redirect | undefined {
    const t = this.tok;
    if (t.k !== 'op' || !REDIR_OPS.has(t.v)) return undefined;
    this.advance();
    if (this.tok.k !== 'word') this.fail();
    const target = this.tok.w;
    const op = t.v as Redirect['op'];
    const fd = t.fd ?? (op.startsWith('<') ? 0 : 1);
    const r: Redirect = { fd, op, target };
    // Register before the lexer moves past the delimiter word (and maybe the newline after it).
    if (op === '<<' || op === '<<-') this.lx.heredoc(r);
    this.advance();
    return r;
  }

  private redirs(): Redirect[] {
    const out: Redirect[] = [];
    for (let r = this.redirect(); r; r = this.redirect()) out.push(r);
    return out;
  }

  private simple(): Command {
    const assigns: { name: string; value: Word }[] = [];
    const words: Word[] = [];
    const redirs: Redirect[] = [];
    const line = this.tok.line;
    for (;;) {
      const r = this.redirect();
      if (r) {
        redirs.push(r);
        continue;
      }
      if (this.tok.k !== 'word') break;
      const w = this.tok.w;
      const first = w.parts[0];
      const m = words.length === 0 && first?.t === 'lit' ? /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(first.v) : null;
      if (m) {
        this.advance();
        const rest = first!.t === 'lit' ? first!.v.slice(m[0].length) : '';
        const parts = [...(rest ? [{ t: 'lit' as const, v: rest }] : []), ...w.parts.slice(1)];
        assigns.push({ name: m[1]!, value: { parts, raw: w.raw.slice(m[0].length) } });
        continue;
      }
      // name() { …; } function definition
      if (words.length === 0 && assigns.length === 0 && literal(w) && /^[A-Za-z_][\w-]*$/.test(literal(w)!)) {
        this.advance();
        if (this.isOp('(')) {
          this.advance();
          if (!this.isOp(')')) this.fail();
          this.advance();
          this.skipNewlines();
          const body = this.command();
          return { t: 'func', name: literal(w)!, body, redirs: [] };
        }
        words.push(w);
        continue;
      }
      words.push(w);
      this.advance();
    }
    if (!words.length && !assigns.length && !redirs.length) this.fail();
    return { t: 'simple', assigns, words, redirs, line };
  }
}
