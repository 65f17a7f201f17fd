/** Thrown on a malformed arithmetic expression. */
export class ArithError extends Error {}

interface Vars {
  get(name: string): string | undefined;
  set(name: string, value: string): void;
}

const BIN: [string[], (a: number, b: number) => number][] = [
  [['||'], (a, b) => Number(a !== 0 || b !== 0)],
  [['&&'], (a, b) => Number(a !== 0 && b !== 0)],
  [['|'], (a, b) => a | b],
  [['^'], (a, b) => a ^ b],
  [['&'], (a, b) => a & b],
  [['==', '!='], () => 0],
  [['<=', '>=', '<', '>'], () => 0],
  [['<<', '>>'], () => 0],
  [['+', '-'], () => 0],
  [['*', '/', '%'], () => 0],
];

function apply(op: string, a: number, b: number): number {
  switch (op) {
    case '==':
      return Number(a === b);
    case '!=':
      return Number(a !== b);
    case '<=':
      return Number(a <= b);
    case '>=':
      return Number(a >= b);
    case '<':
      return Number(a < b);
    case '>':
      return Number(a > b);
    case '<<':
      return a << b;
    case '>>':
      return a >> b;
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
    case '%':
      if (b === 0) throw new ArithError('division by zero');
      return op === '/' ? Math.trunc(a / b) : a % b;
  }
  return BIN.find(([ops]) => ops.includes(op))![1](a, b);
}

/** Evaluates a shell arithmetic expression (integers; names read as variables; `=`, `++`, `+=`). */
export function arith(expr: string, vars: Vars): number {
  const toks = expr.match(/\s*(0x[0-9a-fA-F]+|\d+|[A-Za-z_][A-Za-z0-9_]*|\+\+|--|\+=|-=|\*=|\/=|==|!=|<=|>=|<<|>>|&&|\|\||[-+*/%()<>!~&|^=?:])/g) ?? [];
  const t = toks.map((s) => s.trim());
  if (t.join('') !== expr.replace(/\s+/g, '')) throw new ArithError(`arithmetic syntax error: "${expr.trim()}"`);
  let i = 0;
  const val = (name: string) => Number(vars.get(name) ?? 0) || 0;
  const assignExpr = (): number => {
    if (/^[A-Za-z_]/.test(t[i] ?? '') && ['=', '+=', '-=', '*=', '/='].includes(t[i + 1] ?? '')) {
      const name = t[i]!;
      const op = t[i + 1]!;
      i += 2;
      const r = assignExpr();
      const v = op === '=' ? r : apply(op[0]!, val(name), r);
      vars.set(name, String(v));
      return v;
    }
    return ternary();
  };
  const ternary = (): number => {
    const c = binary(0);
    if (t[i] === '?') {
      i++;
      const a = assignExpr();
      if (t[i++] !== ':') throw new ArithError('expected ":"');
      const b = assignExpr();
      return c ? a : b;
    }
    return c;
  };
  const binary = (level: number): number => {
    if (level >= BIN.length) return unary();
    let a = binary(level + 1);
    while (t[i] !== undefined && BIN[level]![0].includes(t[i]!)) {
      const op = t[i++]!;
      const b = binary(level + 1);
      a = apply(op, a, b);
    }
    return a;
  };
  const unary = (): number => {
    const tok = t[i];
    if (tok === '-') return (i++, -unary());
    if (tok === '+') return (i++, unary());
    if (tok === '!') return (i++, Number(unary() === 0));
    if (tok === '~') return (i++, ~unary());
    if (tok === '++' || tok === '--') {
      i++;
      const name = t[i++]!;
      const v = val(name) + (tok === '++' ? 1 : -1);
      vars.set(name, String(v));
      return v;
    }
    return primary();
  };
  const primary = (): number => {
    const tok = t[i++];
    if (tok === undefined) throw new ArithError('arithmetic syntax error');
    if (tok === '(') {
      const v = assignExpr();
      if (t[i++] !== ')') throw new ArithError('missing ")"');
      return v;
    }
    if (/^\d/.test(tok)) return Number(tok);
    if (/^[A-Za-z_]/.test(tok)) {
      const v = val(tok);
      if (t[i] === '++' || t[i] === '--') {
        vars.set(tok, String(v + (t[i] === '++' ? 1 : -1)));
        i++;
      }
      return v;
    }
    throw new ArithError(`arithmetic syntax error: "${expr.trim()}"`);
  };
  if (!t.length) return 0;
  const v = assignExpr();
  if (i < t.length) throw new ArithError(`arithmetic syntax error: "${expr.trim()}"`);
  return v | 0;
}
