import sh from 'mvdan-sh';
import { simpleCommand } from './program.js';
import { splitTolerant } from './tolerant.js';
import type { CommandLine, Enclosure, Redirect, RedirectOp, ShellComment, ShellLoop, ShellWord, SimpleCommand, Terminator } from './types.js';

const { syntax } = sh;
const parser = syntax.NewParser(syntax.KeepComments(true), syntax.Variant(syntax.LangBash));

/** mvdan/sh's redirection tokens (measured on mvdan-sh 0.10.1: `cat > f` is 54, …). */
const REDIRECT_OPS: Readonly<Record<number, RedirectOp>> = {
  54: '>',
  55: '>>',
  56: '<',
  57: '<>',
  58: '<&',
  59: '>&',
  60: '>|',
  61: '<<',
  62: '<<-',
  63: '<<<',
  64: '&>',
  65: '&>>',
};
/** mvdan/sh's binary command tokens. */
const BINARY_OPS: Readonly<Record<number, Terminator>> = { 10: '&&', 11: '||', 12: '|', 13: '|&' };

/**
 * A `<name>` placeholder as tutorials write them (`<pod-name>`, `<path/to/config.json>`); the shell
 * would read it as two redirections.
 */
const PLACEHOLDER = /<([A-Za-z][\w./-]*)>/g;

/** Quoted spans of a word being read: single-quoted contents, and every quoted part with its quotes. */
interface Quotes {
  single: Array<[number, number]>;
  all: Array<[number, number]>;
}

/** Parsed lines by text: every stage asks for the same lines, so each is parsed once. */
const cache = new Map<string, CommandLine>();
const CACHE_LIMIT = 5000;

/**
 * Parses a command line (or several, with `\` continuations and heredocs) into simple commands.
 * Never throws: text that is not valid shell is split by a tolerant word splitter and the result
 * is marked `tolerant`. Results are cached by text and shared; treat them as read-only.
 */
export function parseCommandLine(text: string): CommandLine {
  let line = cache.get(text);
  if (!line) {
    line = parseUncached(text);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(text, line);
  }
  return line;
}

function parseUncached(text: string): CommandLine {
  let file: Node;
  try {
    file = parser.Parse(maskForParser(text), '').__internal_object__ as Node;
  } catch (err) {
    const message = typeof (err as { Error?: unknown }).Error === 'function' ? (err as { Error(): string }).Error() : String(err);
    return { ...splitTolerant(text), tolerant: true, error: message };
  }
  const reader = new TreeReader(text);
  reader.statements(file.Stmts, []);
  for (const c of list(file.Last)) reader.comments.push(reader.comment(c));
  const commands = reader.commands.sort((a, b) => a.start - b.start);
  const comments = reader.comments.sort((a, b) => a.start - b.start);
  const loops = reader.loops.sort((a, b) => a.start - b.start);
  return { text, commands, comments, loopVariables: reader.loopVariables, loops, tolerant: false };
}

/**
 * The text the parser reads: same length, so its offsets are the text's. Non-ASCII characters
 * (always literal in shell) become `a`, because the parser counts UTF-8 bytes; `<pod-name>`
 * placeholders become `_pod-name_`. Values are always read back from the original text.
 */
export function maskForParser(text: string): string {
  return text.replace(/[\u0080-\uffff]/g, 'a').replace(PLACEHOLDER, (_m, name: string) => `_${name}_`);
}

/**
 * A Go value of mvdan/sh as GopherJS lays it out. The package's own JavaScript API wraps every
 * node it hands out in a fresh reflective wrapper, which costs about 0.5 ms per field read (200
 * times the parse); the model reads the Go values behind `__internal_object__` instead, calling
 * their Go methods (`Pos()`, `End()`, `Offset()`) directly.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- GopherJS values carry no types
type Node = any;

/** The Go type name of a node (`CallExpr`), or undefined for nil. */
function typeOf(node: Node): string | undefined {
  if (isNil(node)) return undefined;
  const name: unknown = node.constructor?.string;
  return typeof name === 'string' ? name.replace(/^\*?syntax\./, '') : undefined;
}

/** True for a nil pointer or interface. */
function isNil(node: Node): boolean {
  return node === null || node === undefined || node.constructor?.nil === node || node.constructor === Object;
}

/** The elements of a Go slice. */
function list(slice: Node): Node[] {
  if (isNil(slice) || slice.$array === undefined) return [];
  return slice.$array.slice(slice.$offset, slice.$offset + slice.$length);
}

const offset = (pos: Node): number => pos.Offset() as number;

/** Reads mvdan/sh nodes into the model, taking every value from the original text. */
class TreeReader {
  readonly commands: SimpleCommand[] = [];
  readonly comments: ShellComment[] = [];
  readonly loopVariables: string[] = [];
  readonly loops: ShellLoop[] = [];
  constructor(private readonly text: string) {}

  /** The simple commands `read` adds to the model. */
  private since(first: number, read: () => void): SimpleCommand[] {
    read();
    return this.commands.slice(first);
  }

  statements(stmts: Node, inside: Enclosure[]): void {
    const all = list(stmts);
    all.forEach((stmt, i) => {
      const terminator: Terminator = stmt.Background ? '&' : stmt.Semicolon.IsValid() ? ';' : i < all.length - 1 ? '\n' : '';
      this.statement(stmt, inside, terminator);
    });
  }

  statement(stmt: Node, inside: Enclosure[], terminator: Terminator, prefix: ShellWord[] = []): void {
    const first = this.commands.length;
    for (const c of list(stmt.Comments)) this.comments.push(this.comment(c));
    const redirects = list(stmt.Redirs).map((r: Node) => this.redirect(r));
    this.command(stmt.Cmd, inside, terminator, redirects, prefix);
    for (const r of list(stmt.Redirs)) this.substitutions(r.Word, inside);
    if (stmt.Background) for (const c of this.commands.slice(first)) c.background = true;
  }

  command(cmd: Node, inside: Enclosure[], terminator: Terminator, redirects: Redirect[], prefix: ShellWord[]): void {
    const type = typeOf(cmd);
    if (type === undefined) {
      if (redirects.length > 0) this.simple([], [], inside, terminator, redirects, prefix, undefined);
      return;
    }
    const within = (e: Enclosure): Enclosure[] => [...inside, e];
    switch (type) {
      case 'CallExpr':
        return this.simple(list(cmd.Assigns), list(cmd.Args), inside, terminator, redirects, prefix, cmd);
      case 'DeclClause':
        return this.simple([], [cmd.Variant, ...list(cmd.Args)], inside, terminator, redirects, prefix, cmd);
      case 'BinaryCmd':
        this.statement(cmd.X, inside, BINARY_OPS[cmd.Op as number] ?? ';', prefix);
        return this.statement(cmd.Y, inside, terminator);
      case 'TimeClause':
        if (!isNil(cmd.Stmt)) return this.statement(cmd.Stmt, inside, terminator, [...prefix, this.span(cmd.Pos().Offset(), cmd.Pos().Offset() + 4)]);
        return this.simple([], [], inside, terminator, redirects, [...prefix, this.span(cmd.Pos().Offset(), cmd.Pos().Offset() + 4)], undefined);
      case 'Block':
        return this.statements(cmd.Stmts, within('{'));
      case 'Subshell':
        return this.statements(cmd.Stmts, within('('));
      case 'IfClause':
        for (let c: Node = cmd; !isNil(c); c = c.Else) {
          this.statements(c.Cond, within('if'));
          this.statements(c.Then, within('if'));
        }
        return;
      case 'WhileClause': {
        const kind = cmd.Until ? 'until' : 'while';
        const condition = this.since(this.commands.length, () => this.statements(cmd.Cond, within(kind)));
        const body = this.since(this.commands.length, () => this.statements(cmd.Do, within(kind)));
        this.loops.push({ kind, condition, body, start: offset(cmd.Pos()), end: offset(cmd.End()) });
        return;
      }
      case 'ForClause': {
        const cStyle = typeOf(cmd.Loop) === 'CStyleLoop';
        const wordIter = typeOf(cmd.Loop) === 'WordIter';
        const variable = wordIter && !isNil(cmd.Loop.Name) ? (cmd.Loop.Name.Value as string) : undefined;
        if (variable !== undefined) this.loopVariables.push(variable);
        const items = wordIter ? list(cmd.Loop.Items).map((w) => this.word(w)) : [];
        if (wordIter) for (const w of list(cmd.Loop.Items)) this.substitutions(w, within(cmd.Select ? 'select' : 'for'));
        const body = this.since(this.commands.length, () => this.statements(cmd.Do, within(cmd.Select ? 'select' : 'for')));
        const span = { start: offset(cmd.Pos()), end: offset(cmd.End()) };
        if (cStyle) this.loops.push({ kind: 'for', condition: [], noCondition: isNil(cmd.Loop.Cond), body, ...span });
        else if (variable !== undefined && !cmd.Select) this.loops.push({ kind: 'for', condition: [], variable, items, body, ...span });
        return;
      }
      case 'CaseClause':
        this.substitutions(cmd.Word, within('case'));
        for (const item of list(cmd.Items)) this.statements(item.Stmts, within('case'));
        return;
      case 'FuncDecl':
        return this.statement(cmd.Body, within('function'), '');
      case 'TestClause':
        // `[[ `hostname` =~ x ]]`: no program of its own, but its substitutions run commands.
        return this.testSubstitutions(cmd.X, inside);
      default:
        // `(( … ))`, `let`, `coproc`: no program of their own.
        return;
    }
  }

  /** One simple command from its assignment nodes and word nodes (or `Assign` nodes of `export`). */
  simple(assigns: Node[], args: Node[], inside: Enclosure[], terminator: Terminator, redirects: Redirect[], prefix: ShellWord[], node: Node | undefined): void {
    const words = [...prefix, ...args.map((n) => this.word(n))];
    const all = [...assigns.map((n) => this.word(n)), ...words];
    const start = Math.min(...all.map((w) => w.start), ...redirects.map((r) => r.target.start), node ? offset(node.Pos()) : Infinity);
    const end = Math.max(...all.map((w) => w.end), ...redirects.map((r) => r.target.end), node ? offset(node.End()) : 0);
    this.commands.push(simpleCommand(all, { redirects, terminator, background: false, inside, start, end }, words));
    for (const n of [...assigns, ...args]) this.substitutions(n, inside);
  }

  /**
   * Commands inside `$( … )`, backticks and `<( … )` of a word or an assignment. The nodes are
   * read directly: mvdan-sh's generic `Walk` costs more than the parse itself.
   */
  substitutions(node: Node, inside: Enclosure[]): void {
    const type = typeOf(node);
    if (type === undefined) return;
    if (type === 'Assign') return this.substitutions(node.Value, inside);
    if (type !== 'Word' && type !== 'DblQuoted') return;
    for (const part of list(node.Parts)) {
      const partType = typeOf(part);
      if (partType === 'CmdSubst' || partType === 'ProcSubst') this.statements(part.Stmts, [...inside, partType === 'CmdSubst' ? '$(' : '<(']);
      else if (partType === 'DblQuoted') this.substitutions(part, inside);
    }
  }

  /** The substitutions of a `[[ … ]]` expression's words (`-n $(x)`, `$(a) == b`, `( … )`). */
  testSubstitutions(node: Node, inside: Enclosure[]): void {
    const type = typeOf(node);
    if (type === 'Word') return this.substitutions(node, inside);
    if (type === 'BinaryTest') {
      this.testSubstitutions(node.X, inside);
      return this.testSubstitutions(node.Y, inside);
    }
    if (type === 'UnaryTest' || type === 'ParenTest') return this.testSubstitutions(node.X, inside);
  }

  redirect(r: Node): Redirect {
    const op = REDIRECT_OPS[r.Op as number] ?? '>';
    const target = this.word(r.Word);
    const out: Redirect = { op, target };
    if (!isNil(r.N)) out.fd = r.N.Value as string;
    if (op === '<<' || op === '<<-') {
      const quoted = /['"\\]/.test(target.raw);
      if (!isNil(r.Hdoc)) {
        const start = offset(r.Hdoc.Pos());
        const end = offset(r.Hdoc.End());
        // The node ends after the closing delimiter line; the body stops before it.
        const lastLine = this.text.lastIndexOf('\n', end - 1);
        const bodyEnd = lastLine >= start ? lastLine + 1 : start;
        out.heredoc = { body: this.text.slice(start, bodyEnd), start, end: bodyEnd, quoted };
      } else out.heredoc = { body: '', start: target.end, end: target.end, quoted };
    }
    return out;
  }

  /** A word node (or an `Assign` of `export A=1`) with its value read from the original text. */
  word(node: Node): ShellWord {
    const start = offset(node.Pos());
    const end = offset(node.End());
    const quotes: Quotes = { single: [], all: [] };
    const value = this.wordValue(node, start, quotes);
    return { value, raw: this.text.slice(start, end), start, end, singleQuoted: quotes.single, quoted: quotes.all };
  }

  private wordValue(node: Node, start: number, quotes: Quotes): string {
    const type = typeOf(node);
    if (type === 'Word') return this.parts(list(node.Parts), false, start, quotes);
    if (type !== 'Assign' || !isNil(node.Array) || !isNil(node.Index)) return this.text.slice(start, offset(node.End()));
    const value = isNil(node.Value) ? '' : this.parts(list(node.Value.Parts), false, start, quotes);
    if (node.Naked) return isNil(node.Name) ? value : (node.Name.Value as string);
    return `${node.Name.Value as string}${node.Append ? '+=' : '='}${value}`;
  }

  private parts(parts: Node[], quoted: boolean, wordStart: number, quotes: Quotes): string {
    let value = '';
    for (const part of parts) {
      const start = offset(part.Pos());
      const end = offset(part.End());
      const raw = this.text.slice(start, end);
      switch (typeOf(part)) {
        case 'Lit':
          value += quoted
            ? raw.replace(/\\([$`"\\\n])/g, (_m, c: string) => (c === '\n' ? '' : c))
            : raw.replace(/\\(\n|.)/gs, (_m, c: string) => (c === '\n' ? '' : c));
          break;
        case 'SglQuoted': {
          const open = part.Dollar ? 2 : 1;
          quotes.single.push([start + open - wordStart, end - 1 - wordStart]);
          quotes.all.push([start - wordStart, end - wordStart]);
          value += raw.slice(open, -1);
          break;
        }
        case 'DblQuoted':
          quotes.all.push([start - wordStart, end - wordStart]);
          value += this.parts(list(part.Parts), true, wordStart, quotes);
          break;
        default:
          value += raw;
      }
    }
    return value;
  }

  span(start: number, end: number): ShellWord {
    const raw = this.text.slice(start, end);
    return { value: raw, raw, start, end, singleQuoted: [], quoted: [] };
  }

  comment(node: Node): ShellComment {
    const start = offset(node.Pos());
    const end = offset(node.End());
    return { text: this.text.slice(start + 1, end), start, end };
  }
}
