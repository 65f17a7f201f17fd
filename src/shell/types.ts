/** The shapes of the command model: one parsed command line, as every stage reads it. */

/** One shell word with its unquoted value and its offsets in the command text. */
export interface ShellWord {
  /** The word with quotes and backslash escapes removed (`$VAR`, `${…}`, `$(…)` kept as written). */
  value: string;
  /** The word as written. */
  raw: string;
  /** Offset of the word in the command text (UTF-16 code units, like `String.prototype.slice`). */
  start: number;
  end: number;
  /** Offsets (in `raw`) of text inside single quotes, where `$VAR` is literal. */
  singleQuoted: Array<[number, number]>;
  /** Offsets (in `raw`) of quoted text, quote characters included (`'…'`, `"…"`, `$'…'`). */
  quoted: Array<[number, number]>;
}

/** Redirection operators, as written. */
export type RedirectOp = '>' | '>>' | '<' | '<>' | '>&' | '<&' | '>|' | '<<' | '<<-' | '<<<' | '&>' | '&>>';

/** A redirection such as `> out.txt`, `2>&1` or a heredoc `<<EOF`. */
export interface Redirect {
  op: RedirectOp;
  /** The file descriptor written before the operator (`2` in `2>&1`), when there is one. */
  fd?: string;
  /** The file, descriptor or heredoc delimiter (its value is unquoted: `'EOF'` → `EOF`). */
  target: ShellWord;
  /** For `<<` and `<<-`: the body, without the closing delimiter line. */
  heredoc?: Heredoc;
}

/** A heredoc body. */
export interface Heredoc {
  body: string;
  start: number;
  end: number;
  /** True when the delimiter was quoted (`<<'EOF'`): the body is not expanded. */
  quoted: boolean;
}

/** Operators that end a simple command: pipes, lists, background, newline, or nothing (last). */
export type Terminator = '|' | '|&' | '&&' | '||' | ';' | '&' | '\n' | '';

/** Shell constructs a simple command may sit inside (innermost last). */
export type Enclosure = 'for' | 'while' | 'until' | 'if' | 'case' | 'select' | '{' | '(' | 'function' | '$(' | '<(' | 'time';

/** One simple command: assignments, prefixes, program, arguments and redirections. */
export interface SimpleCommand {
  /** Every word after the leading assignments, as written: prefixes, program and arguments. */
  words: ShellWord[];
  /** `VAR=value` words before the program (also those after `env`). */
  assignments: ShellWord[];
  /** Words before the program that only run it (`sudo`, `timeout 10`, `env`, `watch -n 2`). */
  prefixes: ShellWord[];
  /** The program word, or undefined for a bare assignment (`FOO=1`). */
  program: ShellWord | undefined;
  /** Program name without directories (`/usr/bin/kubectl` → `kubectl`); `''` when there is none. */
  name: string;
  /** Words after the program. */
  args: ShellWord[];
  redirects: Redirect[];
  /** The operator that ended it (`|` means its output is piped on). */
  terminator: Terminator;
  /** True when run in the background (`… &`). */
  background: boolean;
  /** Constructs it sits inside (`for`, `$(`, …), outermost first; empty at the top level. */
  inside: Enclosure[];
  start: number;
  end: number;
}

/** A `# comment` in the command text. */
export interface ShellComment {
  text: string;
  start: number;
  end: number;
}

/** A `while`/`until` loop, or a `for ((…;…;…))` loop, with what decides whether it ends. */
export interface ShellLoop {
  kind: 'while' | 'until' | 'for';
  /**
   * The simple commands of a `while`/`until` condition (`true`, `sleep 5`, `[ 1 ]`); empty for a
   * `for ((…))` loop.
   */
  condition: SimpleCommand[];
  /** For a `for ((init; cond; step))` loop: true when it has no condition (`for ((;;))`). */
  noCondition?: boolean;
  /** For a `for NAME in WORDS` loop: the name it sets. */
  variable?: string;
  /** For a `for NAME in WORDS` loop: the words it goes through, as written. */
  items?: ShellWord[];
  /** The simple commands of its body. */
  body: SimpleCommand[];
  start: number;
  end: number;
}

/** One command line (or several lines joined by continuations and heredocs), parsed. */
export interface CommandLine {
  text: string;
  /** Every simple command in source order, including those inside loops and substitutions. */
  commands: SimpleCommand[];
  comments: ShellComment[];
  /** Names set by `for NAME in …` and `select NAME in …` loops. */
  loopVariables: string[];
  /** The `while`/`until` and C-style `for` loops, in source order (not `for NAME in …`, which ends with its list). */
  loops: ShellLoop[];
  /**
   * True when the text is not valid shell (unbalanced quotes, a placeholder the parser cannot
   * read): the commands come from a tolerant word splitter, which is less exact.
   */
  tolerant: boolean;
  /** The parser's message when it was tolerant. */
  error?: string;
}
