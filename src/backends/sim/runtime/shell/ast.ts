/** One piece of a shell word, before expansion. */
export type WordPart =
  | { t: 'lit'; v: string } // unquoted text: subject to globbing
  | { t: 'sq'; v: string } // quoted text: taken as is
  | { t: 'dq'; parts: WordPart[] }
  | { t: 'param'; name: string; op?: string; arg?: Word; length?: boolean }
  | { t: 'cmdsub'; src: string }
  | { t: 'arith'; expr: string }
  | { t: 'tilde'; user: string };

/** A shell word: the concatenation of its parts. `raw` is its source text. */
export interface Word {
  parts: WordPart[];
  raw: string;
}

/** A redirection (`2>&1`, `> file`, `<<EOF`). */
export interface Redirect {
  /** File descriptor, defaulted from the operator (0 for <, 1 for >). */
  fd: number;
  op: '>' | '>>' | '<' | '>&' | '<&' | '<<' | '<<-' | '<<<' | '&>' | '&>>' | '<>' | '>|';
  target: Word;
  /** Here-document body (filled in by the lexer at the next newline). */
  body?: Word;
}

/** `NAME=value` before a command (or alone). */
export interface Assignment {
  name: string;
  value: Word;
}

/** A command node: simple or compound. */
export type Command =
  | { t: 'simple'; assigns: Assignment[]; words: Word[]; redirs: Redirect[]; line: number }
  | { t: 'group'; body: List; redirs: Redirect[] }
  | { t: 'subshell'; body: List; redirs: Redirect[] }
  | { t: 'if'; clauses: { cond: List; body: List }[]; otherwise?: List; redirs: Redirect[] }
  | { t: 'while'; until: boolean; cond: List; body: List; redirs: Redirect[] }
  | { t: 'for'; name: string; items?: Word[]; body: List; redirs: Redirect[] }
  | { t: 'case'; subject: Word; arms: { patterns: Word[]; body: List }[]; redirs: Redirect[] }
  | { t: 'func'; name: string; body: Command; redirs: Redirect[] }
  | { t: 'dtest'; words: Word[]; redirs: Redirect[] };

/** Commands joined by `|`, maybe negated with `!`. */
export interface Pipeline {
  negated: boolean;
  cmds: Command[];
}

/** Pipelines joined by `&&` / `||`, maybe run in the background. */
export interface AndOr {
  first: Pipeline;
  rest: { op: '&&' | '||'; pipe: Pipeline }[];
  background: boolean;
}

/** A sequence of and-or lists (separated by `;`, `&` or newlines). */
export type List = AndOr[];

/** A syntax error, with the token the shell would name. */
export class ShellSyntaxError extends Error {
  constructor(
    readonly token: string,
    readonly line: number,
    /** True when the input ended early (an unterminated quote or compound command). */
    readonly incomplete = false,
  ) {
    super(`syntax error: unexpected ${token}`);
  }
}
ShellSyntaxError.prototype.name = 'ShellSyntaxError';
