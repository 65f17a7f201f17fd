import type { Word, WordPart } from './ast.js';
import type { Vfs } from '../fs/vfs.js';
import { absPath } from '../fs/vfs.js';
import { arith } from './arith.js';

/** What word expansion needs from the shell. */
export interface ExpandScope {
  get(name: string): string | undefined;
  set(name: string, value: string): void;
  positional: string[];
  special(name: string): string | undefined;
  cmdsub(src: string): Promise<string>;
  vfs: Vfs;
  cwd: string;
  home: string;
  /** bash's brace expansion (`{a,b}`, `{1..3}`); POSIX shells leave braces alone. */
  braces?: boolean;
}

/** Thrown for `${x?msg}` and bad substitutions: the shell prints it and the command fails. */
export class ExpandError extends Error {}

interface Seg {
  s: string;
  quoted: boolean;
  /** A field break forced by "$@". */
  brk?: boolean;
}

/** Expands words into fields: parameter/command/arithmetic expansion, field splitting, globbing. */
export async function expandFields(words: Word[], sc: ExpandScope): Promise<string[]> {
  const out: string[] = [];
  for (const w of sc.braces ? words.flatMap(braceWords) : words) {
    const segs = await segments(w.parts, sc, false);
    for (const f of split(segs, sc.get('IFS') ?? ' \t\n')) {
      if (f.glob) {
        const hits = glob(f.pattern, sc.vfs, sc.cwd);
        if (hits.length) {
          out.push(...hits);
          continue;
        }
      }
      out.push(f.text);
    }
  }
  return out;
}

/** Expands a word to one string, without splitting or globbing (assignments, redirections). */
export async function expandString(w: Word, sc: ExpandScope): Promise<string> {
  const segs = await segments(w.parts, sc, false);
  return segs.map((s) => s.s).join('');
}

/** A pattern word for `case` and `${x#pat}`: quoted characters are escaped. */
export async function expandPattern(w: Word, sc: ExpandScope): Promise<string> {
  const segs = await segments(w.parts, sc, false);
  return segs.map((s) => (s.quoted ? s.s.replace(/[*?[\]\\]/g, '\\$&') : s.s)).join('');
}

async function segments(parts: WordPart[], sc: ExpandScope, inDq: boolean): Promise<Seg[]> {
  const segs: Seg[] = [];
  for (const p of parts) {
    switch (p.t) {
      case 'lit':
        segs.push({ s: p.v, quoted: inDq });
        break;
      case 'sq':
        segs.push({ s: p.v, quoted: true });
        break;
      case 'dq': {
        const inner = await segments(p.parts, sc, true);
        segs.push({ s: '', quoted: true }, ...inner);
        break;
      }
      case 'tilde':
        segs.push({ s: p.user ? `/home/${p.user}` : sc.home, quoted: true });
        break;
      case 'arith':
        segs.push({ s: String(arith(await expandString({ parts: new WordLexParts(p.expr).parts, raw: p.expr }, sc), sc)), quoted: inDq });
        break;
      case 'cmdsub':
        segs.push({ s: (await sc.cmdsub(p.src)).replace(/\n+$/, ''), quoted: inDq });
        break;
      case 'param': {
        if ((p.name === '@' || p.name === '*') && !p.op && !p.length) {
          if (inDq && p.name === '@') {
            sc.positional.forEach((a, i) => segs.push({ s: a, quoted: true, brk: i > 0 }));
          } else segs.push({ s: sc.positional.join(' '), quoted: inDq });
          break;
        }
        segs.push({ s: await param(p, sc), quoted: inDq });
        break;
      }
    }
  }
  return segs;
}

/** Parts of an arithmetic expression: only `$x` and `$(…)` expand inside it. */
class WordLexParts {
  parts: WordPart[];
  constructor(expr: string) {
    const parts: WordPart[] = [];
    const re = /\$\{?([A-Za-z_][A-Za-z0-9_]*|[0-9#?])\}?/g;
    let last = 0;
    for (let m = re.exec(expr); m; m = re.exec(expr)) {
      if (m.index > last) parts.push({ t: 'sq', v: expr.slice(last, m.index) });
      parts.push({ t: 'param', name: m[1]! });
      last = m.index + m[0].length;
    }
    if (last < expr.length) parts.push({ t: 'sq', v: expr.slice(last) });
    this.parts = parts;
  }
}

async function param(p: WordPart & { t: 'param' }, sc: ExpandScope): Promise<string> {
  const raw = lookup(p.name, sc);
  if (p.length) return String((raw ?? '').length);
  if (!p.op) return raw ?? '';
  const arg = async () => (p.arg ? expandString(p.arg, sc) : '');
  const unsetOrEmpty = p.op.startsWith(':') ? !raw : raw === undefined;
  switch (p.op) {
    case '-':
    case ':-':
      return unsetOrEmpty ? arg() : raw!;
    case '=':
    case ':=': {
      if (!unsetOrEmpty) return raw!;
      const v = await arg();
      sc.set(p.name, v);
      return v;
    }
    case '+':
    case ':+':
      return unsetOrEmpty ? '' : arg();
    case '?':
    case ':?':
      if (unsetOrEmpty) throw new ExpandError(`${p.name}: ${(await arg()) || 'parameter not set'}`);
      return raw!;
    case '#':
    case '##':
    case '%':
    case '%%': {
      const pat = p.arg ? await expandPattern(p.arg, sc) : '';
      const v = raw ?? '';
      const re = patternRegex(pat, p.op.length === 2);
      if (p.op.startsWith('#')) {
        const m = new RegExp(`^(?:${re})`, 's').exec(v);
        return m ? v.slice(m[0].length) : v;
      }
      for (let i = p.op.length === 2 ? 0 : v.length; p.op.length === 2 ? i <= v.length : i >= 0; i += p.op.length === 2 ? 1 : -1) {
        if (new RegExp(`^(?:${patternRegex(pat, true)})$`, 's').test(v.slice(i))) return v.slice(0, i);
      }
      return v;
    }
    case '/':
    case '//': {
      const a = await arg();
      const slash = a.indexOf('/');
      const pat = slash < 0 ? a : a.slice(0, slash);
      const rep = slash < 0 ? '' : a.slice(slash + 1);
      const re = new RegExp(patternRegex(pat, true), p.op === '//' ? 'g' : '');
      return (raw ?? '').replace(re, () => rep);
    }
    case ':': {
      const a = await arg();
      const [off, len] = a.split(':').map((x) => Number(x.trim()) || 0);
      const v = raw ?? '';
      const start = off! < 0 ? Math.max(0, v.length + off!) : off!;
      return a.includes(':') ? v.substr(start, len) : v.slice(start);
    }
  }
  return raw ?? '';
}

function lookup(name: string, sc: ExpandScope): string | undefined {
  if (/^[0-9]+$/.test(name)) return name === '0' ? sc.special('0') : sc.positional[Number(name) - 1];
  if (name.length === 1 && '?#$!-@*'.includes(name))
    return name === '#' ? String(sc.positional.length) : name === '@' || name === '*' ? sc.positional.join(' ') : sc.special(name);
  const element = /^([A-Za-z_]\w*)\[0\]$/.exec(name);
  return sc.get(name) ?? (element ? sc.get(element[1]!) : undefined);
}

interface Field {
  text: string;
  pattern: string;
  glob: boolean;
}

function split(segs: Seg[], ifs: string): Field[] {
  const fields: Field[] = [];
  let cur: Field | undefined;
  const push = () => {
    if (cur) fields.push(cur);
    cur = undefined;
  };
  const add = (s: string, quoted: boolean) => {
    cur ??= { text: '', pattern: '', glob: false };
    cur.text += s;
    if (quoted) cur.pattern += s.replace(/[*?[\]\\]/g, '\\$&');
    else {
      cur.pattern += s;
      if (/[*?[]/.test(s)) cur.glob = true;
    }
  };
  for (const seg of segs) {
    if (seg.brk) push();
    if (seg.quoted) {
      add(seg.s, true);
      continue;
    }
    // unquoted: split on IFS characters
    let piece = '';
    for (const ch of seg.s) {
      if (ifs.includes(ch)) {
        if (piece) add(piece, false);
        piece = '';
        push();
      } else piece += ch;
    }
    if (piece) add(piece, false);
  }
  push();
  return fields;
}

/** Converts a shell pattern (with `\` escapes) to a RegExp source; `greedy` picks `.*` vs `.*?`. */
export function patternRegex(pat: string, greedy = true): string {
  let re = '';
  for (let i = 0; i < pat.length; i++) {
    const c = pat[i]!;
    if (c === '\\') re += escapeRe(pat[++i] ?? '\\');
    else if (c === '*') re += greedy ? '.*' : '.*?';
    else if (c === '?') re += '.';
    else if (c === '[') {
      const end = pat.indexOf(']', i + 2);
      if (end < 0) re += '\\[';
      else {
        let cls = pat.slice(i + 1, end);
        if (cls.startsWith('!')) cls = '^' + cls.slice(1);
        re += `[${cls.replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else re += escapeRe(c);
  }
  return re;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** Matches a whole string against a shell pattern. */
export function matchPattern(pat: string, s: string): boolean {
  return new RegExp(`^(?:${patternRegex(pat)})$`, 's').test(s);
}

/** Expands a glob against the vfs; sorted matches, or [] when nothing matches. */
export function glob(pattern: string, vfs: Vfs, cwd: string): string[] {
  const absolute = pattern.startsWith('/');
  const segs = pattern.split('/').filter((s, i) => s || i === 0);
  let results: string[] = [absolute ? '/' : ''];
  for (const seg of segs.slice(absolute ? 1 : 0)) {
    if (!seg) continue;
    const next: string[] = [];
    const hasMeta = /(^|[^\\])[*?[]/.test(seg);
    for (const base of results) {
      const dir = absPath(base || '.', cwd);
      if (!hasMeta) {
        const lit = seg.replace(/\\(.)/g, '$1');
        const p = base === '/' ? `/${lit}` : base ? `${base}/${lit}` : lit;
        if (vfs.lookup(p, cwd, false)) next.push(p);
        continue;
      }
      const node = vfs.lookup(dir);
      if (node?.type !== 'dir') continue;
      for (const name of [...node.children.keys()].sort()) {
        if (name.startsWith('.') && !seg.startsWith('.')) continue;
        if (matchPattern(seg, name)) next.push(base === '/' ? `/${name}` : base ? `${base}/${name}` : name);
      }
    }
    results = next;
  }
  return results.filter((r) => r !== '/' && r !== '');
}

/** bash brace expansion on the unquoted text of a word. */
export function braceWords(w: Word): Word[] {
  for (const [i, p] of w.parts.entries()) {
    if (p.t !== 'lit') continue;
    const m = /\{([^{}\s]*)\}/.exec(p.v);
    if (!m) continue;
    const body = m[1]!;
    let alts: string[] | undefined;
    const range = /^(-?\d+|[a-zA-Z])\.\.(-?\d+|[a-zA-Z])(?:\.\.(-?\d+))?$/.exec(body);
    if (range) {
      const num = /\d/.test(range[1]!);
      const a = num ? Number(range[1]) : range[1]!.charCodeAt(0);
      const b = num ? Number(range[2]) : range[2]!.charCodeAt(0);
      const step = Math.abs(Number(range[3] ?? 1)) || 1;
      alts = [];
      for (let x = a; a <= b ? x <= b : x >= b; x += a <= b ? step : -step) {
        alts.push(num ? String(x) : String.fromCharCode(x));
        if (alts.length > 10_000) break;
      }
    } else if (body.includes(',')) alts = body.split(',');
    if (!alts) continue;
    const before = p.v.slice(0, m.index);
    const after = p.v.slice(m.index + m[0].length);
    return alts.flatMap((alt) => braceWords({ raw: w.raw, parts: [...w.parts.slice(0, i), { t: 'lit', v: before + alt + after }, ...w.parts.slice(i + 1)] }));
  }
  return [w];
}
