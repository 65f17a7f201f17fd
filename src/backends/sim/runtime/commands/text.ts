import type { CommandFn } from '../shell/types.js';
import { has, isBusybox, lines, opt, parseArgs, readInputs } from './util.js';
import { sed } from './sed.js';

const cat: CommandFn = (c) => {
  const p = parseArgs(c.argv.slice(1));
  const r = readInputs(c, p.operands);
  let text = Buffer.concat(r.data);
  if (has(p, 'n'))
    text = Buffer.from(
      lines(text.toString())
        .map((l, i) => `${String(i + 1).padStart(6)}\t${l}\n`)
        .join(''),
    );
  c.io.out(text);
  return r.failed ? 1 : 0;
};

function headTail(tail: boolean): CommandFn {
  return (c) => {
    const args = c.argv.slice(1).map((a) => (/^-\d+$/.test(a) ? `-n${a.slice(1)}` : a));
    const p = parseArgs(args, ['n', 'c', 'lines', 'bytes']);
    const r = readInputs(c, p.operands, 'reading');
    const nRaw = opt(p, 'n', 'lines') ?? '10';
    const bytes = opt(p, 'c', 'bytes');
    r.data.forEach((d, i) => {
      if (r.data.length > 1) c.io.out(`${i ? '\n' : ''}==> ${r.names[i] === '-' ? 'standard input' : r.names[i]} <==\n`);
      if (bytes !== undefined) {
        const n = Number(bytes);
        c.io.out(tail ? d.subarray(Math.max(0, d.length - n)) : d.subarray(0, n));
        return;
      }
      const text = d.toString();
      const ls = text.split('\n');
      const trailing = text.endsWith('\n');
      if (trailing) ls.pop();
      let pick: string[];
      if (tail) pick = nRaw.startsWith('+') ? ls.slice(Number(nRaw.slice(1)) - 1) : ls.slice(Math.max(0, ls.length - Number(nRaw)));
      else pick = nRaw.startsWith('-') ? ls.slice(0, Math.max(0, ls.length - Number(nRaw.slice(1)))) : ls.slice(0, Number(nRaw));
      const lastIncluded = tail || pick.length === ls.length;
      c.io.out(pick.join('\n') + (pick.length && (trailing || !lastIncluded) ? '\n' : ''));
    });
    return r.failed ? 1 : 0;
  };
}

const wc: CommandFn = (c) => {
  const p = parseArgs(c.argv.slice(1));
  const r = readInputs(c, p.operands);
  const want = ['l', 'w', 'c', 'm'].filter((f) => p.flags.has(f));
  const cols = want.length ? want : ['l', 'w', 'c'];
  const rows = r.data.map((d, i) => {
    const s = d.toString();
    const counts: Record<string, number> = { l: (s.match(/\n/g) ?? []).length, w: s.split(/\s+/).filter(Boolean).length, c: d.length, m: [...s].length };
    return { counts, name: r.names[i] === '-' ? '' : r.names[i]! };
  });
  if (rows.length > 1) {
    const total: Record<string, number> = {};
    for (const k of cols) total[k] = rows.reduce((a, row) => a + row.counts[k]!, 0);
    rows.push({ counts: total, name: 'total' });
  }
  const fromStdin = rows.length === 1 && !rows[0]!.name;
  const width = cols.length === 1 && rows.length === 1 ? 0 : fromStdin ? 7 : Math.max(...rows.flatMap((row) => cols.map((k) => String(row.counts[k]).length)));
  for (const row of rows) {
    const nums = cols.map((k) => String(row.counts[k]).padStart(width)).join(' ');
    c.io.out(`${nums}${row.name ? ` ${row.name}` : ''}\n`);
  }
  return r.failed ? 1 : 0;
};

const sort: CommandFn = (c) => {
  const p = parseArgs(c.argv.slice(1), ['k', 't', 'o']);
  const r = readInputs(c, p.operands);
  let ls = lines(Buffer.concat(r.data).toString());
  const sep = opt(p, 't');
  const key = opt(p, 'k');
  const field = (l: string) => {
    if (!key) return l;
    const n = parseInt(key, 10) - 1;
    const parts = sep ? l.split(sep) : l.trim().split(/\s+/);
    return parts.slice(n).join(sep ?? ' ');
  };
  const numeric = has(p, 'n', 'h') || /n/.test(key ?? '');
  ls.sort((a, b) => {
    const fa = field(a);
    const fb = field(b);
    if (numeric) return (parseFloat(fa) || 0) - (parseFloat(fb) || 0) || (a < b ? -1 : a > b ? 1 : 0);
    const ka = has(p, 'f') ? fa.toLowerCase() : fa;
    const kb = has(p, 'f') ? fb.toLowerCase() : fb;
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
  if (has(p, 'r')) ls.reverse();
  if (has(p, 'u')) ls = ls.filter((l, i) => i === 0 || l !== ls[i - 1]);
  c.io.out(ls.map((l) => l + '\n').join(''));
  return r.failed ? 2 : 0;
};

const uniq: CommandFn = (c) => {
  const p = parseArgs(c.argv.slice(1));
  const r = readInputs(c, p.operands.slice(0, 1));
  const ls = lines(Buffer.concat(r.data).toString());
  const groups: { line: string; n: number }[] = [];
  for (const l of ls) {
    const last = groups[groups.length - 1];
    if (last && (has(p, 'i') ? last.line.toLowerCase() === l.toLowerCase() : last.line === l)) last.n++;
    else groups.push({ line: l, n: 1 });
  }
  for (const g of groups) {
    if (has(p, 'd') && g.n < 2) continue;
    if (has(p, 'u') && g.n > 1) continue;
    c.io.out(has(p, 'c') ? `${String(g.n).padStart(7)} ${g.line}\n` : `${g.line}\n`);
  }
  return r.failed ? 1 : 0;
};

function ranges(spec: string): (i: number) => boolean {
  const parts = spec.split(',').map((s) => {
    const [a, b] = s.split('-');
    const lo = a ? Number(a) : 1;
    const hi = s.includes('-') ? (b ? Number(b) : Infinity) : lo;
    return [lo, hi] as const;
  });
  return (i) => parts.some(([lo, hi]) => i >= lo && i <= hi);
}

const cut: CommandFn = (c) => {
  const p = parseArgs(c.argv.slice(1), ['d', 'f', 'c', 'b']);
  const r = readInputs(c, p.operands);
  const d = opt(p, 'd') ?? '\t';
  const f = opt(p, 'f');
  const ch = opt(p, 'c') ?? opt(p, 'b');
  if (!f && !ch) {
    c.io.err(
      isBusybox(c)
        ? 'cut: expected a list of bytes, characters, or fields\n'
        : "cut: you must specify a list of bytes, characters, or fields\nTry 'cut --help' for more information.\n",
    );
    return 1;
  }
  for (const l of lines(Buffer.concat(r.data).toString())) {
    if (ch) {
      const sel = ranges(ch);
      c.io.out([...l].filter((_, i) => sel(i + 1)).join('') + '\n');
      continue;
    }
    if (!l.includes(d)) {
      if (!has(p, 's')) c.io.out(l + '\n');
      continue;
    }
    const sel = ranges(f!);
    c.io.out(
      l
        .split(d)
        .filter((_, i) => sel(i + 1))
        .join(d) + '\n',
    );
  }
  return r.failed ? 1 : 0;
};

function trSet(s: string): string {
  const classes: Record<string, string> = {
    '[:lower:]': 'abcdefghijklmnopqrstuvwxyz',
    '[:upper:]': 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
    '[:digit:]': '0123456789',
    '[:space:]': ' \t\n\r\v\f',
    '[:alpha:]': 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ',
    '[:alnum:]': 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789',
  };
  let t = s;
  for (const [k, v] of Object.entries(classes)) t = t.split(k).join(v);
  t = t.replace(/\\n/g, '\n').replace(/\\t/g, '\t').replace(/\\r/g, '\r').replace(/\\\\/g, '\\');
  let out = '';
  for (let i = 0; i < t.length; i++) {
    if (t[i + 1] === '-' && i + 2 < t.length) {
      for (let x = t.charCodeAt(i); x <= t.charCodeAt(i + 2); x++) out += String.fromCharCode(x);
      i += 2;
    } else out += t[i];
  }
  return out;
}

const tr: CommandFn = (c) => {
  const p = parseArgs(c.argv.slice(1));
  const input = c.io.stdin.readAll().toString();
  const a = trSet(p.operands[0] ?? '');
  const b = trSet(p.operands[1] ?? '');
  let out: string;
  if (has(p, 'd')) out = [...input].filter((ch) => !a.includes(ch)).join('');
  else if (has(p, 's') && !b) out = [...input].filter((ch, i, arr) => !(a.includes(ch) && arr[i - 1] === ch)).join('');
  else out = [...input].map((ch) => (a.includes(ch) ? (b[Math.min(a.indexOf(ch), b.length - 1)] ?? ch) : ch)).join('');
  c.io.out(out);
  return 0;
};

const tee: CommandFn = (c) => {
  const p = parseArgs(c.argv.slice(1));
  const data = c.io.stdin.readAll();
  let status = 0;
  for (const f of p.operands) {
    try {
      c.host.vfs.writeFile(f, data, { append: has(p, 'a'), cwd: c.cwd });
    } catch (e) {
      c.io.err(`tee: ${f}: ${(e as Error).message}\n`);
      status = 1;
    }
  }
  c.io.out(data);
  return status;
};

const base64: CommandFn = (c) => {
  const p = parseArgs(c.argv.slice(1), ['w']);
  const r = readInputs(c, p.operands);
  const data = Buffer.concat(r.data);
  if (has(p, 'd', 'decode')) {
    c.io.out(Buffer.from(data.toString().replace(/\s+/g, ''), 'base64'));
    return r.failed ? 1 : 0;
  }
  const enc = data.toString('base64');
  const w = Number(opt(p, 'w') ?? 76);
  c.io.out((w > 0 ? (enc.match(new RegExp(`.{1,${w}}`, 'g')) ?? []) : [enc]).join('\n') + (enc ? '\n' : ''));
  return r.failed ? 1 : 0;
};

/** Text filters. */
export const textCommands: Record<string, CommandFn> = {
  cat,
  head: headTail(false),
  tail: headTail(true),
  wc,
  sort,
  uniq,
  cut,
  tr,
  tee,
  base64,
  sed,
};
