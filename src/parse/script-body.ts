import { COMMAND_WORDS, firstProgramWord, parseCommandLine, type SimpleCommand } from '../shell/index.js';
import type { DocLine } from './source-text.js';

/**
 * Signs that a block of shell is the body of a script — what a file holds and a program runs with
 * arguments — not lines a reader types: a shebang, positional parameters (`$1`, `$@`, `$#`) read
 * at the top level, `shift`, `return` outside a function, or `exit N` / an `exit` inside a compound
 * (a reader who typed it would close the terminal). Each sign names what it found, for the reason
 * the block is not run. Test: test/parse/script-body.test.ts.
 */
export interface ScriptSign {
  name: 'shebang' | 'positional-parameter' | 'shift' | 'return' | 'exit' | 'not-shell';
  /** The text as written (`$1`, `exit 1`, `#!/bin/bash`). */
  text: string;
}

/** `$1`…`$9`, `${1}`, `$@`, `$*`, `$#` not escaped by a backslash. */
const POSITIONAL = /(?<!\\)\$(?:[1-9]|\{[1-9#@*]\}|[@*#])/;

/** Compounds in which an `exit` means a script's result, not a reader leaving a shell. */
const COMPOUNDS = new Set(['if', 'case', 'for', 'while', 'until', 'select', '{']);

/**
 * The first sign that the block is a script's body, or undefined. Heredoc bodies and single-quoted
 * text are data (`cat <<EOF >probe.sh`, `awk '{print $1}'`, `bash -c 'echo $1'`), and commands in a
 * function or a subshell are not the top level.
 */
export function scriptSign(lines: readonly DocLine[]): ScriptSign | undefined {
  const first = lines.find((l) => l.text.trim() !== '');
  if (first && /^#!\s*\/\S+/.test(first.text.trim())) return { name: 'shebang', text: first.text.trim() };
  const text = lines.map((l) => l.text).join('\n');
  const parsed = parseCommandLine(text);
  if (parsed.tolerant) {
    // Not shell at all (an AppArmor profile, a config file shown in a shell fence): bash cannot
    // read it, and its first word is no program a reader has.
    const line = lines.find((l) => l.text.trim() !== '' && !l.text.trim().startsWith('#'));
    const program = line ? firstProgramWord(line.text) : undefined;
    return line && program && !COMMAND_WORDS.has(program) && !/[/=$]/.test(program) ? { name: 'not-shell', text: line.text.trim() } : undefined;
  }
  for (const c of parsed.commands) {
    if (c.inside.includes('function') || c.inside.includes('(')) continue;
    const sign = commandSign(c);
    if (sign) return sign;
  }
  return undefined;
}

function commandSign(c: SimpleCommand): ScriptSign | undefined {
  for (const w of [...c.assignments, ...c.words]) {
    const raw = unquotedSingle(w.raw, w.singleQuoted);
    const m = POSITIONAL.exec(raw);
    if (m) return { name: 'positional-parameter', text: m[0] };
  }
  if (c.inside.includes('$(')) return undefined;
  const args = c.args.map((a) => a.value);
  if (c.name === 'shift' && c.prefixes.length === 0) return { name: 'shift', text: ['shift', ...args].join(' ') };
  if (c.name === 'return') return { name: 'return', text: ['return', ...args].join(' ') };
  if (c.name === 'exit' && (/^\d+$/.test(args[0] ?? '') || c.inside.some((e) => COMPOUNDS.has(e)))) {
    return { name: 'exit', text: ['exit', ...args].join(' ') };
  }
  return undefined;
}

/**
 * The raw word with its single-quoted spans and command substitutions blanked: `$1` is literal in
 * the first, and the commands of the second are read on their own (with their own quotes).
 */
function unquotedSingle(raw: string, single: Array<[number, number]>): string {
  let out = raw;
  for (const [a, b] of single) out = out.slice(0, a) + ' '.repeat(b - a) + out.slice(b);
  return withoutSubstitutions(out);
}

function withoutSubstitutions(text: string): string {
  let out = text.replace(/`[^`]*`/g, (m) => ' '.repeat(m.length));
  for (let start = out.indexOf('$('); start >= 0; start = out.indexOf('$(')) {
    let depth = 0;
    let end = start + 1;
    for (; end < out.length; end++) {
      if (out[end] === '(') depth++;
      else if (out[end] === ')' && --depth === 0) break;
    }
    out = out.slice(0, start) + ' '.repeat(Math.min(end, out.length - 1) - start + 1) + out.slice(end + 1);
  }
  return out;
}

/** Why a block with this sign is not run: it is a script the page quotes. */
export function scriptReason(sign: ScriptSign): string {
  const what: Record<ScriptSign['name'], string> = {
    shebang: `starts with the interpreter line \`${sign.text}\``,
    'positional-parameter': `reads the script's argument \`${sign.text}\``,
    shift: `shifts the script's arguments (\`${sign.text}\`)`,
    return: `returns from a script (\`${sign.text}\`)`,
    exit: `ends with a script's exit status (\`${sign.text}\`)`,
    'not-shell': `cannot be read by a shell, and \`${sign.text.split(/\s+/)[0]}\` is no program`,
  };
  if (sign.name === 'not-shell') return `the block is not lines to type: it ${what[sign.name]}`;
  return `the block is the body of a script the page quotes, not lines to type: it ${what[sign.name]}`;
}
