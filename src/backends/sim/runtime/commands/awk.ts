import type { CommandFn } from '../shell/types.js';
import { formatPrintf } from '../shell/printf.js';
import { lines, readInputs } from './util.js';

/** A malformed program; printed as awk's syntax error. */
class AwkError extends Error {}

interface State {
  vars: Map<string, string | number>;
  fields: string[];
  out: string[];
  next: boolean;
}

type Expr = (s: State) => string | number;
type Stmt = (s: State) => void;

const num = (v: string | number) => (typeof v === 'number' ? v : Number.parseFloat(v) || 0);
const str = (v: string | number) => (typeof v === 'number' ? String(Number.isInteger(v) ? v : Number(v.toPrecision(6))) : v);
const isNum = (v: string | number) => typeof v === 'number' || /^\s*-?\d+(\.\d+)?\s*$/.test(v);

function tokenize(src: string): string[] {
  const re = /\s*("(?:\\.|[^"\\])*"|\/(?:\\.|[^/\\])+\/|\d+(?:\.\d+)?|[A-Za-z_]\w*|\+\+|--|\+=|-=|==|!=|<=|>=|&&|\|\||!~|[{}()$;,<>+\-*/%!~=?:\n])/gy;
  const out: string[] = [];
  let m: RegExpExecArray | null;
  while (re.lastIndex < src.length && (m = re.exec(src))) out.push(m[1]!);
  if (src.slice(re.lastIndex).trim()) throw new AwkError(`syntax error at source line 1 near ${src.slice(re.lastIndex, re.lastIndex + 10)}`);
  return out;
}

function compile(src: string) {
  const t = tokenize(src);
  let i = 0;
  const peek = () => t[i];
  const eat = (v?: string) => {
    const x = t[i++];
    if (v !== undefined && x !== v) throw new AwkError(`syntax error: expected ${v} near ${x ?? 'end of program'}`);
    return x!;
  };
  const skipNl = () => {
    while (peek() === '\n' || peek() === ';') i++;
  };
  const field = (n: number, s: State) => (n === 0 ? s.fields.slice(1).join(' ') || (s.fields[0] ?? '') : (s.fields[n] ?? ''));
  const getVar =
    (name: string): Expr =>
    (s) =>
      name === 'NF' ? s.fields.length - 1 : (s.vars.get(name) ?? '');
  const primary = (): Expr => {
    const x = eat();
    if (x === '(') {
      const e = expr();
      eat(')');
      return e;
    }
    if (x === '$') {
      const e = primary();
      return (s) => (num(e(s)) === 0 ? (s.fields[0] ?? '') : field(num(e(s)), s));
    }
    if (x === '-') {
      const e = primary();
      return (s) => -num(e(s));
    }
    if (x === '!') {
      const e = primary();
      return (s) => Number(!truthy(e(s)));
    }
    if (/^\d/.test(x)) return () => Number(x);
    if (x.startsWith('"')) {
      const v = JSON.parse(x.replace(/\\\//g, '/')) as string;
      return () => v;
    }
    if (x.startsWith('/')) {
      const re = new RegExp(x.slice(1, -1));
      return (s) => Number(re.test(s.fields[0] ?? ''));
    }
    if (x === 'length' && peek() !== '(') return (s) => (s.fields[0] ?? '').length;
    if (/^[A-Za-z_]/.test(x)) {
      if (peek() === '(') {
        eat('(');
        const args: Expr[] = [];
        while (peek() !== ')') {
          args.push(expr());
          if (peek() === ',') eat(',');
        }
        eat(')');
        const fns: Record<string, (a: (string | number)[]) => string | number> = {
          length: (a) => str(a[0] ?? '').length,
          substr: (a) => str(a[0]!).substr(num(a[1]!) - 1, a[2] === undefined ? undefined : num(a[2])),
          toupper: (a) => str(a[0]!).toUpperCase(),
          tolower: (a) => str(a[0]!).toLowerCase(),
          index: (a) => str(a[0]!).indexOf(str(a[1]!)) + 1,
          int: (a) => Math.trunc(num(a[0]!)),
        };
        const fn = fns[x];
        if (!fn) throw new AwkError(`calling undefined function ${x}`);
        return (s) => fn(args.length ? args.map((a) => a(s)) : [s.fields[0] ?? '']);
      }
      const v = getVar(x);
      if (peek() === '++' || peek() === '--') {
        const d = eat() === '++' ? 1 : -1;
        return (s) => {
          const old = num(v(s));
          s.vars.set(x, old + d);
          return old;
        };
      }
      return v;
    }
    throw new AwkError(`syntax error near ${x}`);
  };
  const truthy = (v: string | number) => (typeof v === 'number' ? v !== 0 : v !== '');
  const binary = (ops: string[], next: () => Expr, f: (op: string, a: string | number, b: string | number) => string | number) => (): Expr => {
    let left = next();
    while (ops.includes(peek() ?? '')) {
      const op = eat();
      const l = left;
      const r = next();
      left = (s) => f(op, l(s), r(s));
    }
    return left;
  };
  const mul = binary(['*', '/', '%'], primary, (op, a, b) => (op === '*' ? num(a) * num(b) : op === '/' ? num(a) / num(b) : num(a) % num(b)));
  const add = binary(['+', '-'], mul, (op, a, b) => (op === '+' ? num(a) + num(b) : num(a) - num(b)));
  const concat = (): Expr => {
    let left = add();
    while (peek() !== undefined && /^(["$(\d]|[A-Za-z_])/.test(peek()!) && !['in'].includes(peek()!)) {
      const l = left;
      const r = add();
      left = (s) => str(l(s)) + str(r(s));
    }
    return left;
  };
  const cmp = binary(['==', '!=', '<', '>', '<=', '>=', '~', '!~'], concat, (op, a, b) => {
    if (op === '~' || op === '!~') return Number(new RegExp(str(b).replace(/^\/|\/$/g, '')).test(str(a)) === (op === '~'));
    const [x, y] = isNum(a) && isNum(b) ? [num(a), num(b)] : [str(a), str(b)];
    return Number(op === '==' ? x === y : op === '!=' ? x !== y : op === '<' ? x < y : op === '>' ? x > y : op === '<=' ? x <= y : x >= y);
  });
  const and = binary(['&&'], cmp, (_o, a, b) => Number(truthy(a) && truthy(b)));
  const or = binary(['||'], and, (_o, a, b) => Number(truthy(a) || truthy(b)));
  function expr(): Expr {
    if (/^[A-Za-z_]\w*$/.test(peek() ?? '') && ['=', '+=', '-='].includes(t[i + 1] ?? '')) {
      const name = eat();
      const op = eat();
      const e = expr();
      return (s) => {
        const v = op === '=' ? e(s) : num(s.vars.get(name) ?? 0) + (op === '+=' ? 1 : -1) * num(e(s));
        s.vars.set(name, v);
        return v;
      };
    }
    return or();
  }
  const statement = (): Stmt => {
    const x = peek();
    if (x === 'print' || x === 'printf') {
      eat();
      const args: Expr[] = [];
      while (peek() !== undefined && !['}', ';', '\n'].includes(peek()!)) {
        args.push(expr());
        if (peek() === ',') eat(',');
      }
      if (x === 'printf')
        return (s) =>
          void s.out.push(
            formatPrintf(
              str(args[0]?.(s) ?? ''),
              args.slice(1).map((a) => str(a(s))),
            ).text,
          );
      return (s) => void s.out.push((args.length ? args.map((a) => str(a(s))).join(String(s.vars.get('OFS') ?? ' ')) : (s.fields[0] ?? '')) + '\n');
    }
    if (x === 'next') {
      eat();
      return (s) => void (s.next = true);
    }
    const e = expr();
    return (s) => void e(s);
  };
  const block = (): Stmt[] => {
    eat('{');
    const out: Stmt[] = [];
    skipNl();
    while (peek() !== '}') {
      out.push(statement());
      skipNl();
    }
    eat('}');
    return out;
  };
  const rules: { kind: 'BEGIN' | 'END' | 'main'; pattern?: Expr; body?: Stmt[] }[] = [];
  skipNl();
  while (i < t.length) {
    if (peek() === 'BEGIN' || peek() === 'END') rules.push({ kind: eat() as 'BEGIN', body: block() });
    else {
      const pattern = peek() === '{' ? undefined : expr();
      rules.push({ kind: 'main', pattern, body: peek() === '{' ? block() : undefined });
    }
    skipNl();
  }
  return { rules, truthy };
}

/** awk: patterns, print/printf, fields, -F, -v, BEGIN/END, common string functions. */
export const awk: CommandFn = (c) => {
  const args = c.argv.slice(1);
  let fs: string | undefined;
  const vars = new Map<string, string | number>([['OFS', ' ']]);
  while (args.length && args[0]!.startsWith('-') && args[0] !== '-') {
    const a = args.shift()!;
    if (a.startsWith('-F')) fs = a.length > 2 ? a.slice(2) : args.shift();
    else if (a.startsWith('-v')) {
      const kv = a.length > 2 ? a.slice(2) : (args.shift() ?? '');
      vars.set(kv.split('=')[0]!, kv.slice(kv.indexOf('=') + 1));
    }
  }
  const src = args.shift();
  if (src === undefined) {
    c.io.err('usage: awk [-F fs][-v var=value][prog | -f progfile][file ...]\n');
    return 2;
  }
  let prog: ReturnType<typeof compile>;
  try {
    prog = compile(src);
  } catch (e) {
    c.io.err(`awk: ${(e as Error).message}\n`);
    return 2;
  }
  const r = readInputs(c, args);
  const s: State = { vars, fields: [], out: [], next: false };
  const split = (l: string) => (fs === undefined || fs === ' ' ? l.trim().split(/\s+/).filter(Boolean) : l.split(fs.length === 1 ? fs : new RegExp(fs)));
  const run = (kind: 'BEGIN' | 'END' | 'main') => {
    for (const rule of prog.rules.filter((x) => x.kind === kind)) {
      if (s.next) break;
      if (rule.pattern && !prog.truthy(rule.pattern(s))) continue;
      if (!rule.body) s.out.push((s.fields[0] ?? '') + '\n');
      else for (const st of rule.body) if (!s.next) st(s);
    }
  };
  try {
    run('BEGIN');
    let nr = 0;
    for (const l of lines(Buffer.concat(r.data).toString())) {
      s.vars.set('NR', ++nr);
      s.fields = [l, ...split(l)];
      s.next = false;
      run('main');
    }
    s.next = false;
    run('END');
  } catch (e) {
    c.io.err(`awk: ${(e as Error).message}\n`);
    return 2;
  }
  c.io.out(s.out.join(''));
  return r.failed ? 2 : 0;
};
