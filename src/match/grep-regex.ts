import { escapeRegex } from './normalizers/index.js';

/** grep's pattern syntaxes: basic (`-G`, the default), extended (`-E`), fixed strings (`-F`), Perl (`-P`). */
export type GrepSyntax = 'basic' | 'extended' | 'fixed' | 'perl';

/** How grep matches: syntax, `-i`, `-w`, `-x`. */
export interface GrepFlags {
  syntax: GrepSyntax;
  ignoreCase: boolean;
  word: boolean;
  line: boolean;
}

/** POSIX character classes inside brackets, as JavaScript class contents. */
const POSIX_CLASSES: Record<string, string> = {
  alpha: 'A-Za-z',
  digit: '0-9',
  alnum: 'A-Za-z0-9',
  upper: 'A-Z',
  lower: 'a-z',
  space: '\\s',
  blank: ' \\t',
  punct: '!-\\/:-@\\[-`{-~',
  xdigit: '0-9A-Fa-f',
  cntrl: '\\x00-\\x1f\\x7f',
  print: '\\x20-\\x7e',
  graph: '\\x21-\\x7e',
};

/** Backslash sequences of basic syntax that are operators (GNU), and word boundaries in both. */
const BASIC_OPERATORS: Record<string, string> = { '|': '|', '(': '(', ')': ')', '{': '{', '}': '}', '+': '+', '?': '?' };
const BOUNDARIES: Record<string, string> = { '<': '\\b', '>': '\\b', b: '\\b', B: '\\B', w: '\\w', W: '\\W', s: '\\s', S: '\\S' };

/** A bracket expression `[...]` starting at `start` as a JavaScript class, and the index after it. */
function bracket(p: string, start: number): { source: string; end: number } | undefined {
  let i = start + 1;
  let out = '[';
  if (p[i] === '^') {
    out += '^';
    i++;
  }
  if (p[i] === ']') {
    out += '\\]';
    i++;
  }
  while (i < p.length && p[i] !== ']') {
    if (p.startsWith('[:', i)) {
      const close = p.indexOf(':]', i + 2);
      const cls = close < 0 ? undefined : POSIX_CLASSES[p.slice(i + 2, close)];
      if (cls === undefined) return undefined;
      out += cls;
      i = close + 2;
    } else if (p.startsWith('[=', i) || p.startsWith('[.', i)) return undefined;
    else {
      // A backslash is literal inside POSIX brackets.
      out += p[i] === '\\' ? '\\\\' : p[i];
      i++;
    }
  }
  return i < p.length ? { source: `${out}]`, end: i + 1 } : undefined;
}

/** One grep pattern as JavaScript regular expression source, or undefined for syntax it cannot read. */
function toSource(p: string, syntax: GrepSyntax): string | undefined {
  if (syntax === 'fixed') return escapeRegex(p);
  // Perl syntax reads as JavaScript for what docs grep for.
  if (syntax === 'perl') return p;
  let out = '';
  for (let i = 0; i < p.length; i++) {
    const c = p[i]!;
    if (c === '[') {
      const b = bracket(p, i);
      if (!b) return undefined;
      out += b.source;
      i = b.end - 1;
    } else if (c === '\\') {
      const n = p[++i];
      if (n === undefined) return undefined;
      const op = syntax === 'basic' ? BASIC_OPERATORS[n] : undefined;
      out += op ?? BOUNDARIES[n] ?? (/\d/.test(n) ? `\\${n}` : escapeRegex(n));
    } else if (syntax === 'basic' && c in BASIC_OPERATORS) out += `\\${c}`;
    // `*` first in a basic pattern (or a group) is a literal star.
    else if (syntax === 'basic' && c === '*' && (out === '' || out === '^' || /(?:^|[^\\])\($/.test(out))) out += '\\*';
    else out += c;
  }
  return out;
}

/**
 * grep's patterns (any one matching makes a line a hit) as one JavaScript RegExp, or undefined
 * when a pattern uses syntax this reading does not cover (collating elements, unknown classes).
 */
export function grepRegex(patterns: readonly string[], flags: GrepFlags): RegExp | undefined {
  const sources: string[] = [];
  for (const p of patterns.flatMap((x) => x.split('\n'))) {
    const s = toSource(p, flags.syntax);
    if (s === undefined) return undefined;
    sources.push(flags.line ? `^(?:${s})$` : flags.word ? `(?<![\\w])(?:${s})(?![\\w])` : s);
  }
  if (sources.length === 0) return undefined;
  try {
    return new RegExp(sources.join('|'), flags.ignoreCase ? 'i' : '');
  } catch {
    return undefined;
  }
}
