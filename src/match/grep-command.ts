import { parseCommandLine } from '../shell/index.js';
import { grepRegex, type GrepFlags, type GrepSyntax } from './grep-regex.js';

/** A grep that prints a fixed number of lines around each hit, as the last stage of a command. */
export interface GrepContext {
  /** Tests whether a line is a hit: a line grep's pattern matches. */
  hit: RegExp;
  /** Lines printed before and after each hit (`-B`, `-A`; `-C` sets both). */
  before: number;
  after: number;
}

/** What an option does to the comparison. */
type Setting =
  | { set: 'before' | 'after' | 'both' }
  | { set: 'pattern' }
  | { set: 'syntax'; syntax: GrepSyntax }
  | { set: 'ignoreCase' | 'word' | 'line' }
  /** Output that is not plain lines around hits (line numbers, file names, counts, inverted or partial matches). */
  | { set: 'unsupported' }
  | { set: 'none' };

interface GrepOption {
  short?: string;
  long?: string;
  /** Takes an argument: the rest of the short cluster, the text after `=`, or the next word. */
  value?: true;
  does: Setting;
}

/** Options without argument, as `short:long` (either may be empty), that all do the same. */
const flags = (names: string[], does: Setting): GrepOption[] =>
  names.map((n) => {
    const [short, long] = n.split(':');
    return { ...(short ? { short } : {}), ...(long ? { long } : {}), does };
  });

/** grep's options (GNU), by what they do to the output. */
const OPTIONS: GrepOption[] = [
  { short: 'A', long: 'after-context', value: true, does: { set: 'after' } },
  { short: 'B', long: 'before-context', value: true, does: { set: 'before' } },
  { short: 'C', long: 'context', value: true, does: { set: 'both' } },
  { short: 'e', long: 'regexp', value: true, does: { set: 'pattern' } },
  { short: 'E', long: 'extended-regexp', does: { set: 'syntax', syntax: 'extended' } },
  { short: 'F', long: 'fixed-strings', does: { set: 'syntax', syntax: 'fixed' } },
  { short: 'G', long: 'basic-regexp', does: { set: 'syntax', syntax: 'basic' } },
  { short: 'P', long: 'perl-regexp', does: { set: 'syntax', syntax: 'perl' } },
  ...flags(['i:ignore-case', 'y:'], { set: 'ignoreCase' }),
  ...flags(['w:word-regexp'], { set: 'word' }),
  ...flags(['x:line-regexp'], { set: 'line' }),
  { short: 'm', long: 'max-count', value: true, does: { set: 'none' } },
  { short: 'd', long: 'directories', value: true, does: { set: 'none' } },
  { short: 'D', long: 'devices', value: true, does: { set: 'none' } },
  { short: 'f', long: 'file', value: true, does: { set: 'unsupported' } },
  ...flags(
    [
      'v:invert-match',
      'o:only-matching',
      'c:count',
      'l:files-with-matches',
      'L:files-without-match',
      'q:quiet',
      ':silent',
      'n:line-number',
      'b:byte-offset',
      'H:with-filename',
      'r:recursive',
      'R:dereference-recursive',
      'z:null-data',
      'Z:null',
    ],
    { set: 'unsupported' },
  ),
  ...flags(['s:no-messages', 'h:no-filename', 'a:text', 'I:', 'U:binary', 'T:initial-tab', ':line-buffered', ':color', ':colour'], { set: 'none' }),
];

const GREP = new Set(['grep', 'egrep', 'fgrep']);
/** A redirection word (`2>/dev/null`, `>`), and one whose target is the next word. */
const REDIRECT = /^\d*(?:>>?|<|&>|>&)/;
const REDIRECT_ALONE = /^\d*(?:>>?|<|&>|>&)$/;

interface Parsed {
  patterns: string[];
  operands: string[];
  before: number;
  after: number;
  flags: GrepFlags;
}

/** Applies one option; false when the output is not plain context lines or a value is invalid. */
function apply(p: Parsed, does: Setting, value: string | undefined): boolean {
  if (does.set === 'unsupported') return false;
  if (does.set === 'before' || does.set === 'after' || does.set === 'both') {
    if (!/^\d+$/.test(value ?? '')) return false;
    const n = Number(value);
    if (does.set !== 'after') p.before = n;
    if (does.set !== 'before') p.after = n;
  } else if (does.set === 'pattern') p.patterns.push(value ?? '');
  else if (does.set === 'syntax') p.flags.syntax = does.syntax;
  else if (does.set !== 'none') p.flags[does.set] = true;
  return true;
}

/** Parses grep's words after the program name; undefined for options it does not know. */
function parseWords(words: readonly string[], syntax: GrepSyntax): Parsed | undefined {
  const p: Parsed = { patterns: [], operands: [], before: 0, after: 0, flags: { syntax, ignoreCase: false, word: false, line: false } };
  let operandsOnly = false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (operandsOnly || w === '-' || !w.startsWith('-')) {
      if (REDIRECT.test(w)) {
        if (REDIRECT_ALONE.test(w)) i++;
        continue;
      }
      p.operands.push(w);
    } else if (w === '--') operandsOnly = true;
    else if (w.startsWith('--')) {
      const [name, inline] = [w.slice(2).split('=')[0]!, w.includes('=') ? w.slice(w.indexOf('=') + 1) : undefined];
      const o = OPTIONS.find((x) => x.long === name);
      if (!o) return undefined;
      const value = o.value && inline === undefined ? words[++i] : inline;
      if (!apply(p, o.does, value)) return undefined;
    } else {
      // A cluster of short options: `-iC5`, `-A`, `-5` (context 5).
      for (let k = 1; k < w.length; k++) {
        const digits = /^\d+/.exec(w.slice(k))?.[0];
        if (digits) {
          apply(p, { set: 'both' }, digits);
          k += digits.length - 1;
          continue;
        }
        const o = OPTIONS.find((x) => x.short === w[k]);
        if (!o) return undefined;
        const value = o.value ? (k + 1 < w.length ? w.slice(k + 1) : words[++i]) : undefined;
        if (!apply(p, o.does, value)) return undefined;
        if (o.value) break;
      }
    }
  }
  return p;
}

/**
 * The grep context of a command whose last stage is grep with `-A`, `-B`, `-C`, `-NUM` or their
 * long forms (`kubectl get svc my-nginx -o yaml | grep nodePort -C 5`); undefined otherwise, and
 * when grep prints more than plain lines (`-n`, `-c`, several files) or its pattern cannot be read.
 */
export function grepContextOf(command: string | undefined): GrepContext | undefined {
  const commands = parseCommandLine(command ?? '').commands.filter((c) => c.inside.length === 0);
  const last = commands[commands.length - 1];
  if (!last || last.background) return undefined;
  const program = last.name;
  if (!GREP.has(program)) return undefined;
  const parsed = parseWords(
    last.args.map((w) => w.value),
    program === 'egrep' ? 'extended' : program === 'fgrep' ? 'fixed' : 'basic',
  );
  if (!parsed || (parsed.before === 0 && parsed.after === 0)) return undefined;
  const patterns = parsed.patterns.length > 0 ? parsed.patterns : parsed.operands.splice(0, 1);
  // With several files grep prefixes each line with its file name.
  if (patterns.length === 0 || parsed.operands.length > 1) return undefined;
  const hit = grepRegex(patterns, parsed.flags);
  return hit ? { hit, before: parsed.before, after: parsed.after } : undefined;
}
