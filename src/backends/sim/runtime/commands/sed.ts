import type { CommandFn } from '../shell/types.js';
import { has, lines, parseArgs, readInputs } from './util.js';
import { breToJs, ereToJs } from './regex.js';

type Addr = { line: number } | { last: true } | { re: RegExp };
interface SedCmd {
  a1?: Addr;
  a2?: Addr;
  neg: boolean;
  op: string;
  re?: RegExp;
  rep?: string;
  global?: boolean;
  print?: boolean;
  text?: string;
  inRange?: boolean;
}

/** Thrown for scripts this sed cannot parse; printed as sed's own error. */
class SedError extends Error {}

function parseScript(script: string, ere: boolean): SedCmd[] {
  const cmds: SedCmd[] = [];
  let i = 0;
  const toRe = (s: string, flags = '') => new RegExp(ere ? ereToJs(s) : breToJs(s), flags);
  const delimited = (d: string): string => {
    let out = '';
    for (; i < script.length && script[i] !== d; i++) {
      if (script[i] === '\\' && script[i + 1] === d) out += script[++i];
      else if (script[i] === '\\') out += script[i] + (script[++i] ?? '');
      else out += script[i];
    }
    if (script[i] !== d) throw new SedError(`-e expression #1, char ${i}: unterminated \`s' command`);
    i++;
    return out;
  };
  const addr = (): Addr | undefined => {
    if (/\d/.test(script[i] ?? '')) {
      const m = /^\d+/.exec(script.slice(i))![0];
      i += m.length;
      return { line: Number(m) };
    }
    if (script[i] === '$') return (i++, { last: true });
    if (script[i] === '/') {
      i++;
      return { re: toRe(delimited('/')) };
    }
    return undefined;
  };
  while (i < script.length) {
    while (/[\s;]/.test(script[i] ?? '')) i++;
    if (i >= script.length) break;
    const cmd: SedCmd = { neg: false, op: '' };
    cmd.a1 = addr();
    if (cmd.a1 && script[i] === ',') {
      i++;
      cmd.a2 = addr();
    }
    while (script[i] === ' ') i++;
    if (script[i] === '!') cmd.neg = !!++i;
    cmd.op = script[i++] ?? '';
    if (cmd.op === 's') {
      const d = script[i++]!;
      const pat = delimited(d);
      cmd.rep = delimited(d);
      let flags = '';
      while (/[gpiI0-9]/.test(script[i] ?? '')) flags += script[i++];
      cmd.global = flags.includes('g');
      cmd.print = flags.includes('p');
      cmd.re = toRe(pat, (cmd.global ? 'g' : '') + (/[iI]/.test(flags) ? 'i' : ''));
    } else if ('aic'.includes(cmd.op)) {
      const m = /^\\?\n?\s*([^\n;]*)/.exec(script.slice(i))!;
      cmd.text = m[1]!;
      i += m[0].length;
    } else if (!'pdqg='.includes(cmd.op) || !cmd.op) {
      throw new SedError(`-e expression #1, char ${i}: unknown command: \`${cmd.op}'`);
    }
    cmds.push(cmd);
  }
  return cmds;
}

function replacement(rep: string): (m: string, ...groups: unknown[]) => string {
  return (m, ...groups) =>
    rep.replace(/\\(\d)|\\n|\\(.)|&/g, (t, d: string | undefined, ch: string | undefined) => {
      if (t === '&') return m;
      if (d !== undefined) return String(groups[Number(d) - 1] ?? '');
      if (t === '\\n') return '\n';
      return ch ?? '';
    });
}

/** sed with s///gip, p, d, q, a/i/c, =, line/regex/$ addresses and ranges, -n -e -E -i. */
export const sed: CommandFn = (c) => {
  const p = parseArgs(c.argv.slice(1), ['e', 'f']);
  const scripts = p.values.get('e') ?? (p.operands.length ? [p.operands.shift()!] : []);
  let cmds: SedCmd[];
  try {
    cmds = parseScript(scripts.join('\n'), has(p, 'E', 'r'));
  } catch (e) {
    c.io.err(`sed: ${(e as Error).message}\n`);
    return 1;
  }
  const quiet = has(p, 'n');
  const run = (text: string): string => {
    const ls = lines(text);
    let out = '';
    const matches = (a: Addr, n: number, l: string) => ('line' in a ? a.line === n : 'last' in a ? n === ls.length : a.re.test(l));
    outer: for (let n = 1; n <= ls.length; n++) {
      let l = ls[n - 1]!;
      let after = '';
      for (const cmd of cmds) {
        let sel = true;
        if (cmd.a1 && !cmd.a2) sel = matches(cmd.a1, n, l);
        else if (cmd.a1 && cmd.a2) {
          if (cmd.inRange) {
            sel = true;
            if (matches(cmd.a2, n, l) || ('line' in cmd.a2 && n >= cmd.a2.line)) cmd.inRange = false;
          } else if (matches(cmd.a1, n, l)) {
            sel = true;
            cmd.inRange = !('line' in cmd.a2 && cmd.a2.line <= n);
          } else sel = false;
        }
        if (sel === cmd.neg) continue;
        switch (cmd.op) {
          case 's': {
            cmd.re!.lastIndex = 0;
            if (cmd.re!.test(l)) {
              cmd.re!.lastIndex = 0;
              l = l.replace(cmd.re!, replacement(cmd.rep!));
              if (cmd.print) out += l + '\n';
            }
            break;
          }
          case 'p':
            out += l + '\n';
            break;
          case 'd':
            continue outer;
          case '=':
            out += `${n}\n`;
            break;
          case 'a':
            after += cmd.text + '\n';
            break;
          case 'i':
            out += cmd.text + '\n';
            break;
          case 'c':
            out += cmd.text + '\n';
            continue outer;
          case 'q':
            if (!quiet) out += l + '\n';
            return out + after;
        }
      }
      if (!quiet) out += l + '\n';
      out += after;
    }
    return out;
  };
  if (has(p, 'i')) {
    let status = 0;
    for (const f of p.operands) {
      try {
        c.host.vfs.writeFile(f, run(c.host.vfs.readText(f, c.cwd)), { cwd: c.cwd });
      } catch (e) {
        c.io.err(`sed: can't read ${f}: ${(e as Error).message}\n`);
        status = 2;
      }
    }
    return status;
  }
  const r = readInputs(c, p.operands);
  c.io.out(run(Buffer.concat(r.data).toString()));
  return r.failed ? 2 : 0;
};
