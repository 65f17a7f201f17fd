/** Small helpers to read a command's words without a full shell parser. */

/** Splits a command into words, honouring single/double quotes and backslashes; stops at `|`, `;`, `&&`, `||`, newline. */
export function firstSimpleCommand(command: string): string[] {
  const words: string[] = [];
  let word = '';
  let has = false;
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < command.length; i++) {
    const c = command[i]!;
    if (quote) {
      if (c === quote) quote = null;
      else if (c === '\\' && quote === '"' && i + 1 < command.length) word += command[++i];
      else word += c;
      continue;
    }
    if (c === "'" || c === '"') {
      quote = c;
      has = true;
    } else if (c === '\\' && command[i + 1] === '\n') {
      i++;
    } else if (c === '\\' && i + 1 < command.length) {
      word += command[++i];
      has = true;
    } else if (c === ' ' || c === '\t') {
      if (has) words.push(word);
      word = '';
      has = false;
    } else if (c === '|' || c === ';' || c === '\n' || c === '&') {
      break;
    } else {
      word += c;
      has = true;
    }
  }
  if (has) words.push(word);
  return words;
}

/** Leading `VAR=value` assignments and `sudo` before a command's program. */
const PREFIX_WORD = /^[A-Za-z_][A-Za-z0-9_]*=/;

/** The words of a simple command from its program on (assignments and `sudo` dropped). */
export function programWords(words: string[]): string[] {
  let i = 0;
  while (i < words.length && (PREFIX_WORD.test(words[i]!) || words[i] === 'sudo')) i++;
  return words.slice(i);
}

/** The simple commands of a command line as text, split at `;`, `&&`, `||`, `|` and newlines. */
export function commandSegments(command: string): string[] {
  return command.split(/\s*(?:;|&&|\|\||\||\n)\s*/);
}

/**
 * Each simple command of a command line (split at `;`, `&&`, `||`, `|` and newlines; quotes are
 * not parsed across them), as its words with assignments and `sudo` dropped.
 */
export function simpleCommands(command: string): string[][] {
  return commandSegments(command)
    .map((segment) => programWords(firstSimpleCommand(segment)))
    .filter((words) => words.length > 0);
}

/** Quotes a string for POSIX sh. */
export function shQuote(value: string): string {
  return /^[A-Za-z0-9_./:=@%+,-]+$/.test(value) ? value : `'${value.replaceAll("'", `'\\''`)}'`;
}

/** kubectl flags that take a value as the next word. */
const VALUE_FLAGS = new Set([
  '-n', '--namespace', '-c', '--container', '--image', '-l', '--selector', '-o', '--output', '--context',
  '--kubeconfig', '--restart', '--port', '--env', '--labels', '--overrides', '-f', '--filename', '--timeout',
  '--pod-running-timeout', '--serviceaccount', '--image-pull-policy',
]);

/** Parsed `kubectl <sub> …` words: positional args, flags (with values), and what follows `--`. */
export interface KubectlWords {
  sub: string;
  positional: string[];
  flags: Array<{ name: string; value?: string }>;
  afterDashDash: string[] | null;
}

/** Reads the words of a kubectl invocation (after env assignments and sudo). */
export function kubectlWords(command: string): KubectlWords | null {
  const words = programWords(firstSimpleCommand(command));
  if (words[0] !== 'kubectl') return null;
  const rest = words.slice(1);
  const out: KubectlWords = { sub: '', positional: [], flags: [], afterDashDash: null };
  for (let j = 0; j < rest.length; j++) {
    const w = rest[j]!;
    if (w === '--') {
      out.afterDashDash = rest.slice(j + 1);
      break;
    }
    if (w.startsWith('-')) {
      const eq = w.indexOf('=');
      if (eq > 0) out.flags.push({ name: w.slice(0, eq), value: w.slice(eq + 1) });
      else if (VALUE_FLAGS.has(w) && j + 1 < rest.length) out.flags.push({ name: w, value: rest[++j] });
      else out.flags.push({ name: w });
    } else if (!out.sub) out.sub = w;
    else out.positional.push(w);
  }
  return out;
}

/** The value of the first of `names` among the flags. */
export function flagValue(k: KubectlWords, ...names: string[]): string | undefined {
  return k.flags.find((f) => names.includes(f.name))?.value;
}

/** True when any of `names` is set (also inside combined short flags like `-it`). */
export function hasFlag(k: KubectlWords, ...names: string[]): boolean {
  return k.flags.some((f) => {
    if (names.includes(f.name)) return true;
    if (/^-[a-zA-Z]{2,}$/.test(f.name)) return names.some((n) => n.length === 2 && n.startsWith('-') && f.name.includes(n[1]!));
    return false;
  });
}
